"""Appending 変更箇所 rows to a spec with ruamel.yaml round-trip: comments, key order, quoting and
line breaks of the rest of the file stay as they were (the file's git diff shows only the rows)."""
from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..forms import Form
from ..read.files import read_file
from ..write import write_atomic
from .changes import Row, Table, as_spec

TABLE = "変更箇所"


def round_trip() -> YAML:
    """The loader/dumper that keeps a spec as written (block style, 2-space mappings, '  - ' lists)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096                       # never re-wrap long Japanese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def append_rows(path: Path, found: list[Table]) -> None:
    """Add each table's rows at the end of its 変更箇所 list (the 基礎's in the 基礎項目評価書 part)."""
    yaml = round_trip()
    data = yaml.load(read_file(path).decode("utf-8"))     # read (and vetted) by the pipeline's reader
    add_tables(data, found)
    stream = io.StringIO()
    yaml.dump(data, stream)
    write_atomic(path, stream.getvalue().encode("utf-8"))


def add_rows(data: CommentedMap, rows: list[Row], form: Form) -> None:
    """Append ``rows`` to the round-trip data's 変更箇所 list; a blank table (``変更箇所:``, as
    `pia new` writes it) becomes a list first. The one place that adds rows (changes and amend)."""
    if rows and not isinstance(data.get(TABLE), list):
        data[TABLE] = CommentedSeq()
    for row in rows:
        data[TABLE].append(CommentedMap((key, _scalar(value)) for key, value in as_spec(row, form).items()))


def add_tables(data: CommentedMap, found: list[Table]) -> None:
    """Each table's rows in its place; a 基礎項目評価書 part is made when the 基礎 gets its first."""
    for table in found:
        holder = data
        for key in table.at if table.rows else ():
            if not isinstance(holder.get(key), dict):
                holder[key] = CommentedMap()
            holder = holder[key]
        add_rows(holder, table.rows, table.form)


def _scalar(value: str):
    return LiteralScalarString(value) if "\n" in value else value
