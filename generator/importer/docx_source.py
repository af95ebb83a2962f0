"""A Word file as rows: each body paragraph, and each table row with each cell once (python-docx's
``row.cells`` repeats a merged cell; its ``w:tc`` elements do not)."""
from __future__ import annotations

import io

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .sheet import Row, Sheet


def docx_sheet(content: bytes) -> Sheet:
    """The paragraphs and table rows of the document body, in order."""
    document = docx.Document(io.BytesIO(content))
    rows: list[Row] = []
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            rows.append(Row((Paragraph(child, document).text,)))
        elif child.tag.endswith("}tbl"):
            tables += 1
            rows += _table_rows(Table(child, document), tables)
    return Sheet(tuple(rows), lines="exact")


def _table_rows(table: Table, number: int) -> list[Row]:
    return [Row(tuple(_Cell(tc, table).text for tc in tr.tc_lst), number) for tr in table._tbl.tr_lst]
