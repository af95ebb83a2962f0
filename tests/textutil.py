"""Reading our outputs back as text (HTML parsed with lxml, DOCX with python-docx), and the
normalisation used to compare them with the published seeds."""
from __future__ import annotations

import html
import io
import re
import unicodedata

import docx
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

MARKS = str.maketrans({"〇": "○", "O": "○", "o": "○", "◯": "○"})
_TAG = re.compile(r"<[^>]+>")


def html_lines(content: bytes) -> list[str]:
    """The visible text of an HTML page, one line per text node, in document order."""
    tree = lxml_html.fromstring(content)
    for element in tree.xpath("//style | //script | //head"):
        element.drop_tree()
    return [text for text in tree.itertext()]


def docx_lines(content: bytes) -> list[str]:
    """The text of a DOCX in reading order: body paragraphs and table cells (each cell once)."""
    document = docx.Document(io.BytesIO(content))
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            lines.append(Paragraph(child, document).text)
        elif child.tag.endswith("}tbl"):
            lines += table_lines(Table(child, document))
    return lines


def table_lines(table: Table) -> list[str]:
    """Each ``w:tc`` once, in row order: python-docx's row.cells repeats merged cells."""
    lines = []
    for tr in table._tbl.tr_lst:
        for tc in tr.tc_lst:
            lines.append(_Cell(tc, table).text)
    return lines


def normalise(text: str) -> str:
    """NFKC, check marks unified, white space, punctuation and symbols (but ○) dropped."""
    text = unicodedata.normalize("NFKC", html.unescape(_TAG.sub(" ", text))).translate(MARKS)
    return "".join(ch for ch in text if ch == "○" or unicodedata.category(ch)[0] not in "PZCS")


# Clause boundaries: line breaks, tabs, check-box brackets, HTML tags, and Japanese punctuation
# (。、・：, brackets). The extraction joins whole table cells into one line (seed 002: paragraphs of
# several hundred characters), so a single OCR error would otherwise cost the whole cell; cut at
# clauses, it costs one clause. Applied alike to every seed.
_BOUNDARIES = re.compile(r"[\n\t\[\]［］]|<[^>]+>|[。、，,：:・＜＞〈〉<>【】（）()]")


def seed_segments(seed: str, minimum: int = 12) -> list[str]:
    """The published text cut into clauses; the normalised clauses of at least ``minimum`` characters."""
    pieces = _BOUNDARIES.split(seed)
    normalised = (normalise(piece) for piece in pieces)
    return [piece for piece in normalised if len(piece) >= minimum]


def recall(segments: list[str], output: str) -> tuple[float, list[str]]:
    """Share of the segments' characters found in ``output`` (normalised), and the misses."""
    haystack = normalise(output)
    missing = [segment for segment in segments if segment not in haystack]
    total = sum(map(len, segments))
    return 1 - sum(map(len, missing)) / total, missing
