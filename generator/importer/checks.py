"""Check boxes read back: ``[ ○ ] 評価実施機関内の他部署 （ 市民課 ）`` as the spec's list of checked
boxes, each a text or ``{text: detail}``; Ⅱ５ 提供・移転の有無's ``[ ○ ] 提供を行っている （ 3 ） 件``
as its counts. A mark the extraction lost (☐), or a box text the form does not print, is marked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..forms import Check, Item
from .normal import Folded, fold
from .values import Read

BOX = re.compile(r"[\[［]\s*([○〇◯OoＯ0０●✓✔]?)\s*[\]］]|(☐)|(☑)")
_COUNT = re.compile(r"^\s*[（(]\s*(\d*)\s*[）)]\s*件")


@dataclass(frozen=True)
class Box:
    check: Check | None
    checked: bool | None        # None: the mark was lost
    rest: str                   # the raw text after the box's own text (its （ detail ）)
    text: str


def boxes(item: Item, text: str) -> list[Box]:
    """The boxes printed in ``text``, each matched to one of the item's check boxes."""
    marks = list(BOX.finditer(text))
    found = []
    for number, mark in enumerate(marks):
        end = marks[number + 1].start() if number + 1 < len(marks) else len(text)
        segment = text[mark.end():end]
        check, rest = _match(item.checks.checks, segment)
        state = None if mark.group(2) else bool(mark.group(1) or mark.group(3))
        found.append(Box(check, state, rest, segment.strip()))
    return found


def _match(checks: tuple[Check, ...], segment: str) -> tuple[Check | None, str]:
    """The longest box text ``segment`` starts with, and the raw text after it."""
    folded = Folded(segment)
    for check in sorted(checks, key=lambda check: len(fold(check.text)), reverse=True):
        label = fold(check.text)
        if label and folded.text.startswith(label):
            return check, segment[folded.start(len(label)):]
    return None, segment


def read_checks(item: Item, text: str | None) -> Read:
    """The checked boxes, with their details, in printed order."""
    found = boxes(item, text or "")
    if not found:
        return Read(None, "チェック欄が見つかりません") if (text or "").strip() else Read()
    checked, seen = [], set()
    for box in found:
        if box.checked and box.check is not None and box.check.key not in seen:
            checked.append(_entry(box))
            seen.add(box.check.key)
    return Read(checked or None, _doubt(item, found))


def _doubt(item: Item, found: list[Box]) -> str:
    if any(box.checked is None for box in found):
        return "チェックの有無が抽出で失われています（印刷物で確認してください）"
    strays = [box.text for box in found if box.check is None and box.checked]
    if strays:
        return f"様式にないチェック項目「{strays[0][:30]}」があります"
    keys = [box.check.key for box in found if box.check is not None]
    if len(keys) != len(set(keys)):
        return "同じチェック項目が二度印字されています（抽出の重なり）"
    return "" if len({box.check.key for box in found if box.check}) >= len(item.checks.checks) // 2 else \
        "チェック欄の一部しか読み取れません"


def _entry(box: Box) -> str | dict:
    detail = _detail(box.rest) if box.check.detail else ""
    return {box.check.key: detail} if detail else box.check.key


def _detail(rest: str) -> str:
    """The text inside the （ ） after a box text (nested brackets kept)."""
    text = rest.strip()
    if not text or text[0] not in "（(":
        return ""
    depth = 0
    for index, character in enumerate(text):
        depth += character in "（("
        depth -= character in "）)"
        if depth == 0:
            return text[1:index].strip()
    return text[1:].strip()


def read_counts(item: Item, text: str | None) -> dict[str, int | None]:
    """Ⅱ５ 提供・移転の有無: each checked counting box with the count printed beside it."""
    counts = {}
    for box in boxes(item, text or ""):
        if box.checked and box.check is not None and box.check.counts:
            found = _COUNT.match(box.rest)
            counts[box.check.key] = int(found.group(1)) if found and found.group(1) else None
    return counts
