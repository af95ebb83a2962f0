"""Rows as fields: a printed label (its key) and the cells printed after it.

In a table row the label is the first cell, or the second after a label cell spanning rows
(④使用の主体 | 使用部署 | …, 再委託 | ④再委託の有無 ※ | …); a heading row (４．… [  ] 委託しない)
starts with its label. A row of labels over a row of values (the cover's 評価書番号 | 評価書名) gives
one field per column. In extracted text a line starts with its label, the value after a tab or a
space (「 ①システムの名称 国民年金システム」).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normal import NUMBERING, Folded, key
from .sheet import Row, Sheet

_BOUNDARY = re.compile(r"^(?:$|[\s\[［(（<＜【:：]|※)")


@dataclass(frozen=True)
class Field:
    key: str
    row: int                      # index of its row in the sheet
    cells: tuple[str, ...]        # what is printed after the label, raw
    label: str = ""


class Labels:
    """The keys a document may print: ``anchors`` (the plan's) and ``stops`` (any printed label)."""

    def __init__(self, anchors: frozenset[str], stops: frozenset[str]):
        self.anchors, self.known = anchors, anchors | stops
        self.starts: dict[str, list[str]] = {}
        for label in sorted(self.known, key=len, reverse=True):
            self.starts.setdefault(label[:2], []).append(label)

    def prefix(self, raw: str, loose: bool) -> tuple[str, str] | None:
        """The longest known label ``raw`` starts with, and the raw text after it; ``loose``: a
        short label must be followed by a space, a bracket or nothing (not 「部署は…」)."""
        folded = Folded(raw)
        found = NUMBERING.match(folded.text)
        start = found.end() if found else 0
        for label in self.starts.get(folded.text[start:start + 2], ()):
            if folded.text.startswith(label, start):
                end = start + len(label)
                end += folded.text.startswith("※", end)
                rest = raw[folded.start(end):]
                if not loose or len(label) >= 6 or _BOUNDARY.match(rest):
                    return label, rest
        return None


def fields(sheet: Sheet, labels: Labels) -> list[Field]:
    """Every row that starts with a printed label, as a field."""
    found: list[Field] = []
    rows = sheet.rows
    for index, row in enumerate(rows):
        header = _header(row, rows[index + 1] if index + 1 < len(rows) else None, labels)
        if header:
            found += [Field(label, index, (value,), label) for label, value in header]
            continue
        field = _table_field(row, index, labels) if sheet.structured else _line_field(row, index, labels)
        if field is not None:
            found.append(field)
    return found


def _header(row: Row, below: Row | None, labels: Labels) -> list[tuple[str, str]]:
    """A row of labels over a row of values, as (label, value) pairs (the cover's first table)."""
    if len(row.cells) < 2 or below is None or len(below.cells) != len(row.cells) or below.table != row.table:
        return []
    keys = [key(cell) for cell in row.cells]
    if not all(label in labels.anchors for label in keys) or key(below.cells[0]) in labels.known:
        return []
    return list(zip(keys, below.cells))


def _table_field(row: Row, index: int, labels: Labels) -> Field | None:
    cells = row.cells
    first = key(cells[0]) if cells else ""
    if len(cells) > 2 and key(cells[1]) in labels.anchors and first not in labels.anchors:
        return Field(key(cells[1]), index, cells[2:], cells[1])     # under a label cell spanning rows
    if first in labels.known:
        return Field(first, index, cells[1:], cells[0])
    if len(cells) > 1 and not first and key(cells[1]) in labels.known:
        return Field(key(cells[1]), index, cells[2:], cells[1])
    found = labels.prefix(cells[0], loose=False) if len(cells) == 1 and cells[0] else None
    return Field(found[0], index, (found[1],), cells[0]) if found else None


def _line_field(row: Row, index: int, labels: Labels) -> Field | None:
    cells = row.cells
    first = key(cells[0]) if cells else ""
    if first in labels.known:
        return Field(first, index, cells[1:], cells[0])
    found = labels.prefix(cells[0], loose=True) if cells and cells[0].strip() else None
    if found is None:
        return None
    return Field(found[0], index, (found[1], *cells[1:]), cells[0])
