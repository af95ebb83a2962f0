"""The value of each located item, read by its kind: what the draft spec will hold, and why an item
needs a person (要確認) where it does.

A value is printed in the cells after its label; a label printed across the row (７．備考, the
cover's 宣言) has its value on the next row; in extracted text a value runs on over the lines
after its label, up to the next printed label.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..forms import Kind
from .checks import BOX, read_checks, read_counts
from .fields import Field
from .locate import Located
from .plan import ENTRY, HEADING, VALUE, Anchor
from .trust import bounded, runs_on, trust
from .values import Read, read_choice, read_date, read_text


@dataclass
class Draft:
    """What was read: values and notes by spec path; ``found``: the paths whose label was found."""

    located: Located
    values: dict[tuple, Any] = field(default_factory=dict)
    notes: dict[tuple, str] = field(default_factory=dict)
    hints: dict[tuple, str] = field(default_factory=dict)
    found: set[tuple] = field(default_factory=set)

    def put(self, path: tuple, read: Read, found: bool = True) -> None:
        self.values[path] = read.value
        if read.note:
            self.notes[path] = read.note
        if found:
            self.found.add(path)


def read_items(located: Located) -> Draft:
    """Every anchor's value (headings hold none; their header boxes are read with them)."""
    draft = Draft(located)
    for index, anchor in enumerate(located.anchors):
        found = located.field(index)
        if anchor.kind == VALUE:
            _value(draft, index, anchor, found)
        elif anchor.kind == ENTRY and found is not None:
            title = next((slot for slot in anchor.slot.slots if slot.title), None)
            if title is not None:
                draft.put(anchor.path + (title.key,), read_text(_joined(found.cells)))
    return draft


def _value(draft: Draft, index: int, anchor: Anchor, found: Field | None) -> None:
    item, located = anchor.slot.item, draft.located
    if found is None and item.kind is Kind.CHECKS:
        found = _heading_of(located, index, anchor)     # Ⅲ６ [ ] 接続しない（入手）: on the heading
    if found is None:
        return
    doubt = runs_on(located, found) and not bounded(located, index, found)
    text = _printed(located, found, item, doubt)
    if item.counted:                                # Ⅱ５ 提供・移転の有無: its counts
        draft.values[anchor.path] = read_counts(item, text)
        draft.found.add(anchor.path)
        return
    read = READERS[item.kind](item, text)
    draft.put(anchor.path, Read(read.value, read.note or trust(located, found, item, read.value, doubt)))


def _printed(located: Located, found: Field, item, doubt: bool) -> str | None:
    """The text to read: the label's own line only where what follows is not surely its; a ※ the
    extraction put on a line of its own left out; a date's first line."""
    text = _own_line(found) if doubt and _own_line(found) else value_text(located, found)
    if text and not located.sheet.structured:
        text = re.sub(r"^\s*※\s*\n", "", text)
    return text.strip().split("\n")[0] if text and item.kind is Kind.DATE else text


def _own_line(found: Field) -> str:
    """The value printed on the label's own line."""
    return _joined(cell for cell in found.cells if cell and cell.strip())


def _heading_of(located: Located, index: int, anchor: Anchor) -> Field | None:
    """The heading field of the section ``anchor`` is a header box of."""
    for before in range(index - 1, -1, -1):
        other = located.anchors[before]
        if other.kind == HEADING and other.path == anchor.path[:-1]:
            return located.field(before)
    return None


def value_text(located: Located, found: Field) -> str | None:
    """The text printed for a field: its cells, else the row below a label printed across the row;
    in extracted text, the lines that follow too, up to the next label."""
    cells = [cell for cell in found.cells if cell is not None]
    if found.whole and not located.sheet.structured:    # a check-box cell wraps onto lines of boxes
        more = [row for row in located.rows_after(found) if BOX.match(_joined(row.cells).lstrip())]
        return "\n".join([_joined(cells), *(_joined(row.cells) for row in more)])
    if located.sheet.structured or found.whole:
        if cells or found.whole:
            return _joined(cells)
        below = located.rows_after(found)[:1]
        return _joined(below[0].cells) if below else None
    lines = [_joined(cells)] if any(cell.strip() for cell in cells) else []
    lines += [_joined(row.cells) for row in located.rows_after(found)]
    return "\n".join(line for line in lines if line.strip()) or None


def _joined(cells) -> str:
    return "\n".join(cell for cell in cells if cell)


READERS = {
    Kind.TEXT: lambda item, text: read_text(text),
    Kind.DATE: lambda item, text: read_date(text),
    Kind.CHOICE: read_choice,
    Kind.CHECKS: read_checks,
}
