"""`pia changes` and `pia diff`: two versions of a spec (two files, or git revisions) compared
through the form model, as 変更箇所 rows or as a readable diff of the printed items for review."""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, replace
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from ..check.entries import entries
from ..errors import SpecError, display_path
from ..forms import Form
from ..forms.basic import basic
from .changes import Row, Table, as_spec, tables
from .versions import Version, read_version, snapshot, temporary_folder

OUTSIDE_HINT = "--specs-dir で仕様フォルダを指定するか、OLD.yaml NEW.yaml の二つのファイルを比べてください"


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
    return Pair(spec.as_posix(), old, new), list(dict.fromkeys(errors + more))     # a problem of both: once


def _read(spec: Path, specs: Path, revision: str | None, folder: Path, as_given: bool):
    if revision is None or as_given:
        return read_version(spec, specs) if spec.is_file() else (None, [])
    relative = _under(spec, specs)
    if relative is None:
        return None, [SpecError(display_path(spec), 1, 1, f"仕様フォルダ {specs.as_posix()} の外のファイルは"
                                " git の版と比べられません", hint=OUTSIDE_HINT)]
    root = snapshot(revision, specs, folder)
    if not (root / relative).is_file():
        return None, []
    version, errors = read_version(root / relative, root)
    return version, [_at_revision(error, folder, revision) for error in errors]


def _under(spec: Path, specs: Path) -> Path | None:
    """``spec``'s path under the specs folder (where it is in a snapshot), None when outside it."""
    try:
        return spec.resolve().relative_to(specs.resolve())
    except ValueError:
        return None


def _at_revision(error: SpecError, folder: Path, revision: str) -> SpecError:
    """An error in the snapshot named as git names the file, ``REV:path``: the snapshot is a
    temporary folder, gone when the message is read."""
    prefix = folder.as_posix() + "/"
    return replace(error, path=f"{revision}:{error.path[len(prefix):]}") if error.path.startswith(prefix) else error


def change_tables(pair: Pair, date: str | None) -> list[Table]:
    """The 変更箇所 rows of each document of the spec (its own; its 基礎's)."""
    if pair.old is None or pair.new is None or pair.old.form.name != pair.new.form.name:
        return []
    return tables(pair.new.form, pair.old.data, pair.new.data, date)


def tables_yaml(found: list[Table]) -> str:
    """Each table's rows to paste: the document's as a list; the 基礎's as a YAML document of its
    own after it, headed by the key it goes under."""
    return "".join(("---\n# " + ": ".join(table.at) + ": の 変更箇所:\n" if table.at else "")
                   + rows_yaml(table.rows, table.form) for table in found if table.rows)


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
    """The printed items that differ, each under its item path, as a unified diff (Markdown); then
    those of the 基礎項目評価書 the spec derives (issue 16)."""
    return "\n".join(text for text in (_text_diff(pair), _text_diff(_basic_pair(pair))) if text)


def _basic_pair(pair: Pair) -> Pair:
    """Both versions' 基礎, under the spec's name (none for a 基礎-only spec)."""
    old, new = (version and basic(version.form, version.data) for version in (pair.old, pair.new))
    return Pair(f"{pair.name}（基礎項目評価書）", old and Version(old.form, old.data), new and Version(new.form, new.data))


def _text_diff(pair: Pair) -> str:
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
