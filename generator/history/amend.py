"""`pia amend`: a legal amendment or form revision, written once as data, applied to every spec.

An amendment file (specs/amendments/<施行日>-<名称>.yaml) declares what changes: ``置換`` (text
replacements limited to named items, ``項目: [個人番号の利用/法令上の根拠]``), ``チェックの置換`` (a
check-box text renamed, 4情報 → 5情報), ``様式の版`` (the revision a spec moves to), ``共通記載の引数``
(a fragment parameter changed or dropped), ``変更箇所`` (the 提出時期 and 説明 its rows carry).

Each spec is edited with ruamel.yaml round-trip (comments, order and quoting untouched), the
変更箇所 rows of the document and of its 基礎項目評価書 come from comparing the spec before and after
(the same code as ``pia changes``), and a spec where a replacement matches nowhere, or more than
once, is reported and left alone.
"""
from __future__ import annotations

import difflib
import io
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString

from ..errors import SpecError, display_path
from ..forms import FORMS
from ..read.files import Refused, read_file
from ..read.fragments import ARGUMENTS, REFERENCE
from ..read.laws import CITATION
from ..wareki import parse
from .amendments import as_text
from .append import TABLE, add_tables, round_trip
from .changes import tables
from .versions import read_version

UNREADABLE = "読み込めません（pia check で確認してください）: "


@dataclass
class Outcome:
    """What an amendment did to one spec: the new text and rows, or why it was left alone."""

    path: Path
    text: str | None = None
    original: str = ""            # the spec as read, once: the --dry-run diff compares with it
    tables: list = field(default_factory=list)   # the 変更箇所 rows of the document, and of its 基礎
    problems: list[SpecError] = field(default_factory=list)     # at the item's line when known
    changes: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)   # cited items: they change with the 公表日


def amend(amendment: dict, path: Path, specs: Path, date: str | None = None) -> Outcome:
    """Apply ``amendment`` (as load_amendment gives it) to the spec at ``path``; nothing is written
    here. The rows are dated ``date``, else the 施行日, and the 公表日 moves to that day when it is
    later: a document never lists a change after its own publication (pia check refuses that)."""
    outcome = Outcome(path)
    yaml = round_trip()
    original, data = _read(path, specs, yaml, outcome)
    outcome.original = original
    if data is None:
        return outcome
    day = date or amendment.get("施行日")
    published = _publication(day, data)
    _edit(amendment, data, outcome)
    if outcome.problems or not (outcome.changes or outcome.citations and published):
        return outcome
    if published:                     # the amended document is published on the rows' date
        data["公表日"] = published
        outcome.changes += [*dict.fromkeys(outcome.citations), f"公表日: {published}"]
    outcome.tables = _rows(amendment, original, _dump(yaml, data), path, specs, day, outcome)
    if not outcome.problems:
        add_tables(data, outcome.tables)
        _basic_published(data, outcome, day)
        outcome.text = _dump(yaml, data)
    return outcome


def _basic_published(data: CommentedMap, outcome: Outcome, day: str | None) -> None:
    """A 基礎's own 公表日 (in its part) moves with the rows it gets, as the document's does."""
    for table in outcome.tables:
        part = data.get(table.at[0]) if table.at and table.rows else None
        if isinstance(part, dict) and part.get("公表日") and _publication(day, part):
            part["公表日"] = day
            outcome.changes.append(f"{table.at[0]}: 公表日: {day}")


def _edit(amendment: dict, data: CommentedMap, outcome: Outcome) -> None:
    """Every edit the amendment declares, made in the round-trip data."""
    _revision(amendment, data, outcome)
    for rule in amendment.get("置換") or []:
        _replace_text(rule, data, outcome)
    for rule in amendment.get("チェックの置換") or []:
        _replace_check(rule, data, outcome)
    for rule in amendment.get("共通記載の引数") or []:
        for key in [key for key in data if key != TABLE]:      # 変更箇所 rows are history: untouched
            _fragment_argument(rule, data[key], outcome, key)


def _dump(yaml, data: CommentedMap) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _read(path: Path, specs: Path, yaml, outcome: Outcome) -> tuple[str, Any]:
    """The spec's text and round-trip data, once the pipeline's reader has taken it (its guards:
    size, binary, alias bombs, unreadable files); None, with its first located error, for what is
    not a valid spec."""
    version, errors = read_version(path, specs)
    if version is None:
        first = errors[0] if errors else SpecError(display_path(path), 0, 0, "評価書の仕様ファイルではありません")
        outcome.problems.append(SpecError(first.path, first.line, first.column, UNREADABLE + first.text))
        return "", None
    try:
        original = read_file(path).decode("utf-8")       # the one reader: bounded, regular files only
        return original, yaml.load(original)
    except Refused as refusal:
        _problem(outcome, UNREADABLE + str(refusal))
        return "", None
    except (OSError, UnicodeDecodeError, YAMLError) as error:
        _problem(outcome, UNREADABLE + str(getattr(error, "problem", None) or getattr(error, "strerror", None) or error))
        return "", None


def _problem(outcome: Outcome, message: str, parent: Any = None, key: Any = None) -> None:
    """A reason to leave the spec alone, at the line of ``parent[key]`` when it has one (the
    round-trip data keeps every key's position)."""
    try:
        line, column = (number + 1 for number in parent.lc.key(key))
    except (AttributeError, KeyError, TypeError):
        line, column = 0, 0
    outcome.problems.append(SpecError(display_path(outcome.path), line, column, message))


def diff(outcome: Outcome) -> str:
    """The change to the spec file as a unified diff (for --dry-run)."""
    before = outcome.original.splitlines(keepends=True)
    return "".join(difflib.unified_diff(before, (outcome.text or "").splitlines(keepends=True),
                                        str(outcome.path), str(outcome.path)))


