"""The cerberus schema of a spec, derived from the form's shape (forms/shape.py); never written by
hand. Each slot of the shape is a key: a value's rule comes from its item's kind, a mapping nests
the rules of its slots, a list holds mappings of them.
"""
from __future__ import annotations

from typing import Any

from ..forms import FILE_NAME, FILES, FORMS, Item, Kind
from ..forms.shape import Holds, Slot, shape

# "text" is a string or an integer (評価書番号: 8), never a YAML boolean (see validator.SpecValidator).
TEXT: dict[str, Any] = {"type": ["text", "list"], "nullable": True,
                        "schema": {"type": "text", "nullable": True}, "meta": {"text": True}}
SUBMISSION = ("事前", "事後")      # 提出時期, as amendment files give it (the 変更箇所 column's choices)


def header_schema(form_name: str | None = None) -> dict[str, Any]:
    """The two keys that choose the form model, checked before anything else; the revisions are
    those of ``form_name`` when it names a form (平成26年4月 is 様式2's only), else every form's."""
    names = sorted({name for name, _ in FORMS})
    revisions = sorted({revision for name, revision in FORMS if form_name in (None, name)}
                       or {revision for _, revision in FORMS})
    return {"様式": {"type": "string", "required": True, "allowed": names},
            "様式の版": {"type": "string", "required": True, "allowed": revisions}}


_SCHEMAS: dict[tuple[str, str], dict[str, Any]] = {}


def spec_schema(form_name: str, revision: str) -> dict[str, Any]:
    """The whole spec's schema for one form and revision (made once)."""
    if (form_name, revision) not in _SCHEMAS:
        found = shape(FORMS[(form_name, revision)])
        files = {FILE_NAME: {"type": "string", "required": True, "empty": False}, **mapping(found.files.slots)}
        _SCHEMAS[(form_name, revision)] = {
            **header_schema(), **mapping(found.head),
            FILES: {"type": "list", "required": True, "minlength": 1, "schema": {"type": "dict", "schema": files}},
            **mapping(found.tail)}
    return _SCHEMAS[(form_name, revision)]


def mapping(slots: tuple[Slot, ...]) -> dict[str, Any]:
    """The rules of the keys of one mapping."""
    return {slot.key: rule(slot) for slot in slots}


def rule(slot: Slot) -> dict[str, Any]:
    """The rule of one key; the printed label goes along for the editor's hover text."""
    item = slot.item
    if slot.title:
        return dict(TEXT)
    if item.kind is Kind.CHANGES:     # the columns describe themselves in the table head
        found = {"type": "list", "nullable": True, "schema": {"type": "dict", "schema": {
            column.key: value_rule(column.item) for column in slot.slots}}}
    elif slot.holds is Holds.MAPPING:
        found = {"type": "dict", "nullable": True, "schema": mapping(slot.slots)}
    elif slot.holds is Holds.LIST:
        found = {"type": "list", "nullable": True, "maxlength": item.max_repeat,
                 "schema": {"type": "dict", "schema": mapping(slot.slots)}}
    else:
        found = count_rule(item) if item.counted else value_rule(item)
    if slot.printed:
        found["meta"] = {**found.get("meta", {}), **_meta(item, slot.fallback)}
    if slot.alias:
        found.setdefault("meta", {})["alias"] = slot.alias      # check/normalise.py accepts it as the key
    return found


def _meta(item: Item, fallback: str = "") -> dict[str, str]:
    """The printed label and choices, for editor hover text (JSON Schema ``description``); a key of
    the 基礎項目評価書 part says what it means blank."""
    label = item.description
    if item.options:
        label += "　＜選択肢＞ " + "／".join(item.options.texts)
    return {"label": label + "".join(f"　{note}" for note in (item.doubt, fallback) if note)}


def value_rule(item: Item) -> dict[str, Any]:
    """The rule for one value-holding item."""
    rule: dict[str, Any]
    if item.kind is Kind.CHOICE:
        rule = {"type": "string", "nullable": True, "allowed": list(item.options.texts)}
    elif item.kind is Kind.CHECKS:
        rule = {"type": "list", "nullable": True, "schema": check_rule(item)}
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
    return {"type": "dict", "nullable": True,
            "keysrules": {"type": "string", "allowed": [check.key for check in item.counted]},
            "valuesrules": {"type": "count", "min": 1}}


def check_rule(item: Item) -> dict[str, Any]:
    """A checked box: its printed text, or ``{text: detail}`` for boxes with （ ）.

    One custom rule (validator.SpecValidator._validate_check_box) rather than cerberus ``anyof``,
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


MAX_COLUMNS = 6


def attachment() -> dict[str, Any]:
    """A further annex (別添4, 別紙 …): 見出し, then 本文 and 表, then 内容, any sequence of 本文 and 表
    blocks (one of the two each: check/annexes.py). A table has at most MAX_COLUMNS columns; its 列,
    the head row, is optional."""
    cells = {"type": "list", "maxlength": MAX_COLUMNS, "schema": {"type": "text", "nullable": True}}
    table = {"type": "dict", "nullable": True,
             "schema": {"列": {**cells, "nullable": True}, "行": {"type": "list", "nullable": True, "schema": cells}}}
    block = {"type": "dict", "schema": {"本文": dict(TEXT), "表": table}}
    return {"見出し": {"type": "string", "required": True, "empty": False}, "本文": dict(TEXT), "表": table,
            "内容": {"type": "list", "nullable": True, "schema": block}}
