"""Step 1: read a spec (or fragment) file with ruamel.yaml, keeping every value's line and column.

Specs are untrusted input: the round-trip loader builds only mappings, lists and scalars (no Python
objects from tags), duplicate keys are errors, and oversized or binary files are refused before
parsing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import SpecError, display_path

MAX_BYTES = 2_000_000   # the largest seed spec is ~0.3 MB; anything far larger is a mistake
MAX_NODES = 200_000     # values after expanding aliases (& and *): the seeds have ~20,000


@dataclass(eq=False)
class LoadedFile:
    """A parsed YAML file.

    ``plain`` is the data from the fast (C, libyaml-based) loader; ``data`` is the round-trip tree
    with ruamel's positions (``lc``), parsed only when an error needs a line and column.
    """

    path: Path
    display: str
    text: str
    plain: Any = field(repr=False)

    @cached_property
    def data(self) -> Any:
        """The composed node tree (marks only; built by libyaml when available)."""
        try:
            return _FAST.compose(self.text)
        except (YAMLError, ValueError):
            return None


def load_yaml(path: Path) -> tuple[LoadedFile | None, list[SpecError]]:
    """Parse ``path``; on failure return no file and the located errors."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [SpecError.unreadable(shown, error.strerror or str(error))]
    problem = _refuse(raw)
    if problem:
        return None, [SpecError.unreadable(shown, problem)]
    text = raw.decode("utf-8-sig")
    try:
        problem = _too_large(_yaml().compose(text)) if _ANCHOR.search(text) else None
        if problem:
            return None, [SpecError.unreadable(shown, problem)]
        plain = fast_load(text)
    except MarkedYAMLError as error:
        return None, [_syntax_error(shown, error)]
    except RecursionError:
        return None, [SpecError.yaml_syntax(shown, 1, 1, "入れ子が深すぎます")]
    except (YAMLError, ValueError, MemoryError) as error:
        return None, [SpecError.yaml_syntax(shown, 1, 1, type(error).__name__)]
    return LoadedFile(path, shown, text, plain), []


_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s]")   # a YAML anchor: only then can aliases expand


def fast_load(text: str) -> Any:
    """The data via libyaml when ruamel.yaml.clib is installed; on an error the round-trip parser
    re-reads the text, so messages and positions are the same with or without the C extension."""
    try:
        return _FAST.load(text)
    except (YAMLError, ValueError):
        return _yaml().load(text)


def _too_large(root) -> str | None:
    """Refuse alias bombs before building anything: count the values the node graph expands to."""
    sizes: dict[int, int] = {}
    stack = [(root, False)] if root is not None else []
    while stack:
        node, done = stack.pop()
        children = _children(node)
        if done:
            sizes[id(node)] = min(MAX_NODES + 1, 1 + sum(sizes.get(id(child), MAX_NODES + 1) for child in children))
            continue
        if id(node) in sizes:
            continue
        sizes[id(node)] = MAX_NODES + 1          # provisional: a cycle back to here is unbounded
        stack.append((node, True))
        stack.extend((child, False) for child in children if id(child) not in sizes)
    if root is not None and sizes[id(root)] > MAX_NODES:
        return f"別名（& と *）を展開すると値が多すぎます（上限 {MAX_NODES:,}）"
    return None


def _children(node) -> list:
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return []
    return [part for item in value for part in (item if isinstance(item, tuple) else (item,))]


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


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


_FAST = YAML(typ="safe", pure=False)    # builds no Python objects from tags, like the rt loader
_FAST.allow_duplicate_keys = False


def _refuse(raw: bytes) -> str | None:
    if len(raw) > MAX_BYTES:
        return f"ファイルが大きすぎます（{len(raw):,} バイト、上限 {MAX_BYTES:,} バイト）"
    if b"\x00" in raw:
        return "テキストファイルではありません（バイナリデータを含みます）"
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "文字コードが UTF-8 ではありません"
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
