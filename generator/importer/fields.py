"""Rows as fields: a printed label (its key) and the cells printed after it.

In a table row the label is the first cell, or the second after a label cell spanning rows
(④使用の主体 | 使用部署 | …, 再委託 | ④再委託の有無 ※ | …); a heading row (４．… [  ] 委託しない)
starts with its label. A row of labels over a row of values (the cover's 評価書番号 | 評価書名) gives
one field per column. In extracted text a line starts with its label, the value after a tab or a
space (「 ①システムの名称 国民年金システム」).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .normal import NUMBERING, Folded, fold, key
from .sheet import Row, Sheet

_BOUNDARY = re.compile(r"^(?:$|[\s\[［(（<＜【:：]|※)")


@dataclass(frozen=True)
class Field:
    key: str
    row: int                      # index of its row in the sheet
    cells: tuple[str, ...]        # what is printed after the label, raw
    label: str = ""
    whole: bool = False           # the value is all in ``cells`` (a column under a row of labels)
    lines: int = 1                # rows the label takes (one broken over two lines: 2)


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
    rows, skip = sheet.rows, -1
    for index, row in enumerate(rows):
        below = rows[index + 1] if index + 1 < len(rows) else None
        header = _header(row, below, labels) if index != skip else []
        field = None if index == skip or header else _field(sheet, row, below, index, labels)
        found += [Field(label, index, (value,), label, whole=True, lines=2) for label, value in header]
        if field is not None:
            found.append(field)
            skip = index + field.lines - 1 if field.lines > 1 else skip
        skip = index + 1 if header else skip                # the row of values under the labels
    return found


def _field(sheet: Sheet, row: Row, below: Row | None, index: int, labels: Labels) -> Field | None:
    if sheet.structured:
        return _table_field(row, index, labels)
    found = _line_field(row, index, labels)
    return found if found is not None or below is None else _broken(row, below, index, labels)


def _broken(row: Row, below: Row, index: int, labels: Labels) -> Field | None:
    """A label that the extraction broke over two lines (「5. 特定個人情報の提供・」「移転(委託に…)」)."""
    if len(row.cells) != 1 or not below.cells:
        return None
    joined = labels.prefix(row.cells[0] + below.cells[0], loose=True)
    if joined is None or len(joined[0]) <= len(fold(row.cells[0])) or len(joined[0]) < 6:
        return None
    return Field(joined[0], index, (joined[1], *below.cells[1:]), row.cells[0] + below.cells[0], lines=2)


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
    found = _labelled(cells, index, labels)
    if found is None and len(cells) == 1 and cells[0]:
        prefix = labels.prefix(cells[0], loose=False)
        return Field(prefix[0], index, (prefix[1],), cells[0]) if prefix else None
    return found


def _labelled(cells: tuple[str, ...], index: int, labels: Labels) -> Field | None:
    """A row whose first cell is a label, or whose second is one under a label cell spanning rows
    (④使用の主体 | 使用部署 | …) or an empty cell of a merged column."""
    first = key(cells[0]) if cells else ""
    if len(cells) > 2 and key(cells[1]) in labels.anchors and first not in labels.anchors:
        return Field(key(cells[1]), index, cells[2:], cells[1])
    if first in labels.known:
        return Field(first, index, cells[1:], cells[0])
    if len(cells) > 1 and not first and key(cells[1]) in labels.known:
        return Field(key(cells[1]), index, cells[2:], cells[1])
    return None


def _line_field(row: Row, index: int, labels: Labels) -> Field | None:
    """A line of extracted text: cut at tabs like a table row, else starting with a label."""
    cells = row.cells
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    if len(cells) > 4:          # a row of the 変更箇所 table or an annex's: its cells quote labels
        return None
    while cells and not cells[0].strip():
        cells = cells[1:]
    found = _labelled(cells, index, labels)
    if found is not None and any(cell.strip() for cell in found.cells):
        return replace(found, whole=True)       # a value in a cell of its own ends with its line
    if found is not None or not cells:
        return found
    prefix = labels.prefix(cells[0], loose=True)
    return Field(prefix[0], index, (prefix[1], *cells[1:]), cells[0]) if prefix else None
