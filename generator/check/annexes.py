"""Rules of the further annexes (添付資料: 別添4, 別紙 …): each block of a 内容 is a 本文 or a 表, and a
table prints every cell it is given (docs/spec-format.md, "Further annexes")."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import SpecError
from ..forms import Kind
from .subject import Subject

BLOCKS = ("本文", "表")      # what a 内容 block holds: one of these


def _entries(subject: Subject) -> Iterator[tuple[tuple, dict]]:
    """Each 添付資料 entry that is a mapping, with its path."""
    for visit in subject.visits:
        if visit.item.kind is Kind.ATTACHMENTS:
            yield from ((visit.path + (index,), entry) for index, entry in enumerate(visit.value or [])
                        if isinstance(entry, dict))


def _tables(path: tuple, entry: dict) -> Iterator[tuple[tuple, dict]]:
    """The entry's 表, then the 表 of each block of its 内容, with their paths."""
    if isinstance(entry.get("表"), dict):
        yield path + ("表",), entry["表"]
    for index, block in enumerate(entry.get("内容") or []):
        if isinstance(block, dict) and isinstance(block.get("表"), dict):
            yield path + ("内容", index, "表"), block["表"]


def annex_blocks_hold_one_thing(subject: Subject) -> Iterator[SpecError]:
    """A block of 内容 is either a 本文 or a 表: one key, printed in its place in the sequence."""
    for path, entry in _entries(subject):
        for index, block in enumerate(entry.get("内容") or []):
            if len([key for key in BLOCKS if key in block]) != 1:
                yield subject.error(path + ("内容", index), "内容の各項目には「本文」か「表」のどちらか一つを書きます",
                                    "添付資料", "本文と表は別々の「- 」に分けてください")


def annex_rows_fit_their_columns(subject: Subject) -> Iterator[SpecError]:
    """A 添付資料 table row has no more cells than its 列 (the extra cells would be lost), and a table
    has a 列 or a 行."""
    for path, entry in _entries(subject):
        for where, table in _tables(path, entry):
            yield from _table_errors(subject, where, table)


def _table_errors(subject: Subject, path: tuple, table: dict[str, Any]) -> Iterator[SpecError]:
    width, rows = len(table.get("列") or []), table.get("行") or []
    if not width and not any(rows):
        yield subject.error(path, "表に列も行もありません", "添付資料", "列（見出しの行）か行を書いてください")
    for number, row in enumerate(rows):
        if width and len(row) > width:
            message = f"表の行のセルが{len(row)}個あり、列（{width}個）より多くなっています"
            yield subject.error(path + ("行", number), message, "添付資料", "列を足すか、セルを減らしてください")


ANNEX_RULES = (annex_blocks_hold_one_thing, annex_rows_fit_their_columns)
