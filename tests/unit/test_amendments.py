"""Amendment files (generator/amendments.py) are checked like specs before `pia amend` uses them:
every problem at once, located, in Japanese; never a traceback."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from generator.history.amendments import load_amendment

BROKEN = """\
名称: 改正
施行日: 令和7年2月30日
様式の版: {前: 平成30年5月, 後: 令和8年}
置換:
  - 前: 別表第一
    後: 別表
チェックの置換:
  - 項目: 主な記録項目
    前: 4情報
    後:
変更箇所: {提出時期: 事中, 説明: 軽微}
"""
EXPECTED = [
    "2:6: エラー: 施行日「令和7年2月30日」は実在する和暦の日付ではありません（例: 令和6年5月27日）",
    "3:23: エラー: 「後」の値「令和8年」は選択肢にありません（選択肢: 平成26年4月／平成30年5月／平成30年5月（5情報））",
    "5:5: エラー: 「項目」を記載してください",
    "8:9: エラー: 「項目」には一覧（- で始まる項目）を記載してください",
    "10:7: エラー: 「後」を記載してください",
    "11:14: エラー: 「提出時期」の値「事中」は選択肢にありません（選択肢: 事前／事後。もしかして「事後」）",
    "11:18: エラー: 「説明」という項目は改正ファイルにありません（改正ファイルにない項目です）",
]


@pytest.mark.parametrize("path", sorted((ROOT / "specs" / "amendments").glob("*.yaml")), ids=lambda p: p.name)
def test_the_committed_amendments_are_valid(path):
    amendment, errors = load_amendment(path)
    assert errors == [] and amendment["名称"]


def test_a_broken_amendment_lists_every_problem_located(tmp_path):
    path = tmp_path / "改正.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    amendment, errors = load_amendment(path)
    assert amendment is None
    assert [error.format().split(".yaml:", 1)[1] for error in errors] == EXPECTED


@pytest.mark.parametrize("text", [BROKEN, "- 一覧\n", "名称: x\n置換: 文字\n", "名称: [\n"])
def test_pia_amend_refuses_a_broken_amendment_without_touching_specs(tmp_path, text):
    (tmp_path / "specs").mkdir()
    spec = tmp_path / "specs" / "x.yaml"
    spec.write_text("様式: 重点項目評価書\n", encoding="utf-8")
    (tmp_path / "改正.yaml").write_text(text, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "amend", "改正.yaml"], cwd=tmp_path, capture_output=True,
                         text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1
    assert "Traceback" not in run.stderr and "内部エラー" not in run.stderr, run.stderr
    assert run.stderr.startswith("改正.yaml:") and "エラー: " in run.stderr
    assert spec.read_text(encoding="utf-8") == "様式: 重点項目評価書\n"


def test_pia_check_of_the_whole_folder_checks_amendment_and_law_files(tmp_path, monkeypatch, capsys):
    """A pull request that adds a broken amendment or law file fails `nox -s check`, cited or not."""
    from generator.__main__ import main
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    (tmp_path / "specs" / "amendments" / "壊れ.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "specs" / "laws" / "未使用.yaml").write_text("条文:\n  文言: []\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if ": エラー: " in line]
    assert [line.split(":")[0] for line in errors] == ["specs/amendments/壊れ.yaml"] * len(EXPECTED) + ["specs/laws/未使用.yaml"]
    assert main(["check", "specs/旭川市/国民年金に関する事務.yaml"]) == 0          # one spec: its own inputs only


def test_pia_amend_lists_files_that_are_not_specs_and_goes_on(tmp_path):
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    broken = {"壊れ.yaml": b"a: [\n", "一覧.yaml": b"- a\n", "バイナリ.yaml": b"\xff\xfe"}
    for name, content in broken.items():
        (tmp_path / "specs" / "旭川市" / name).write_bytes(content)
    run = subprocess.run([sys.executable, "-m", "generator", "amend", "specs/amendments/2025-05-26-5情報.yaml", "--dry-run"],
                         cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1 and "内部エラー" not in run.stderr, run.stderr
    flagged = sorted(line.split(":")[0] for line in run.stderr.splitlines() if ": 要確認: " in line)
    assert flagged == sorted(f"specs/旭川市/{name}" for name in broken)
    # the real specs are still amended; いわき市's 公表日 moves to the 施行日, so its cited 法令上の根拠
    # prints the wording of the 令和6年5月27日 番号法 amendment: a second row
    assert "specs/いわき市/国民年金事務.yaml: 変更箇所に2行" in run.stdout
