"""An HTML page as rows: headings and paragraphs between tables, and each table row with its
cells (th and td alike). A cell holding a table of its own (our check-box grid) reads as that
table's rows, one a line, cells spaced as the document model prints them (Row.text)."""
from __future__ import annotations

from lxml import html as lxml_html

from .sheet import Row, Sheet

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
