"""How far a value read back can be trusted, where the document's reading order or its text cannot
be: text extracted by others (OCR, a PDF's text layer read line by line). Each reason marks the
item 要確認; a value with none passes as read.

- a value that runs on over the lines after its label, when the label printed next is not the one
  the form prints next (a label lost, or a page whose text came out labels first, values after);
- a value beside a label whose neighbours are not the form's neighbours (text read out of order);
- lines between two items that belong to neither for sure (a cell's text split around its label);
- a free text holding another item's print: a ＜選択肢＞ list, check boxes, a label, an option;
- the signs of a misread text (doubts.py).
"""
from __future__ import annotations

from typing import Any

from ..forms import Item, Kind
from .checks import BOX
from .doubts import doubt
from .fields import Field
from .locate import Located
from .normal import fold, key
from .plan import HEADING
from .values import OPTIONS

UNSURE = "どこまでがこの項目の記載か不確かです（前後の見出しが様式の順に並んでいません）"
DISORDER = "前後の項目の並びが様式と違います（読み取りの順が乱れていて、別の項目の記載かもしれません）"
NEAR = 2            # how far (in the plan) the labels printed beside an item may be
ORPHAN = "この項目の前後に、どの項目のものか分からない行があります（記載の一部かもしれません）"


def trust(located: Located, found: Field, item: Item, value: Any, runs_over: bool) -> str:
    """Why ``value``, read at ``found``, needs a person; "" when it does not."""
    if value is None:
        return ""
    if runs_over:
        return UNSURE
    mixed = _mixed(located, item, value)
    if mixed or located.sheet.lines != "joined":
        return mixed
    if not in_order(located, found):
        return DISORDER
    if _orphans(located, found, item):
        return ORPHAN
    return doubt(value, located.numbered) if item.kind is Kind.TEXT and isinstance(value, str) else ""


def runs_on(located: Located, found: Field) -> bool:
    """Whether a value of extracted text continues over the lines after its label's."""
    return not (located.sheet.structured or found.whole) and bool(located.rows_after(found))


def bounded(located: Located, index: int, found: Field) -> bool:
    """Whether the next label printed after ``found`` is the one the form prints next (headings
    aside)."""
    after = next((field for field in located.fields if field.row > found.row and field.key in located.keys), None)
    for later in range(index + 1, len(located.anchors)):
        if later in located.matches:
            return after is not None and located.fields[located.matches[later]] == after
        if located.anchors[later].kind != HEADING:
            return False
    return after is None


def in_order(located: Located, found: Field) -> bool:
    """Whether the labels printed just before and after ``found``'s are those the form prints
    around it (within a few items)."""
    order, labelled = located.order
    if id(found) not in order or id(found) not in labelled:
        return False
    at, index = labelled.index(id(found)), order[id(found)]
    before = order.get(labelled[at - 1]) if at > 0 else index - 1
    after = order.get(labelled[at + 1]) if at + 1 < len(labelled) else index + 1
    return before is not None and after is not None and 0 < index - before <= NEAR and 0 < after - index <= NEAR


def _orphans(located: Located, found: Field, item: Item) -> bool:
    """Lines after a value complete on its label's line, or before the label (a value of a cell
    of its own, whose other lines the extraction put elsewhere)."""
    after = [row for row in located.rows_after(found) if not BOX.match("".join(row.cells).lstrip())]
    if found.whole and after and item.kind is not Kind.CHECKS:
        return True
    before = [field for field in located.fields if field.row < found.row]
    if not before or not located.rows_after(before[-1]):
        return False
    order, _ = located.order
    previous = order.get(id(before[-1]))
    heading = previous is None or located.anchors[previous].kind == HEADING    # takes no lines after it
    return before[-1].whole or heading


def _mixed(located: Located, item: Item, value: Any) -> str:
    """A free text holding a ＜選択肢＞ list, check boxes, a label or an option holds another
    item's print."""
    if item.kind is not Kind.TEXT or not isinstance(value, str):
        return ""
    if OPTIONS.search(value) or BOX.search(value):
        return "他の項目の選択肢やチェック欄が混ざっています"
    if key(value) in located.keys or fold(value) in located.options:
        return "値が他の項目の見出しか選択肢の文言です"
    return ""
