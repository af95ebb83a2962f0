"""A printed value read back by its item's kind, as layout/fill.py prints it: a choice as
``[ 十分である ]`` beside its ＜選択肢＞, check boxes as ``[ ○ ] 紙`` with （ detail ） or （ n ） 件, a
和暦 date, free text. What cannot be read with certainty comes back with a reason (要確認).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..forms import Item
from ..wareki import parse
from .normal import fold

OPTIONS = re.compile(r"[＜<〈(（]\s*選択肢\s*[＞>〉)）]")
_BRACKET = re.compile(r"[\[［]\s*([^\[\]［］\n]*?)\s*(?:[\]］]|$)", re.MULTILINE)
_LOST = "☐"       # a check box whose mark the extraction lost (<input type="checkbox"/>)


@dataclass(frozen=True)
class Read:
    value: Any = None
    note: str = ""          # why the value needs a person (要確認), "" when it was read plainly


def without_options(text: str) -> str:
    """The value printed before a ＜選択肢＞ list (the list itself is the form's)."""
    found = OPTIONS.search(text)
    return text[:found.start()] if found else text


def read_text(text: str | None) -> Read:
    """Free text as printed, line breaks kept; blank when nothing is printed."""
    return Read(text if text and text.strip() else None)


def read_date(text: str | None) -> Read:
    """A 和暦 date (令和6年5月24日, 平成28年4月); anything else is kept and marked."""
    value = (text or "").strip()
    if not value:
        return Read()
    compact = re.sub(r"\s+", "", value)
    if parse(compact) is not None:
        return Read(compact)
    return Read(value, f"和暦の日付として読めません（「{_short(value)}」）")


def read_choice(item: Item, text: str | None) -> Read:
    """``[ 選択肢の文言 ]``: one of the item's ＜選択肢＞, the nearest one marked, none when blank."""
    printed = without_options(text or "")
    found = _BRACKET.search(printed)
    chosen = found.group(1) if found else printed.replace(_LOST, "").strip()
    if not fold(chosen):
        return Read()
    options = {fold(option): option for option in item.options.texts}
    if fold(chosen) in options:
        return Read(options[fold(chosen)])
    return _nearest(item, chosen)


def _nearest(item: Item, chosen: str) -> Read:
    scored = sorted((SequenceMatcher(None, fold(chosen), fold(option)).ratio(), option) for option in item.options.texts)
    ratio, option = scored[-1]
    if ratio >= 0.6:
        return Read(option, f"「{_short(chosen)}」を選択肢「{option}」と読みました")
    return Read(None, f"「{_short(chosen)}」は選択肢にありません（選択肢: {'／'.join(item.options.texts)}）")


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"
