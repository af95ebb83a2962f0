"""The data files a spec relies on, checked like specs: the law catalogue (specs/laws/*.yaml) and
the amendment files (specs/amendments/*.yaml). Every problem at once, located, in Japanese
(located.validate_file), before a citation is printed or an amendment touches a spec."""
from __future__ import annotations

from typing import Any

from ..errors import SpecError, sorted_errors
from ..forms import FORMS
from ..read.load import LoadedFile, position
from ..read.text import HINT, text_problem
from ..wareki import parse
from .located import validate_file
from .schema import SUBMISSION, TEXT

LAW_FILE, AMENDMENT_FILE, FRAGMENT_FILE = "法令ファイル", "改正ファイル", "共通記載ファイル"

LAW_ENTRY = {"type": "dict", "allow_unknown": False, "schema": {       # one citation: its wording per period
    "説明": TEXT,
    "文言": {"type": "list", "required": True, "minlength": 1, "schema": {
        "type": "dict", "allow_unknown": False, "schema": {
            "施行日": {"type": "string", "required": True, "empty": False},
            "本文": {**TEXT, "required": True, "nullable": False, "empty": False}}}}}}

_NAMED_ITEMS = {"type": "list", "required": True, "minlength": 1, "schema": {"type": "string", "empty": False}}
_REVISIONS = sorted({revision for _, revision in FORMS})


def _rules(**columns: dict[str, Any]) -> dict[str, Any]:
    """A list of rules, each a mapping of ``columns``."""
    return {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": columns}}


AMENDMENT: dict[str, Any] = {
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


def law_file_errors(loaded: LoadedFile) -> list[SpecError]:
    """A catalogue file's problems: its keys, a real 和暦 施行日 per wording (the wording in force
    is chosen by it), and texts that can be printed."""
    return validate_file(loaded, {}, LAW_FILE, LAW_ENTRY) + list(_law_dates(loaded)) + list(_texts(loaded))


def fragment_file_errors(loaded: LoadedFile) -> list[SpecError]:
    """A fragment file's problems, where they are: 引数 not a mapping of names to texts (a list
    printed as ['甲', '乙']), and texts that cannot be printed. Other keys of an entry are notes
    (説明) and are left alone, as are entries no spec uses."""
    if not isinstance(loaded.plain, dict):
        return [SpecError.wrong_type(loaded.display, 1, 1, FRAGMENT_FILE, "共通記載ごとの定義")]
    errors = [error for name, entry in loaded.plain.items() if isinstance(entry, dict)
              for error in _parameters(loaded, name, entry.get("引数"))]
    return errors + list(_texts(loaded))


def _parameters(loaded: LoadedFile, name: Any, parameters: Any) -> list[SpecError]:
    where = (name, "引数")
    if parameters is None:
        return []
    if not isinstance(parameters, dict):
        return [SpecError(loaded.display, *position(loaded.data, where), "「引数」は「名前: 既定値」の形で記載してください",
                          item="引数", hint="既定値のない引数は「名前:」だけを書きます")]
    return [SpecError(loaded.display, *position(loaded.data, where + (key,)),
                      f"引数「{key}」の既定値には文字列を記載してください", item="引数")
            for key, default in parameters.items() if not _is_text(default)]


def _is_text(value: Any) -> bool:
    return value is None or isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def _texts(loaded: LoadedFile, value: Any = None, path: tuple = ()):
    """Every text of a data file that a document may print, checked as spec texts are (read/text.py)."""
    value = loaded.plain if not path else value
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _texts(loaded, inner, path + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _texts(loaded, inner, path + (index,))
    elif isinstance(value, str) and text_problem(value):
        yield SpecError(loaded.display, *position(loaded.data, path), text_problem(value), hint=HINT)


def _law_dates(loaded: LoadedFile):
    entries = loaded.plain if isinstance(loaded.plain, dict) else {}
    for name, entry in entries.items():
        periods = entry.get("文言") if isinstance(entry, dict) else None
        for index, period in enumerate(periods if isinstance(periods, list) else []):
            day = period.get("施行日") if isinstance(period, dict) else None
            if isinstance(day, str) and day and parse(day) is None:
                line, column = position(loaded.data, (name, "文言", index, "施行日"))
                yield SpecError.not_a_date(loaded.display, line, column, "施行日", day, "令和6年5月27日")


def amendment_errors(loaded: LoadedFile) -> list[SpecError]:
    """An amendment file's problems, sorted: its keys, and a real 施行日 (the rows' 変更日)."""
    errors = validate_file(loaded, AMENDMENT, AMENDMENT_FILE)
    day = loaded.plain.get("施行日") if isinstance(loaded.plain, dict) else None
    if isinstance(day, str) and day and parse(day) is None:
        line, column = position(loaded.data, ("施行日",))
        errors.append(SpecError.not_a_date(loaded.display, line, column, "施行日", day, "令和6年5月27日"))
    return sorted_errors(errors)
