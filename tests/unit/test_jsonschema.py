"""The editor's JSON Schema: generated from the same form model as cerberus, committed under
schemas/, and giving the same accept/reject verdict as cerberus on the same specs."""
from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from mutations import MUTATIONS, loaded, samples

from generator.build import discover
from generator.check.schema import spec_schema
from generator.check.validator import SpecValidator
from generator.editor.jsonschema import file_name, json_schema, schema_files
from generator.forms import FORMS

SCHEMAS = ROOT / "schemas"


def test_committed_schemas_are_up_to_date():
    """Regenerating schemas/ (pia schema --write schemas) must not change a byte."""
    for name, content in schema_files().items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == content, f"{name}: run pia schema --write schemas"


def test_specs_name_their_schema_for_the_editor():
    for path in discover(ROOT / "specs"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=../../schemas/"), path
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


@cache
def _validators(form: tuple[str, str]):
    return SpecValidator(spec_schema(*form)), jsonschema.Draft7Validator(json_schema(*form))


def _verdicts(path: Path, mutation) -> tuple[bool, bool] | None:
    found = loaded(path)
    if found is None:
        return None
    data, raw = copy.deepcopy(found[0]), copy.deepcopy(found[1])
    form = (data.get("様式"), data.get("様式の版"))
    if not isinstance(form[0], str) or (form not in FORMS):
        return None
    try:
        mutation(raw)
        mutation(data)
    except (KeyError, IndexError, TypeError):
        return None
    cerberus, schema = _validators(form)
    return cerberus.validate(data), schema.is_valid(raw)


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_json_schema_and_cerberus_agree(mutation):
    compared = 0
    for name, path in samples():
        verdicts = _verdicts(path, MUTATIONS[mutation])
        if verdicts is None:
            continue
        compared += 1
        assert verdicts[0] == verdicts[1], f"{name} ({mutation}): cerberus {verdicts[0]}, JSON Schema {verdicts[1]}"
    assert compared >= 5


def test_file_names_are_ascii():
    for name in schema_files():
        assert name.isascii()
    assert file_name("全項目評価書", "平成30年5月（5情報）") == "form4-h30-5-5joho.schema.json"
