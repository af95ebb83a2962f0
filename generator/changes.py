"""変更箇所 from two versions of a spec: compare item by item through the form model.

Each printed item becomes an ``Entry`` (its printed path, its value as printed, whether it is a ※
item); two versions' entries are compared by stable keys (spec keys, the file's name, the number of
a repeated entry). An added or removed 委託事項 / 提供先 / 移転先 / システム is one row. Values are
compared after fragments are resolved, so a changed fragment shows in every spec that uses it.
提出時期 is a suggestion (事前 for ※ items): published practice does not follow ※ mechanically.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from typing import Any, Callable

from .document import Change
from .forms import FILE_NAME, FILES, Form, Item, Kind
from .model import lines, provided

BEFORE_NONE, AFTER_REMOVED = "（記載なし）", "（削除）"
REASONS = {"事前": "重要な項目の変更であって事前の提出・公表が義務付けられている。",
           "事後": "その他の項目の変更であり、事前の提出・公表が義務付けられない。"}
NOT_COMPARED = {"公表日", "評価書番号"}     # change with every revision; not 変更箇所 rows


@dataclass(frozen=True)
class Entry:
    path: str
    printed: Callable[[], str] = field(repr=False, compare=False)   # the value as printed, on demand:
    marked: bool = False                                             # locating a 項目 needs only paths
    whole: bool = False      # a repeated entry or a file: added or removed as one row

    @cached_property
    def text(self) -> str:
        return self.printed()


Row = Change      # a candidate 変更箇所 row is a row of the printed table


def as_spec(row: Change) -> dict[str, str]:
    """A row in the spec's own 変更箇所 keys."""
    return {"変更日": row.date, "項目": row.item, "変更前の記載": row.before, "変更後の記載": row.after,
            "提出時期": row.timing, "提出時期に係る説明": row.reason}


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


def entries(form: Form, data: dict) -> dict[tuple, Entry]:
    """Every printed item of ``data`` as an Entry, keyed stably, in printed order."""
    out: dict[tuple, Entry] = {}
    for item in form.cover:
        if item.key not in NOT_COMPARED:
            out[(item.key,)] = Entry(item.key, partial(_text, item, data), False)
    files = [file for file in data.get(FILES) or [] if isinstance(file, dict)]
    for part in form.common:
        _part(part, data, (), "", out)
    for part in form.per_file:
        for file in files:
            name = str(file.get(FILE_NAME) or "")
            key, title = ("file", name), f"（{name}）" if len(files) > 1 else ""
            out.setdefault(key, Entry(f"{FILES} {name}", partial(str, name), True, whole=True))
            _part(part, file, key, title, out)
    for part in form.closing:
        _part(part, data, (), "", out)
    return out


def _part(part: Item, data: dict, key: tuple, file_title: str, out: dict) -> None:
    title = _label(part) + file_title
    if part.kind in (Kind.CHANGES, Kind.ATTACHMENTS):
        return
    if part.kind is not Kind.PART:
        out[key + (part.key,)] = Entry(title, partial(_text, part, data), False)
        return
    marked = "※" in part.note
    _items(part.children, data.get(part.key) or {}, (title,), marked, key + (part.key,), out)


def _items(items: tuple[Item, ...], mapping: dict, trail: tuple, marked: bool, key: tuple, out: dict) -> None:
    for item in items:
        here = marked and not item.unmarked or item.mark
        if item.kind is Kind.DERIVED:
            if item.counted:        # 提供・移転の有無 （ n ） 件 changes when the lists or counts do
                path = " ".join(trail + (_label(item),))
                out[key + (item.key,)] = Entry(path, partial(_provision, item, mapping), here)
            continue
        if item.kind is Kind.LABEL:
            _items(item.children, mapping, trail + (_label(item),), here, key, out)
        elif item.nests:
            inner = mapping.get(item.key) if isinstance(mapping.get(item.key), dict) else {}
            _items(item.header_checks + item.children, inner, trail + (_label(item),), here, key + (item.key,), out)
        elif item.kind is Kind.GROUP:
            _group(item, mapping.get(item.key) or [], trail, here, key + (item.key,), out)
        else:
            path = trail + (_label(item),)
            out[key + (item.key,)] = Entry(" ".join(path), partial(_text, item, mapping), here)
            _items(item.children, mapping, path, here, key, out)


