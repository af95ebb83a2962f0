"""One PDF page as rows: the characters put in the cells of its tables (each cell once, in the row of
its top), the characters outside tables as lines, all in order down the page; a cell's lines joined
where the text only wrapped; the first row of a page joined with the last row of the page before
when the page break split it (same columns, its first cell empty)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..wareki import parse
from .sheet import Row

PADDING = 6.0        # a Word cell's text stops this short of its right border (pt)
FOOTER = 0.92        # below this share of the page height: the page number


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class _Cell:
    box: Box
    glyphs: list


def page_rows(rows: list[Row], glyphs: list, tables: list[list[Box]], page: int, height: float) -> list[Row]:
    """``rows`` with this page's rows after them."""
    cells = [[_Cell(box, []) for box in table] for table in tables]
    outside = _place(glyphs, [cell for table in cells for cell in table])
    found = [(top, Row((text,), 0, page)) for top, text in _lines(outside) if top < FOOTER * height]
    for number, table in enumerate(cells):
        found += [(top, Row(texts, page * 1000 + number + 1, page)) for top, texts in _table_rows(table)]
    found.sort(key=lambda item: item[0])
    return _joined(rows, [row for _, row in found])


def _place(glyphs: list, cells: list[_Cell]) -> list:
    """Each glyph into the cell holding its centre; those in no cell are returned."""
    bands = sorted({cell.box.top for cell in cells} | {cell.box.bottom for cell in cells})
    covering: list[list[_Cell]] = [[cell for cell in cells if cell.box.top <= low and cell.box.bottom >= high]
                                   for low, high in zip(bands, bands[1:])]
    outside = []
    for glyph in glyphs:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        band = bisect_right(bands, y) - 1
        home = next((cell for cell in covering[band] if cell.box.x0 <= x <= cell.box.x1), None) \
            if 0 <= band < len(covering) else None
        (home.glyphs if home is not None else outside).append(glyph)
    return outside


def _table_rows(cells: list[_Cell]) -> list[tuple[float, tuple[str, ...]]]:
    """The table's rows: its cells grouped by their tops, left to right."""
    rows: dict[float, list[_Cell]] = {}
    for cell in cells:
        rows.setdefault(round(cell.box.top, 1), []).append(cell)
    return [(top, tuple(_text(cell) for cell in sorted(row, key=lambda cell: cell.box.x0)))
            for top, row in sorted(rows.items())]


def _text(cell: _Cell) -> str:
    """A cell's text: its lines, joined where a line only wrapped at the cell's right edge."""
    text, previous = "", None
    for _, line, right in _measured(cell.glyphs):
        printed = "".join(glyph.text for glyph in line)
        wrapped = previous is not None and previous >= cell.box.x1 - PADDING - 2.2 * _first_width(line)
        text += printed if previous is None or wrapped else "\n" + printed
        previous = right
    return text


def _measured(glyphs: list):
    """The glyphs as lines down the cell: (top, glyphs left to right, right edge)."""
    found: list[list] = []
    bottom = 0.0
    for glyph in sorted(glyphs, key=lambda glyph: glyph.top + glyph.bottom):
        if found and (glyph.top + glyph.bottom) / 2 <= bottom - 1:
            found[-1].append(glyph)
            bottom = max(bottom, glyph.bottom)
        else:
            found.append([glyph])
            bottom = glyph.bottom
    ordered = [sorted(line, key=lambda glyph: glyph.x0) for line in found]
    return [(min(glyph.top for glyph in line), line, max(glyph.x1 for glyph in line)) for line in ordered]


def _lines(glyphs: list) -> list[tuple[float, str]]:
    return [(top, "".join(glyph.text for glyph in line)) for top, line, _ in _measured(glyphs)]


def _first_width(line: list) -> float:
    """How wide the line's first character is (a line wraps when its next character would not fit)."""
    return max(line[0].x1 - line[0].x0, 4.0)


def _joined(rows: list[Row], new: list[Row]) -> list[Row]:
    """``rows`` then ``new``; where the page break split a row, its rest (the first row of the page,
    after the table's head printed again) joined with its first part: the same columns, its first
    cell and half its cells empty (a row of its own has its label, or its date and 項目)."""
    if not rows or not new or not rows[-1].table or not new[0].table or rows[-1].page == new[0].page:
        return rows + new
    head = next(row for row in rows if row.table == rows[-1].table)
    at = 1 if new[0].cells == head.cells and len(new) > 1 else 0
    last, cells = rows[-1], new[at].cells
    if len(cells) == len(last.cells) + 1 and not cells[0].strip():     # a label cell spanning rows, carried over
        cells = cells[1:]
    if len(cells) != len(last.cells) or len(cells) < 2 or not _rest(last.cells, cells):
        return rows + new
    merged = tuple(_continued(one, other) for one, other in zip(last.cells, cells))
    return rows[:-1] + [Row(merged, last.table, last.page)] + new[:at] + new[at + 1:]


def _rest(first: tuple[str, ...], rest: tuple[str, ...]) -> bool:
    """Whether ``rest`` is the rest of the row ``first``: its first cell empty, and half its cells
    too (the text that fitted on the page before) or one starting in mid-sentence; a label's last
    characters and a cell starting in mid-sentence; or a date cut in two (「令和2年12」「月18日」)."""
    one, other = first[0].strip(), rest[0].strip()
    midway = any(_MIDWAY.match(cell) for cell in rest)
    if not other:
        return sum(not cell.strip() for cell in rest) * 2 >= len(rest) or midway
    if midway and len(other) <= 3:          # a label cut in two as well (「情報の統計分」「析 ※」)
        return True
    return parse(one) is None and parse(other) is None and parse(one + other) is not None


_MIDWAY = re.compile(r"^\s*[ぁ-ゖ、。，）」』]")          # no value of its own starts so: a sentence's rest


_CLOSED = "。）」』】＞>"
_OPENING = "・①②③④⑤⑥⑦⑧⑨⑩【＜〈(（●○■◆□※"


def _continued(first: str, rest: str) -> str:
    """A cell's text across a page break: one line when it broke mid-sentence."""
    if not first or not rest:
        return first + rest
    return first + ("\n" if first[-1] in _CLOSED or rest[0] in _OPENING else "") + rest
