"""The YAML of a spec, read in one libyaml pass: ruamel's node tree (whose marks give every
value's line and column) and the plain data built from that same tree, with ruamel's own tags.

Anything unusual — a merge key, a duplicate key, another tag, a syntax error — is left to
ruamel's round-trip loader, which gives the same data or the located error. Aliases are counted
before anything is built, so an alias bomb is refused (``too_large``).
"""
from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

MAX_NODES = 200_000     # values after expanding aliases (& and *): the seeds have ~20,000


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


def roundtrip() -> YAML:
    """ruamel's pure-Python round-trip loader: the located error for what libyaml does not take."""
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def compose(source: str | bytes) -> Any:
    """The node tree of ``source`` (UTF-8 bytes spare libyaml an encoding), or None when it does not
    parse: the round-trip loader then gives the located error."""
    try:
        return _FAST.compose(source)
    except (YAMLError, ValueError):
        return None


_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])&[^\s]")   # a YAML anchor: only then can aliases expand


def may_alias(text: str) -> bool:
    """Whether ``text`` has a YAML anchor, the only way aliases can expand."""
    return "&" in text and _ANCHOR.search(text) is not None      # a substring test first: the regex is slow


def fast_load(text: str) -> Any:
    """The data via libyaml when ruamel.yaml.clib is installed; on an error the round-trip parser
    re-reads the text, so messages and positions are the same with or without the C extension."""
    try:
        return _FAST.load(text)
    except (YAMLError, ValueError):
        return roundtrip().load(text)


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class Unusual(Exception):
    """A node ``construct`` leaves to ruamel's own constructor."""


def construct(node: Any) -> Any:
    """The data of a composed tree: mappings, lists and strings directly (almost every node of a
    spec); null, booleans, numbers and dates by ruamel's SafeConstructor; anything else — a merge
    key (<<), a duplicate key, another tag — raises ``Unusual`` so the whole file goes through
    ruamel, which gives the same data or the same located error as before."""
    if isinstance(node, ScalarNode):
        if node.ctag is _Resolver.DEFAULT_SCALAR_TAG:       # a string with no tag: almost every value
            return node.value
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SCALARS:
            raise Unusual(tag)
        return _SCALARS[tag](_CONSTRUCTOR, node)
    if isinstance(node, SequenceNode) and node.tag == _SEQ:
        return [construct(child) for child in node.value]
    if isinstance(node, MappingNode) and node.tag == _MAP:
        data = {construct(key): construct(value) for key, value in node.value}
        if len(data) != len(node.value):
            raise Unusual("duplicate key")
        return data
    raise Unusual(node.tag)


_SCALARS = {tag: method for tag, method in SafeConstructor.yaml_constructors.items()
            if tag in {"tag:yaml.org,2002:" + name for name in ("null", "bool", "int", "float", "timestamp")}}


def too_large(root) -> str | None:
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


_PLAIN_TAGS = frozenset("tag:yaml.org,2002:" + name for name in
                        ("null", "bool", "int", "float", "str", "seq", "map", "timestamp", "merge"))
MAX_DIGITS = 1_000      # Python refuses to build an int of more than 4,300 digits


def refusal(root) -> tuple[Any, str] | None:
    """The first node a spec may not hold, and why: a tag that builds anything but text, numbers,
    lists and mappings (!!set, !!binary, !!python/…, !custom), a list or mapping used as a key, a
    number too long to be one. Checked on the node tree, before anything is built."""
    seen, stack = set(), [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        problem = _node_problem(node)
        if problem:
            return problem
        stack.extend(reversed(_children(node)))
    return None


def _node_problem(node) -> tuple[Any, str] | None:
    """The node at fault and why, or None."""
    tag = str(node.tag)
    if tag not in _PLAIN_TAGS:
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        return node, f"YAML のタグ「{shown}」は使えません（値は文字・数・一覧・「項目: 値」で書いてください）"
    if isinstance(node, MappingNode):
        key = next((key for key, _ in node.value if not isinstance(key, ScalarNode)), None)
        if key is not None:
            return key, "項目名に一覧や「項目: 値」は使えません（「? 」で始まる複合キーです）"
    if isinstance(node, ScalarNode) and tag.endswith(":int") and len(node.value) > MAX_DIGITS:
        return node, f"数が長すぎます（{len(node.value):,} 桁。番号などは引用符で囲んで文字列にしてください）"
    return None
