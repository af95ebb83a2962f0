"""The pipeline (generator/build.py): one read path for every command, and outputs that cannot
collide. Commands run in a child process where a hang is possible, bounded by a timeout."""
from __future__ import annotations

import shutil

from conftest import ROOT
from running import pia

from generator.__main__ import main
from generator.build import Stage, library, read_spec

VALID = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml"
AMENDMENT = ROOT / "specs" / "amendments" / "2025-05-26-5情報.yaml"


def _laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\n特記事項2: *a{levels}\n"


def _project(tmp_path, text: str):
    (tmp_path / "specs" / "x").mkdir(parents=True)
    (tmp_path / "specs" / "x" / "spec.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_command_refuses_an_alias_bomb_the_way_check_does(tmp_path):
    """amend read specs with ruamel directly: a billion-laughs block hung `pia amend --dry-run`."""
    project = _project(tmp_path, VALID.read_text(encoding="utf-8") + _laughs())
    check = pia(project, "check")
    amend = pia(project, "amend", str(AMENDMENT), "--dry-run", "--date", "令和7年12月1日")
    refusal = "別名（& と *）を展開すると値が多すぎます"
    assert check.returncode == 1 and refusal in check.stderr
    assert amend.returncode == 1 and refusal in amend.stderr, amend.stderr
    assert "内部エラー" not in amend.stderr + check.stderr


def test_read_spec_stops_where_it_is_asked_to():
    specs = VALID.parents[1]
    fragments = library(specs)
    loaded = read_spec(VALID, fragments, specs, Stage.LOAD)
    validated = read_spec(VALID, fragments, specs, Stage.VALIDATE)
    laid_out = read_spec(VALID, fragments, specs)
    assert loaded.form is None and isinstance(loaded.data, dict) and loaded.document is None
    assert validated.form is not None and validated.document is None
    assert laid_out.document is not None and not laid_out.failed


def test_two_specs_of_one_name_outside_specs_are_an_error_naming_both(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(VALID, tmp_path / folder / "x.yaml")
    shutil.copytree(VALID.parents[1], tmp_path / "specs")
    first, second = (str(tmp_path / folder / "x.yaml") for folder in ("a", "b"))
    status = main(["build", first, second, "--specs-dir", str(tmp_path / "specs"), "--out", str(tmp_path / "out")])
    stderr = capsys.readouterr().err
    assert status == 1
    assert stderr.count("で重複しています") == 2 and f"{first}、{second}" in stderr, stderr
    assert not (tmp_path / "out" / "x.docx").exists()


def test_one_spec_named_twice_is_built_once(tmp_path, capsys):
    project = _project(tmp_path, VALID.read_text(encoding="utf-8"))
    built = pia(project, "build", "specs/x/spec.yaml", "./specs/x/spec.yaml")
    assert built.returncode == 0, built.stderr
    assert "重複" not in built.stderr and (project / "out" / "x" / "spec.docx").is_file()
