"""Standard fragments recognised in a text read back: a run of lines equal (folded) to a fragment
entry's 本文 becomes a ``{共通記載: file/entry, 引数: {…}}`` reference, its parameters read from the
text; a text close to an entry but not equal stays text, with a hint naming the entry and the first
differences, so a person decides."""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..read.fragments import ARGUMENTS, REFERENCE
from ..read.resolve import _substitute  # the one substitution rule: the text a reference prints
from .normal import Folded, fold, plain
from .standard import HEADING_STARTS, Standard

NEAR = 0.85


@dataclass(frozen=True)
class Recognised:
    value: Any
    hint: str = ""


@dataclass(frozen=True)
class _Found:
    standard: Standard
    start: int            # raw span of the fragment's text
    end: int
    arguments: dict[str, str]


def recognise(text: str, found: list[Standard], exact: bool) -> Recognised:
    """``text`` with its standard fragments as references (``exact``: line breaks are the spec's)."""
    parts = _split(text, found, exact)
    value = parts[0] if len(parts) == 1 else parts
    texts = [part for part in parts if isinstance(part, str)]
    hints = [hint for part in texts for hint in [_near(part, found)] if hint]
    return Recognised(value, hints[0] if hints else "")


def _split(text: str, found: list[Standard], exact: bool) -> list:
    folded = Folded(text)
    starts = _starts(folded, exact)
    best = None
    for standard in found:
        if standard.first and standard.first in folded.text:
            match = _match(standard, folded, starts, exact)
            if match is not None and (best is None or match.start < best.start):
                best = match
    if best is None:
        return [text]
    before, after = _trim(text[:best.start], exact, end=True), _trim(text[best.end:], exact, end=False)
    reference = {REFERENCE: best.standard.name, **({ARGUMENTS: best.arguments} if best.arguments else {})}
    return ([before] if before.strip() else []) + [reference] + (_split(after, found, exact) if after.strip() else [])


def _starts(folded: Folded, exact: bool) -> list[int]:
    """Folded positions where a fragment may begin: a line's first character (after white space,
    for text whose lines were joined)."""
    raw, starts, opened = folded.raw, [], True
    origins = folded.origins
    for position, origin in enumerate(origins):
        if position and origins[position - 1] == origin:
            continue
        gap = raw[origins[position - 1] + 1:origin] if position else raw[:origin]
        opened = position == 0 or "\n" in gap or (not exact and bool(gap))
        if opened:
            starts.append(position)
    return starts


def _match(standard: Standard, folded: Folded, starts: list[int], exact: bool) -> _Found | None:
    position = folded.text.find(standard.first)
    while position >= 0:
        for start in (start for start in starts if position - 90 <= start <= position):
            match = standard.pattern.match(folded.text, start)
            found = _found(standard, match, folded, exact) if match else None
            if found is not None:
                return found
        position = folded.text.find(standard.first, position + 1)
    return None


def _found(standard: Standard, match, folded: Folded, exact: bool) -> _Found | None:
    raw, end = folded.raw, folded.end(match.end())
    rest = raw[end:].lstrip(" \t\u3000")
    if rest and not (rest.startswith("\n") or (not exact and raw[end:end + 1].isspace())):
        return None
    arguments = {}
    for name, group in standard.groups.items():
        value = raw[folded.start(match.start(group)):folded.end(match.end(group))] if match.group(group) else ""
        if not _fits(name, standard, value, raw[folded.start(match.start(group)):folded.start(match.end(group))], exact):
            return None
        if fold(value) != fold(standard.defaults.get(name, "")):
            arguments[name] = value.strip()
    start = folded.start(match.start())
    return _Found(standard, start, end, arguments) if _prints(standard, arguments, raw[start:end]) else None


def _fits(name: str, standard: Standard, value: str, spread: str, exact: bool) -> bool:
    """A parameter's text where its 本文 puts it: a heading on a line of its own (``spread``, the
    text up to what follows it, then holds a line break), a phrase within one line."""
    if name in standard.standalone:
        one_line = "\n" not in value.strip() and (not value or "\n" in spread)
        return _heading(value, standard.defaults.get(name, "")) and (not exact or one_line)
    return not exact or "\n" not in spread


def _heading(value: str, default: str) -> bool:
    """A parameter on a line of its own holds a heading (＜…における措置＞), or nothing."""
    text = value.strip()
    return not text or fold(text) == fold(default) or (text[0] in HEADING_STARTS and len(text) <= 80)


def _prints(standard: Standard, arguments: dict[str, str], printed: str) -> bool:
    """Whether the reference prints the text found (folded: white space and width aside)."""
    values = {**standard.defaults, **arguments}
    return fold(_substitute(standard.body, values)) == fold(printed)


def _trim(text: str, exact: bool, end: bool) -> str:
    """The text beside a fragment without the line break (or space) that joined them."""
    if not exact:
        return text.strip()
    return text[:-1] if end and text.endswith("\n") else text[1:] if not end and text.startswith("\n") else text


def _near(text: str, found: list[Standard]) -> str:
    """A hint naming the standard fragment ``text`` is close to, with its first differences."""
    folded = fold(text)
    grams = {folded[index:index + 3] for index in range(len(folded) - 2)}
    for standard in found:
        if len(standard.text) < 30 or len(standard.grams & grams) < 0.7 * len(standard.grams):
            continue
        matcher = SequenceMatcher(None, standard.shown, plain(text), autojunk=False)
        if sum(block.size for block in matcher.get_matching_blocks()) >= NEAR * len(standard.shown):
            return f"共通記載「{standard.name}」に近い文です（違い: {_differences(matcher)}）"
    return ""


def _differences(matcher: SequenceMatcher) -> str:
    shown = [f"「{matcher.a[i1:i2][:15]}」→「{matcher.b[j1:j2][:15]}」" for tag, i1, i2, j1, j2 in matcher.get_opcodes()
             if tag != "equal" and not (tag == "insert" and i1 in (0, len(matcher.a)))]
    return "、".join(shown[:3]) or "語句の一部"
