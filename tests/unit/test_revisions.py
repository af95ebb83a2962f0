"""`pia changes --from` and `pia diff --from` read a spec as committed from a snapshot of specs/:
a spec outside specs/ is a Japanese error, a committed symlink that leaves the snapshot is left
out (issue 14: 16, 17), and errors in the snapshot name the file as git does (REV:path)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from running import pia_without_crash

from generator.history.versions import snapshot

MINIMAL = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs"
MISSING = "共通記載「外部/挨拶」が見つかりません（specs/fragments/外部.yaml を確認してください）"


def _git(project: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=pia", "-c", "user.email=pia@example.invalid", *arguments],
                   cwd=project, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path):
    """A repository holding the minimal spec, a fragment file, and the spec copied outside specs/."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project / "specs")
    (project / "specs" / "fragments").mkdir()
    (project / "specs" / "fragments" / "標準.yaml").write_text("挨拶:\n  本文: 中の文\n", encoding="utf-8")
    (project / "elsewhere").mkdir()
    shutil.copy(project / "specs" / "x" / "spec.yaml", project / "elsewhere" / "spec.yaml")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "仕様")
    return project


@pytest.mark.parametrize("arguments", [["changes", "elsewhere/spec.yaml", "--from", "HEAD"],
                                       ["changes", "elsewhere/spec.yaml", "--from", "HEAD", "--to", "HEAD"],
                                       ["diff", "elsewhere/spec.yaml", "--from", "HEAD"]])
def test_a_spec_outside_specs_cannot_be_compared_with_a_revision(project, arguments):
    run = pia_without_crash(project, *arguments)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "elsewhere/spec.yaml:1:1: エラー: 仕様フォルダ specs の外のファイルは git の版と比べられません"
        "（--specs-dir で仕様フォルダを指定するか、OLD.yaml NEW.yaml の二つのファイルを比べてください）",
        "1件のエラー、0件の警告"]
    assert run.stdout in ("", "評価書の記載に差分はありません\n")          # not the whole spec as added


def test_a_committed_symlink_out_of_the_snapshot_is_left_out(project, tmp_path):
    """Absolute and escaping links are not extracted; a link inside specs/ is."""
    (tmp_path / "外部.yaml").write_text("挨拶:\n  本文: 外の文\n", encoding="utf-8")
    fragments = project / "specs" / "fragments"
    (fragments / "外部.yaml").symlink_to(tmp_path / "外部.yaml")
    (fragments / "上.yaml").symlink_to("../../../外部.yaml")
    (fragments / "内部.yaml").symlink_to("標準.yaml")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "リンク")
    root = snapshot("HEAD", project / "specs", tmp_path / "snapshot")
    extracted = sorted(path.name for path in (root / "fragments").iterdir())
    assert extracted == ["内部.yaml", "標準.yaml"]
    assert (root / "fragments" / "内部.yaml").read_text(encoding="utf-8") == "挨拶:\n  本文: 中の文\n"


def test_diff_from_a_revision_with_an_absolute_symlink_reports_the_missing_fragment(project, tmp_path):
    (tmp_path / "外部.yaml").write_text("挨拶:\n  本文: 外の文\n", encoding="utf-8")
    (project / "specs" / "fragments" / "外部.yaml").symlink_to(tmp_path / "外部.yaml")
    spec = project / "specs" / "x" / "spec.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("        保管場所:", "        保管場所: {共通記載: 外部/挨拶}"),
                    encoding="utf-8")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "外部の共通記載")
    run = pia_without_crash(project, "diff", "--from", "HEAD")
    assert run.returncode == 1
    assert f"HEAD:specs/x/spec.yaml:82:15: エラー: {MISSING}" in run.stderr.splitlines()


@pytest.mark.parametrize("arguments", [["diff", "--from=--output=../written.tar"],
                                       ["changes", "specs/x/spec.yaml", "--from", "HEAD", "--to=--output=../written.tar"]])
def test_a_revision_is_never_taken_as_a_git_option(project, arguments):
    """`--from=--output=FILE` made git archive create (or empty) FILE."""
    run = pia_without_crash(project, *arguments)
    assert (run.returncode, run.stderr) == (2, "エラー: git の操作に失敗しました: リビジョン「--output=../written.tar」は"
                                               " - で始まります（git のリビジョンは - で始まりません）\n")
    assert not (project.parent / "written.tar").exists()
