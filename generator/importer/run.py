"""``pia import``: a published 評価書 (PDF, DOCX, HTML, extracted text) read back through the form
model into a draft spec to review: items located by their printed labels, values read by kind,
standard fragments recognised, every uncertain item marked 要確認."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..build import SPECS, library
from ..errors import SpecError, display_path
from ..forms import Form, Kind
from ..forms.shape import Holds
from .assemble import ATTACHMENTS, assemble
from .detect import detect
from .emit import CHECK, dump, modeline
from .files import read_files
from .locate import Located, locate
from .plan import TABLE, visits
from .reading import Draft, read_items
from .recognise import recognise
from .sources import read_sheet
from .standard import Standard, standards
from .tables import attachments, change_rows, table_start


@dataclass(frozen=True)
class Imported:
    """The draft spec's text, and how many items were filled, marked 要確認 or not found."""

    text: str
    form: Form
    filled: int
    marked: int
    missing: int
    data: dict
    marked_paths: frozenset[tuple] = frozenset()     # what a person must look at (要確認), by spec path


def import_document(path: Path, form: str | None = None, revision: str | None = None,
                    schema: Callable[[Form], str] | None = None, specs: Path = SPECS) -> Imported | SpecError:
    """The draft spec of the document at ``path``; ``schema`` gives the modeline's path of a form;
    the fragments recognised are those beside ``specs`` and the standard library's."""
    source = display_path(path)
    sheet = read_sheet(path, source)
    found = sheet if isinstance(sheet, SpecError) else detect(sheet.text, source, form, revision)
    if isinstance(found, SpecError):
        return found
    draft = read_document(locate(found, sheet))
    _fragments(draft, standards(library(specs)))
    notes = _notes(draft)
    header = modeline(schema(found) if schema else None) + [
        f"{found.title}（{found.number}、{found.revision}）の下書き。pia import {source} で読み取った。",
        f"「# {CHECK}:」の項目を確かめて直し、pia check を通してください。"]
    data, marked = assemble(draft), frozenset(path for path, note in notes.items() if note.startswith(CHECK))
    return Imported(dump(data, found, notes, header), found, *_summary(draft, notes), data, marked)


def read_document(located: Located) -> Draft:
    """Every value of the document: the items, the files' names and annexes, the tables."""
    draft = read_items(located)
    read_files(draft)
    _tables(draft)
    return draft


def _tables(draft: Draft) -> None:
    """変更箇所, then the further annexes after it (添付資料), where the document has them."""
    located = draft.located
    for index, anchor in enumerate(located.anchors):
        found = located.field(index)
        start = table_start(located, found, anchor.slot.slots) if anchor.kind == TABLE else None
        if start is None:
            continue
        rows, notes, end = change_rows(located, start, found.label if found else anchor.label, anchor.slot.slots)
        draft.values[anchor.path] = rows or None
        draft.notes.update({anchor.path + (row,): note for row, note in notes.items()})
        draft.found.add(anchor.path)
        if located.sheet.structured:
            draft.values[(ATTACHMENTS,)] = attachments(located, end) or None


def _fragments(draft: Draft, found: list[Standard]) -> None:
    """Each free text (the 変更箇所 cells too) with its standard fragments as references."""
    exact = draft.located.sheet.lines != "joined"
    texts = {anchor.path for anchor in draft.located.anchors if anchor.slot.item.kind is Kind.TEXT}
    for path, value in list(draft.values.items()):
        if isinstance(value, str) and path in texts:
            recognised = recognise(value, found, exact)
            draft.values[path] = recognised.value
            if recognised.hint:
                draft.hints[path] = recognised.hint
        elif isinstance(value, list) and path[-1:] == ("変更箇所",):
            for number, row in enumerate(value):
                _row_fragments(draft, path + (number,), row, found, exact)


def _row_fragments(draft: Draft, path: tuple, row: dict, found: list[Standard], exact: bool) -> None:
    for column in ("変更前の記載", "変更後の記載"):
        if isinstance(row.get(column), str):
            recognised = recognise(row[column], found, exact)
            row[column] = recognised.value
            if recognised.hint:
                draft.hints[path + (column,)] = recognised.hint


def _printed(draft: Draft) -> list[tuple]:
    """The paths of the items a person fills in (every printed value, 変更箇所 as one)."""
    located = draft.located
    return [visit.path for visit in visits(located.form, located.counts)
            if visit.slot.printed and (visit.slot.holds is Holds.VALUE or visit.item.kind is Kind.CHANGES)
            and not visit.item.counted and visit.item.kind is not Kind.ATTACHMENTS]


def _notes(draft: Draft) -> dict[tuple, str]:
    """The 要確認 comments: each uncertain value's reason, and each item not found."""
    notes = {path: f"{CHECK}: {note}" for path, note in draft.notes.items()}
    for path in _printed(draft):
        if path not in draft.found:
            notes.setdefault(path, f"{CHECK}: 文書に見つかりません")
    notes.update({path: hint for path, hint in draft.hints.items() if path not in notes})
    return notes


def _summary(draft: Draft, notes: dict[tuple, str]) -> tuple[int, int, int]:
    """Items filled as read, marked 要確認 (found but uncertain), not found."""
    printed = _printed(draft)
    marked = {path for path in printed if path in draft.found and notes.get(path, "").startswith(CHECK)}
    filled = sum(path in draft.found and draft.values.get(path) is not None and path not in marked for path in printed)
    return filled, len(marked), sum(path not in draft.found for path in printed)
