"""How printed text is compared when it is read back: labels, choice texts and whole values.

A published document prints a label as 「①事務の名称」, 「1 事務の名称」 or, after OCR, 「事務の名柄」;
a key is what stays the same: NFKC (full/half width, ① → 1), look-alike glyphs unified (カ/力,
ー/一/－), numbering, ※ and white space dropped. ``Folded`` keeps, for each compared character, the
position of the raw character it came from, so a match found in the folded text cuts the raw text.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# OCR and typesetting look-alikes, each pair read as one glyph.
_ALIKE = str.maketrans({"力": "カ", "口": "ロ", "工": "エ", "夕": "タ", "卜": "ト", "二": "ニ", "八": "ハ",
                        "へ": "ヘ", "べ": "ベ", "ぺ": "ペ", "〇": "○", "◯": "○", "ー": "-", "一": "-",
                        "―": "-", "—": "-", "‐": "-", "−": "-", "〜": "~", "～": "~", "･": "・",
                        "〈": "<", "〉": ">", "《": "<", "》": ">", "＜": "<", "＞": ">"})
_SPACE = re.compile(r"\s+")
# Leading numbering of a printed label: Ⅲ, １．, ①, (別添1), 【別添4】 (after NFKC).
NUMBERING = re.compile(r"(?:\(別添\d+\)|【別添\d+】|[IVX]+(?=[^A-Za-z])|\d+\.(?!\d)|\d+(?=[^\d,.万人年項月日件]))")
MARK = "※"


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` as compared: NFKC, look-alikes unified, white space dropped."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).translate(_ALIKE)


@lru_cache(maxsize=65536)
def key(label: str) -> str:
    """A printed label as it is looked up (「３．特定個人情報ファイル名」 → 「特定個人情報ファイル名」)."""
    folded = fold(label).replace(MARK, "")
    found = NUMBERING.match(folded)
    return folded[found.end():] if found else folded


# Punctuation OCR and typesetting print in several shapes (not letters: 力 for カ stays a difference).
_MARKS = str.maketrans({"·": "・", "‧": "・", "･": "・", "•": "・", "〈": "<", "〉": ">", "《": "<", "》": ">",
                        "―": "-", "—": "-", "‐": "-", "−": "-", "–": "-", "_": "-", "〇": "○", "◯": "○"})
_MARKED = re.compile(r"\[[Oo0○]\]")           # a check mark in a quoted box: [O] is [○]


def loose(text: str) -> str:
    """``text`` as two printings of one value are compared: NFKC, white space dropped, the shapes
    of dots, angle brackets and dashes unified."""
    return _MARKED.sub("[○]", plain(text).translate(_MARKS))


def plain(text: str) -> str:
    """``text`` as shown in a hint: NFKC, white space dropped (look-alikes kept as printed)."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def same(one: object, other: object) -> bool:
    """Two values alike once white space and width are set aside (the measure for PDF and OCR text)."""
    return fold(_text(one)) == fold(_text(other))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(_text(part) for part in value)
    return str(value)


class Folded:
    """A raw text folded character by character: ``text`` and, per folded character, the index of
    the raw character it came from (``start``/``end`` map a folded span back to the raw text)."""

    def __init__(self, raw: str):
        self.raw = raw
        characters, origins = [], []
        for index, character in enumerate(raw):
            for piece in fold(character):
                characters.append(piece)
                origins.append(index)
        self.text, self.origins = "".join(characters), origins

    def start(self, position: int) -> int:
        """The raw index where the folded character at ``position`` starts (the end: len(raw))."""
        return self.origins[position] if position < len(self.origins) else len(self.raw)

    def end(self, position: int) -> int:
        """The raw index just after the folded span ending before ``position``."""
        return self.origins[position - 1] + 1 if position > 0 else 0
