"""The validator's fast path for list items (generator/validator.py) gives exactly cerberus's own
errors: every seed and scenario spec, as is and broken in every way of tests/mutations.py."""
from __future__ import annotations

import copy
from functools import cache

import cerberus
import pytest
from mutations import MUTATIONS, loaded, samples

from generator.check.plain import plainly_valid
from generator.check.schema import header_schema, spec_schema
from generator.check.validator import SpecValidator, derived_validator
from generator.forms import FORMS


class CerberusOnly(SpecValidator):
    """The same validator with cerberus's own validation of every list item."""

    _validate_schema = cerberus.Validator._validate_schema


@cache
def _validators(form: tuple[str, str]) -> tuple[SpecValidator, CerberusOnly]:
    return SpecValidator(spec_schema(*form)), CerberusOnly(spec_schema(*form))


def _errors(validator, data: dict) -> list[tuple]:
    validator.validate(copy.deepcopy(data), normalize=False)
    return sorted((tuple(map(str, e.document_path)), e.code, repr(e.value)) for e in _leaves(validator._errors))


def _leaves(errors):
    for error in errors:
        yield from _leaves(error.child_errors) if error.is_group_error else [error]


def _mutated(mutation: str):
    """(name, form, data) of every sample spec broken by ``mutation`` (those it applies to)."""
    for name, path in samples():
        found = loaded(path)
        data = copy.deepcopy(found[0]) if found else None
        form = (data.get("様式"), data.get("様式の版")) if data else None
        if form not in FORMS:
            continue
        try:
            MUTATIONS[mutation](data)
        except (KeyError, IndexError, TypeError):
            continue
        yield name, form, data


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_fast_path_gives_cerberus_errors(mutation):
    compared = 0
    for name, form, data in _mutated(mutation):
        fast, reference = _validators(form)
        compared += 1
        assert _errors(fast, data) == _errors(reference, data), f"{name} ({mutation})"
    assert compared >= 3, mutation


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_a_spec_plainly_valid_as_a_whole_is_valid_to_cerberus(mutation):
    """check/located.py does not hand such a spec to cerberus at all."""
    plain = 0
    for name, form, data in _mutated(mutation):
        if plainly_valid({"type": "dict", "schema": spec_schema(*form)}, data):
            plain += 1
            assert _errors(_validators(form)[1], data) == [], f"{name} ({mutation})"
    assert plain > 0 or mutation != "as_is"         # the seed specs are plainly valid as they are


def test_fast_path_takes_only_what_it_knows():
    text = {"type": ["text", "list"], "nullable": True, "schema": {"type": "text", "nullable": True}}
    assert plainly_valid(text, "文") and plainly_valid(text, 8) and plainly_valid(text, ["文", None])
    assert not plainly_valid(text, True) and not plainly_valid(text, [["文"]]) and not plainly_valid(text, 1.5)
    assert not plainly_valid({**text, "regex": ".*"}, "文")          # a rule it does not know: cerberus decides
    row = {"type": "dict", "schema": {"提出時期": {"type": "string", "nullable": True, "allowed": ["事前", "事後"]}}}
    assert plainly_valid(row, {"提出時期": "事後"}) and plainly_valid(row, {})
    assert not plainly_valid(row, {"提出時期": "事中"}) and not plainly_valid(row, {"備考": "x"})
    assert not plainly_valid({"type": "list", "maxlength": 2}, ["a", "b", "c"])


@pytest.mark.parametrize("form", [None, *sorted(FORMS)])
def test_every_derived_schema_is_one_cerberus_accepts(form):
    """pia does not have cerberus check the schemas it derives (derived_validator): this does, for
    every form and revision and the header, and the validator pia makes holds the same rules."""
    schema = spec_schema(*form) if form else header_schema()
    checked = SpecValidator(copy.deepcopy(schema))                  # raises SchemaError when not
    assert derived_validator(copy.deepcopy(schema)).schema.schema == checked.schema.schema
