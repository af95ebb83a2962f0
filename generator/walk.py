"""Walking a spec along its form: every written item with its path and value, in printed order."""
from __future__ import annotations

from typing import Any, Iterator

from .forms import FILES, Form, Item, Kind

Visit = tuple[Item, tuple, Any]


def walk(form: Form, data: dict) -> Iterator[Visit]:
    """(item, path, value) for every item present in ``data``, descending into sections and groups."""
    yield from _walk(form.cover + form.common + form.closing, data, ())
    files = data.get(FILES)
    for index, file in enumerate(files if isinstance(files, list) else []):
        if isinstance(file, dict):
            yield from _walk(form.per_file, file, (FILES, index))


def _walk(items: tuple[Item, ...], mapping: dict, path: tuple) -> Iterator[Visit]:
    for item in items:
        if item.kind is Kind.DERIVED:
            continue
        if item.kind is Kind.LABEL:
            yield from _walk(item.children, mapping, path)
            continue
        if item.key not in mapping:
            continue
        value, here = mapping[item.key], path + (item.key,)
        yield item, here, value
        if item.nests and isinstance(value, dict):
            yield from _walk(item.header_checks + item.children, value, here)
        elif item.kind is Kind.GROUP and isinstance(value, list):
            for index, entry in enumerate(value):
                if isinstance(entry, dict):
                    yield from _walk(item.children, entry, here + (index,))
        elif not item.nests:
            yield from _walk(item.children, mapping, path)


def find(form: Form, data: dict, key: str) -> Iterator[Visit]:
    """The visits of items named ``key``."""
    return (visit for visit in walk(form, data) if visit[0].key == key)


def texts(value: Any) -> list[str]:
    """The non-blank strings inside a value (a mapping of risks, a list of parts …)."""
    if isinstance(value, dict):
        return [text for inner in value.values() for text in texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in texts(inner)]
    return [] if value is None or str(value).strip() == "" else [str(value)]
