"""`pia amend` and `pia changes --write` on valid but unusual input (a blank 変更箇所, a 置換 whose
前 or 後 is blank, a list or a number) and on specs that cannot be read: a result or a located
Japanese message, never an internal error (issue 14: 9, 10, 11, 31)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML
from running import pia_without_crash

from generator.wareki import parse

MINIMAL = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs"
SPEC = "specs/x/spec.yaml"
NAME = "基本情報/特定個人情報ファイルを取り扱う事務/事務の名称"
UNREADABLE = "要確認: 読み込めません（pia check で確認してください）: "
HEADER = "名称: テスト改正\n施行日: 令和7年4月1日\n"


def _project(tmp_path: Path, amendment: str = "") -> Path:
    """The minimal valid spec (its 変更箇所 blank, as `pia new` writes it) and one amendment."""
    shutil.copytree(MINIMAL, tmp_path / "specs")
    (tmp_path / "specs" / "amendments").mkdir()
    (tmp_path / "specs" / "amendments" / "a.yaml").write_text(HEADER + amendment, encoding="utf-8")
    return tmp_path


def _replace(item: str, rule: str) -> str:
    return f"置換:\n  - 項目: [{item}]\n" + "".join(f"    {line}\n" for line in rule.splitlines())


def test_amend_fills_a_blank_change_table(tmp_path):
    project = _project(tmp_path, _replace("事務の名称", "前: テスト事務\n後: 試験事務"))
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml", "--date", "令和7年4月1日")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        f"{SPEC}: {NAME}: 「テスト事務」→「試験事務」",
        f"{SPEC}: 公表日: 令和7年4月1日", f"{SPEC}: 変更箇所に1行",
        f"{SPEC}: 基礎項目評価書の変更箇所に1行"]           # the 基礎 prints 事務の名称 too (issue 16)
    text = (project / SPEC).read_text(encoding="utf-8")
    assert "変更箇所:   # （別添２）　変更箇所\n  - 変更日: 令和7年4月1日\n" in text
    assert pia_without_crash(project, "check").returncode == 0


def test_changes_write_fills_a_blank_change_table(tmp_path):
    project = _project(tmp_path)
    spec = project / SPEC
    shutil.copy(spec, project / "old.yaml")
    spec.write_text(spec.read_text(encoding="utf-8").replace("事務の名称: テスト事務", "事務の名称: 試験事務")
                    .replace("公表日: 令和6年5月24日", "公表日: 令和7年4月1日"), encoding="utf-8")
    run = pia_without_crash(project, "changes", "old.yaml", SPEC, "--write")
    assert (run.returncode, run.stderr) == (0, f"{SPEC} の変更箇所に1行、基礎項目評価書の変更箇所に1行を追記しました\n")
    assert "  - 変更日: 令和7年4月1日\n    項目: Ⅰ 基本情報" in spec.read_text(encoding="utf-8")
    assert pia_without_crash(project, "check").returncode == 0


@pytest.mark.parametrize("item, rule, change, written", [
    ("事務の名称", "前: 事務\n後:", "「事務」を削除", "テスト"),
    ("事務の名称", "前: 事務\n後: ''", "「事務」を削除", "テスト"),
    ("事務の名称", "前: テスト事務\n後: [一行目, 二行目]", "「テスト事務」→「一行目↵二行目」", "一行目\n二行目"),
    ("事務の名称", "前: テスト\n後: 2", "「テスト」→「2」", "2事務"),
    ("評価書番号", "前: 1\n後: 2", "「1」→「2」", 2),
    ("評価書番号", "前: 1\n後: '12'", "「1」→「12」", 12),
])
def test_a_replacement_takes_blank_list_and_number_texts(tmp_path, item, rule, change, written):
    """後 blank deletes 前; a list of lines is the text of those lines; a number is its digits (a
    number item stays a number)."""
    project = _project(tmp_path, _replace(item, rule))
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml", "--dry-run")
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0].endswith(f"{item}: {change}")
    assert pia_without_crash(project, "amend", "specs/amendments/a.yaml", "--date", "令和7年4月1日").returncode == 0
    data = YAML(typ="safe").load((project / SPEC).read_text(encoding="utf-8"))
    value = data[item] if item in data else data["基本情報"]["特定個人情報ファイルを取り扱う事務"][item]
    assert (value, type(value)) == (written, type(written))
    assert pia_without_crash(project, "check").returncode == 0


@pytest.mark.parametrize("item, rule, message", [
    ("事務の名称", "前: テスト事務\n後:",
     f"{SPEC}: 要確認: 改正後の仕様ファイルが検査を通りません: 「事務の名称」を記載してください"),
    ("事務の名称", "前: 1\n後: 2",
     f"{SPEC}:12:5: 要確認: {NAME}: 「1」が見つかりません（手で確認してください）"),
    ("評価書番号", "前: テスト\n後: [a, b]",
     f"{SPEC}:4:1: 要確認: 評価書番号: 「テスト」が見つかりません（手で確認してください）"),
    ("事務の名称", "前: [テスト, 事務]\n後: x",
     f"{SPEC}:12:5: 要確認: {NAME}: 「テスト↵事務」が見つかりません（手で確認してください）"),
])
def test_a_replacement_that_cannot_be_made_is_a_located_problem(tmp_path, item, rule, message):
    project = _project(tmp_path, _replace(item, rule))
    before = (project / SPEC).read_bytes()
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [message, "1件の仕様ファイルは自動では直せませんでした（上の「要確認」）"]
    assert (project / SPEC).read_bytes() == before


@pytest.mark.parametrize("rule, message", [
    ("前: テスト事務\n後: [a, ~]", "6:8: エラー: 「後」の行に空欄があります（空の行は \"\" と書いてください）"),
    ("前: [テスト, ~]\n後: a", "5:8: エラー: 「前」の行に空欄があります（空の行は \"\" と書いてください）"),
    ("前: ['']\n後: a", "5:8: エラー: 「前」には置き換える文言を記載してください"),
    ("前: ' '\n後: a", "5:8: エラー: 「前」には置き換える文言を記載してください"),
])
def test_a_replacement_no_spec_can_take_is_an_error_of_the_amendment_file(tmp_path, rule, message):
    project = _project(tmp_path, _replace("事務の名称", rule))
    before = (project / SPEC).read_bytes()
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml")
    assert run.returncode == 1
    assert run.stderr.splitlines() == [f"specs/amendments/a.yaml:{message}", "1件のエラー、0件の警告"]
    assert (project / SPEC).read_bytes() == before


@pytest.mark.parametrize("wording, reason", [
    ("{提出時期: 事後, 提出時期に係る説明: 1}", "1"),
    ("{提出時期: , 提出時期に係る説明: }", "その他の項目の変更であり、事前の提出・公表が義務付けられない。"),
    ("{提出時期に係る説明: [法改正に伴う, 軽微な改正]}", "法改正に伴う\n軽微な改正"),
])
def test_the_rows_wording_is_text_and_blank_means_the_suggestion(tmp_path, wording, reason):
    """The amendment's 変更箇所 提出時期 / 説明 as a number, blank or lines (was TypeError)."""
    project = _project(tmp_path, _replace("事務の名称", "前: テスト事務\n後: 試験事務") + f"変更箇所: {wording}\n")
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml", "--date", "令和7年4月1日")
    assert run.returncode == 0, run.stderr
    row = YAML(typ="safe").load((project / SPEC).read_text(encoding="utf-8"))["変更箇所"][0]
    assert (row["提出時期"], row["提出時期に係る説明"]) == ("事後", reason)
    assert pia_without_crash(project, "check").returncode == 0