def _publication(date: str | None, data: dict) -> str | None:
    """``date`` when it is later than the spec's 公表日 (the new version's publication)."""
    new, current = parse(str(date or "")), parse(str(data.get("公表日") or ""))
    return date if new is not None and (current is None or new > current) else None


def _revision(amendment: dict, data: dict, outcome: Outcome) -> None:
    """The spec's form revision moved, where its 様式 has the new one (the 5情報 revision is one of
    様式3/4's: a 基礎項目評価書 on 平成30年5月 stays there)."""
    revision = amendment.get("様式の版") or {}
    if revision and data.get("様式の版") == revision.get("前") and (data.get("様式"), revision.get("後")) in FORMS:
        data["様式の版"] = revision["後"]
        outcome.changes.append(f"様式の版: {revision['前']} → {revision['後']}")


def _replace_text(rule: dict, data: dict, outcome: Outcome) -> None:
    """Replace ``前`` by ``後`` in the named items."""
    for where, parent, key in _items(data, rule["項目"]):
        if isinstance(parent[key], dict) and CITATION in parent[key]:     # the catalogue holds the wording
            outcome.citations.append(f"{where}: 法令の引用（公表日に効力のある文言）")
        else:
            _replace_in(rule, where, parent, key, outcome)


def _replace_in(rule: dict, where: str, parent: Any, key: Any, outcome: Outcome) -> None:
    """One item: exactly one hit, else a problem at its line. A number (評価書番号: 8) is matched as
    its digits; a blank ``後`` ("") deletes ``前``; a list of parts is not matched."""
    before, after, value = rule["前"], rule["後"], parent[key]
    text = as_text(value) if isinstance(value, (str, int)) else None
    hits = text.count(before) if text is not None else 0
    shown = f"{where}: 「{_one_line(before)}」"
    if hits == 1:
        parent[key] = _scalar(text.replace(before, after), value)
        outcome.changes.append(f"{shown}→「{_one_line(after)}」" if after else f"{shown}を削除")
    elif hits > 1:
        _problem(outcome, f"{shown}が{hits}箇所にあり、どれを直すか決められません", parent, key)
    elif not after or after not in str(value or ""):     # 後 already there: amended before
        _problem(outcome, f"{shown}が見つかりません（手で確認してください）", parent, key)


def _one_line(text: str) -> str:
    """A text of several lines as one line of a message (one problem is one line of output)."""
    return text.replace("\n", "↵")


def _scalar(new: str, old: Any) -> Any:
    """The replaced text as the spec writes it: a number stays a number, several lines a block."""
    if isinstance(old, int) and new.isascii() and new.isdigit() and str(int(new)) == new:
        return int(new)
    return LiteralScalarString(new) if "\n" in new else new


def _replace_check(rule: dict, data: dict, outcome: Outcome) -> None:
    for where, parent, key in _items(data, rule["項目"]):
        boxes = parent[key] if isinstance(parent[key], list) else []
        for index, box in enumerate(boxes):
            if box == rule["前"]:
                boxes[index] = rule["後"]
                outcome.changes.append(f"{where}: 「{rule['前']}」→「{rule['後']}」")


def _fragment_argument(rule: dict, data: Any, outcome: Outcome, where: str = "") -> None:
    """A 共通記載 reference to ``rule['共通記載']`` whose argument ``名前`` is ``前`` gets ``後``
    (none: the argument is dropped, so the fragment's current default applies)."""
    if isinstance(data, dict):
        if data.get(REFERENCE) == rule["共通記載"] and isinstance(data.get(ARGUMENTS), dict):
            arguments = data[ARGUMENTS]
            if rule["名前"] in arguments and as_text(arguments[rule["名前"]]) == rule["前"]:
                if rule.get("後") is None:
                    del arguments[rule["名前"]]
                else:
                    arguments[rule["名前"]] = rule["後"]
                outcome.changes.append(f"{where}: 共通記載「{rule['共通記載']}」の{rule['名前']}")
        for key, value in data.items():
            _fragment_argument(rule, value, outcome, f"{where}/{key}" if where else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            _fragment_argument(rule, value, outcome, f"{where}[{index + 1}]")


def _items(data: Any, suffixes: list[str], path: tuple = ()):
    """(printed path, parent mapping, key) of every value whose key path ends with a suffix."""
    if isinstance(data, (dict, CommentedMap)):
        for key, value in data.items():
            here = path + (str(key),)
            if key != TABLE and any("/".join(here).endswith(suffix) for suffix in suffixes):
                yield "/".join(here), data, key
            elif key != TABLE:
                yield from _items(value, suffixes, here)
    elif isinstance(data, (list, CommentedSeq)):
        for index, value in enumerate(data):
            yield from _items(value, suffixes, path + (str(index + 1),))


def _rows(amendment: dict, before: str, after: str, path: Path, specs: Path, date, outcome: Outcome) -> list:
    """変更箇所 rows of each document from the spec before and after, with the amendment's 提出時期
    and 説明 (the 基礎's too: an amended 法令上の根拠 is printed in both)."""
    versions = []
    for text in (before, after):
        version, errors = read_version(path, specs, text.encode("utf-8"))
        if version is None:
            _problem(outcome, "改正後の仕様ファイルが検査を通りません: " + "; ".join(error.message for error in errors))
            return []
        versions.append(version)
    wording = amendment.get("変更箇所") or {}
    found = tables(versions[1].form, versions[0].data, versions[1].data, date or amendment.get("施行日"), versions[0].form)
    return [replace(table, rows=[replace(row, timing=wording.get("提出時期", row.timing),
                                         reason=wording.get("提出時期に係る説明", row.reason)) for row in table.rows])
            for table in found]
