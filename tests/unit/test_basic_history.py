"""変更箇所, pia changes and pia diff for the 基礎項目評価書 of a 重点/全項目 spec (issue 16, part 5): its
own （別添）変更箇所, from its items; an item both documents print changes both tables, one only the
基礎 prints (in the spec's 基礎項目評価書 part) only the 基礎's."""
from __future__ import annotations

import copy
import shutil
import subprocess

from conftest import ROOT
from running import pia_without_crash

from generator.build import Stage, library, read_spec
from generator.history.changes import tables
from generator.history.review import Pair, tables_yaml, text_diff
from generator.history.versions import Version

SPECS = ROOT / "tests" / "scenarios" / "kiso_derived" / "specs"
SPEC = SPECS / "x" / "spec.yaml"
DAY = "令和7年6月2日"
BASIC = ("基礎項目評価書",)            # where the 基礎's table is kept: the spec's part


def _version():
    reading = read_spec(SPEC, library(SPECS), SPECS, Stage.VALIDATE)
    return reading.form, reading.data


def _tables(edit):
    form, old = _version()
    new = copy.deepcopy(old)
    edit(new)
    return {table.at: [(row.item, row.before, row.after, row.timing) for row in table.rows]
            for table in tables(form, old, new, DAY)}


def test_an_item_both_documents_print_changes_both_tables():
    found = _tables(lambda data: data["基本情報"]["評価実施機関における担当部署"].__setitem__("部署", "こども課"))
    assert found[()] == [("Ⅰ 基本情報 ６．評価実施機関における担当部署 ①部署", "こども家庭課", "こども課", "事後")]
    assert found[BASIC] == [("Ⅰ 関連情報 ５．評価実施機関における担当部署 ①部署", "こども家庭課", "こども課", "事後")]


def test_an_item_only_the_basic_prints_changes_its_table_only():
    def edit(data):
        data["基礎項目評価書"]["しきい値判断項目"]["対象人数"]["いつ時点の計数か"] = "令和7年5月1日"
    found = _tables(edit)
    assert found[()] == []
    assert found[BASIC] == [("Ⅱ しきい値判断項目 １．対象人数 いつ時点の計数か", "令和7年4月1日", "令和7年5月1日", "事後")]


def test_a_risk_answer_changes_the_basic_as_the_least_assured_answer_of_the_files():
    def edit(data):
        data["特定個人情報ファイル"][1]["リスク対策"]["特定個人情報の入手"]["リスク"]["リスクへの対策は十分か"] = "十分である"
    found = _tables(edit)
    assert [row[0].split(" ")[-1] for row in found[()]] == ["リスクへの対策は十分か"]
    assert found[BASIC] == [("Ⅳ リスク対策 ２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。） "
                             "目的外の入手が行われるリスクへの対策は十分か", "課題が残されている", "十分である", "事後")]


def test_an_item_only_the_document_prints_changes_its_table_only():
    found = _tables(lambda data: data["開示請求、問合せ"]["特定個人情報の開示・訂正・利用停止請求"]
                    .__setitem__("請求方法", "郵送"))
    assert len(found[()]) == 1 and found[BASIC] == []


def test_the_rows_to_paste_say_where_the_basics_go():
    form, old = _version()
    new = copy.deepcopy(old)
    new["基本情報"]["他の評価実施機関"] = "テスト県"
    text = tables_yaml(tables(form, old, new, DAY))
    document, basic = text.split("---\n")
    assert document.startswith("  - 変更日: 令和7年6月2日\n    項目: Ⅰ 基本情報 ７．他の評価実施機関\n")
    assert basic.startswith("# 基礎項目評価書: の 変更箇所:\n"
                            "  - 変更日: 令和7年6月2日\n    項目: Ⅰ 関連情報 ６．他の評価実施機関\n")


def test_the_review_diff_shows_the_basic_too():
    form, old = _version()
    new = copy.deepcopy(old)
    new["基本情報"]["特定個人情報ファイルを取り扱う事務"]["事務の名称"] = "児童扶養手当に関する事務"
    text = text_diff(Pair("x.yaml", Version(form, old), Version(form, new)))
    assert "## x.yaml\n" in text and "## x.yaml（基礎項目評価書）\n" in text
    assert "### Ⅰ 関連情報 １．特定個人情報ファイルを取り扱う事務 ①事務の名称\n" in text


def test_changes_write_appends_the_basics_rows_to_its_part_and_the_spec_passes(tmp_path):
    shutil.copytree(SPECS, tmp_path / "specs")
    spec = tmp_path / "specs" / "x" / "spec.yaml"
    shutil.copy(spec, tmp_path / "old.yaml")
    spec.write_text(spec.read_text(encoding="utf-8").replace("所属長の役職名: こども家庭課長", "所属長の役職名: こども家庭部長"),
                    encoding="utf-8")
    run = pia_without_crash(tmp_path, "changes", "old.yaml", "specs/x/spec.yaml", "--write")
    assert run.stderr == "specs/x/spec.yaml の変更箇所に1行、基礎項目評価書の変更箇所に1行を追記しました\n"
    assert spec.read_text(encoding="utf-8").endswith(
        "  変更箇所:\n    - 変更日: 令和7年6月2日\n      項目: Ⅰ 関連情報 ５．評価実施機関における担当部署 ②所属長の役職名\n"
        "      変更前の記載: こども家庭課長\n      変更後の記載: こども家庭部長\n      提出時期: 事後\n"
        "      提出時期に係る説明: その他の項目の変更であり、事前の提出・公表が義務付けられない。\n")
    assert pia_without_crash(tmp_path, "check").returncode == 0


def test_pia_diff_between_git_revisions_covers_the_basic(tmp_path):
    shutil.copytree(SPECS, tmp_path / "specs")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v1"]):
        subprocess.run(git + command, cwd=tmp_path, check=True)
    spec = tmp_path / "specs" / "x" / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("いつ時点の計数か: 令和7年4月1日\n    取扱者数:",
                                                             "いつ時点の計数か: 令和7年5月1日\n    取扱者数:"), encoding="utf-8")
    run = pia_without_crash(tmp_path, "diff", "--from", "HEAD")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("## specs/x/spec.yaml（基礎項目評価書）\n\n"
                                 "### Ⅱ しきい値判断項目 １．対象人数 いつ時点の計数か\n")
    assert "-令和7年4月1日\n+令和7年5月1日" in run.stdout
