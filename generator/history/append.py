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
from .changes import Row, as_spec

TABLE = "変更箇所"


def round_trip() -> YAML:
    """The loader/dumper that keeps a spec as written (block style, 2-space mappings, '  - ' lists)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096                       # never re-wrap long Japanese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def append_rows(path: Path, rows: list[Row], form: Form) -> None:
    """Add ``rows`` at the end of the spec's 変更箇所 list."""
    yaml = round_trip()
    data = yaml.load(read_file(path).decode("utf-8"))     # read (and vetted) by the pipeline's reader
    add_rows(data, rows, form)
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


def _scalar(value: str):
    return LiteralScalarString(value) if "\n" in value else value
