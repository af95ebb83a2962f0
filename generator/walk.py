"""Walking a spec along its form: every written item with its path and value, in printed order."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Iterator

from .errors import SpecError
from .forms import FILES, Form, Item, Kind
from .load import LoadedFile, position

Visit = tuple[Item, tuple, Any]
ABSENT = object()       # the value of an item whose key the spec lacks (walk(..., absent=True))


@dataclass(frozen=True)
class Subject:
    """A validated spec as the rules (rules.py, thresholds.py) see it: its items walked once."""

    spec: LoadedFile
    form: Form
    data: dict

    @cached_property
    def visits(self) -> tuple[Visit, ...]:
        return tuple(walk(self.form, self.data))

    def find(self, key: str) -> Iterator[Visit]:
        """The visits of items named ``key``."""
        return (visit for visit in self.visits if visit[0].key == key)

    def error(self, path: tuple, message: str, item: str = "", hint: str = "", warning: bool = False) -> SpecError:
        """A finding located at the value at ``path``."""
        return SpecError(*self.where(path), message, item=item, hint=hint, warning=warning)

    def where(self, path: tuple) -> tuple[str, int, int]:
        """The file, line and column of the value at ``path``."""
        return (self.spec.display, *position(self.spec.data, path))


def walk(form: Form, data: dict, absent: bool = False) -> Iterator[Visit]:
    """(item, path, value) for every item present in ``data``, descending into sections and groups;
    with ``absent``, also each item whose key is missing (value ``ABSENT``, not descended into)."""
    yield from _walk(form.cover + form.common + form.closing, data, (), absent)
    files = data.get(FILES)
    for index, file in enumerate(files if isinstance(files, list) else []):
        if isinstance(file, dict):
            yield from _walk(form.per_file, file, (FILES, index), absent)


def _walk(items: tuple[Item, ...], mapping: dict, path: tuple, absent: bool) -> Iterator[Visit]:
    for item in items:
        if item.kind is Kind.DERIVED and not item.counted:     # no key in a spec
            continue
        if item.kind is Kind.LABEL:
            yield from _walk(item.children, mapping, path, absent)
        elif item.key in mapping:
            yield item, path + (item.key,), mapping[item.key]
            yield from _inside(item, mapping, path, absent)
        elif absent:
            yield item, path + (item.key,), ABSENT


def _inside(item: Item, mapping: dict, path: tuple, absent: bool) -> Iterator[Visit]:
    """The items under a present one. A section or risk written blank (``リスク1:``) is blank as a
    whole: its items are neither visited nor missing."""
    value, here = mapping[item.key], path + (item.key,)
    if item.nests and isinstance(value, dict) and value:
        yield from _walk(item.header_checks + item.children, value, here, absent)
    elif item.kind is Kind.GROUP:
        for index, entry in enumerate(value if isinstance(value, list) else []):
            if isinstance(entry, dict):
                yield from _walk(item.children, entry, here + (index,), absent)
    elif not item.nests:
        yield from _walk(item.children, mapping, path, absent)


def texts(value: Any) -> list[str]:
    """The non-blank strings inside a value (a mapping of risks, a list of parts …)."""
    if isinstance(value, dict):
        return [text for inner in value.values() for text in texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in texts(inner)]
    return [] if value is None or str(value).strip() == "" else [str(value)]
