"""Text extracted by others (plain text, Markdown, text with HTML fragments, as the files in
../shared/seeds are) as rows: one a line, cut at tabs and Markdown pipes. HTML inside a line is
flattened: ``<input type="checkbox"/>`` becomes ☐ (a box whose mark was lost), a checked input ☑,
tags go, entities are unescaped."""
from __future__ import annotations

import html
import re

from .sheet import Row, Sheet

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
