"""Step 1: read a spec (or fragment) file with ruamel.yaml, keeping every value's line and column.

Specs are untrusted input: only mappings, lists and scalars are built (no Python objects from
tags), duplicate keys are errors, and oversized, binary or alias-bomb files are refused before
anything is built (yamlnodes.py reads the YAML; this module turns a file into data or errors).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import SpecError, display_path
from .yamlnodes import Unusual, compose, construct, fast_load, may_alias, roundtrip, too_large

MAX_BYTES = 2_000_000   # the largest seed spec is ~0.3 MB; anything far larger is a mistake


@dataclass(eq=False)
class LoadedFile:
    """A parsed YAML file.

    ``plain`` is the data; ``data`` is the composed node tree, whose marks give every value's line
    and column. Both come from one libyaml pass; only a file the fast path does not take (merge
    keys, unusual tags, errors) is parsed again, by the round-trip loader.
    """

    path: Path
    display: str
    text: str
    plain: Any = field(repr=False)
    nodes: Any = field(default=None, repr=False)

    @cached_property
    def data(self) -> Any:
        """The composed node tree (marks only; built by libyaml when available)."""
        return self.nodes if self.nodes is not None else compose(self.text)

    @classmethod
    def parse(cls, path: Path, display: str, text: str, raw: bytes | None = None) -> LoadedFile:
        """Parse ``text`` (libyaml reads ``raw``, its UTF-8 bytes, when given: no re-encoding);
        raises ruamel's errors, and ``TooLarge`` for an alias bomb."""
        nodes = compose(raw if raw is not None else text)
        if may_alias(text):
            problem = too_large(nodes if nodes is not None else roundtrip().compose(text))
            if problem:
                raise TooLarge(problem)
        if nodes is None:
            return cls(path, display, text, roundtrip().load(text))      # the located error, or the data
        try:
            return cls(path, display, text, construct(nodes), nodes)
        except (Unusual, TypeError):
            return cls(path, display, text, fast_load(text), nodes)


class TooLarge(ValueError):
    """Aliases that expand to more than MAX_NODES values."""


def load_yaml(path: Path, raw: bytes | None = None) -> tuple[LoadedFile | None, list[SpecError]]:
    """Parse ``path`` (or ``raw``, its content as edited or as committed: the same guards apply);
    on failure return no file and the located errors."""
    shown = display_path(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        return None, [SpecError.unreadable(shown, error.strerror or str(error))]
    problem = _refuse(raw)
    if problem:
        return None, [SpecError.unreadable(shown, problem)]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [SpecError.unreadable(shown, "文字コードが UTF-8 ではありません")]
    try:
        return LoadedFile.parse(path, shown, text, raw), []
    except TooLarge as error:
        return None, [SpecError.unreadable(shown, str(error))]
    except MarkedYAMLError as error:
        return None, [_syntax_error(shown, error)]
    except RecursionError:
        return None, [SpecError.yaml_syntax(shown, 1, 1, "入れ子が深すぎます")]
    except (YAMLError, ValueError, MemoryError) as error:
        return None, [SpecError.yaml_syntax(shown, 1, 1, type(error).__name__)]


def position(data: Any, path: tuple) -> tuple[int, int]:
    """1-based line and column of the value at ``path`` (keys and indices) in a composed node tree;
    its nearest ancestor's when the path goes further than the file (missing keys)."""
    node, found = data, _mark(data)
    for step in path:
        node = _child(node, step)
        if node is None:
            break
        found = _mark(node)
    return found


def key_position(data: Any, path: tuple) -> tuple[int, int]:
    """1-based line and column of the last key of ``path`` itself (for unknown keys)."""
    parent = data
    for step in path[:-1]:
        parent = _child(parent, step)
    pairs = getattr(parent, "value", None)
    if isinstance(pairs, list):
        for key, _ in (pair for pair in pairs if isinstance(pair, tuple)):
            if getattr(key, "value", None) == path[-1]:
                return _mark(key)
    return position(data, path)


def _child(node: Any, step: Any) -> Any:
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return None
    if isinstance(step, int):
        return value[step] if 0 <= step < len(value) and not isinstance(value[step], tuple) else None
    for pair in value:
        if isinstance(pair, tuple) and getattr(pair[0], "value", None) == step:
            return pair[1]
    return None


def _mark(node: Any) -> tuple[int, int]:
    mark = getattr(node, "start_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refuse(raw: bytes) -> str | None:
    if len(raw) > MAX_BYTES:
        return f"ファイルが大きすぎます（{len(raw):,} バイト、上限 {MAX_BYTES:,} バイト）"
    if b"\x00" in raw:
        return "テキストファイルではありません（バイナリデータを含みます）"
    return None


def _syntax_error(shown: str, error: MarkedYAMLError) -> SpecError:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = _explain(error.problem or error.context or "")
    return SpecError.yaml_syntax(shown, line, column, problem)


_PROBLEMS = {
    "found character '\\t' that cannot start any token": "タブ文字は使えません（字下げは半角空白で）",
    "found duplicate key": "同じ項目が二度書かれています",
    "mapping values are not allowed here": "ここに「項目: 値」は書けません（値に「: 」を含むときは引用符で囲んでください）",
    "could not find expected ':'": "「:」が見つかりません",
}


def _explain(problem: str) -> str:
    for english, japanese in _PROBLEMS.items():
        if english in problem:
            return japanese
    return problem
