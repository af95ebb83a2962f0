"""The editor's JSON Schema: generated from the same form model as cerberus, committed under
schemas/, and giving the same accept/reject verdict as cerberus on the same specs."""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import ROOT
from generator.build import discover
from generator.forms import FORMS
from generator.fragments import Library, resolve
from generator.jsonschema import file_name, json_schema, schema_files
from generator.load import load_yaml
from generator.schema import spec_schema
from generator.validate import SpecValidator

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


def _samples() -> list[tuple[str, Path]]:
    specs = discover(ROOT / "specs")
    scenarios = sorted((ROOT / "tests" / "scenarios").glob("*/specs/x/*.yaml"))
    return [(path.relative_to(ROOT).as_posix(), path) for path in specs + scenarios]


MUTATIONS = {
    "as_is": lambda d: None,
    "unknown_key": lambda d: d.__setitem__("評価書番合", 1),
    "missing_required": lambda d: d.pop("評価書名"),
    "null_required": lambda d: d.__setitem__("評価書名", None),
    "boolean_text": lambda d: d.__setitem__("特記事項", True),
    "text_list": lambda d: d.__setitem__("特記事項", ["一行目", 2, None]),
    "choice_not_an_option": lambda d: d["基本情報"]["特定個人情報ファイルを取り扱う事務"].__setitem__("対象人数", "多い"),
    "choice_as_list": lambda d: d["基本情報"]["特定個人情報ファイルを取り扱う事務"].__setitem__("対象人数", ["1万人未満"]),
    "files_empty": lambda d: d.__setitem__("特定個人情報ファイル", []),
    "file_as_string": lambda d: d.__setitem__("特定個人情報ファイル", ["ファイル"]),
    "section_null": lambda d: d["基本情報"].__setitem__("個人番号の利用", None),
    "section_as_text": lambda d: d["基本情報"].__setitem__("個人番号の利用", "番号法"),
    "unknown_check": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手方法", ["紙媒体"]),
    "detail_on_detail_box": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手元", [{"その他": "窓口"}]),
    "detail_on_plain_box": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手方法", [{"紙": "原本"}]),
    "bad_submission": lambda d: d.__setitem__("変更箇所", [{"変更日": "令和6年5月24日", "提出時期": "事中"}]),
}


@lru_cache(maxsize=None)
def _validators(form: tuple[str, str]):
    return SpecValidator(spec_schema(*form)), jsonschema.Draft7Validator(json_schema(*form))


@lru_cache(maxsize=None)
def _loaded(path: Path):
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None
    resolved, problems = resolve(loaded, Library(path.parents[1] / "fragments"))
    if errors or problems or not isinstance(resolved.data, dict):
        return None
    return resolved.data, YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _verdicts(path: Path, mutation) -> tuple[bool, bool] | None:
    found = _loaded(path)
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
    for name, path in _samples():
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
