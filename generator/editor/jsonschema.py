"""The JSON Schema of a spec (draft-07, for editors: VS Code's YAML extension completes keys and
choice texts and shows the printed label on hover), converted from the cerberus schema, which is
itself derived from the form model. Nothing here lists a form item.

Text values may also be 共通記載 references (``{共通記載: key, 引数: {…}}``), as the editor sees the
spec before fragments are resolved.

The editor (yaml-language-server) checks each schema with ajv against the draft-07 meta-schema
before using it, and ajv is stricter than Python's jsonschema: an empty ``enum`` makes the whole
schema invalid, and then the editor neither completes nor checks anything. So no enum here is empty
(tests/editor drives the real server). The files of specs/fragments, specs/laws and
specs/amendments get schemas of their own (data_schemas), mapped in .vscode/settings.json.
"""
from __future__ import annotations

import json
import re
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
# The three forms of a text, titled: yaml-language-server's hover heads the label with the title of
# the form the value has (untitled, it repeats the whole schema's title once per form, ` || ` between).
_TEXT_TITLES = ("記載", "共通記載・法令の参照", "行ごとの記載")


def file_name(form_name: str, revision: str) -> str:
    """schemas/ file of one form and revision, in ASCII so every editor resolves the path:
    form3-h30-5, form3-h30-5-5joho, form2-h26-4 …"""
    number = FORMS[(form_name, revision)].number.replace("様式", "form")
    year, month = re.match(r"平成(\d+)年(\d+)月", revision).groups()
    return f"{number}-h{year}-{month}{'-5joho' if '5情報' in revision else ''}.schema.json"


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
    forms = (scalar, _REFERENCE, parts)
    return {"anyOf": [{"title": title, **form} for title, form in zip(_TEXT_TITLES, forms)]}


def _typed(rule: dict[str, Any]) -> dict[str, Any]:
    if "check_box" in rule:
        branches = [convert(branch) for branch in check_branches(rule["check_box"]) if _admits_a_value(branch)]
        return branches[0] if len(branches) == 1 else {"anyOf": branches}       # no anyOf of one
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
        allowed = list(rule["keysrules"]["allowed"])
        out["propertyNames"] = {"enum": allowed} if allowed else False     # ajv refuses an empty enum
    if "valuesrules" in rule:
        out["additionalProperties"] = convert(rule["valuesrules"])
    return out


def _admits_a_value(rule: dict[str, Any]) -> bool:
    """False for the {box: detail} form of a check box none of whose boxes takes a detail."""
    return "keysrules" not in rule or bool(rule["keysrules"]["allowed"]) or not rule.get("minlength")


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


def _data_schema(title: str, root: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DRAFT, "title": title, "definitions": {"共通記載": FRAGMENT, "法令": CITATION}, **root}


def data_schemas() -> dict[str, dict[str, Any]]:
    """The schemas of the files under specs/ that are not specs: fragments, the law catalogue and
    amendments, from the same rules as their loaders (imported here: they need cerberus)."""
    from ..check.datafiles import AMENDMENT
    from ..check.datafiles import LAW_ENTRY as ENTRY
    from ..read.fragments import ARGUMENTS, REFERENCE

    # a fragment's 本文 (fragments.Library.find, _Resolver.body): text, a reference, or a list of those
    body = {"anyOf": [{"title": "記載", "type": "string"},
                      {"title": "共通記載の参照", "$ref": "#/definitions/共通記載"},
                      {"title": "行ごとの記載", "type": "array", "items": {"$ref": "#/definitions/本文"}}]}
    entry = {"type": "object", "required": ["本文"], "additionalProperties": False, "properties": {
        "説明": {"type": ["string", "null"], "description": "この共通記載の説明（印字しない）"},
        ARGUMENTS: {"type": ["object", "null"], "additionalProperties": {"type": ["string", "integer", "null"]},
                    "description": "引数と既定値（値なしは必須の引数）。本文の {名前} を置き換える"},
        "本文": {**body, "description": "印字する文言。{名前} は引数の値で置き換える"}}}
    fragments = _data_schema("共通記載ファイル（specs/fragments/）", {
        "type": "object", "additionalProperties": entry,
        "description": f"項目ごとの本文。仕様ファイルは「{REFERENCE}: ファイル名/項目名」で参照する"})
    fragments["definitions"]["本文"] = body
    laws = _data_schema("法令ファイル（specs/laws/）", {
        "type": "object", "additionalProperties": convert(ENTRY),
        "description": "項目ごとの法令の文言（施行日ごと）。仕様ファイルは「法令: ファイル名/項目名」で引用する"})
    amendments = _data_schema("改正ファイル（specs/amendments/）", convert({"type": "dict", "schema": AMENDMENT}))
    return {FRAGMENTS: fragments, LAWS: laws, AMENDMENTS: amendments}


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


COMBINED = "spec.schema.json"
FRAGMENTS, LAWS, AMENDMENTS = "fragment.schema.json", "law.schema.json", "amendment.schema.json"


def schema_files() -> dict[str, str]:
    """Every file of schemas/: one per form and revision, the combined one, and those of the data files."""
    files = {file_name(name, revision): dumps(json_schema(name, revision)) for name, revision in sorted(FORMS)}
    data = {name: dumps(schema) for name, schema in data_schemas().items()}
    return {**files, COMBINED: dumps(combined()), **data}