def test_a_fragment_argument_the_spec_does_not_give_is_left_alone(tmp_path):
    """前 and 後 blank for an argument the reference does not give: nothing to drop (was KeyError)."""
    project = _project(tmp_path, "共通記載の引数:\n  - {共通記載: 標準/挨拶, 名前: 別名, 前: , 後: }\n")
    (project / "specs" / "fragments").mkdir()
    (project / "specs" / "fragments" / "標準.yaml").write_text(
        "挨拶:\n  引数: {団体名: null, 別名: 既定}\n  本文: '{団体名}の措置'\n", encoding="utf-8")
    spec = project / SPEC
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "特記事項:   # 特記事項", "特記事項: {共通記載: 標準/挨拶, 引数: {団体名: テスト市}}"), encoding="utf-8")
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml")
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")


def test_amend_reads_a_spec_through_the_guarded_reader(tmp_path):
    """Issue 9: a billion-laughs block in a spec is refused by the reader, not expanded by amend."""
    project = _project(tmp_path, _replace("事務の名称", "前: テスト事務\n後: 試験事務"))
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    (project / "specs" / "x" / "bomb.yaml").write_text("\n".join(lines) + "\n特記事項: *a9\n", encoding="utf-8")
    run = pia_without_crash(project, "amend", "specs/amendments/a.yaml", "--dry-run")
    assert run.returncode == 1
    flagged = [line for line in run.stderr.splitlines() if ": 要確認: " in line]
    assert len(flagged) == 1 and re.match(rf"specs/x/bomb.yaml:\d+:\d+: {UNREADABLE}\S", flagged[0]), flagged
    assert f"{SPEC}: 変更箇所に1行" in run.stdout


