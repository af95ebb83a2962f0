"""Items located by their printed labels: the plan of the form aligned with the fields of the
document, the repeated groups grown until the document shows no further entry (提供先2 …).

The number of 特定個人情報ファイル is the number of times Ⅱ's title is printed (outside 項目一覧); a
group gains an entry while a title row 「<group><n+1>」 follows its last entry.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from ..forms import FILES, FORMS, Form
from .doubts import numbered
from .fields import Field, Labels, fields
from .normal import fold, key
from .plan import ENTRY, HEADING, Anchor, Counts, group_paths, plan, printed_keys
from .sheet import Sheet

MAX_ROUNDS = 40


@dataclass(frozen=True)
class Located:
    form: Form
    sheet: Sheet
    counts: Counts
    anchors: list[Anchor]
    fields: list[Field]
    matches: dict[int, int]       # anchor index → field index
    labelled: tuple[int, ...]     # the rows that start with a printed label (項目一覧's too), sorted
    keys: frozenset[str]          # the labels of the plan (a field with another label is a stop)

    def field(self, anchor: int) -> Field | None:
        found = self.matches.get(anchor)
        return None if found is None else self.fields[found]

    @cached_property
    def numbered(self) -> frozenset[str]:
        """The plan's labels that begin with their numbering (what another item's text would not hold)."""
        return numbered(anchor.label for anchor in self.anchors)

    @cached_property
    def label_grams(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """The plan's longer labels with their three-character pieces (a label quoted with a
        misread character is near one of them)."""
        return tuple((label, frozenset(label[index:index + 3] for index in range(len(label) - 2)))
                     for label in sorted(self.keys) if len(label) >= 10)

    @cached_property
    def parts(self) -> frozenset[str]:
        """The keys of the parts' titles (基本情報, 特定個人情報ファイルの概要 …)."""
        return frozenset(anchor.key for anchor in self.anchors if anchor.kind == HEADING and _part(anchor.path))

    @cached_property
    def options(self) -> frozenset[str]:
        """Every ＜選択肢＞ text of the form, folded (a free text equal to one is misplaced)."""
        return frozenset(fold(text) for anchor in self.anchors if anchor.slot.item.options is not None
                         for text in anchor.slot.item.options.texts)

    @cached_property
    def order(self) -> tuple[dict[int, int], list[int]]:
        """Each matched field (by id) → its anchor's index; the fields with a plan label, in order."""
        matched = {id(self.fields[found]): anchor for anchor, found in self.matches.items()}
        return matched, [id(field) for field in self.fields if field.key in self.keys]

    def next_label(self, row: int) -> int:
        """The first row after ``row`` that starts with a printed label (or the end)."""
        at = bisect_right(self.labelled, row)
        return self.labelled[at] if at < len(self.labelled) else len(self.sheet.rows)

    def rows_after(self, found: Field) -> tuple:
        """The rows after the field's that hold no label, up to the next one that does."""
        return self.sheet.rows[found.row + found.lines:self.next_label(found.row + found.lines - 1)]


def locate(form: Form, sheet: Sheet) -> Located:
    """The anchors of ``form`` found in ``sheet``."""
    labels = _labels(form)
    every = fields(sheet, labels)
    found = _outside_contents(every, form)
    part = _file_part(form)
    counts = Counts(files=max(1, sum(field.key == part for field in found)))
    for _ in range(MAX_ROUNDS):
        anchors = plan(form, counts)
        matches = align([anchor.key for anchor in anchors], [field.key for field in found])
        grown = _grown(form, counts, anchors, found, matches)
        if grown is None:
            break
        counts = grown
    matches = {**matches, **_displaced(anchors, found, matches)}
    return Located(form, sheet, counts, anchors, found, matches, tuple(sorted({field.row for field in every})),
                   labels.anchors)


