"""変更箇所 from two versions of a spec: compare item by item through the form model.

Each printed item becomes an ``Entry`` (its printed path, its value as printed, whether it is a ※
item); two versions' entries are compared by stable keys (spec keys, the file's name, the number of
a repeated entry). An added or removed 委託事項 / 提供先 / 移転先 / システム is one row. Values are
compared after fragments are resolved, so a changed fragment shows in every spec that uses it.
提出時期 is a suggestion (事前 for ※ items): published practice does not follow ※ mechanically.
A 重点/全項目 spec has two tables (``tables``): its document's, and its 基礎項目評価書's, compared
item by item on the 基礎 derived from each version and kept in the spec's 基礎項目評価書 part.
"""
from __future__ import annotations

from dataclasses import astuple, dataclass

from ..check.entries import entries
from ..forms import Form, Kind
from ..forms.basic import basic
from ..forms.shape import shape

BEFORE_NONE, AFTER_REMOVED = "（記載なし）", "（削除）"
REASONS = {"事前": "重要な項目の変更であって事前の提出・公表が義務付けられている。",
           "事後": "その他の項目の変更であり、事前の提出・公表が義務付けられない。"}


@dataclass(frozen=True)
class Row:
    """A candidate 変更箇所 row, its cells in the order of the form's columns."""

    date: str
    item: str
    before: str
    after: str
    timing: str
    reason: str


@dataclass(frozen=True)
class Table:
    """The 変更箇所 rows one document of a spec gets: the document's own (``at`` empty), or its
    基礎項目評価書's, kept in the spec's 基礎項目評価書 part (``at``: that key)."""

    form: Form
    rows: list[Row]
    at: tuple[str, ...] = ()
    published: str = ""           # the document's 公表日: no row may be dated after it


def tables(form: Form, old: dict, new: dict, date: str | None = None, old_form: Form | None = None) -> list[Table]:
    """The rows of each document of the spec: its own, then its 基礎's (dated by the 基礎's 公表日)."""
    found = [Table(form, compare(form, old, new, date, old_form), (), str(new.get("公表日") or ""))]
    before, after = basic(old_form or form, old), basic(form, new)
    if before is not None and after is not None:
        rows = compare(after.form, before.data, after.data, date)
        found.append(Table(after.form, rows, (after.part,), str(after.data.get("公表日") or "")))
    return found


def as_spec(row: Row, form: Form) -> dict[str, str]:
    """A row in the spec's own 変更箇所 keys: the form's column names."""
    return dict(zip(columns(form), astuple(row)))


def columns(form: Form) -> tuple[str, ...]:
    """The 変更箇所 table's columns, as the spec keys them."""
    table = next(slot for slot in shape(form).tail if slot.item.kind is Kind.CHANGES)
    return tuple(column.key for column in table.slots)


def compare(form: Form, old: dict, new: dict, date: str | None = None, old_form: Form | None = None) -> list[Row]:
    """The 変更箇所 rows that turn ``old`` into ``new`` (validated against ``old_form`` and ``form``:
    a form revision such as 4情報 → 5情報 changes the boxes a spec can check)."""
    before, after = entries(old_form or form, old), entries(form, new)
    day = date or str(new.get("公表日") or "")
    rows, covered = [], []
    for key in _ordered(before, after):
        if any(key[:len(prefix)] == prefix for prefix in covered):
            continue
        old_entry, new_entry = before.get(key), after.get(key)
        if old_entry and new_entry and (old_entry.text == new_entry.text or old_entry.whole):
            continue            # unchanged, or a block present in both: its items say what changed
        entry = new_entry or old_entry
        if (old_entry is None or new_entry is None) and entry.whole:
            covered.append(key)
        timing = "事前" if entry.marked else "事後"
        before_text = old_entry.text if old_entry is not None and old_entry.text else BEFORE_NONE
        after_text = new_entry.text if new_entry is not None else AFTER_REMOVED
        rows.append(Row(day, entry.path, before_text, after_text or BEFORE_NONE, timing, REASONS[timing]))
    return rows


def _ordered(before: dict, after: dict) -> list[tuple]:
    """Keys in printed order: the new version's order, removed keys where they used to be."""
    order = list(after)
    for index, key in enumerate(before):
        if key not in after:
            order.insert(min(index, len(order)), key)
    return order
