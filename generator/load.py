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
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from .errors import SpecError, display_path

MAX_BYTES = 2_000_000   # the largest seed spec is ~0.3 MB; anything far larger is a mistake
MAX_NODES = 200_000     # values after expanding aliases (& and *): the seeds have ~20,000


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
        if self.nodes is not None:
            return self.nodes
        try:
            return _FAST.compose(self.text)
        except (YAMLError, ValueError):
            return None

    @classmethod
    def parse(cls, path: Path, display: str, text: str, raw: bytes | None = None) -> "LoadedFile":
        """Parse ``text`` (libyaml reads ``raw``, its UTF-8 bytes, when given: no re-encoding);
        raises ruamel's errors, and ``TooLarge`` for an alias bomb."""
        try:
            nodes = _FAST.compose(raw if raw is not None else text)
        except (YAMLError, ValueError):
            nodes = None          # the round-trip parser below gives the located error
        if "&" in text and _ANCHOR.search(text):      # a substring test first: the regex is slow
            problem = _too_large(nodes if nodes is not None else _yaml().compose(text))
            if problem:
                raise TooLarge(problem)
        if nodes is None:
            return cls(path, display, text, _yaml().load(text))
        try:
            return cls(path, display, text, _construct(nodes), nodes)
        except (_Unusual, TypeError):
            return cls(path, display, text, fast_load(text), nodes)


class TooLarge(ValueError):
    """Aliases that expand to more than MAX_NODES values."""


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


_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s]")   # a YAML anchor: only then can aliases expand


def fast_load(text: str) -> Any:
    """The data via libyaml when ruamel.yaml.clib is installed; on an error the round-trip parser
    re-reads the text, so messages and positions are the same with or without the C extension."""
    try:
        return _FAST.load(text)
    except (YAMLError, ValueError):
        return _yaml().load(text)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _Unusual(Exception):
    """A node ``_construct`` leaves to ruamel's own constructor."""


def _construct(node: Any) -> Any:
    """The data of a composed tree: mappings, lists and strings directly (almost every node of a
    spec); null, booleans, numbers and dates by ruamel's SafeConstructor; anything else — a merge
    key (<<), a duplicate key, another tag — raises ``_Unusual`` so the whole file goes through
    ruamel, which gives the same data or the same located error as before."""
    if isinstance(node, ScalarNode):
        if node.ctag is _Resolver.DEFAULT_SCALAR_TAG:       # a string with no tag: almost every value
            return node.value
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SCALARS:
            raise _Unusual(tag)
        return _SCALARS[tag](_CONSTRUCTOR, node)
    if isinstance(node, SequenceNode) and node.tag == _SEQ:
        return [_construct(child) for child in node.value]
    if isinstance(node, MappingNode) and node.tag == _MAP:
        data = {_construct(key): _construct(value) for key, value in node.value}
        if len(data) != len(node.value):
            raise _Unusual("duplicate key")
        return data
    raise _Unusual(node.tag)


_SCALARS = {tag: construct for tag, construct in SafeConstructor.yaml_constructors.items()
            if tag in {"tag:yaml.org,2002:" + name for name in ("null", "bool", "int", "float", "timestamp")}}


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


class _Resolver(VersionedResolver):
    """ruamel's resolver for libyaml, without its per-scalar overhead: ruamel looks the YAML version
    up for every scalar (through a caught AttributeError when libyaml parses) and checks for path
    resolvers, which specs never register. libyaml reads no %YAML directive, so the version — and
    the table of implicit resolvers — is fixed for a document. Same tags as ruamel's own."""

    @property
    def versioned_resolver(self) -> Any:
        if "_table" not in self.__dict__:
            self._table = VersionedResolver.versioned_resolver.fget(self)
        return self._table

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode:
            if implicit[0]:
                table = self.versioned_resolver
                for tag, regexp in (*table.get(value[:1], ()), *table.get(None, ())):
                    if regexp.match(value):
                        return Tag(suffix=tag)
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG


_FAST = YAML(typ="safe", pure=False)    # builds no Python objects from tags, like the rt loader
_FAST.Resolver = _Resolver
_FAST.allow_duplicate_keys = False
_CONSTRUCTOR = _FAST.constructor        # its scalar methods ask the resolver for the YAML version


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
