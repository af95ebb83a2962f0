"""out/.pia-cache.json is a file anyone can edit: any shape but the one the build writes is no
cache, a full rebuild, never a crash (issue 14: 18)."""
from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT

from generator.__main__ import main
from generator.cache import CACHE, BuildCache

MINIMAL = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs"
RECORD = {"spec": "a" * 32, "base": "b" * 32, "fragments": {"標準/挨拶": "c" * 32}, "outputs": ["x/spec.docx"]}


def _with(**changes) -> str:
    return json.dumps({"x/spec": {**RECORD, **changes}}, ensure_ascii=False)


BROKEN = {
    "list": "[]", "text": '"x"', "number": "1", "null": "null", "garbage": "\x00\xff{",
    "record_not_a_mapping": '{"x/spec": 1}', "record_a_list": '{"x/spec": []}',
    "missing_field": json.dumps({"x/spec": {"spec": "a"}}),
    "extra_field": _with(colour="red"),
    "spec_not_text": _with(spec=1), "base_null": _with(base=None),
    "fragments_a_list": _with(fragments=[]), "fragment_print_a_number": _with(fragments={"a/b": 1}),
    "outputs_text": _with(outputs="x/spec.docx"), "output_a_number": _with(outputs=[1]),
    "output_blank": _with(outputs=[""]), "output_absolute": _with(outputs=["/etc/passwd"]),
    "output_outside": _with(outputs=["../x.docx"]), "organisation_a_list": _with(organisation=[]),
    "deep": "[" * 100_000 + "]" * 100_000,
}


def test_the_record_the_build_writes_is_read_back(tmp_path):
    (tmp_path / CACHE).write_text(_with(organisation="テスト市長", number="1"), encoding="utf-8")
    record = BuildCache.load(tmp_path).records["x/spec"]
    assert (record.outputs, record.organisation, record.number) == (["x/spec.docx"], "テスト市長", "1")


@pytest.mark.parametrize("content", BROKEN.values(), ids=BROKEN.keys())
def test_a_cache_of_the_wrong_shape_is_no_cache(tmp_path, content):
    (tmp_path / CACHE).write_text(content, encoding="utf-8", errors="surrogateescape")
    assert BuildCache.load(tmp_path).records == {}


@pytest.mark.parametrize("content", [BROKEN["list"], BROKEN["fragments_a_list"], BROKEN["outputs_text"]])
def test_a_build_over_a_broken_cache_rebuilds_everything(tmp_path, capsys, content):
    shutil.copytree(MINIMAL, tmp_path / "specs")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / CACHE).write_text(content, encoding="utf-8")
    arguments = ["build", "--specs-dir", str(tmp_path / "specs"), "--out", str(tmp_path / "out"), "--jobs", "1"]
    assert main(arguments) == 0
    assert "再生成（新規）: " in capsys.readouterr().out
    assert list(BuildCache.load(tmp_path / "out").records) == ["x/spec"]      # and a good cache again
