"""Step 3a: accept full-width/half-width variants of keys and choice texts, with a warning.

Published documents mix （ and (, １ and 1, so staff copy both. A key written as the form prints
its label (「ルール内容及び…」 for 「ルールの内容及び…」) is the item's key, without a warning. A key, option or check-box text
that differs from the form only in width (NFKC) and white space is replaced by the form's own text
and reported as a warning, never rejected. Walks the cerberus schema, so it knows every key and
option the form has without listing them again.
"""
from __future__ import annotations

import unicodedata
from typing import Any

from ..errors import SpecError
from ..read.load import LoadedFile, key_position, position


def fold(text: str) -> str:
    """The comparison form of a text: NFKC, without white space."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def normalise(spec: LoadedFile, data: Any, schema: dict) -> tuple[Any, list[SpecError]]:
    """``data`` with width variants replaced by the form's texts, and one warning per replacement."""
    warnings: list[SpecError] = []
    result = _mapping(spec, data, schema, (), warnings) if isinstance(data, dict) else data
    return result, warnings


def _value(spec, value: Any, rule: dict, path: tuple, warnings: list) -> Any:
    if isinstance(value, dict) and isinstance(rule.get("schema"), dict) and rule.get("type") == "dict":
        return _mapping(spec, value, rule["schema"], path, warnings)
    if isinstance(value, list) and isinstance(rule.get("schema"), dict):
        return [_value(spec, item, rule["schema"], path + (index,), warnings) for index, item in enumerate(value)]
    if "check_box" in rule:
        return _check(spec, value, rule["check_box"], path, warnings)
    if isinstance(value, str) and rule.get("allowed"):
        return _replace(spec, value, rule["allowed"], path, warnings, position)
    return value


def _mapping(spec, data: dict, schema: dict, path: tuple, warnings: list) -> dict:
    result = {}
    aliases = {rule["meta"]["alias"]: key for key, rule in schema.items() if "alias" in rule.get("meta", {})}
    for key, value in data.items():
        name = key if key in schema else aliases.get(key) or _replace(spec, key, list(schema), path + (key,), warnings,
                                                                      key_position)
        result[name] = _value(spec, value, schema.get(name, {}), path + (key,), warnings)
    return result


def _check(spec, value: Any, boxes: dict[str, list[str]], path: tuple, warnings: list) -> Any:
    """A check-box entry: its text, or ``{text: detail}``."""
    plain, detailed = boxes["plain"], boxes["detailed"]
    if isinstance(value, str):
        return _replace(spec, value, plain, path, warnings, position)
    if isinstance(value, dict) and len(value) == 1:
        (key, detail), = value.items()
        return {_replace(spec, str(key), detailed, path, warnings, position): detail}
    return value


def _replace(spec, text: str, allowed: list, path: tuple, warnings: list, locate) -> str:
    if text in allowed:
        return text
    matches = [candidate for candidate in allowed if fold(str(candidate)) == fold(text)]
    if len(matches) != 1:
        return text
    line, column = locate(spec.data, path)
    warnings.append(SpecError(spec.display, line, column,
                              f"「{text}」を様式の表記「{matches[0]}」として扱います", warning=True,
                              hint="全角・半角の違いです。様式の表記に直すと警告は消えます"))
    return matches[0]
