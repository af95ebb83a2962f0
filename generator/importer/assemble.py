"""The draft spec's data: every key of the form in printed order (as ``pia new`` lists them), each
holding what was read. A group whose entries are all blank is written blank (the print layout shows
an empty list as one empty block); Ⅱ５ 提供・移転の有無 is written only where a count differs from
the entries listed (提供先1 standing for an annex of 58)."""
from __future__ import annotations

from typing import Any

from ..forms import FILE_NAME, FILES, Kind
from ..forms.shape import Holds, Visit
from .plan import visits
from .reading import Draft

ATTACHMENTS = "添付資料"


def assemble(draft: Draft) -> dict:
    """Nested spec data from the values read, keys in printed order."""
    located = draft.located
    data: dict = {}
    for visit in visits(located.form, located.counts):
        if visit.slot.printed and not visit.slot.title:
            _place(data, visit, draft)
    if draft.values.get((ATTACHMENTS,)):
        data[ATTACHMENTS] = draft.values[(ATTACHMENTS,)]
    _blank_groups(data, draft)
    return data


def _place(data: dict, visit: Visit, draft: Draft) -> None:
    slot, path = visit.slot, visit.path
    if visit.entry:
        _entry(data, visit, draft)
    elif slot.holds is Holds.MAPPING:
        _at(data, path, {})
    elif slot.item.kind is Kind.CHANGES:
        _set(data, path, draft.values.get(path))
    elif slot.holds is Holds.LIST:
        _at(data, path, [])
    elif slot.item.counted:
        _counts(data, path, draft.values.get(path) or {}, slot)
    elif slot.item.kind is not Kind.ATTACHMENTS:
        _set(data, path, draft.values.get(path))


def _entry(data: dict, visit: Visit, draft: Draft) -> None:
    """A group entry with its title (名称), or a file with its name; a file is visited once per
    part printed for it, its mapping made once."""
    slot, path = visit.slot, visit.path
    entries = _at(data, path[:-1], [])
    if len(entries) <= path[-1]:
        titles = [FILE_NAME] if slot.key == FILES else [inner.key for inner in slot.slots if inner.title]
        entries.append({title: draft.values.get(path + (title,)) for title in titles})


def _counts(data: dict, path: tuple, counts: dict, slot) -> None:
    """提供・移転の有無 {提供を行っている: n} where n is not the number of entries listed."""
    holder = _holder(data, path)
    listed = {check.key: len(holder.get(check.counts) or []) for check in slot.item.counted}
    differ = {name: count for name, count in counts.items() if count is not None and count != listed.get(name)}
    if differ:
        holder[path[-1]] = differ


def _holder(data: dict, path: tuple) -> Any:
    here: Any = data
    for step in path[:-1]:
        here = here[step]
    return here


def _at(data: dict, path: tuple, empty: Any) -> Any:
    """The container at ``path``, made ``empty`` when not there yet."""
    holder = _holder(data, path)
    if holder.get(path[-1]) is None:
        holder[path[-1]] = empty
    return holder[path[-1]]


def _set(data: dict, path: tuple, value: Any) -> None:
    _holder(data, path)[path[-1]] = value


def _blank_groups(data: Any, draft: Draft) -> None:
    """Lists of entries with nothing in them become blank (``提供先:``)."""
    if isinstance(data, dict):
        for name, value in data.items():
            if isinstance(value, list) and value and all(_empty(entry) for entry in value) and name != FILES:
                data[name] = None
            else:
                _blank_groups(value, draft)
    elif isinstance(data, list):
        for entry in data:
            _blank_groups(entry, draft)


def _empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_empty(inner) for inner in value.values())
    return value is None or value == []
