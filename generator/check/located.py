"""Step 3: validate a resolved spec with cerberus, and turn every error into a located SpecError.

cerberus collects all errors at once; group errors (a list's items, a mapping's keys) carry their
children in ``info`` and are walked recursively so each message points at the innermost value.
"""
from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from ..errors import SpecError
from ..forms import FORMS, Form, Kind
from ..forms.basic import typed_in
from ..forms.shape import shape
from ..read.load import LoadedFile, key_position, position
from .normalise import normalise
from .plain import plainly_valid
from .schema import header_schema, spec_schema

if TYPE_CHECKING:       # cerberus is imported only for a spec that is not plainly valid (plain.py)
    from .validator import SpecValidator


# 「もしかして」 for the first errors of a spec only: a file of 20,000 unknown keys would spend seconds
# in difflib on hints nobody reads (issue 14's budgets)
SUGGESTED = 200


def validate(spec: LoadedFile, data: Any) -> tuple[Form | None, Any, list[SpecError]]:
    """Check ``data`` (the resolved spec) against its form.

    Returns the form (when the header names one), the data with width variants normalised, and
    every error and warning.
    """
    if not isinstance(data, dict):
        return None, data, [SpecError.wrong_type(spec.display, 1, 1, "評価書", "「様式」「様式の版」などの項目")]
    header, warnings = normalise(spec, {key: data.get(key) for key in ("様式", "様式の版")}, header_schema())
    errors = _run(spec, header_schema(_named(header)), header, None)
    form = FORMS.get((header["様式"], header["様式の版"])) if not errors else None
    if form is None:
        return None, data, warnings + (errors or [_unknown_revision(spec, header)])
    schema = spec_schema(form.name, form.revision)
    data, warnings = normalise(spec, data, schema)
    return form, data, warnings + _run(spec, schema, data, form)


@cache
def _validator(form_name: str, revision: str) -> SpecValidator:
    """One validator per form and revision, made when first needed."""
    from .validator import derived_validator
    return derived_validator(spec_schema(form_name, revision))


@cache
def _header_validator(form_name: str | None) -> SpecValidator:
    from .validator import derived_validator
    return derived_validator(header_schema(form_name))


def _named(header: dict) -> str | None:
    """The form a header names, when it names one by text (its revisions are then listed)."""
    return header["様式"] if isinstance(header.get("様式"), str) else None


def _run(spec: LoadedFile, schema: dict, data: dict, form: Form | None) -> list[SpecError]:
    """cerberus's errors, located; none asked of it when the data is plainly valid (plain.py)."""
    if plainly_valid({"type": "dict", "schema": schema}, data):      # cerberus would find nothing
        return []
    validator = _validator(form.name, form.revision) if form else _header_validator(_named(data))
    return _errors(spec, validator, schema, data, form)


def validate_file(spec: LoadedFile, schema: dict, within: str, entries: dict | None = None) -> list[SpecError]:
    """Check a data file that is not a spec (an amendment, a law catalogue) against ``schema``, or
    each of its entries against ``entries`` (keys named freely); ``within`` names the kind of file."""
    if not isinstance(spec.plain, dict):
        expected = "「名称」などの項目" if entries is None else "項目ごとの定義"
        return [SpecError.wrong_type(spec.display, 1, 1, within, expected)]
    from .validator import SpecValidator
    validator = SpecValidator(schema, allow_unknown=entries or False)
    return _errors(spec, validator, schema, spec.plain, None, within)


def _errors(spec: LoadedFile, validator: SpecValidator, schema: dict, data: dict, form: Form | None,
            within: str = "様式") -> list[SpecError]:
    if validator.validate(data, normalize=False):   # nothing to normalise; saves half the time
        return []
    leaves = [leaf for error in validator._errors for leaf in _leaves(error)]
    return [found for index, leaf in enumerate(leaves) for found in _typed_whole(spec, form, leaf)
            or [_convert(spec, form, schema, leaf, within, suggest=index < SUGGESTED)]]


def _leaves(error):
    """The innermost errors under ``error`` (the error itself when it is not a group)."""
    if error.is_group_error:
        for child in error.child_errors or ():
            yield from _leaves(child)
    else:
        yield error


def _convert(spec: LoadedFile, form: Form | None, schema: dict, error, within: str = "様式",
             suggest: bool = True) -> SpecError:
    from cerberus import errors as codes

    from .validator import NOT_A_BOX
    path = tuple(error.document_path)
    item = _item(form, path)
    name = _name(item, path)
    line, column = position(spec.data, path)
    shown = spec.display
    if error.code == codes.UNKNOWN_FIELD.code:
        line, column = key_position(spec.data, path)
        if form is not None and typed_in(form, path):
            return _typed_twice(shown, line, column, str(path[-1]), typed_in(form, path))
        suggestion = _suggest(path[-1], _siblings(schema, path)) if suggest else None
        return SpecError.unknown_key(shown, line, column, str(path[-1]), suggestion, within)
    if error.code == codes.REQUIRED_FIELD.code:
        return SpecError.missing(shown, line, column, str(path[-1]))
    if error.code in (codes.UNALLOWED_VALUE.code, NOT_A_BOX.code):
        return _not_an_option(shown, line, column, name, error, item)
    if error.code in (codes.EMPTY_NOT_ALLOWED.code, codes.NOT_NULLABLE.code):
        return SpecError.missing(shown, line, column, name)
    if error.code == codes.MAX_LENGTH.code:
        return SpecError(shown, line, column, f"「{name}」は{error.constraint}件までです", item=name)
    if error.code == codes.MIN_LENGTH.code:
        return SpecError.missing(shown, line, column, name)
    if error.code == codes.MIN_VALUE.code:
        return SpecError(shown, line, column, f"「{name}」の「{path[-1]}」の件数は1以上の整数です", item=name)
    return SpecError.wrong_type(shown, line, column, name, _expected(item, _rule_at(schema, path)))


