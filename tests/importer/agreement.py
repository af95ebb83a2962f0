"""Item-by-item agreement of an imported draft with the spec it should equal, fragments resolved:
every printed value the walker visits (text, dates, choices, check boxes, each 変更箇所 cell, each
further annex), a blank group as one item. ``loose`` compares as a PDF or extracted text can be
judged: NFKC and white space set aside (line breaks, the spaces OCR puts between words) and the
shapes of dots, angle brackets and dashes (· ・, 〈 ＜, _ －); nothing else — a letter OCR misread
(力 for カ, く for ＜, パ for バ) is a difference (importer.normal.loose)."""
from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from generator.build import SPECS, Stage, library, read_spec
from generator.forms import Kind
from generator.forms.shape import Absent, Holds, shape
from generator.forms.values import one_line
from generator.importer.normal import loose as normal

ROOT = Path(__file__).resolve().parents[2]
CHANGES = "変更箇所"
SHOWCASE = ("いわき市/国民年金事務", "旭川市/国民年金に関する事務", "千葉市/国民年金に関する事務", "いわき市/住民基本台帳事務")


@dataclass
class Agreement:
    equal: int = 0
    total: int = 0
    differences: list[str] = field(default_factory=list)
    filled: int = 0          # items the draft fills without 要確認
    right: int = 0           # of those, the ones equal to the spec

    @property
    def share(self) -> float:
        return self.equal / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.filled if self.filled else 1.0


def resolved(path: Path, raw: bytes | None = None) -> tuple[Any, Any]:
    """The form and the data of a spec with its fragments and citations replaced by text."""
    specs = ROOT / SPECS
    reading = read_spec(path, library(specs), specs, Stage.VALIDATE, raw=raw)
    assert reading.data is not None, "\n".join(error.format() for error in reading.errors)
    return reading.form, reading.data


def items(form, data: dict) -> dict[tuple, Any]:
    """Every printed value of ``data`` by path (list indices kept)."""
    found = {}
    for visit in shape(form).visit(data, absent=Absent.BLANK):
        slot = visit.slot
        if not slot.printed or slot.item.counted or slot.basic:      # the 基礎's own part prints in the 基礎
            continue
        if slot.holds is Holds.VALUE:
            found[visit.path] = _value(slot.item, visit.value)
        elif slot.holds is Holds.LIST and not visit.value:
            found[visit.path] = None
    return found


def _value(item, value: Any) -> Any:
    if item.kind is Kind.CHECKS:
        return [str(entry) for entry in value] if isinstance(value, list) and value else None
    if item.kind is Kind.ATTACHMENTS:
        return repr(value) if value else None
    text = one_line(value)
    return text if text.strip() else None


def agreement(expected: dict[tuple, Any], got: dict[tuple, Any], loose: bool, marked: set[tuple] = frozenset()) -> Agreement:
    """How many of the expected items the draft gives alike; precision over those it fills unmarked.
    The 変更箇所 rows are paired first (a row the extraction lost must not shift every row after it)."""
    got, marked = _paired(expected, got, loose, marked)
    result = Agreement()
    paths = set(expected) | {path for path, value in got.items() if value is not None}
    for path in sorted(paths, key=str):
        alike = _alike(expected.get(path), got.get(path), loose)
        result.total += 1
        result.equal += alike
        if not alike:
            result.differences.append(f"{'/'.join(map(str, path))}: {expected.get(path)!r} ≠ {got.get(path)!r}")
        if got.get(path) is not None and not any(path[:len(mark)] == mark for mark in marked):
            result.filled += 1
            result.right += alike
    return result


def _paired(expected: dict, got: dict, loose: bool, marked) -> tuple[dict, set]:
    """``got`` with its 変更箇所 rows renumbered as the expected rows they pair with (a longest
    common subsequence of the rows by their 項目 and 変更後の記載); unpaired rows go after them."""
    ours, theirs = _rows(expected), _rows(got)
    if not theirs:
        return got, set(marked)
    signature = (lambda row: normal(_text(row.get("項目"))) + "|" + normal(_text(row.get("変更後の記載")))[:30]) \
        if loose else (lambda row: repr(sorted(row.items())))
    matcher = SequenceMatcher(None, [signature(row) for row in ours], [signature(row) for row in theirs], autojunk=False)
    number = {j: i for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag in ("equal", "replace")
              for i, j in zip(range(i1, i2), range(j1, j2))}      # a row misread stays paired where it stands
    spare = iter(range(len(ours), len(ours) + len(theirs)))
    number = {j: number[j] if j in number else next(spare) for j in range(len(theirs))}
    moved = {_renumber(path, number): value for path, value in got.items()}
    return moved, {_renumber(path, number) for path in marked}


def _rows(items: dict) -> list[dict]:
    rows: dict[int, dict] = {}
    for path, value in items.items():
        if path[:1] == (CHANGES,) and len(path) == 3:
            rows.setdefault(path[1], {})[path[2]] = value
    return [rows[index] for index in sorted(rows)]


def _renumber(path: tuple, number: dict[int, int]) -> tuple:
    return (CHANGES, number[path[1]], *path[2:]) if path[:1] == (CHANGES,) and len(path) > 1 else path


def _alike(one: Any, other: Any, loose: bool) -> bool:
    if one is None or other is None:
        return one is None and other is None
    return normal(_text(one)) == normal(_text(other)) if loose else one == other


def _text(value: Any) -> str:
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)
