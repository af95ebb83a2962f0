"""The cerberus schema of a spec, derived from a form model; never written by hand.

Each item contributes its key to the mapping it lives in: SECTION, RISK and PART items nest a
mapping, LABEL items and sub-rows add their children beside themselves, GROUP items hold a list of
mappings, DERIVED items are printed from other values and have no key, except the counts a
derived item prints (II-5 提供・移転の有無 （ n ） 件), which a spec may give.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .forms import FILE_NAME, FILES, FORMS, Form, Item, Kind
from .thresholds import SCHEMA as THRESHOLD_SCHEMA, THRESHOLD

HEADER = ("様式", "様式の版")
CHANGE_COLUMNS = ("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")
SUBMISSION = ("事前", "事後")

# "text" is a string or an integer (評価書番号: 8), never a YAML boolean (see validate.SpecValidator).
TEXT: dict[str, Any] = {"type": ["text", "list"], "nullable": True,
                        "schema": {"type": "text", "nullable": True}, "meta": {"text": True}}


def header_schema() -> dict[str, Any]:
    """The two keys that choose the form model, checked before anything else."""
    names = sorted({name for name, _ in FORMS})
    revisions = sorted({revision for _, revision in FORMS})
    return {"様式": {"type": "string", "required": True, "allowed": names},
            "様式の版": {"type": "string", "required": True, "allowed": revisions}}


@lru_cache(maxsize=None)
def spec_schema(form_name: str, revision: str) -> dict[str, Any]:
    """The whole spec's schema for one form and revision."""
    form = FORMS[(form_name, revision)]
    file_schema = {FILE_NAME: {"type": "string", "required": True, "empty": False},
                   **mapping(form.per_file)}
    return {**header_schema(), THRESHOLD: THRESHOLD_SCHEMA, **mapping(form.cover), **mapping(form.common),
            FILES: {"type": "list", "required": True, "minlength": 1,
                    "schema": {"type": "dict", "schema": file_schema}},
            **mapping(form.closing)}


def mapping(items: tuple[Item, ...]) -> dict[str, Any]:
    """The keys that ``items`` contribute to the mapping they are printed in."""
    schema: dict[str, Any] = {}
    for item in items:
        schema.update(entries(item))
    return schema


def entries(item: Item) -> dict[str, Any]:
    if item.kind is Kind.DERIVED:
        return {item.key: count_rule(item)} if item.counted else {}
    if item.kind is Kind.LABEL:
        return mapping(item.children)
    if item.nests:
        return {item.key: {"type": "dict", "nullable": True, "meta": _meta(item),
                           "schema": mapping(item.header_checks + item.children)}}
    if item.kind is Kind.GROUP:
        return {item.key: {**group_rule(item), "meta": _meta(item)}}
    rule = value_rule(item)
    rule["meta"] = {**rule.get("meta", {}), **_meta(item)}
    return {item.key: rule, **mapping(item.children)}


def _meta(item: Item) -> dict[str, str]:
    """The printed label and choices, for editor hover text (JSON Schema ``description``)."""
    label = (item.printed_label + (f"　{item.note}" if item.note else "")).replace("\n", " ")
    if item.options:
        label += "　＜選択肢＞ " + "／".join(item.options.texts)
    return {"label": label}


def group_rule(item: Item) -> dict[str, Any]:
    inner = mapping(item.children)
    if item.title_key:
        inner = {item.title_key: TEXT, **inner}
    return {"type": "list", "nullable": True, "maxlength": item.max_repeat,
            "schema": {"type": "dict", "schema": inner}}


def value_rule(item: Item) -> dict[str, Any]:
    """The rule for one value-holding item."""
    rule: dict[str, Any]
    if item.kind is Kind.CHOICE:
        rule = {"type": "string", "nullable": True, "allowed": list(item.options.texts)}
    elif item.kind is Kind.CHECKS:
        rule = {"type": "list", "nullable": True, "schema": check_rule(item)}
    elif item.kind is Kind.CHANGES:
        rule = {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": change_row()}}
    elif item.kind is Kind.ATTACHMENTS:
        rule = {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": attachment()}}
    elif item.kind is Kind.DATE:
        rule = {"type": "string", "nullable": True}
    else:
        rule = dict(TEXT)
    if item.required:
        rule.update(required=True, nullable=False, empty=False)
    return rule


def count_rule(item: Item) -> dict[str, Any]:
    """Optional counts of a derived item's boxes: ``{提供を行っている: 58}`` (an integer from 1)."""
    return {"type": "dict", "nullable": True, "meta": _meta(item),
            "keysrules": {"type": "string", "allowed": [check.key for check in item.counted]},
            "valuesrules": {"type": "count", "min": 1}}


def check_rule(item: Item) -> dict[str, Any]:
    """A checked box: its printed text, or ``{text: detail}`` for boxes with （ ）.

    One custom rule (validate.SpecValidator._validate_check_box) rather than cerberus ``anyof``,
    which builds a child validator per branch and value and throws the failed branch's errors
    away: a third of the time of validating a 全項目 spec."""
    return {"check_box": {"plain": [check.key for check in item.checks.checks],
                          "detailed": [check.key for check in item.checks.checks if check.detail]}}


def check_branches(boxes: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The ``check_box`` rule spelt as cerberus ``anyof`` branches (for the JSON Schema)."""
    return [{"type": "string", "allowed": boxes["plain"]},
            {"type": "dict", "minlength": 1, "maxlength": 1,
             "keysrules": {"type": "string", "allowed": boxes["detailed"]},
             "valuesrules": {"type": "text", "nullable": True}}]


def change_row() -> dict[str, Any]:
    """One row of the 変更箇所 table."""
    row = {column: dict(TEXT) for column in CHANGE_COLUMNS}
    row["変更日"] = {"type": "string", "nullable": True}
    row["提出時期"] = {"type": "string", "nullable": True, "allowed": list(SUBMISSION)}
    return row


MAX_COLUMNS = 6


def attachment() -> dict[str, Any]:
    """A further annex: heading, text, and an optional table of at most MAX_COLUMNS columns."""
    cells = {"type": "list", "maxlength": MAX_COLUMNS, "schema": {"type": "text", "nullable": True}}
    return {"見出し": {"type": "string", "required": True, "empty": False}, "本文": dict(TEXT),
            "表": {"type": "dict", "nullable": True,
                  "schema": {"列": {**cells, "required": True, "minlength": 1},
                             "行": {"type": "list", "nullable": True, "schema": cells}}}}


def item_at(form: Form, path: tuple) -> Item | None:
    """The form item whose value sits at ``path`` in a spec (list indices are skipped)."""
    keys = tuple(step for step in path if isinstance(step, str))
    return _index(form.name, form.revision).get(keys)


@lru_cache(maxsize=None)
def _index(form_name: str, revision: str) -> dict[tuple[str, ...], Item]:
    form = FORMS[(form_name, revision)]
    index: dict[tuple[str, ...], Item] = {}
    _add(index, (), form.cover + form.common + form.closing)
    _add(index, (FILES,), form.per_file)
    return index


def _add(index: dict, prefix: tuple[str, ...], items: tuple[Item, ...]) -> None:
    for item in items:
        if item.kind is Kind.DERIVED and not item.counted:
            continue
        if item.kind is Kind.LABEL:
            _add(index, prefix, item.children)
            continue
        index[prefix + (item.key,)] = item
        inner = prefix + (item.key,) if item.nests or item.kind is Kind.GROUP else prefix
        _add(index, inner, item.header_checks + item.children)
