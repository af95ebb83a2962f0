"""Every printed item of a spec as an ``Entry``: its printed path (the 項目 column of 変更箇所),
its value as printed, whether it is a ※ item; keyed stably (spec keys, a file's name, the number of
a repeated entry), in printed order. The ※ rule locates a 変更箇所 row's item with it (``Locator``);
history/changes.py compares two versions' entries."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from typing import Any

from ..forms import FILE_NAME, FILES, Form, Item, Kind
from ..forms.shape import Absent, Holds, Visit, shape
from ..forms.values import one_line, provided

NOT_COMPARED = {"公表日", "評価書番号"}     # change with every revision; not 変更箇所 rows


@dataclass(frozen=True)
class Entry:
    path: str
    printed: Callable[[], str] = field(repr=False, compare=False)   # the value as printed, on demand:
    marked: bool = False                                             # locating a 項目 needs only paths
    whole: bool = False      # a repeated entry or a file: added or removed as one row

    @cached_property
    def text(self) -> str:
        return self.printed()


def entries(form: Form, data: dict) -> dict[tuple, Entry]:
    """Every printed item of ``data`` as an Entry, keyed stably, in printed order."""
    out: dict[tuple, Entry] = {}
    files = data.get(FILES) if isinstance(data.get(FILES), list) else []
    found = shape(form)
    for visit in found.visit(data, Absent.BLANK, entries=True):
        entry = None if found.quoted(visit.path) else _entry(visit)
        if entry is not None:
            out.setdefault(_key(visit.path, files), entry)
    return out


def _entry(visit: Visit) -> Entry | None:
    slot, item, path = visit.slot, visit.item, " ".join(visit.trail)
    if not slot.printed or slot.basic or item.kind in (Kind.PART, Kind.CHANGES, Kind.ATTACHMENTS) \
            or item.key in NOT_COMPARED:     # the 基礎項目評価書 part: the 基礎's own 変更箇所 lists it
        return None
    if visit.entry and visit.path[0] == FILES and len(visit.path) == 2:
        return Entry(path, partial(str, visit.value.get(FILE_NAME) or ""), slot.holds_marked, whole=True)
    if visit.entry:
        return Entry(path, partial(_summary, visit.value), slot.marked, whole=True)
    if slot.holds is not Holds.VALUE:     # a mapping or a list: its keys are entries of their own
        return None
    if item.counted:        # 提供・移転の有無 （ n ） 件 changes when the lists or counts do
        return Entry(path, partial(_provision, item, visit.parent), slot.marked)
    return Entry(path, partial(_text, item, visit.value), slot.marked)


def _key(path: tuple, files: list) -> tuple:
    """A file by its name, a repeated entry by its number (from 1), every other step by its key."""
    if path[:1] == (FILES,) and len(path) > 1:
        path = ("file", str(files[path[1]].get(FILE_NAME) or "")) + path[2:]
    return tuple(step + 1 if isinstance(step, int) else step for step in path)


def _summary(entry: dict) -> str:
    """A repeated entry added or removed as one row: each of its values, labelled."""
    return "\n".join(f"{child}：{one_line(value)}" for child, value in entry.items() if one_line(value))


def _text(item: Item, value: Any) -> str:
    """An item's value as the 変更箇所 columns print it."""
    return _checks(item, value) if item.kind is Kind.CHECKS else one_line(value)


def _checks(item: Item, value: Any) -> str:
    """Checked boxes as ``[○]紙 [○]その他（詳細）``."""
    checked: dict[str, Any] = {}
    for entry in value or []:
        checked.update(entry if isinstance(entry, dict) else {entry: None})
    boxes = []
    for check in item.checks.checks:
        if check.key in checked:
            detail = checked[check.key]
            boxes.append(f"[○]{check.text}" + (f"（{detail}）" if check.detail and detail else ""))
    return " ".join(boxes)


def _provision(item: Item, mapping: dict) -> str:
    """Ⅱ５ as published 変更箇所 print it: ``[○]提供を行っている（58）件 [○]移転を行っている（55）件``."""
    found = provided(item, mapping)
    return " ".join(f"[○]{key}" + (f"（{count}）件" if count else "") for key, count in found.items())


class Locator:
    """Finds the entry a published 項目 cell names (paths are written freely: ``Ⅱ５ 移転先１``,
    ``II 特定個人情報ファイルの概要 4 … ③委託先名``): the entry whose path segments appear in the cell
    in the greatest length, its own label among them."""

    def __init__(self, index: dict[tuple, Entry]):
        self.index = index
        self.by_label: dict[str, list[tuple[int, tuple, list[str]]]] = {}   # own label → entries
        for order, (key, entry) in enumerate(index.items()):
            segments = [_fold(part) for part in entry.path.split(" ") if part]
            if segments and not entry.whole:                                 # whole: named by items
                self.by_label.setdefault(segments[-1], []).append((order, key, segments))

    def __call__(self, item_text: str) -> tuple | None:
        """The best-scoring entry; of equal scores, the first in printed order."""
        cell = _fold(item_text)
        best = (0, 0, None)
        for label, candidates in self.by_label.items():
            if label not in cell:
                continue
            for order, key, segments in candidates:
                score = sum(len(segment) for segment in segments if segment in cell)
                best = max(best, (score, -order, key), key=lambda found: found[:2])
        return best[2]


@cache
def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZCS")