@pytest.fixture
def shared_folder():
    """A folder another user can enter (pytest's tmp_path is root's alone), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="pia-permissions-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _without_root_powers(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """pia run, as root, without the capabilities that let root read and write anything: file modes
    then count, and the checkout stays reachable wherever it was cloned (another user could not
    enter a mktemp folder)."""
    dropped = "-dac_override,-dac_read_search"
    user = ["setpriv", f"--bounding-set={dropped}", f"--inh-caps={dropped}"] if os.geteuid() == 0 else []
    run = subprocess.run([*user, sys.executable, "-m", "generator", *arguments], cwd=project, timeout=60,
                         capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in run.stderr and "内部エラー" not in run.stderr, run.stderr
    return run


PERMISSIONS = pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="root ignores modes; needs setpriv")


@PERMISSIONS
def test_an_unreadable_spec_is_a_located_message(shared_folder):
    """Issue 31 from the history side: a spec of mode 000, for `pia amend` and `pia changes`."""
    project = _project(shared_folder, _replace("事務の名称", "前: テスト事務\n後: 試験事務"))
    shutil.copy(project / SPEC, project / "old.yaml")
    (project / SPEC).chmod(0)
    DENIED = "ファイルを読み込めません: 読み取りの権限がありません"  # noqa: N806
    for arguments, expected in (
            (["amend", "specs/amendments/a.yaml"], f"{SPEC}:1:1: {UNREADABLE}{DENIED}"),
            (["changes", "old.yaml", SPEC, "--write"], f"{SPEC}:1:1: エラー: {DENIED}")):
        run = _without_root_powers(project, *arguments)
        assert run.returncode == 1, run.stderr
        assert run.stderr.splitlines()[0] == expected


@PERMISSIONS
def test_a_spec_that_cannot_be_written_is_a_message(shared_folder):
    """A spec in a read-only folder (the atomic write makes a file beside it): was 内部エラー."""
    project = _project(shared_folder, _replace("事務の名称", "前: テスト事務\n後: 試験事務"))
    changed = project / "specs" / "x" / "new.yaml"
    changed.write_text((project / SPEC).read_text(encoding="utf-8").replace("テスト事務", "試験事務"), encoding="utf-8")
    (project / "specs" / "x").chmod(0o555)
    amend = _without_root_powers(project, "amend", "specs/amendments/a.yaml", SPEC, "--date", "令和7年4月1日")
    assert amend.returncode == 1
    assert amend.stderr.splitlines() == [f"{SPEC}: 要確認: 書き込めません: 書き込みの権限がありません",
                                         "1件の仕様ファイルは自動では直せませんでした（上の「要確認」）"]
    changes = _without_root_powers(project, "changes", SPEC, "specs/x/new.yaml", "--write")
    assert (changes.returncode, changes.stderr) == (1, "エラー: specs/x/new.yaml に書き込めません: 書き込みの権限がありません\n")


@pytest.mark.parametrize("amendment", sorted(path.name for path in (ROOT / "specs" / "amendments").glob("*.yaml")))
def test_every_spec_amended_without_a_date_passes_the_check(tmp_path, amendment):
    """Without --date the rows are dated the 施行日 and the 公表日 moves there when it is later (a
    変更日 after the 公表日 fails pia check); each move is printed."""
    shutil.copytree(ROOT / "specs", tmp_path / "specs")
    read = YAML(typ="safe").load
    day = read((tmp_path / "specs" / "amendments" / amendment).read_text(encoding="utf-8"))["施行日"]
    published = {path.relative_to(tmp_path).as_posix(): read(path.read_text(encoding="utf-8")).get("公表日")
                 for path in (tmp_path / "specs").glob("*/*.yaml")}
    run = pia_without_crash(tmp_path, "amend", f"specs/amendments/{amendment}")
    assert run.returncode in (0, 1), run.stderr                 # 1: a spec the amendment cannot apply to
    amended = [found.group(1) for found in re.finditer(r"^(.+): 変更箇所に\d+行$", run.stdout, re.M)]
    assert amended
    for spec in amended:
        moved = f"{spec}: 公表日: {day}" in run.stdout.splitlines()
        assert moved == (parse(day) > parse(published[spec])), (spec, run.stdout)
    check = pia_without_crash(tmp_path, "check")
    assert check.returncode == 0, check.stderr
