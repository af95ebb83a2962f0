"""The JSON Schema of a spec (draft-07, for editors: VS Code's YAML extension completes keys and
choice texts and shows the printed label on hover), converted from the cerberus schema, which is
itself derived from the form model. Nothing here lists a form item.

Text values may also be 共通記載 references (``{共通記載: key, 引数: {…}}``), as the editor sees the
spec before fragments are resolved.
"""
from __future__ import annotations

import json
from typing import Any

from ..check.schema import check_branches, spec_schema
from ..forms import FORMS

DRAFT = "http://json-schema.org/draft-07/schema#"
_TYPES = {"string": ["string"], "integer": ["integer"], "count": ["integer"], "text": ["string", "integer"],
          "list": ["array"], "dict": ["object"]}
FRAGMENT = {"type": "object", "required": ["共通記載"], "additionalProperties": False,
            "properties": {"共通記載": {"type": "string", "description": "specs/fragments/<ファイル>/<項目>"},
                           "引数": {"type": "object", "additionalProperties": {"type": ["string", "integer"]}}}}
_REFERENCE = {"anyOf": [{"$ref": "#/definitions/共通記載"}, {"$ref": "#/definitions/法令"}]}
CITATION = {"type": "object", "required": ["法令"], "additionalProperties": False,
            "properties": {"法令": {"type": "string", "description": "specs/laws/<ファイル>/<項目>（公表日の文言）"}}}


def file_name(form_name: str, revision: str) -> str:
    """schemas/ file of one form and revision, in ASCII so every editor resolves the path."""
    number = FORMS[(form_name, revision)].number.replace("様式", "form")
    return f"{number}-h30-5{'-5joho' if '5情報' in revision else ''}.schema.json"


def json_schema(form_name: str, revision: str) -> dict[str, Any]:
    """The JSON Schema of a spec of one form and revision."""
    form = FORMS[(form_name, revision)]
    root = convert({"type": "dict", "schema": spec_schema(form_name, revision)})
    return {"$schema": DRAFT, "title": f"{form.title}（{form.number}、{revision}）の仕様ファイル",
            "definitions": {"共通記載": FRAGMENT, "法令": CITATION}, **root}


def convert(rule: dict[str, Any]) -> dict[str, Any]:
    """One cerberus rule as JSON Schema."""
    meta = rule.get("meta", {})
    out: dict[str, Any] = _text(rule) if meta.get("text") else _typed(rule)
    if "label" in meta:
        out["description"] = meta["label"]
    return out


def _text(rule: dict[str, Any]) -> dict[str, Any]:
    """Text: a string or integer, a 共通記載 reference, or a list of those (joined by line breaks)."""
    scalar: dict[str, Any] = {"type": ["string", "integer"] + (["null"] if rule.get("nullable") else [])}
    parts: dict[str, Any] = {"type": "array", "items": {"anyOf": [{"type": ["string", "integer", "null"]}, _REFERENCE]}}
    if rule.get("empty") is False:
        scalar["minLength"], parts["minItems"] = 1, 1
    return {"anyOf": [scalar, _REFERENCE, parts]}


def _typed(rule: dict[str, Any]) -> dict[str, Any]:
    if "check_box" in rule:
        return {"anyOf": [convert(branch) for branch in check_branches(rule["check_box"])]}
    names = rule.get("type", [])
    types = [t for name in ([names] if isinstance(names, str) else names) for t in _TYPES[name]]
    out: dict[str, Any] = {"type": types + (["null"] if rule.get("nullable") else [])} if types else {}
    if "allowed" in rule:
        out["enum"] = list(rule["allowed"]) + ([None] if rule.get("nullable") else [])
    if isinstance(rule.get("schema"), dict) and "object" in types:
        out.update(_object(rule["schema"]))
    elif isinstance(rule.get("schema"), dict) and "array" in types:
        out["items"] = convert(rule["schema"])
    out.update(_lengths(rule, types))
    if "keysrules" in rule:
        out["propertyNames"] = {"enum": list(rule["keysrules"]["allowed"])}
    if "valuesrules" in rule:
        out["additionalProperties"] = convert(rule["valuesrules"])
    return out


def _object(schema: dict[str, Any]) -> dict[str, Any]:
    required = [key for key, rule in schema.items() if rule.get("required")]
    out = {"properties": {key: convert(rule) for key, rule in schema.items()}, "additionalProperties": False}
    return {**out, "required": required} if required else out


def _lengths(rule: dict[str, Any], types: list[str]) -> dict[str, Any]:
    words = {"array": ("minItems", "maxItems"), "object": ("minProperties", "maxProperties")}
    low, high = next((words[t] for t in types if t in words), ("minLength", "maxLength"))
    out = {}
    if "minlength" in rule:
        out[low] = rule["minlength"]
    if "maxlength" in rule:
        out[high] = rule["maxlength"]
    if rule.get("empty") is False and "string" in types:
        out["minLength"] = 1
    if "min" in rule:
        out["minimum"] = rule["min"]
    return out


def combined() -> dict[str, Any]:
    """One schema for every spec: the form and revision a spec names select its schema."""
    branches = [{"if": {"properties": {"様式": {"const": name}, "様式の版": {"const": revision}},
                        "required": ["様式", "様式の版"]},
                 "then": {"$ref": file_name(name, revision)}} for name, revision in sorted(FORMS)]
    names = sorted({name for name, _ in FORMS})
    return {"$schema": DRAFT, "title": "特定個人情報保護評価書の仕様ファイル", "type": "object",
            "required": ["様式", "様式の版"],
            "properties": {"様式": {"enum": names}, "様式の版": {"enum": sorted({r for _, r in FORMS})}},
            "allOf": branches}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


COMBINED = "spec.schema.json"


def schema_files() -> dict[str, str]:
    """Every file of schemas/: one per form and revision, and the combined one."""
    files = {file_name(name, revision): dumps(json_schema(name, revision)) for name, revision in sorted(FORMS)}
    return {**files, COMBINED: dumps(combined())}