def _group(item: Item, values: list, trail: tuple, marked: bool, key: tuple, out: dict) -> None:
    for number, entry in enumerate(value for value in values if isinstance(value, dict)):
        title = f"{item.key}{number + 1}"
        path = trail + (title,)
        out[key + (number + 1,)] = Entry(" ".join(path), partial(_summary, entry), marked, whole=True)
        if item.title_key:
            out[key + (number + 1, item.title_key)] = Entry(" ".join(path), partial(_flat, entry.get(item.title_key)), marked)
        _items(item.children, entry, path, marked, key + (number + 1,), out)


def _summary(entry: dict) -> str:
    """A repeated entry added or removed as one row: each of its values, labelled."""
    return "\n".join(f"{child}：{_flat(value)}" for child, value in entry.items() if _flat(value))


def _label(item: Item) -> str:
    label = item.label if item.label is not None else item.key
    return (item.number + label.split("\n")[0]).replace("　", " ").strip()


def _text(item: Item, mapping: dict) -> str:
    """An item's value as the 変更箇所 columns print it."""
    value = mapping.get(item.key)
    if item.kind is Kind.CHECKS:
        return _checks(item, value)
    return _flat(value)


def _checks(item: Item, value: Any) -> str:
    """Checked boxes as ``[○]紙 [○]その他（詳細）``."""
    checked: dict[str, Any] = {}
    for entry in value or []:
        checked.update(entry if isinstance(entry, dict) else {entry: None})
    boxes = []
    for check in item.checks.checks:
        if check.key in checked:
            detail = checked[check.key]
            boxes.append(f"[○]{check.text}" + (f"（{detail}）" if check.detail and detail else ""))
    return " ".join(boxes)


def _provision(item: Item, mapping: dict) -> str:
    """II-5 as published 変更箇所 print it: ``[○]提供を行っている（58）件 [○]移転を行っている（55）件``."""
    found = provided(item, mapping)
    return " ".join(f"[○]{key}" + (f"（{count}）件" if count else "") for key, count in found.items())


def _flat(value: Any) -> str:
    return "\n".join(lines(value)) if value is not None else ""


class Locator:
    """Finds the entry a published 項目 cell names (paths are written freely: ``Ⅱ５ 移転先１``,
    ``II 特定個人情報ファイルの概要 4 … ③委託先名``): the entry whose path segments appear in the cell
    in the greatest length, its own label among them."""

    def __init__(self, index: dict[tuple, Entry]):
        self.index = index
        self.by_label: dict[str, list[tuple[int, tuple, list[str]]]] = {}   # own label → entries
        for order, (key, entry) in enumerate(index.items()):
            segments = [_fold(part) for part in entry.path.split(" ") if part]
            if segments and not entry.whole:                                 # whole: named by items
                self.by_label.setdefault(segments[-1], []).append((order, key, segments))

    def __call__(self, item_text: str) -> tuple | None:
        """The best-scoring entry; of equal scores, the first in printed order."""
        cell = _fold(item_text)
        best = (0, 0, None)
        for label, candidates in self.by_label.items():
            if label not in cell:
                continue
            for order, key, segments in candidates:
                score = sum(len(segment) for segment in segments if segment in cell)
                best = max(best, (score, -order, key), key=lambda found: found[:2])
        return best[2]


def locate(index: dict[tuple, Entry], item_text: str) -> tuple | None:
    """The key of the entry a published 項目 cell names (see Locator)."""
    return Locator(index)(item_text)


@lru_cache(maxsize=None)
def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PZCS")
