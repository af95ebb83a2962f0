"""A PDF's text layer as rows of cells, whatever order its text objects come in: each character with
its position (pdfium, through pypdfium2, which pdfplumber reads PDFs with), each ruling line, and
pdfplumber's table finding (edges → intersections → cells → tables) to put characters in cells.
A cell's lines are joined again where the text only wrapped (its line reached the cell's right
edge); a row the page break split is joined with its first part (pdf_rows.py).
"""
from __future__ import annotations

import ctypes
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from .pdf_rows import Box, page_rows
from .sheet import Sheet

THIN = 2.0          # a path thinner than this (pt) is a ruling line
SNAP = 3.0          # ruling lines this close are one line


class Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def pdf_sheet(content: bytes) -> Sheet:
    """Every page's table rows and the lines between tables, in reading order."""
    document = pdfium.PdfDocument(content)
    rows: list = []
    try:
        for number in range(len(document)):
            page = document[number]
            height = page.get_height()
            glyphs, tables = _glyphs(page, height), _tables(page, height)
            rows = page_rows(rows, glyphs, tables, number + 1, height)
            page.close()
    finally:
        document.close()
    return Sheet(tuple(rows), lines="wrapped")


def page_count(path) -> int:
    """How many pages the PDF at ``path`` has (0 when it cannot be read)."""
    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return 0
    try:
        return len(document)
    finally:
        document.close()


def _glyphs(page, height: float) -> list[Glyph]:
    """The page's characters (those pdfium generates for gaps and line ends left out)."""
    text = raw.FPDFText_LoadPage(page)
    box, glyphs = raw.FS_RECTF(), []
    pointer, loose = ctypes.byref(box), raw.FPDFText_GetLooseCharBox     # the font's height: one per line
    try:
        characters = _text(text)
        for index, character in enumerate(characters):
            if character in "\r\n\0\ufffe" or (character == " " and raw.FPDFText_IsGenerated(text, index)):
                continue
            loose(text, index, pointer)
            glyphs.append(Glyph(character, box.left, box.right, height - box.top, height - box.bottom))
    finally:
        raw.FPDFText_ClosePage(text)
    return glyphs


def _text(text) -> str:
    """The text page's characters, one per index (pdfium's own line ends and gaps included)."""
    count = raw.FPDFText_CountChars(text)
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    raw.FPDFText_GetText(text, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    decoded = buffer.raw[:2 * count].decode("utf-16-le", errors="replace")
    return decoded if len(decoded) == count else "".join(chr(raw.FPDFText_GetUnicode(text, i)) for i in range(count))


def _tables(page, height: float) -> list[list[Box]]:
    """The page's tables, each as its cells' boxes, from its ruling lines (pdfplumber's algorithm)."""
    edges = _edges(page, height)
    if not edges:
        return []
    merged = merge_edges(edges, SNAP, SNAP, SNAP, SNAP)
    cells = intersections_to_cells(edges_to_intersections(merged, SNAP, SNAP))
    tables = cells_to_tables(cells)
    grouped = {cell for table in tables for cell in table}
    alone = [[cell] for cell in cells if cell not in grouped]       # a box of one cell (宣言, 特記事項)
    return [[Box(*cell) for cell in table] for table in sorted(tables + alone, key=lambda table: min(c[1] for c in table))]


def _edges(page, height: float) -> list[dict]:
    """The thin paths of the page (table borders) as pdfplumber's edges."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    edges = []
    for index in range(raw.FPDFPage_CountObjects(page)):
        item = raw.FPDFPage_GetObject(page, index)
        if raw.FPDFPageObj_GetType(item) != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPageObj_GetBounds(item, left, bottom, right, top)
        x0, x1, y0, y1 = left.value, right.value, height - top.value, height - bottom.value
        if y1 - y0 < THIN and x1 - x0 > THIN:
            middle = (y0 + y1) / 2
            edges.append(_edge("h", x0, x1, middle, middle))
        elif x1 - x0 < THIN and y1 - y0 > THIN:
            middle = (x0 + x1) / 2
            edges.append(_edge("v", middle, middle, y0, y1))
    return edges


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "x1": x1, "top": top, "bottom": bottom,
            "width": x1 - x0, "height": bottom - top, "object_type": "line"}
