"""The cerberus validator of specs: cerberus with the ``text`` type and ``check_box`` rule our
schema uses (schema.py), and a fast path for list items.

For a list, cerberus builds a throwaway schema ``{0: rule, 1: rule, …}``, hashes it, and runs a
child validator over it — for every 変更箇所 table, annex table row and check-box list; that was most
of the time of validating a 全項目 spec. Items that ``plainly_valid`` accepts (strings, numbers and
mappings of them that obviously meet the rule) skip it. The check is conservative: anything it
does not recognise — a rule it does not know, an unusual value, any doubt — goes to cerberus as
before, so every error is still cerberus's own (tests/unit/test_validator.py compares the two).
"""
from __future__ import annotations

from typing import Any

import cerberus
from cerberus import errors
from cerberus import errors as codes
from cerberus.schema import DefinitionSchema

NOT_A_BOX = codes.ErrorDefinition(0x49, "check_box")     # after cerberus's own value errors (0x41–0x48)


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


class _Unsorted(errors.ErrorList):
    """cerberus sorts its whole error list after every error it adds: quadratic in the number of
    errors (20,000 unknown keys took minutes). Ours are sorted once, at the edge (sorted_errors)."""

    def sort(self, *args, **kwargs) -> None:
        pass


class _Replaced:
    """An attribute cerberus assigns (``self._errors = ErrorList()``), stored as ``make(value)``."""

    def __init__(self, make):
        self.make = make

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, validator, owner=None):
        return self if validator is None else validator.__dict__[self.name]

    def __set__(self, validator, value) -> None:
        validator.__dict__[self.name] = self.make(value)


class _Untracked(errors.DocumentErrorTree):
    """An error tree that files nothing (see SpecValidator.document_error_tree)."""

    def add(self, error) -> None:
        pass


class SpecValidator(cerberus.Validator):
    """cerberus with the ``text`` type and ``check_box`` rule, and plainly valid list items
    accepted without a child validator each."""

    # cerberus sorts its error list, and files every error in two trees, sorting each node's list
    # on every addition (all 4,000 unknown boxes of one list share a schema node). Ours is sorted
    # once at the edge; the trees serve coercion, dependencies and readonly, rules our schemas do
    # not use, and stay empty.
    _errors = _Replaced(_Unsorted)
    document_error_tree = _Replaced(lambda tree: _Untracked())
    schema_error_tree = _Replaced(lambda tree: _Untracked())

    types_mapping = {**cerberus.Validator.types_mapping,
                     "text": cerberus.TypeDefinition("text", (str, int), (bool,)),
                     "count": cerberus.TypeDefinition("count", (int,), (bool,))}

    def _validate_check_box(self, boxes, field, value):
        """A box's text, or a one-entry mapping from a box with （ ） to its detail.

        The rule's arguments are validated against this schema:
        {'type': 'dict', 'schema': {'plain': {'type': 'list'}, 'detailed': {'type': 'list'}}}
        """
        if not is_box(boxes, value):
            self._error(field, NOT_A_BOX, value)

    def _validate_schema(self, schema, field, value):
        if isinstance(value, list) and isinstance(schema, dict) and all(plainly_valid(schema, item) for item in value):
            return
        super()._validate_schema(schema, field, value)

    _validate_schema.__doc__ = cerberus.Validator._validate_schema.__doc__   # cerberus reads rule schemas from it


class _Derived(DefinitionSchema):
    """A schema derived from the form models (schema.py), expanded as cerberus expands any schema
    but not checked against cerberus's own rule definitions: cerberus does that each time a
    validator is made, 0.3 s a form, half of a one-spec `pia check`. The schemas change only with
    the code, so tests/unit/test_validator.py checks every form's as cerberus would."""

    def validate(self, schema=None) -> None:
        pass


def derived_validator(schema: dict) -> SpecValidator:
    """The validator of a schema derived from the form models (see _Derived)."""
    validator = SpecValidator()
    validator.schema = _Derived(validator, schema)
    return validator


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
