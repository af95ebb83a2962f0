"""The amendment file (specs/amendments/<施行日>-<名称>.yaml), read through the pipeline's reader
and checked like a spec (check/datafiles.py) before ``pia amend`` touches any spec.

The schema lets a 前 or 後 be written as a string, a number or a list of lines (a spec's text is
written so); here each becomes the one text it prints as, so ``pia amend`` compares and replaces
strings only."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..check.datafiles import amendment_errors
from ..errors import SpecError
from ..read.load import LoadedFile, load_yaml, position

TEXT_RULES = ("置換", "共通記載の引数")      # the rules whose 前 and 後 are texts


def load_amendment(path: Path) -> tuple[dict | None, list[SpecError]]:
    """The amendment at ``path`` with its 前 and 後 as texts, or None and every problem in it."""
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None, errors
    errors = amendment_errors(loaded) or _text_errors(loaded)
    return (None, errors) if errors else (_with_texts(loaded.plain), [])


def as_text(value: Any) -> str | None:
    """A text as it prints: a string, a number's digits (前: 1 matches 評価書番号: 1), a list's
    lines joined by line breaks (as a spec's list of lines prints); None for a blank, or for a list
    holding a blank line (written "" when meant)."""
    if isinstance(value, list):
        lines = [_scalar_text(line) for line in value]
        return None if None in lines else "\n".join(lines)
    return _scalar_text(value)


def _scalar_text(value: Any) -> str | None:
    return None if isinstance(value, bool) or not isinstance(value, (str, int)) else str(value)


def _text_errors(loaded: LoadedFile) -> list[SpecError]:
    """What the schema lets through and no spec can be amended by: a list of lines holding a
    blank, or a 置換 whose 前 is blank once its lines are joined (it would match everywhere)."""
    errors = []
    for path, kind, value in _texts(loaded.plain):
        problem = _text_problem(kind, path[-1], value)
        if problem:
            line, column = position(loaded.data, path)
            errors.append(SpecError(loaded.display, line, column, problem, item=path[-1]))
    return errors


def _texts(plain: dict) -> Iterator[tuple[tuple, str, Any]]:
    """(path in the file, kind, value) of each rule's 前 and 後, and of the rows' 説明."""
    for kind in TEXT_RULES:
        for index, rule in enumerate(plain.get(kind) or []):
            yield (kind, index, "前"), kind, rule.get("前")
            yield (kind, index, "後"), kind, rule.get("後")
    yield ("変更箇所", "提出時期に係る説明"), "変更箇所", (plain.get("変更箇所") or {}).get("提出時期に係る説明")


def _text_problem(kind: str, side: str, value: Any) -> str | None:
    if isinstance(value, list) and as_text(value) is None:
        return f"「{side}」の行に空欄があります（空の行は \"\" と書いてください）"
    if kind == "置換" and side == "前" and not (as_text(value) or "").strip():
        return "「前」には置き換える文言を記載してください"
    return None


def _with_texts(plain: dict) -> dict:
    """The amendment with each 前 and 後 as its text; a blank 置換 後 is "" (前 is deleted), a
    blank 共通記載の引数 後 stays None (the argument is dropped). The rows' 提出時期 and 説明 as
    texts; a blank one is not given (the row keeps its own, as pia changes suggests it)."""
    amendment = dict(plain)
    for kind in TEXT_RULES:
        amendment[kind] = [{**rule, "前": as_text(rule.get("前")), "後": as_text(rule.get("後"))}
                           for rule in plain.get(kind) or []]
    for rule in amendment["置換"]:
        rule["後"] = rule["後"] or ""
    wording = plain.get("変更箇所") or {}
    amendment["変更箇所"] = {key: as_text(value) for key, value in wording.items() if as_text(value)}
    return amendment
