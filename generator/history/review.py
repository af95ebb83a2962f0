"""`pia changes` and `pia diff`: two versions of a spec (two files, or git revisions) compared
through the form model, as 変更箇所 rows or as a readable diff of the printed items for review."""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from ..check.entries import entries
from ..errors import SpecError
from ..forms import Form
from .changes import Row, as_spec, compare
from .versions import Version, read_version, snapshot, temporary_folder


@dataclass(frozen=True)
class Pair:
    """The old and new version of one spec, and the name to show for it."""

    name: str
    old: Version | None
    new: Version | None


def read_pair(spec: Path, specs: Path, old_rev: str | None, new_rev: str | None,
              old_file: Path | None = None) -> tuple[Pair | None, list[SpecError]]:
    """Both versions of ``spec``: from a file given as old, or from git revisions (new: working tree)."""
    with temporary_folder() as folder:
        old, errors = _read(old_file or spec, specs, old_rev, Path(folder) / "old", old_file is not None)
        new, more = _read(spec, specs, new_rev, Path(folder) / "new", False)
    return Pair(spec.as_posix(), old, new), errors + more


def _read(spec: Path, specs: Path, revision: str | None, folder: Path, as_given: bool):
    if revision is None or as_given:
        return read_version(spec, specs) if spec.is_file() else (None, [])
    root = snapshot(revision, specs, folder)
    relative = spec.resolve().relative_to(specs.resolve())
    return read_version(root / relative, root) if (root / relative).is_file() else (None, [])


def change_rows(pair: Pair, date: str | None) -> list[Row]:
    if pair.old is None or pair.new is None or pair.old.form.name != pair.new.form.name:
        return []
    return compare(pair.new.form, pair.old.data, pair.new.data, date)


def rows_yaml(rows: list[Row], form: Form) -> str:
    """Rows in the spec's own 変更箇所 format, ready to paste."""
    yaml = YAML(typ="rt")
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    yaml.dump([{key: _block(value) for key, value in as_spec(row, form).items()} for row in rows], stream)
    return stream.getvalue()


def _block(value: str):
    return LiteralScalarString(value) if "\n" in value else value


def text_diff(pair: Pair) -> str:
    """The printed items that differ, each under its item path, as a unified diff (Markdown)."""
    before = entries(pair.old.form, pair.old.data) if pair.old else {}
    after = entries(pair.new.form, pair.new.data) if pair.new else {}
    blocks = []
    for key in list(after) + [key for key in before if key not in after]:
        old, new = before.get(key), after.get(key)
        if old and new and (old.text == new.text or old.whole):
            continue
        lines = difflib.unified_diff((old.text if old else "").splitlines(), (new.text if new else "").splitlines(),
                                     lineterm="", n=2)
        body = "\n".join(list(lines)[2:])
        blocks.append(f"### {(new or old).path}\n```diff\n{body}\n```")
    if not blocks:
        return ""
    return f"## {pair.name}\n\n" + "\n\n".join(blocks) + "\n"
