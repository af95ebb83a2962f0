"""Every item of the form must be written in the spec, even when blank (``key:``), so that a spec
switched to another form (重点 → 全項目) lists what it still lacks instead of printing blanks
silently. A section or risk written blank (``リスク1:``) is blank as a whole (forms/shape.py)."""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import SpecError
from ..forms import Form, Kind
from ..forms.shape import ABSENT, Absent, Slot, shape
from ..read.load import LoadedFile, position

HINT = "空欄にするときも「項目名:」だけを書いてください"


def missing_items(spec: LoadedFile, form: Form, data: dict) -> Iterator[SpecError]:
    """One error per form item whose key is absent from the spec, located at the mapping that lacks it."""
    for visit in shape(form).visit(data, Absent.MISSING):
        if visit.value is ABSENT and _expected(visit.slot):
            line, column = position(spec.data, visit.path[:-1])
            yield SpecError(spec.display, line, column, f"「{visit.slot.key}」が記載されていません",
                            item=visit.slot.key, hint=HINT)


def _expected(slot: Slot) -> bool:
    # cerberus reports required keys already; 添付資料, the counts of 提供・移転の有無, a group
    # entry's 名称, a 変更箇所 row's columns and the しきい値判断 facts are optional.
    item = slot.item
    return not slot.optional and not item.required and item.kind not in (Kind.ATTACHMENTS, Kind.DERIVED)
