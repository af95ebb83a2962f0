"""The fragment library as patterns to recognise: each entry's 本文 (specs/fragments and the standard
library, read/fragments.py) as a regular expression over folded text, its 引数 as named groups.

A parameter on a line of its own (``{見出し}``) may be absent (resolve drops the line when it is
empty) or a heading line (＜…における措置＞, 【…】, ●…); one inside a line (``{前置き}``,
``{事業者}``) is a short text within that line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from ..read.fragments import Library
from ..read.resolve import PLACEHOLDER
from .normal import fold, plain

HEADING_STARTS = "＜<【〈（(●○〇◎■◆□◇[［"


@dataclass(frozen=True)
class Standard:
    name: str                        # <file>/<entry>
    pattern: re.Pattern
    defaults: dict[str, str]
    standalone: frozenset[str]       # parameters on a line of their own
    leading: frozenset[str]          # parameters opening a line (「{前置き}申請内容…」)
    first: str                       # the first literal piece, folded (where a match can start)
    text: str                        # the 本文 with its defaults, folded (near matches)
    groups: dict[str, str]           # parameter → its group in the pattern
    body: str                        # the 本文 as written

    @cached_property
    def shown(self) -> str:
        """The 本文 with its defaults as a hint shows it (NFKC, no white space)."""
        return plain(PLACEHOLDER.sub(lambda found: self.defaults.get(found.group(1), ""), self.body))

    @cached_property
    def grams(self) -> frozenset[str]:
        """The 本文's three-character pieces (a quick test of nearness)."""
        return frozenset(self.text[index:index + 3] for index in range(len(self.text) - 2))


def standards(library: Library) -> list[Standard]:
    """Every entry of every fragment file with a text 本文, the longest first (a longer entry wins
    over one it contains)."""
    found = []
    for name in _names(library):
        fragment = library.find(name)
        if fragment is not None and isinstance(fragment.body, str) and fold(fragment.body):
            found.append(_standard(name, fragment.body, {k: v or "" for k, v in fragment.parameters.items()}))
    return sorted(found, key=lambda standard: (-len(standard.text), standard.name))


def _names(library: Library) -> list[str]:
    names = set()
    for root, path in library.shelf.all_files():
        stem = path.relative_to(root).with_suffix("").as_posix()
        for loaded in library.shelf.versions(stem):
            if loaded is not None and isinstance(loaded.plain, dict):
                names |= {f"{stem}/{entry}" for entry in loaded.plain}
    return sorted(names)


def _standard(name: str, body: str, defaults: dict[str, str]) -> Standard:
    pieces, kinds, literals = _pieces(body)
    text = fold(PLACEHOLDER.sub(lambda found: defaults.get(found.group(1), ""), body))
    return Standard(name, re.compile("".join(pieces), re.DOTALL), defaults,
                    frozenset(part for part, kind in kinds.items() if kind == "alone"),
                    frozenset(part for part, kind in kinds.items() if kind == "leading"),
                    next((piece for piece in literals if piece), ""), text,
                    {part: f"p{number}" for number, part in enumerate(kinds)}, body)


def _pieces(body: str) -> tuple[list[str], dict[str, str], list[str]]:
    """The pattern's pieces (literals folded, parameters as groups), each parameter's kind, and
    the literal pieces."""
    pieces, kinds, literals = [], {}, []
    for line in body.split("\n"):
        parts = PLACEHOLDER.split(line)
        literals += [fold(part) for part in parts[::2]]
        for number, part in enumerate(parts):
            if number % 2 == 0:
                pieces.append(re.escape(fold(part)))
                continue
            seen = part in kinds
            kinds.setdefault(part, _kind(parts, number))
            group = f"p{list(kinds).index(part)}"
            pieces.append(f"(?P={group})" if seen else f"(?P<{group}>{WIDTHS[kinds[part]]})")
    return pieces, kinds, literals


def _kind(parts: list[str], number: int) -> str:
    """A parameter alone on its line, opening its line, or inside it."""
    if len(parts) == 3 and not fold(parts[0]) and not fold(parts[2]):
        return "alone"
    return "leading" if number == 1 and not fold(parts[0]) else "inside"


# How much text a parameter may take: a heading line, a line's opening (・, ①), a phrase.
WIDTHS = {"alone": ".{0,80}?", "leading": "[^。]{0,12}?", "inside": ".{0,400}?"}
