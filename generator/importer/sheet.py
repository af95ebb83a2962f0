"""What every input becomes before items are located: rows of cells in reading order; and text
extracted by others (plain text, Markdown, text with HTML fragments, as ../shared/seeds are) read
into them, one row a line, cut at tabs and Markdown pipes, HTML flattened (``<input
type="checkbox"/>`` becomes ☐, a box whose mark was lost; a checked input ☑).

A DOCX, an HTML page and a PDF give table rows (each merged cell once) and the paragraphs between
tables (part titles, 特記事項's heading); extracted text gives its lines, cut at tabs and Markdown
pipes. ``table`` numbers the table a row belongs to (0: outside any table), so the 変更箇所 table and
the further annexes (添付資料) are read as tables. ``lines`` tells how far line breaks in a cell can
be trusted: "exact" (DOCX, HTML: the spec's own), "wrapped" (PDF: rebuilt from positions), "joined"
(extracted text: lines of a cell run together).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    table: int = 0
    page: int = 0

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


@dataclass(frozen=True)
class Sheet:
    rows: tuple[Row, ...]
    lines: str = "exact"          # exact | wrapped | joined
    structured: bool = True       # cells are table cells (not lines cut at tabs)

    @property
    def text(self) -> str:
        """All the text, row by row (what the form and revision are detected from)."""
        return "\n".join(row.text for row in self.rows)


_HEADING = re.compile(r"^\s*#{1,6}\s+")
_BULLET = re.compile(r"^\s*-\s+(?=\S)")           # a Markdown list item: 「- ・第8条…」
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")     # HTML, not ＜記録管理＞-like text


def text_sheet(text: str) -> Sheet:
    """Each non-blank line as a row of cells; runs of lines of several cells number a table."""
    rows: list[Row] = []
    tables = 0
    for line in text.splitlines():
        cells = _cells(line)
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > 1 and (not rows or len(rows[-1].cells) == 1):
            tables += 1
        rows.append(Row(cells, tables if len(cells) > 1 else 0))
    return Sheet(tuple(rows), lines="joined", structured=False)


def _cells(line: str) -> tuple[str, ...]:
    if _RULE.match(line):
        return ()
    line = _BULLET.sub("", _HEADING.sub("", line))
    if line.lstrip().startswith("|"):
        parts = line.strip().strip("|").split("|")
    else:
        parts = line.split("\t")
    return tuple(_flat(part) for part in parts)


def _flat(text: str) -> str:
    """A cell without HTML: inputs as boxes, tags as spaces, entities as characters."""
    text = _INPUT.sub(lambda found: " ☑ " if re.search(r"\bchecked\b", found.group(0)) else " ☐ ", text)
    return html.unescape(_TAG.sub(" ", text)).strip()


def looks_like_page(text: str) -> bool:
    """An HTML page of its own (not text with HTML fragments in its lines)."""
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")
