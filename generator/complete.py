"""Every item of the form must be written in the spec, even when blank (``key:``), so that a spec
switched to another form (重点 → 全項目) lists what it still lacks instead of printing blanks
silently. A section or risk written blank (``リスク1:``) is blank as a whole (walk.py)."""
from __future__ import annotations

from typing import Iterator

from .errors import SpecError
from .forms import Form, Item, Kind
from .load import LoadedFile, position
from .walk import ABSENT, walk

HINT = "空欄にするときも「項目名:」だけを書いてください"


def missing_items(spec: LoadedFile, form: Form, data: dict) -> Iterator[SpecError]:
    """One error per form item whose key is absent from the spec, located at the mapping that lacks it."""
    for item, path, value in walk(form, data, absent=True):
        if value is ABSENT and _expected(item):
            line, column = position(spec.data, path[:-1])
            yield SpecError(spec.display, line, column, f"「{item.key}」が記載されていません", item=item.key, hint=HINT)


def _expected(item: Item) -> bool:
    # cerberus reports required keys already; 添付資料 and the counts of 提供・移転の有無 are optional.
    return not item.required and item.kind not in (Kind.ATTACHMENTS, Kind.DERIVED)
