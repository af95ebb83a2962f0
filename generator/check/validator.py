"""The cerberus validator of specs: cerberus with the ``text`` type and ``check_box`` rule our
schema uses (schema.py), and a fast path for list items.

For a list, cerberus builds a throwaway schema ``{0: rule, 1: rule, …}``, hashes it, and runs a
child validator over it — for every 変更箇所 table, annex table row and check-box list; that was most
of the time of validating a 全項目 spec. Items that ``plainly_valid`` (plain.py) accepts (strings, numbers and
mappings of them that obviously meet the rule) skip it. The check is conservative: anything it
does not recognise — a rule it does not know, an unusual value, any doubt — goes to cerberus as
before, so every error is still cerberus's own (tests/unit/test_validator.py compares the two).
A spec that is plainly valid as a whole is not handed to cerberus at all (check/located.py).
"""
from __future__ import annotations

import cerberus
from cerberus import errors
from cerberus import errors as codes
from cerberus.schema import DefinitionSchema

from .plain import is_box, plainly_valid

NOT_A_BOX = codes.ErrorDefinition(0x49, "check_box")     # after cerberus's own value errors (0x41–0x48)


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
