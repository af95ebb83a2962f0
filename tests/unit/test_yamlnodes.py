"""yamlnodes.py builds a spec's data itself from libyaml's node tree (a speed-up): it must give
exactly the data ruamel's own loaders give, for every YAML file we have and for the YAML features a
spec could use by accident; what it does not take goes to ruamel and gives ruamel's error."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from generator.read.load import LoadedFile, load_yaml
from generator.read.yamlnodes import Unusual, compose, construct

FILES = sorted((ROOT / "specs").rglob("*.yaml")) + sorted((ROOT / "tests" / "scenarios").rglob("*.yaml"))
SNIPPETS = {
    "strings": "a: 文字列\nb: 'quoted: yes'\nc: \"tab\\tand \\u3042\"\nd: |-\n  一行目\n  二行目\ne: >\n  folded\n  text\n",
    "yaml12_booleans": "a: yes\nb: no\nc: on\nd: true\ne: False\nf: y\n",
    "nulls": "a:\nb: ~\nc: null\nd: Null\ne: ''\n",
    "numbers": "a: 8\nb: 0o17\nc: 0x1F\nd: 1_000\ne: -3\nf: 1.5\ng: 1e3\nh: .inf\ni: 007\nj: '8'\n",
    "dates": "a: 2024-05-27\nb: 2024-05-27T10:00:00\nc: 令和6年5月27日\n",
    "nesting": "a:\n  - b: [1, 2, {c: d}]\n  - [x, y]\n  - {}\ne: []\n",
    "anchors": "a: &x {b: 1, c: [2, 3]}\nd: *x\ne: &s 文字\nf: *s\n",
    "merge_key": "base: &b {x: 1, y: 2}\nderived:\n  <<: *b\n  y: 3\n",
    "explicit_tags": "a: !!str 123\nb: !!int '42'\nc: !!float '2'\n",
    "keys_not_strings": "1: one\n2.5: x\n~: none\n",
}


def _reference(text: str):
    return YAML(typ="safe", pure=True).load(text)


@pytest.mark.parametrize("path", FILES, ids=[path.relative_to(ROOT).as_posix() for path in FILES])
def test_every_yaml_file_reads_as_ruamel_reads_it(path: Path):
    loaded, errors = load_yaml(path)
    if loaded is None:           # scenario inputs that are meant to fail: the same failure as ruamel's
        with pytest.raises(Exception):  # noqa: B017 - whichever error ruamel raises
            YAML(typ="rt").load(path.read_text(encoding="utf-8-sig"))
        assert errors
        return
    assert loaded.plain == _reference(path.read_text(encoding="utf-8-sig"))


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_yaml_features_read_as_ruamel_reads_them(name):
    text = SNIPPETS[name]
    loaded = LoadedFile.parse(Path("x.yaml"), "x.yaml", text, text.encode("utf-8"))
    assert loaded.plain == _reference(text)
    assert loaded.data is not None                        # positions from the same tree


@pytest.mark.parametrize("text", [SNIPPETS["merge_key"], "a: !local 1\n", "a: 1\na: 2\n"])
def test_a_merge_key_a_local_tag_or_a_duplicate_goes_to_ruamel(text):
    """construct leaves what it does not know to ruamel rather than guessing."""
    with pytest.raises(Unusual):
        construct(compose(text))


def test_a_duplicate_key_is_ruamels_located_error():
    text = "a: 1\nb: 2\na: 3\n"
    with pytest.raises(MarkedYAMLError) as raised:
        LoadedFile.parse(Path("x.yaml"), "x.yaml", text, text.encode("utf-8"))
    assert raised.value.problem_mark.line == 2
