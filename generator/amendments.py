"""The amendment file (specs/amendments/<施行日>-<名称>.yaml): its schema and its loader.

An amendment is data written by hand, like a spec, so it is checked the same way: every problem at
once, located, in Japanese (validate.validate_file), before ``pia amend`` touches any spec.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import SpecError, sorted_errors
from .forms import FORMS
from .load import LoadedFile, load_yaml, position
from .schema import SUBMISSION, TEXT
from .validate import validate_file
from .wareki import parse

WITHIN = "改正ファイル"
_NAMED_ITEMS = {"type": "list", "required": True, "minlength": 1, "schema": {"type": "string", "empty": False}}
_REVISIONS = sorted({revision for _, revision in FORMS})


def _rules(**columns: dict[str, Any]) -> dict[str, Any]:
    """A list of rules, each a mapping of ``columns``."""
    return {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": columns}}


SCHEMA: dict[str, Any] = {
    "名称": {"type": "string", "required": True, "empty": False},
    "施行日": {"type": "string", "required": True, "empty": False},
    "様式の版": {"type": "dict", "nullable": True, "schema": {
        "前": {"type": "string", "required": True, "allowed": _REVISIONS},
        "後": {"type": "string", "required": True, "allowed": _REVISIONS}}},
    # 置換: text replaced in the named items (key paths ending with 項目 …/…)
    "置換": _rules(項目=_NAMED_ITEMS, 前={**TEXT, "required": True, "nullable": False, "empty": False},
                 後={**TEXT, "required": True}),
    # チェックの置換: a check box renamed (4情報 → 5情報)
    "チェックの置換": _rules(項目=_NAMED_ITEMS, 前={"type": "string", "required": True, "empty": False},
                       後={"type": "string", "required": True, "empty": False}),
    # 共通記載の引数: an argument of a fragment reference changed, or dropped (後 blank)
    "共通記載の引数": _rules(共通記載={"type": "string", "required": True, "empty": False},
                       名前={"type": "string", "required": True, "empty": False},
                       前={**TEXT, "required": True}, 後=TEXT),
    "変更箇所": {"type": "dict", "nullable": True, "schema": {
        "提出時期": {"type": "string", "nullable": True, "allowed": list(SUBMISSION)},
        "提出時期に係る説明": TEXT}},
}


def load_amendment(path: Path) -> tuple[dict | None, list[SpecError]]:
    """The amendment at ``path``, or None and every problem in it."""
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None, errors
    errors = validate_file(loaded, SCHEMA, WITHIN)
    errors += _dates(loaded) if isinstance(loaded.plain, dict) else []
    return (None, sorted_errors(errors)) if errors else (loaded.plain, [])


def _dates(loaded: LoadedFile) -> list[SpecError]:
    """施行日 is a real 和暦 date: it becomes the 変更日 of the rows an amendment adds."""
    day = loaded.plain.get("施行日")
    if not isinstance(day, str) or not day or parse(day) is not None:
        return []               # absent or not text: the schema has said so
    line, column = position(loaded.data, ("施行日",))
    return [SpecError.not_a_date(loaded.display, line, column, "施行日", day, "令和6年5月27日")]
