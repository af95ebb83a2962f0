"""The 基礎項目評価書 of a 重点/全項目 spec (issue 16, part 2): its 様式2 data, derived from the spec
through the form models, so that what both documents print is typed once.

Each 様式2 item that names a 様式3/4 item (``Item.taken``) prints that item's value in 様式2's
wording; what only the 基礎 prints (いつ時点の計数か, Ⅳ１０, its own 変更箇所), and its own value of
an item with a default (事務の概要 …), come from the spec's optional 基礎項目評価書 part, keyed as a
様式2 spec is (forms/shape.py gives the part its keys). The 基礎 is written beside the document as
``<事務>.基礎項目評価書.docx`` / ``.html`` (SUFFIX).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..wareki import is_blank
from .conversions import ACROSS, HOWS
from .items import FILE_NAME, FILES, Form, Item
from .shape import Absent, Holds, Visit, shape

SUFFIX = ".基礎項目評価書"     # out/<団体>/<事務>.基礎項目評価書.docx beside out/<団体>/<事務>.docx


@dataclass(frozen=True)
class Basic:
    """The 基礎 of a 重点/全項目 spec: its form (様式2), data, and where the spec holds each value."""

    form: Form
    data: dict
    origins: dict[tuple, tuple]     # a derived value's 様式2 keys → the 様式3/4 value it comes from
    level: int                      # the documents built for the 事務: those of the 重点/全項目 spec
    part: str                       # the key of the spec's 基礎項目評価書 part

    def origin(self, path: tuple) -> tuple:
        """Where the spec holds the value at the 様式2 ``path``: the 様式3/4 item it is derived from,
        the file it names, else its place in the 基礎項目評価書 part."""
        if path[:1] == (FILES,):
            return path
        keys = tuple(step for step in path if isinstance(step, str))
        found = next((keys[:end] for end in range(len(keys), 0, -1) if keys[:end] in self.origins), None)
        return self.origins[found] if found else (self.part, *path)


def basic(form: Form, data: dict) -> Basic | None:
    """The 基礎 of a validated 重点/全項目 spec (None for a form that has none: 様式2 itself)."""
    if form.basic is None:
        return None
    own = data.get(form.basic.name) if isinstance(data.get(form.basic.name), dict) else {}
    derived: dict = {"様式": form.basic.name, "様式の版": form.basic.revision,
                     FILES: [{FILE_NAME: file.get(FILE_NAME)} for file in data.get(FILES) or []]}
    origins: dict[tuple, tuple] = {}
    for visit in shape(form.basic).visit({}, Absent.BLANK):
        if visit.slot.holds is not Holds.MAPPING:
            value, origin = _value(form, data, visit, _at(own, visit.path))
            _put(derived, visit.path, value)
            origins.update({visit.path: origin} if origin else {})
    return Basic(form.basic, derived, origins, form.level, form.basic.name)


def _value(form: Form, data: dict, visit: Visit, given: Any) -> tuple[Any, tuple | None]:
    """One 様式2 value: derived from the item it names (and where that is), else the part's."""
    taken = visit.item.taken
    if taken is None or (taken.default and not is_blank(given)):
        return given, None
    source = _source(form, taken.paths)
    if source is None and taken.paths:          # the spec's form has no such item: the 基礎's own
        return given, None
    keys, item = source or ((), None)
    found = list(_found(data, keys, ())) if keys else []
    convert = HOWS[taken.how] if taken.how else ACROSS[taken.across]
    return convert(form, visit.item, item, found), (found[0][0] if found else keys) or ("様式",)


def _source(form: Form, paths: tuple[str, ...]) -> tuple[tuple[str, ...], Item] | None:
    """The first of ``paths`` the spec's form has, and its item."""
    for path in paths:
        slot = shape(form).at(tuple(path.split("/")))
        if slot is not None:
            return tuple(path.split("/")), slot.item
    return None


def _found(data: Any, keys: tuple[str, ...], path: tuple) -> Iterator[tuple[tuple, Any, dict]]:
    """(path, value, mapping holding it) at ``keys``, once per entry of every list on the way."""
    if isinstance(data, list):
        for index, entry in enumerate(data):
            yield from _found(entry, keys, path + (index,))
    elif isinstance(data, dict) and len(keys) == 1:
        yield path + keys, data.get(keys[0]), data
    elif isinstance(data, dict):
        yield from _found(data.get(keys[0]), keys[1:], path + keys[:1])


def _at(mapping: dict, path: tuple) -> Any:
    for step in path:
        mapping = mapping.get(step) if isinstance(mapping, dict) else None
    return mapping


def _put(mapping: dict, path: tuple, value: Any) -> None:
    for step in path[:-1]:
        mapping = mapping.setdefault(step, {})
    mapping[path[-1]] = value


def typed_in(form: Form, path: tuple) -> str | None:
    """What a key of the spec's 基礎項目評価書 part at ``path`` would type twice: where this document
    prints the value the 基礎 takes (「Ⅲ リスク対策 ２．… リスクへの対策は十分か」), or of a section all
    of whose items it takes, 「すべて」; None when the 基礎 has no such key."""
    slot = shape(form.basic).at(path[1:]) if form.basic and path[:1] == (form.basic.name,) else None
    if slot is None or slot.holds is Holds.MAPPING:
        return "すべて" if slot is not None else None
    taken = slot.item.taken
    source = _source(form, taken.paths) if taken else None
    if source is None:      # the 基礎's own (none of its paths is an item here), or the form itself
        return f"様式（{form.name}）" if taken and not taken.paths else None
    return " ".join(shape(form).at(source[0][:end]).item.heading for end in range(1, len(source[0]) + 1)
                    if shape(form).at(source[0][:end]) is not None)
