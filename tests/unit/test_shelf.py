"""A spec repository's own fragments and laws over the standard library's (read/shelf.py, issue 15):
added entries, overridden entries named in a warning, a broken own file never silently replaced."""
from __future__ import annotations

import shutil

from conftest import ROOT

from generator.build import check, discover, library
from generator.read.fragments import Library
from generator.resources import standard

SPEC = "旭川市/国民年金に関する事務"


def _project(tmp_path, monkeypatch, spec: str = SPEC):
    """A repository holding one showcase spec and none of the standard files."""
    specs = tmp_path / "specs"
    (specs / spec).parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "specs" / f"{spec}.yaml", specs / f"{spec}.yaml")
    monkeypatch.chdir(tmp_path)
    return specs


def test_a_spec_without_its_own_fragments_or_laws_uses_the_standard_library(tmp_path, monkeypatch):
    specs = _project(tmp_path, monkeypatch)
    result = check(discover(specs), specs)
    assert not result.failed, [error.format() for error in result.errors]
    assert len(result.documents) == 1


def test_an_own_entry_adds_to_a_standard_file_and_an_override_is_named(tmp_path, monkeypatch):
    specs = _project(tmp_path, monkeypatch)
    (specs / "fragments").mkdir()
    (specs / "fragments" / "ガバメントクラウド.yaml").write_text(
        "保管場所:\n  本文: 当市の規程による。\n独自:\n  本文: 団体独自の文言\n", encoding="utf-8")
    fragments = library(specs)
    assert fragments.find("ガバメントクラウド/独自").body == "団体独自の文言"
    assert fragments.find("ガバメントクラウド/保管場所").body == "当市の規程による。"
    assert fragments.find("ガバメントクラウド/ISMAP監査") is not None          # the standard entry, still there
    assert [error.format() for error in fragments.errors] == [
        "specs/fragments/ガバメントクラウド.yaml:2:3: 警告: 標準の共通記載「ガバメントクラウド/保管場所」を置き換えています"
        f"（標準の定義: {(standard('fragments') / 'ガバメントクラウド.yaml').as_posix()}）"]


def test_an_identical_copy_of_a_standard_file_is_no_override(tmp_path, monkeypatch):
    specs = _project(tmp_path, monkeypatch)
    shutil.copytree(standard("fragments"), specs / "fragments")
    shutil.copytree(standard("laws"), specs / "laws")
    result = check(discover(specs), specs, data_files=True)
    assert not result.errors


def test_a_broken_own_law_file_is_an_error_not_the_standard_wording(tmp_path, monkeypatch):
    specs = _project(tmp_path, monkeypatch, "いわき市/国民年金事務")         # it cites 番号法
    (specs / "laws").mkdir()
    (specs / "laws" / "番号法.yaml").write_text("国民年金_別表: [\n", encoding="utf-8")
    messages = [error.format() for error in check(discover(specs), specs).errors if not error.warning]
    assert any(message.startswith("specs/laws/番号法.yaml:") for message in messages), messages
    assert any("の法令ファイル specs/laws/番号法.yaml に誤りがあります" in message for message in messages), messages


def test_in_this_checkout_the_showcase_folder_is_the_standard_library():
    fragments = library(ROOT / "specs")
    assert fragments.shelf.roots == (ROOT / "specs" / "fragments",)
    assert Library(ROOT / "specs" / "fragments", standard=standard("fragments")).shelf.roots == fragments.shelf.roots


def test_a_named_fragment_file_is_checked_as_one(tmp_path, monkeypatch):
    """What a pre-commit hook passes: a changed fragment file is checked as a fragment file."""
    specs = _project(tmp_path, monkeypatch)
    (specs / "fragments").mkdir()
    (specs / "fragments" / "独自.yaml").write_text("壊れた:\n  引数: [甲]\n  本文: x\n", encoding="utf-8")
    messages = [error.format() for error in check([specs / "fragments" / "独自.yaml"], specs).errors]
    assert messages and all(message.startswith("specs/fragments/独自.yaml:") for message in messages), messages
    assert not any("様式" in message for message in messages), messages
