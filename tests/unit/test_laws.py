"""The law catalogue (generator/laws.py): the wording in force on the 公表日, and a broken catalogue
file reported where it is broken, in `pia check` and in the parallel `pia build` alike."""
from __future__ import annotations

import shutil
from datetime import date

from conftest import ROOT

from generator.build import build, check, discover
from generator.read.laws import Catalogue

GOOD = """\
国民年金:
  説明: 番号法 別表
  文言:
    - 施行日: 平成27年10月5日
      本文: 別表第一の31の項
    - 施行日: 令和6年5月27日
      本文: 別表第46項
"""
BROKEN = """\
国民年金_個人番号の利用:
  説明: 番号法 別表
  文言:
    - 施行日: 令和6年2月30日
      本文: 別表第46項
    - 本文: 別表第一の31の項
  備考: 余計
"""
BROKEN_ERRORS = [
    "specs/laws/番号法.yaml:4:12: エラー: 施行日「令和6年2月30日」は実在する和暦の日付ではありません（例: 令和6年5月27日）",
    "specs/laws/番号法.yaml:6:7: エラー: 「施行日」を記載してください",
    "specs/laws/番号法.yaml:7:3: エラー: 「備考」という項目は法令ファイルにありません（法令ファイルにない項目です）",
]


def test_the_wording_in_force_on_the_publication_day(tmp_path):
    (tmp_path / "番号法.yaml").write_text(GOOD, encoding="utf-8")
    laws = Catalogue(tmp_path)
    assert laws.wording("番号法/国民年金", date(2024, 5, 26)) == ("別表第一の31の項", "")
    assert laws.wording("番号法/国民年金", date(2024, 5, 27)) == ("別表第46項", "")
    assert laws.wording("番号法/国民年金", date(2015, 1, 1))[0] is None
    assert laws.wording("番号法/ない", None) == (None, "法令「番号法/ない」が specs/laws/ にありません")
    assert laws.errors == []


def _project(tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    (specs / "laws" / "番号法.yaml").write_text(BROKEN, encoding="utf-8")
    return specs


def test_a_broken_catalogue_is_reported_where_it_is_broken(tmp_path, monkeypatch):
    specs = _project(tmp_path)
    monkeypatch.chdir(tmp_path)                       # paths are shown relative to the working folder
    for result in (check(discover(specs), specs), build(discover(specs), specs, tmp_path / "out", jobs=2)):
        errors = [error.format() for error in result.errors if not error.warning]
        assert errors[:3] == BROKEN_ERRORS                         # once each, though two processes read it
        assert [e.split(": エラー: ")[1] for e in errors[3:]] == \
            ["「共通記載」法令「番号法/国民年金_個人番号の利用」の法令ファイル specs/laws/番号法.yaml に誤りがあります"
             "（specs/laws/ の法令と施行日を確認してください）"] * 2
        assert {e.split(":")[0] for e in errors[3:]} == {"specs/いわき市/国民年金事務.yaml"}
    assert not (tmp_path / "out" / "いわき市" / "国民年金事務.html").exists()
    assert (tmp_path / "out" / "旭川市" / "国民年金に関する事務.html").exists()   # the others still build
