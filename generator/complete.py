"""Every item of the form must be written in the spec, even when blank (``key:``), so that a spec
switched to another form (重点 → 全項目) lists what it still lacks instead of printing blanks
silently. A section or risk written as an empty mapping (``リスク1:``) is blank as a whole."""
from __future__ import annotations

from typing import Iterator

from .errors import SpecError
from .forms import Form, Item, Kind
from .load import LoadedFile, position
from .schema import FILES


def missing_items(spec: LoadedFile, form: Form, data: dict) -> Iterator[SpecError]:
    """One error per form item whose key is absent from the spec."""
    yield from _missing(spec, form.cover + form.common + form.closing, data, ())
    files = data.get(FILES)
    for index, file in enumerate(files if isinstance(files, list) else []):
        if isinstance(file, dict):
            yield from _missing(spec, form.per_file, file, (FILES, index))


def _missing(spec: LoadedFile, items: tuple[Item, ...], mapping: dict, path: tuple) -> Iterator[SpecError]:
    for item in items:
        if item.kind in (Kind.DERIVED, Kind.ATTACHMENTS):   # 添付資料 is optional
            continue
        if item.kind is Kind.LABEL:
            yield from _missing(spec, item.children, mapping, path)
            continue
        if item.key not in mapping:
            if not item.required:       # required keys are reported by cerberus already
                yield _error(spec, item, path)
            continue
        value = mapping[item.key]
        if item.nests and isinstance(value, dict) and value:
            yield from _missing(spec, item.header_checks + item.children, value, path + (item.key,))
        elif item.kind is Kind.GROUP:
            for index, entry in enumerate(value if isinstance(value, list) else []):
                if isinstance(entry, dict):
                    yield from _missing(spec, item.children, entry, path + (item.key, index))
        else:
            yield from _missing(spec, item.children, mapping, path)


def _error(spec: LoadedFile, item: Item, path: tuple) -> SpecError:
    line, column = position(spec.data, path)
    hint = "空欄にするときも「項目名:」だけを書いてください"
    return SpecError(spec.display, line, column, f"「{item.key}」が記載されていません", item=item.key, hint=hint)
