"""Word files and HTML pages as rows: the body's paragraphs (headings, part titles, the version line)
and each table row with each cell once — python-docx's ``row.cells`` repeats a merged cell, its
``w:tc`` elements do not; an HTML cell holding a table of its own (the check-box grid) reads as that
table's rows, one a line, cells spaced as the document model prints them (Row.text)."""
from __future__ import annotations

import io

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

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


_BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "div"}
_GAP = "　　"


def html_sheet(content: bytes) -> Sheet:
    """The page's blocks and table rows in document order."""
    tree = lxml_html.fromstring(content)
    for element in tree.xpath("//style | //script | //head"):
        element.drop_tree()
    rows: list[Row] = []
    _walk(tree, rows, [0])
    return Sheet(tuple(rows), lines="exact")


def _walk(element, rows: list[Row], tables: list[int]) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "table":
            tables[0] += 1
            rows += [Row(tuple(_cell(cell) for cell in _cells(tr)), tables[0]) for tr in _own_rows(child)]
        elif child.tag in _BLOCKS and not child.xpath(".//table"):
            rows.append(Row((child.text_content(),)))
        else:
            _walk(child, rows, tables)


def _own_rows(table) -> list:
    """The table's rows, not those of tables inside its cells."""
    return [tr for tr in table.iter("tr") if _owner(tr) is table]


def _owner(tr):
    parent = tr.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cells(tr) -> list:
    return [cell for cell in tr if isinstance(cell.tag, str) and cell.tag in ("th", "td")]


def _cell(cell) -> str:
    """A cell's text; a grid inside it as its rows, one a line."""
    inner = cell.xpath("./table")
    if not inner:
        return cell.text_content()
    return "\n".join(_GAP.join(_cell(inside) for inside in _cells(tr)) for tr in _own_rows(inner[0]))
