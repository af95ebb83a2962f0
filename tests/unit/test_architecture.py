"""The house rules of generator/ that a reader cannot see from one file (issue 13):

- exactly one module walks the form to learn how a spec's data is nested: forms/shape.py. The
  print layout (layout/fill.py) keeps its own walk for what has no key (derived rows, label cells,
  header boxes); the form model's own modules define the structure. Nothing else touches it.
- the top level of generator/ stays small: the stages and features are packages.

The layered import contract (no backward import, no cycle) is pyproject.toml's [tool.importlinter],
run by ``nox -s lint``.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

GENERATOR = ROOT / "generator"
# What a form item nests, and where a form keeps its parts: reading these is walking the form.
STRUCTURE = {"children", "header_checks", "nests", "title_key", "columns", "cover", "common", "per_file",
             "closing", "LABEL"}
ALLOWED = {"forms/items.py", "forms/dsl.py", "forms/shape.py", "layout/fill.py"}


def _uses(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr in STRUCTURE}


def test_only_the_shape_and_the_print_layout_walk_the_form():
    walkers = {path.relative_to(GENERATOR).as_posix(): sorted(_uses(path)) for path in GENERATOR.rglob("*.py")
               if _uses(path)}
    assert set(walkers) <= ALLOWED, {name: uses for name, uses in walkers.items() if name not in ALLOWED}
    assert "forms/shape.py" in walkers          # the check itself can fail: the walker is seen


def test_the_top_level_reads_as_the_pipeline():
    modules = sorted(path.name for path in GENERATOR.glob("*.py"))
    packages = sorted(path.name for path in GENERATOR.iterdir() if (path / "__init__.py").is_file())
    assert len(modules) <= 15, modules
    assert packages == ["check", "editor", "forms", "history", "importer", "layout", "read", "render", "serve"]
