"""What a document of a form prints, in order, as the walker of the form (forms/shape.py) gives it:
one ``Anchor`` per printed label a value hangs on, with the spec path the value goes to.

Repeated groups (システムn, 委託事項n, 提供先n, 移転先n) and the 特定個人情報ファイル are printed once
per entry, so the plan is drawn for a number of entries (``Counts``): the walk of a probe spec that
has that many (blank) entries in each list. Headings (parts, sections, risks) are anchors too: they
keep repeated labels (リスクに対する措置の内容 …) in their place.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..forms import FILES, Form, Kind
from ..forms.shape import Absent, Holds, Slot, Visit, shape
from ..layout.fill import build_document
from .normal import key

HEADING, ENTRY, VALUE, TABLE = "heading", "entry", "value", "table"


@dataclass(frozen=True)
class Anchor:
    """A printed label and what it stands for: a heading, a group entry's title row (システム1),
    an item's value, or the 変更箇所 table."""

    kind: str
    key: str
    label: str
    path: tuple
    slot: Slot


@dataclass
class Counts:
    """How many files, and how many entries each group has (by its path in the spec)."""

    files: int = 1
    groups: dict[tuple, int] = field(default_factory=dict)


def plan(form: Form, counts: Counts) -> list[Anchor]:
    """The anchors of a document with ``counts`` entries, in printed order."""
    return [anchor for visit in visits(form, counts) for anchor in _anchors(visit)]


def visits(form: Form, counts: Counts) -> list[Visit]:
    """Every printed key of a spec with ``counts`` entries (the walker, blank items included)."""
    probe = _probe(form, counts)
    # the 基礎項目評価書 part of a 重点/全項目 spec is printed in the 基礎 beside it, not in this document
    return [visit for visit in shape(form).visit(probe, absent=Absent.BLANK, entries=True) if not visit.slot.basic]


def group_paths(form: Form, files: int) -> list[tuple]:
    """The paths of the repeated groups (not 変更箇所) of a document with ``files`` files."""
    probe = {FILES: [{} for _ in range(files)]}
    return [visit.path for visit in shape(form).visit(probe, absent=Absent.BLANK)
            if visit.slot.holds is Holds.LIST and visit.item.kind is Kind.GROUP]


def _probe(form: Form, counts: Counts) -> dict:
    """A blank spec with ``counts`` entries: its lists are what the walker repeats."""
    probe: dict = {FILES: [{} for _ in range(counts.files)]}
    for path in group_paths(form, counts.files):
        _put(probe, path, [{} for _ in range(counts.groups.get(path, 1))])
    return probe


def _put(data: dict, path: tuple, value: Any) -> None:
    here: Any = data
    for step in path[:-1]:
        here = here[step] if isinstance(step, int) else here.setdefault(step, {})
    here[path[-1]] = value


def _anchors(visit: Visit) -> list[Anchor]:
    slot, item = visit.slot, visit.item
    if not slot.printed or slot.title or item.kind is Kind.ATTACHMENTS:
        return []
    if visit.entry:       # a group entry's title row (システム1 …); a file has none of its own
        title = f"{slot.key}{visit.path[-1] + 1}"
        return [] if slot.key == FILES else [Anchor(ENTRY, key(title), title, visit.path, slot)]
    if slot.holds is Holds.MAPPING:
        return [Anchor(HEADING, key(item.printed_label), item.printed_label, visit.path, slot)]
    if item.kind is Kind.CHANGES:
        return [Anchor(TABLE, key(item.printed_label), item.printed_label, visit.path, slot)]
    if slot.holds is Holds.VALUE:
        return [Anchor(VALUE, key(item.printed_label), item.printed_label, visit.path, slot)]
    return []


def printed_keys(form: Form, counts: Counts) -> frozenset[str]:
    """The keys of every label the print layout shows for ``counts`` (layout/fill.py), derived rows
    and label cells included: where a value printed under another label ends. A heading's header
    boxes (４．… [  ] 委託しない) are not part of its label."""
    document = build_document(form, _probe(form, counts), "")
    labels = [*form.contents, *(part.title for part in document.parts)]
    labels += [label for part in document.parts for row in part.rows for label in (row.label, row.parent)]
    return frozenset(key(label.split("[")[0]) for label in labels if label) - {""}
