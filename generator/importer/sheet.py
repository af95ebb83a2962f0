"""What every input becomes before items are located: rows of cells in reading order.

A DOCX, an HTML page and a PDF give table rows (each merged cell once) and the paragraphs between
tables (part titles, 特記事項's heading); extracted text gives its lines, cut at tabs and Markdown
pipes. ``table`` numbers the table a row belongs to (0: outside any table), so the 変更箇所 table and
the further annexes (添付資料) are read as tables. ``lines`` tells how far line breaks in a cell can
be trusted: "exact" (DOCX, HTML: the spec's own), "wrapped" (PDF: rebuilt from positions), "joined"
(extracted text: lines of a cell run together).
"""
from __future__ import annotations

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
