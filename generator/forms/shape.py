"""The shape of a spec: how its data is nested, computed once per form from the form model.

This is the one module that knows the nesting rules (the printed form is not the spec's nesting):

- a DERIVED item has no key, except the counts it prints (Ⅱ５ 提供・移転の有無 （ n ） 件);
- a LABEL's children (④使用の主体, 再委託) and an item's sub-rows (その必要性) sit beside it;
- a PART, SECTION or RISK holds a mapping: its header check boxes (Ⅲ４ 委託しない …), then its items;
- a GROUP (システム, 委託事項, 提供先, 移転先) holds a list of mappings, each with its title key;
- the per-file parts (Ⅱ, 別添, Ⅲ) sit under 特定個人情報ファイル, one mapping per file;
- a 重点/全項目 spec may end with a 基礎項目評価書 part: the 様式2 keys its 基礎 takes from no item of
  the spec's form, or may give its own value of, nested as in a 様式2 spec (forms/basic.py).

The cerberus schema, the completeness check, the rules, the 変更箇所 entries, the skeleton and the
editor's schema ask the shape (``slots``, ``at``) or ``visit`` a spec's data along it.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from .items import FILE_NAME, FILES, Form, Item, Kind
from .slots import ABSENT, Absent, Holds, Slot, Visit

__all__ = ["ABSENT", "Absent", "Holds", "Shape", "Slot", "Visit", "shape"]


@dataclass(frozen=True)
class Shape:
    form: Form
    head: tuple[Slot, ...]       # the top mapping's keys before the files (cover, Ⅰ …)
    files: Slot                  # 特定個人情報ファイル: one mapping per file (Ⅱ, 別添, Ⅲ)
    tail: tuple[Slot, ...]       # the top mapping's keys after the files (Ⅳ …, 変更箇所)

    def at(self, path: tuple) -> Slot | None:
        """The slot of the value at ``path`` in a spec (list indices are skipped)."""
        return _index(self.form).get(tuple(step for step in path if isinstance(step, str)))

    def quoted(self, path: tuple) -> bool:
        """Whether ``path`` is inside a 変更箇所 row: cells that quote old text, not the document's
        own items."""
        top = self.at(path[:1])
        return top is not None and top.item.kind is Kind.CHANGES and len(path) > 1

    def in_file(self, key: str) -> tuple[str, ...]:
        """The path inside a file's mapping of the per-file item keyed ``key``."""
        return next(path[1:] for path in _index(self.form) if path[:1] == (FILES,) and path[-1] == key)

    def visit(self, data: dict, absent: Absent = Absent.SKIP, entries: bool = False) -> Iterator[Visit]:
        """Every key of ``data`` in printed order (the per-file parts part by part, as printed),
        descending into mappings and group entries; ``entries`` adds one visit per group entry and
        per file, before its keys."""
        walker = _Walker(absent, entries)
        yield from walker.slots(self.head, data, (), ())
        files = [(index, file) for index, file in enumerate(_list(data.get(FILES))) if isinstance(file, dict)]
        for part in self.files.slots or (None,):      # 様式2 prints no part per file: its files once
            for index, file in files:
                name = str(file.get(FILE_NAME) or "")
                if entries:
                    yield Visit(self.files, (FILES, index), file, data.get(FILES), (f"{FILES} {name}",), True)
                if part is not None:
                    trail = (part.steps[0] + (f"（{name}）" if len(files) > 1 else ""),)
                    yield from walker.slot(part, file, (FILES, index), trail, from_part=True)
        yield from walker.slots(self.tail, data, (), ())


class _Walker:
    def __init__(self, absent: Absent, entries: bool):
        self.absent, self.entries = absent, entries

    def slots(self, slots, mapping: dict, path: tuple, trail: tuple) -> Iterator[Visit]:
        for slot in slots:
            yield from self.slot(slot, mapping, path, trail)

    def slot(self, slot: Slot, mapping: dict, path: tuple, trail: tuple, from_part: bool = False) -> Iterator[Visit]:
        here, own = path + (slot.key,), trail if from_part else trail + slot.steps
        if slot.key not in mapping and self.absent is not Absent.BLANK:
            if self.absent is Absent.MISSING:
                yield Visit(slot, here, ABSENT, mapping, own)
            return
        value = mapping.get(slot.key)
        yield Visit(slot, here, value, mapping, own)
        if slot.holds is Holds.MAPPING:
            inner = value if isinstance(value, dict) else {}
            if inner or self.absent is Absent.BLANK:    # a section written blank is blank as a whole
                yield from self.slots(slot.slots, inner, here, own)
        elif slot.holds is Holds.LIST and slot.slots:
            yield from self.entries_of(slot, value, here, own)

    def entries_of(self, slot: Slot, value: Any, path: tuple, trail: tuple) -> Iterator[Visit]:
        for index, entry in enumerate(_list(value)):
            if not isinstance(entry, dict):
                continue
            own = trail + (f"{slot.key}{index + 1}",)
            if self.entries:
                yield Visit(slot, path + (index,), entry, value, own, True)
            yield from self.slots(slot.slots, entry, path + (index,), own)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


_SHAPES: dict[tuple[str, str], Shape] = {}


def shape(form: Form) -> Shape:
    """The shape of ``form``, computed once (forms are looked up by name and revision: hashing a
    whole form tree on every call would cost more than the walk)."""
    key = (form.name, form.revision)
    if key not in _SHAPES:
        files = Item(FILES, Kind.GROUP, children=form.per_file, title_key=FILE_NAME, required=True)
        facts = tuple(_unprinted(slot) for slot in _slots((form.threshold,) if form.threshold else (), False))
        top = _aliased(facts + _slots(form.cover + form.common, False))
        parts = _aliased(tuple(_part_slot(part) for part in form.per_file))
        found = Shape(form, top, Slot(files, Holds.LIST, parts), _aliased(_slots(form.closing, False)))
        _SHAPES[key] = replace(found, tail=found.tail + (_basic_part(found),)) if form.basic else found
    return _SHAPES[key]


