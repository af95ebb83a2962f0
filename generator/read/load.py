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
from ruamel.yaml.reader import ReaderError

from ..errors import SpecError, display_path
from .files import MAX_BYTES, Refused, read_file
from .yamlnodes import Unusual, compose, construct, fast_load, may_alias, refusal, roundtrip, too_large


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
        tree = nodes if nodes is not None else roundtrip().compose(text)     # the located error, or the nodes
        refused = refusal(tree)
        if refused:
            raise Refusal(*refused)
        if may_alias(text):
            problem = too_large(tree)
            if problem:
                raise TooLarge(problem)
        if nodes is None:
            return cls(path, display, text, roundtrip().load(text), tree)      # the located error, or the data
        try:
            return cls(path, display, text, construct(nodes), nodes)
        except (Unusual, TypeError):
            return cls(path, display, text, fast_load(text), nodes)


class TooLarge(ValueError):
    """Aliases that expand to more than MAX_NODES values."""


class Refusal(ValueError):
    """A node a spec may not hold (yamlnodes.refusal), where it is."""

    def __init__(self, node: Any, problem: str):
        super().__init__(problem)
        self.line, self.column = _mark(node)


def load_yaml(path: Path, raw: bytes | None = None, within: Path | None = None) -> tuple[LoadedFile | None, list[SpecError]]:
    """Parse ``path`` (read through files.read_file, confined to ``within``), or ``raw``, its
    content as edited or as committed: the same guards apply. On failure: no file, the errors."""
    shown = display_path(path)
    try:
        raw = read_file(path, within) if raw is None else raw
    except Refused as refusal:
        return None, [SpecError.unreadable(shown, str(refusal))]
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
    except Refusal as error:
        return None, [SpecError(shown, error.line, error.column, str(error))]
    except MarkedYAMLError as error:
        return None, [_syntax_error(shown, error)]
    except ReaderError as error:
        return None, [_reader_error(shown, text, error)]
    except RecursionError:
        return None, [SpecError.yaml_syntax(shown, 1, 1, "入れ子が深すぎます")]
    except (YAMLError, ValueError, MemoryError) as error:
        return None, [SpecError.yaml_syntax(shown, 1, 1, _explain(str(error)) if str(error) else "読み込めませんでした")]


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
    found = _pairs(parent).get(path[-1]) if parent is not None else None
    return _mark(found[0]) if found else position(data, path)


def _child(node: Any, step: Any) -> Any:
    value = getattr(node, "value", None)
    if not isinstance(value, list):
        return None
    if isinstance(step, int):
        return value[step] if 0 <= step < len(value) and not isinstance(value[step], tuple) else None
    found = _pairs(node).get(step)
    return found[1] if found else None


_PAIRS: dict[int, tuple[Any, dict]] = {}      # id(mapping node) → (node, key → (key node, value node))


def _pairs(node: Any) -> dict:
    """A mapping node's pairs by key, made once per node: locating each of 20,000 errors by a scan
    of its mapping was quadratic. Kept for the few largest mappings of the files being read."""
    cached = _PAIRS.get(id(node))
    if cached is not None and cached[0] is node:
        return cached[1]
    pairs = {}
    for pair in getattr(node, "value", None) or ():
        if isinstance(pair, tuple):
            pairs.setdefault(getattr(pair[0], "value", None), pair)
    if len(pairs) > 32:
        if len(_PAIRS) > 64:
            _PAIRS.clear()
        _PAIRS[id(node)] = (node, pairs)
    return pairs


def _mark(node: Any) -> tuple[int, int]:
    mark = getattr(node, "start_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refuse(raw: bytes) -> str | None:
    if len(raw) > MAX_BYTES:
        return f"ファイルが大きすぎます（{len(raw):,} バイト、上限 {MAX_BYTES:,} バイト）"
    if b"\x00" in raw:
        return "テキストファイルではありません（バイナリデータを含みます）"
    return None


def _reader_error(shown: str, text: str, error: ReaderError) -> SpecError:
    """A character YAML does not allow in a file (a raw U+000B, U+001B …), at its line and column."""
    before = text[:error.position] if isinstance(error.position, int) else ""
    line, column = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
    return SpecError(shown, line, column, f"使えない文字（U+{code:04X}）が含まれています", hint="見えない文字を削除してください")


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
    # 備考: - (a bare dash, as published documents print it) starts a YAML list entry
    "sequence entries are not allowed here": "「項目: -」の「- 」は一覧の始まりと読まれます"
                                             "（「-」と書くときは引用符で囲んで \"-\" と書いてください）",
}


def _explain(problem: str) -> str:
    for english, japanese in _PROBLEMS.items():
        if english in problem:
            return japanese
    return problem
