"""Why a free text read from text extracted by others (OCR) needs a person: the signs of a misread
or misplaced text. A wrong value must never pass silently, so each sign marks the item 要確認:

- a glyph no 評価書 prints (Latin-1 letters, Arabic digits, box drawing, the replacement mark);
- brackets that do not pair (「く」 read for 「＜」, a line cut off);
- a text of scattered single characters (two columns read across);
- a text that starts in mid-sentence (the end of the line before was taken for it);
- a text holding another item's numbered label (the next label was not found);
- a text that is only a mark (「_」 for 「－」).
"""
from __future__ import annotations

import re

from .normal import fold, loose

_PAIRS = (("(", ")"), ("<", ">"), ("「", "」"), ("『", "』"), ("【", "】"), ("[", "]"))
_ENUMERATOR = re.compile(r"(?:^|(?<=[\s、。]))[0-9０-９a-zA-Zア-ン①-⑳]{1,2}[)）]")
_MIDWAY = re.compile(r"^(?:[。、）)」』】〉>]|[ぁ-ゖ]{1,2}[。、])")
# Latin-1 and Latin letters, Greek to Hangul, box drawing, private use, specials (· U+00B7 is a dot).
_ODD = re.compile("[\u0080-\u00b6\u00b8-\u024f\u0370-\u1fff\u2500-\u257f\ue000-\uf8ff\ufff0-\uffff]")


def doubt(text: str, labels: frozenset[str]) -> str:
    """The first sign that ``text`` was misread or misplaced, or ""."""
    for sign in (_odd_glyph, _unpaired, _scattered, _midway, _mark_only):
        found = sign(text)
        if found:
            return found
    return _foreign_label(text, labels)


def _odd_glyph(text: str) -> str:
    odd = _ODD.search(text)
    return f"読み取りの怪しい文字「{odd.group(0)}」があります（OCR の読み違いかもしれません）" if odd else ""


def _unpaired(text: str) -> str:
    counted = loose(_ENUMERATOR.sub("", text))
    for opening, closing in _PAIRS:
        if counted.count(opening) != counted.count(closing):
            return f"括弧「{opening}{closing}」の対応が取れていません（OCR の読み違いか、文の切れ目の誤りかもしれません）"
    return ""


def _scattered(text: str) -> str:
    words = text.split()
    single = sum(len(word) == 1 for word in words)
    return "文字がばらばらに読み取られています（段組みの読み違い）" if len(words) >= 6 and single * 2 >= len(words) else ""


def _midway(text: str) -> str:
    return "文の途中から始まっています（前の行の続きかもしれません）" if _MIDWAY.match(text.lstrip()) else ""


def _mark_only(text: str) -> str:
    stripped = "".join(text.split())
    return "記号だけの値です（「－」の読み違いかもしれません）" if stripped and set(stripped) <= set("_~-=.・") else ""


def _foreign_label(text: str, labels: frozenset[str]) -> str:
    folded = fold(text)
    found = next((label for label in labels if label in folded), None)
    return f"他の項目の見出し「{found}」が混ざっています" if found else ""


def numbered(labels) -> frozenset[str]:
    """The printed labels that begin with their numbering (①…, １．…, リスク１：), folded: what a text
    of another item would not hold."""
    return frozenset(fold(label) for label in labels if _NUMBERED.match(label) and len(fold(label)) >= 6)


_NUMBERED = re.compile(r"^(?:[①-⑳]|[0-9０-９]+[.．]|リスク[0-9０-９]*[:：])")