def _basic_part(own: Shape) -> Slot:
    """The 基礎項目評価書 part of a 重点/全項目 spec, keyed by the 基礎's form name: the 様式2 keys its
    基礎 takes from no item of this form or may give its own value of (Taken), all optional."""
    basic, index = shape(own.form.basic), _build_index(own)
    item = Item(own.form.basic.name, Kind.PART, note="任意: 基礎項目評価書だけに印字する項目。ほかはこの評価書から作る")
    return Slot(item, Holds.MAPPING, _writable(basic.head + basic.tail, index), optional=True, basic=True)


def _writable(slots: tuple[Slot, ...], index: dict) -> tuple[Slot, ...]:
    found = []
    for slot in slots:
        if slot.holds is Holds.MAPPING:
            inner = _writable(slot.slots, index)
            found += [replace(slot, slots=inner, optional=True, basic=True)] if inner else []
        elif _own(slot.item, index):
            found.append(_in_part(replace(slot, item=replace(slot.item, required=False))))
    return tuple(found)


def _in_part(slot: Slot) -> Slot:
    """``slot`` and the keys inside it (a 変更箇所 row's columns) as keys of the 基礎項目評価書 part."""
    return replace(slot, optional=True, basic=True, slots=tuple(_in_part(inner) for inner in slot.slots))


def _own(item: Item, index: dict) -> bool:
    """Whether the 基礎 prints its own value of ``item``: it names no item of the spec's form (none of
    its paths is one: 様式4 has no Ⅲ８ 監査 boxes), or may give one instead (Taken.default)."""
    taken = item.taken
    if taken is None or taken.default:
        return True
    return bool(taken.paths) and not any(tuple(path.split("/")) in index for path in taken.paths)


def _part_slot(part: Item) -> Slot:
    if part.kind is not Kind.PART:
        return Slot(part, Holds.VALUE, steps=(part.heading,))
    return Slot(part, Holds.MAPPING, _aliased(_slots(part.children, "※" in part.note)), "※" in part.note,
                steps=(part.heading,))


def _slots(items: tuple[Item, ...], marked: bool, prefix: tuple[str, ...] = ()) -> tuple[Slot, ...]:
    """The keys ``items`` contribute to the mapping they are printed in; ``prefix``: the label
    cell or item they are printed under."""
    return tuple(slot for item in items for slot in _item_slots(item, marked, prefix))


def _item_slots(item: Item, marked: bool, prefix: tuple[str, ...]) -> tuple[Slot, ...]:
    here, steps = marked and not item.unmarked or item.mark, prefix + (item.heading,)
    if item.kind is Kind.DERIVED:
        return (Slot(item, Holds.VALUE, marked=here, steps=steps),) if item.counted else ()
    if item.kind is Kind.LABEL:
        return _slots(item.children, here, steps)
    if item.kind is Kind.PART:
        return (_part_slot(item),)
    if item.nests:
        return (Slot(item, Holds.MAPPING, _aliased(_slots(item.header_checks + item.children, here)), here, steps=steps),)
    if item.kind is Kind.GROUP:
        title = (Slot(Item(item.title_key, Kind.TEXT), Holds.VALUE, marked=here, title=True, optional=True),) \
            if item.title_key else ()
        return (Slot(item, Holds.LIST, _aliased(title + _slots(item.children, here)), here, steps=prefix),)
    if item.kind is Kind.CHANGES:
        columns = tuple(replace(column, optional=True) for column in _slots(item.columns, False))
        return (Slot(item, Holds.LIST, columns, steps=steps),)
    rows = _slots(item.children, here, steps)
    return (Slot(item, Holds.VALUE, marked=here, steps=steps, rows=tuple(row.key for row in rows)), *rows)


def _aliased(slots: tuple[Slot, ...]) -> tuple[Slot, ...]:
    """The keys of one mapping, each with its printed label as an alias where the form prints a
    label other than the key (「ルール内容及び…」 for the key 「ルールの内容及び…」, a section's
    full heading) and that label names no other key of the mapping."""
    labels = [slot.item.label if slot.item.label and "\n" not in slot.item.label else "" for slot in slots]
    taken = {slot.key for slot in slots}
    unique = {label for label in labels if label and labels.count(label) == 1 and label not in taken}
    return tuple(replace(slot, alias=label) if label in unique else slot for slot, label in zip(slots, labels))


def _unprinted(slot: Slot) -> Slot:
    return replace(slot, printed=False, optional=True, slots=tuple(_unprinted(inner) for inner in slot.slots))


_INDEXES: dict[tuple[str, str], dict[tuple[str, ...], Slot]] = {}


def _index(form: Form) -> dict[tuple[str, ...], Slot]:
    key = (form.name, form.revision)
    if key not in _INDEXES:
        _INDEXES[key] = _build_index(shape(form))
    return _INDEXES[key]


def _build_index(found: Shape) -> dict[tuple[str, ...], Slot]:
    index: dict[tuple[str, ...], Slot] = {}
    _add(index, (), found.head + found.tail)
    _add(index, (FILES,), found.files.slots)
    return index


def _add(index: dict, prefix: tuple[str, ...], slots: tuple[Slot, ...]) -> None:
    for slot in slots:
        index.setdefault(prefix + (slot.key,), slot)
        _add(index, prefix + (slot.key,), slot.slots)
