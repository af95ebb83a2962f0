"""The values the shape of a spec is made of (forms/shape.py computes them): a ``Slot`` per key a
spec may hold, and the ``Visit`` of one key met on a walk along the shape."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .items import Item


class Holds(str, Enum):
    VALUE = "value"        # text, a date, a choice, check boxes, counts, the 変更箇所 rows
    MAPPING = "mapping"    # a part, section or risk: its items under its key
    LIST = "list"          # a group: one mapping per entry (システム1, システム2 …)


@dataclass(frozen=True)
class Slot:
    """One key of a spec, where the form puts it."""

    item: Item
    holds: Holds
    slots: tuple[Slot, ...] = ()   # the keys inside the mapping it holds, or inside each entry
    marked: bool = False             # ※: itself, or through its part's note or its parent
    title: bool = False              # a group entry's title key (名称), printed in its title row
    printed: bool = True             # False: facts the document does not print (しきい値判断)
    optional: bool = False           # may be left out of the spec (a 名称, a 変更箇所 row's columns)
    rows: tuple[str, ...] = ()       # the keys of the sub-rows printed under it, beside it (その内容)
    alias: str = ""                  # its printed label, where it differs from the key: a spec may use it
    steps: tuple[str, ...] = ()      # what it adds to the printed path (変更箇所 項目): its label,
                                     # after the label cell or item it is printed under
    basic: bool = False              # in the 基礎項目評価書 part: printed in the 基礎 beside this document

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def fallback(self) -> str:
        """What a key of the 基礎項目評価書 part left blank means, where the 基礎 has a default."""
        taken = self.item.taken
        return "空欄ならこの評価書の記載から作る" if self.basic and taken and taken.default else ""

    @property
    def holds_marked(self) -> bool:
        """Whether it or a key inside it is a ※ item (a file of 様式3/4; none in 様式2)."""
        return self.marked or any(slot.holds_marked for slot in self.slots)


class Absent(Enum):
    """What ``visit`` does with a key the spec lacks."""

    SKIP = "skip"          # nothing: the rules see what is written
    MISSING = "missing"    # one visit with the value ABSENT, not descended into (completeness)
    BLANK = "blank"        # treated as written blank, descended into (変更箇所: every printed item)


ABSENT = object()


@dataclass(frozen=True)
class Visit:
    """A key of the spec met on the way: its slot, path (keys and list indices), value, the mapping
    that holds it, its printed path (``trail``); ``entry`` for one entry of a group or one file."""

    slot: Slot
    path: tuple
    value: Any
    parent: Any
    trail: tuple[str, ...] = ()
    entry: bool = False

    @property
    def item(self) -> Item:
        return self.slot.item