def _displaced(anchors: list[Anchor], found: list[Field], matches: dict[int, int]) -> dict[int, int]:
    """Labels the alignment left out because they are out of order (a page whose text came out
    scrambled), paired where the label is printed once and the form has it once: such a value is
    read, and marked (trust.py: its neighbours are not the form's)."""
    taken = set(matches.values())
    planned: dict[str, list[int]] = {}
    for index, anchor in enumerate(anchors):
        planned.setdefault(anchor.key, []).append(index)
    printed: dict[str, list[int]] = {}
    for index, field in enumerate(found):
        printed.setdefault(field.key, []).append(index)
    return {planned[label][0]: fields[0] for label, fields in printed.items()
            if len(fields) == 1 and fields[0] not in taken and len(planned.get(label, ())) == 1
            and planned[label][0] not in matches and anchors[planned[label][0]].kind != HEADING}


def _part(path: tuple) -> bool:
    """Whether ``path`` is a part's own (Ⅰ, or Ⅱ of a file)."""
    return len([step for step in path if isinstance(step, str)]) == (2 if path[0] == FILES else 1)


def _labels(form: Form) -> Labels:
    """The plan's keys, with group titles up to the longest a group may be (システム20 …)."""
    anchors = {anchor.key for anchor in plan(form, Counts())}
    titles = {key(f"{path[-1]}{n}") for path in group_paths(form, 1) for n in range(1, 21)}
    versions = {key(other.version_line) for other in FORMS.values() if other.version_line}   # [平成30年５月　様式３]
    return Labels(frozenset(anchors | titles), printed_keys(form, Counts()) | versions)


def _file_part(form: Form) -> str:
    """The key of the first part printed once per file (Ⅱ 特定個人情報ファイルの概要)."""
    return next(anchor.key for anchor in plan(form, Counts()) if anchor.kind == HEADING and anchor.path[0] == FILES)


def _outside_contents(found: list[Field], form: Form) -> list[Field]:
    """The fields without 項目一覧: a run of four or more part titles in a row, each once, is the list."""
    titles = {key(line) for line in form.contents}
    kept, run = [], []
    for field in found + [Field("", -1, ())]:
        if field.key in titles and all(field.key != seen.key for seen in run):
            run.append(field)
            continue
        kept += run if len(run) < 4 else []
        run = []
        kept.append(field)
    return kept[:-1]


def _grown(form: Form, counts: Counts, anchors: list[Anchor], found: list[Field],
           matches: dict[int, int]) -> Counts | None:
    """``counts`` with one more entry in each group whose next title row follows it; None if none."""
    groups = dict(counts.groups)
    for path in group_paths(form, counts.files):
        number = groups.get(path, 1)
        if _follows(path, number, anchors, found, matches):
            groups[path] = number + 1
    return None if groups == counts.groups else Counts(counts.files, groups)


def _follows(path: tuple, number: int, anchors: list[Anchor], found: list[Field], matches: dict[int, int]) -> bool:
    """Whether the title row of entry ``number`` + 1 lies between entry ``number`` and what follows."""
    entry = path + (number - 1,)
    own = [index for index, anchor in enumerate(anchors) if anchor.path[:len(entry)] == entry]
    if not own or own[0] not in matches or anchors[own[0]].kind != ENTRY:
        return False
    after = next((matches[index] for index in range(own[-1] + 1, len(anchors)) if index in matches), len(found))
    wanted = key(f"{path[-1]}{number + 1}")
    return any(field.key == wanted for field in found[matches[own[0]] + 1:after])


def align(planned: list[str], found: list[str]) -> dict[int, int]:
    """The pairs (index in ``planned`` → index in ``found``) of a longest common subsequence."""
    where: dict[str, list[int]] = {}
    for index, label in enumerate(found):
        where.setdefault(label, []).append(index)
    pairs = [(i, j) for i, label in enumerate(planned) for j in reversed(where.get(label, ()))]
    return dict(_increasing(pairs))


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A longest chain of ``pairs`` increasing in both indices (for each planned index the found
    indices come in descending order, so one planned label takes at most one found label)."""
    tails: list[int] = []          # the smallest found index ending a chain of each length
    ends: list[int] = []           # the pair ending it
    before: list[int] = []         # for each pair, the pair before it in its chain (-1: none)
    for number, (_, found) in enumerate(pairs):
        length = bisect_left(tails, found)
        tails[length:length + 1], ends[length:length + 1] = [found], [number]
        before.append(ends[length - 1] if length else -1)
    chain, at = [], ends[-1] if ends else -1
    while at >= 0:
        chain.append(pairs[at])
        at = before[at]
    return chain[::-1]
