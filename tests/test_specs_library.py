"""The spec library as a whole: every spec checks clean, and standard text lives only in fragments."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from conftest import ROOT
from ruamel.yaml import YAML

from generator.build import SPECS, check, discover

LONG = 60


def _strings(node):
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
    elif isinstance(node, str):
        yield node


def paragraphs(path: Path) -> set[str]:
    """Lines of ≥ LONG characters in any string of a YAML file (white space trimmed)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {line.strip() for text in _strings(data) for line in text.split("\n") if len(line.strip()) >= LONG}


def test_every_spec_checks_clean():
    specs = ROOT / SPECS
    result = check(discover(specs), specs)
    errors = [error for error in result.errors if not error.warning]
    assert not errors, "\n".join(error.format() for error in errors)
    assert len(result.documents) >= 2


def test_standard_paragraphs_are_stored_once():
    """A paragraph of ≥ 60 characters in two files under specs/ belongs in a fragment."""
    where = defaultdict(list)
    files = sorted((ROOT / SPECS).rglob("*.yaml"))
    for path in files:
        for paragraph in paragraphs(path):
            where[paragraph].append(path.relative_to(ROOT).as_posix())
    repeated = {text: paths for text, paths in where.items() if len(paths) > 1}
    assert len(files) >= 3
    assert not repeated, "\n".join(f"{paths}: {text[:40]}…" for text, paths in repeated.items())


def test_duplicate_detection_works(tmp_path):
    text = "あ" * LONG
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(f"x: |-\n  短い\n  {text}\n", encoding="utf-8")
    assert paragraphs(tmp_path / "a.yaml") & paragraphs(tmp_path / "b.yaml") == {text}
