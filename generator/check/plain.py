"""What certainly meets a rule of our cerberus schemas (schema.py), decided without cerberus.

``plainly_valid`` takes strings, numbers and mappings and lists of them that obviously meet the
rule; False means "let cerberus decide": a rule it does not know, an unusual value, any doubt.
validator.py uses it for list items (cerberus is slow on them), located.py for a whole spec: a
plainly valid spec needs no cerberus, which is then not even imported (a fifth of a one-spec
`pia check`). tests/unit/test_validator.py checks it against cerberus on broken specs of every kind.
"""
from __future__ import annotations

from typing import Any


def is_text(value: Any) -> bool:
    """The ``text`` type: a string or an integer (評価書番号: 8), never a YAML boolean (true/no)."""
    return isinstance(value, (str, int)) and not isinstance(value, bool)


def is_box(boxes: dict[str, list[str]], value: Any) -> bool:
    """A checked box: its text, or a one-entry mapping from a box with （ ） to its detail."""
    if isinstance(value, str):
        return value in boxes["plain"]
    if isinstance(value, dict) and len(value) == 1:
        (key, detail), = value.items()
        return key in boxes["detailed"] and (detail is None or is_text(detail))
    return False


_KNOWN = frozenset({"type", "nullable", "allowed", "schema", "maxlength", "minlength", "empty", "required",
                    "meta", "check_box"})
_TYPES = {"text": is_text, "string": lambda value: isinstance(value, str),
          "list": lambda value: isinstance(value, list), "dict": lambda value: isinstance(value, dict)}


def plainly_valid(rule: dict, value: Any) -> bool:
    """True only when ``value`` certainly meets ``rule``; False means "let cerberus decide"."""
    if not rule.keys() <= _KNOWN:
        return False
    if value is None:
        return rule.get("nullable") is True
    names = rule.get("type", ())
    if names and not any(name in _TYPES and _TYPES[name](value) for name in ([names] if isinstance(names, str) else names)):
        return False
    if "check_box" in rule and not is_box(rule["check_box"], value):
        return False
    if "allowed" in rule and not (isinstance(value, str) and value in rule["allowed"]):
        return False
    return _sized(rule, value) and _inner(rule.get("schema"), value)


def _sized(rule: dict, value: Any) -> bool:
    if not isinstance(value, (str, list, dict)):
        return True
    if rule.get("empty") is False and not value:
        return False
    return rule.get("minlength", 0) <= len(value) <= rule.get("maxlength", len(value))


def _inner(schema: dict | None, value: Any) -> bool:
    """The ``schema`` rule: a list's items, or a mapping's keys (no unknown, every required)."""
    if schema is None or not isinstance(value, (list, dict)):
        return True
    if isinstance(value, list):
        return all(plainly_valid(schema, item) for item in value)
    if not value.keys() <= schema.keys():
        return False
    if any(rule.get("required") and key not in value for key, rule in schema.items()):
        return False
    return all(plainly_valid(schema[key], item) for key, item in value.items())