def _item(form: Form | None, path: tuple):
    """The form item of the value at ``path``; for a count under 提供・移転の有無 (a mapping whose keys
    are box texts), that item."""
    slot = shape(form).at(path) if form else None
    if slot is None and form and len(path) > 1:
        parent = shape(form).at(path[:-1])
        return parent.item if parent is not None and parent.item.counted else None
    return slot.item if slot else None


def _name(item, path: tuple) -> str:
    """The item's printed label (without numbering), else the last key of ``path``."""
    if item is not None:
        return item.name
    keys = [step for step in path if isinstance(step, str)]
    return keys[-1] if keys else "評価書"


def _typed_whole(spec: LoadedFile, form: Form | None, error) -> list[SpecError]:
    """A section of a 重点/全項目 spec's 基礎項目評価書 part whose items the 基礎 all takes from the
    document, written there: one error per value typed twice, at that value's key."""
    from cerberus import errors as codes

    path = tuple(error.document_path)
    if error.code != codes.UNKNOWN_FIELD.code or form is None or typed_in(form, path) != "すべて":
        return []
    return [_typed_twice(spec.display, *key_position(spec.data, inner), str(inner[-1]), where)
            for inner, where in _typed_keys(form, path, error.value)]


def _typed_keys(form: Form, path: tuple, value: Any):
    """(path, where the document prints it) of each key under ``path`` the 基礎 takes."""
    for key, inner in (value.items() if isinstance(value, dict) else ()):
        where = typed_in(form, path + (key,))
        if where == "すべて":
            yield from _typed_keys(form, path + (key,), inner)
        elif where:
            yield path + (key,), where


def _typed_twice(shown: str, line: int, column: int, key: str, where: str) -> SpecError:
    """A value of the 基礎項目評価書 that a 重点/全項目 spec types once, in its own item (issue 16)."""
    source = "この評価書の項目から" if where == "すべて" else f"この評価書の「{where}」から"
    return SpecError(shown, line, column, f"「{key}」は、基礎項目評価書には{source}作られます", item=key,
                     hint="同じ内容は一度だけ書きます。基礎項目評価書: には書けません")


def _not_an_option(shown: str, line: int, column: int, name: str, error, item) -> SpecError:
    value = error.value if not isinstance(error.value, dict) else "、".join(map(str, error.value))
    options = _options(item) if item else tuple(error.constraint or ())
    return SpecError.not_an_option(shown, line, column, name, str(value), options,
                                   _suggest(str(value), options))


def _options(item) -> tuple[str, ...]:
    if item.kind is Kind.CHOICE:
        return item.options.texts
    if item.kind is Kind.CHECKS:
        return tuple(check.key for check in item.checks.checks)
    return tuple(check.key for check in item.counted)


def _expected(item, rule: dict) -> str:
    if item is None:            # a 変更箇所 column, an annex table cell …: known by its rule only
        return _BY_TYPE.get("text" if rule.get("meta", {}).get("text") else str(rule.get("type")), "正しい形の値")
    expected = {Kind.CHECKS: "チェックする項目の一覧（- 項目名）", Kind.GROUP: "一覧（- で始まる項目）",
                Kind.CHOICE: "選択肢の文言", Kind.DATE: "和暦の日付（例: 令和6年5月24日）",
                Kind.CHANGES: "変更箇所の行の一覧", Kind.DERIVED: "チェック項目ごとの件数（例: 提供を行っている: 58）"}
    return expected.get(item.kind, "文字列" if item.holds_value else "項目の一覧")


_BY_TYPE = {"text": "文字列", "string": "文字列", "list": "一覧（- で始まる項目）", "dict": "項目の一覧",
            "count": "1以上の整数"}


def _siblings(schema: dict, path: tuple) -> list[str]:
    """The keys allowed beside the last step of ``path``."""
    return list(_rule_at(schema, path[:-1]).get("schema", {}))


def _rule_at(schema: dict, path: tuple) -> dict:
    """The cerberus rule of the value at ``path`` (empty where the schema has none)."""
    rules = {"schema": schema, "type": "dict"}
    for step in path:
        inner = rules.get("schema", {})
        rules = inner if isinstance(step, int) else inner.get(step, {})
    return rules if isinstance(rules, dict) else {}


def _suggest(value: Any, candidates) -> str | None:
    import difflib  # 2 ms a check: only a spec with an error needs a suggestion
    found = difflib.get_close_matches(str(value), list(candidates), n=1, cutoff=0.5)
    return found[0] if found else None


def _unknown_revision(spec: LoadedFile, header: dict) -> SpecError:
    line, column = position(spec.data, ("様式の版",))
    revisions = [revision for name, revision in FORMS if name == header["様式"]]
    return SpecError.not_an_option(spec.display, line, column, "様式の版", header["様式の版"],
                                   tuple(revisions), _suggest(header["様式の版"], revisions))
