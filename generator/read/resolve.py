"""Step 2: replace every 共通記載 reference in a spec by the fragment's text, with its parameters,
and every law citation by its wording on the 公表日.

Keys are confined to specs/fragments (no ``..``, no absolute paths). A fragment may include others;
a cycle is reported as ``a → b → a``. Parameters are substituted as plain text: nothing here is
ever evaluated as a template. Two budgets bound what a small file can cost: the values copied
(aliases expanded) and the characters produced (aliases and fragments expanded), each reported at
the reference that broke it, with its chain. Every text is checked once (read/text.py). The result
is plain data (dict, list, str, int, None) at the same paths as the spec, so the loader's
positions still locate every value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import SpecError
from ..forms.values import one_line
from ..wareki import parse
from .files import is_relative_name
from .fragments import ARGUMENTS, BODY, REFERENCE, Fragment, Library
from .laws import CITATION
from .load import LoadedFile, position
from .text import HINT, shorten, text_problem

MAX_NODES = 200_000          # far above the largest seed spec (~20,000 values): stops alias bombs
MAX_CHARACTERS = 5_000_000   # 25 times the largest seed spec's text: stops fragment and alias bombs
PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")
ALIAS_HINT = "別名（& と *）やマージ（<<）の使い方を確認してください"


@dataclass(frozen=True)
class Resolved:
    """A spec with its fragments replaced by text, and the fragment keys it used."""

    data: Any
    used: frozenset[str]


def resolve(spec: LoadedFile, library: Library) -> tuple[Resolved, list[SpecError]]:
    """Replace each ``{共通記載: key, 引数: {…}}`` in ``spec`` by the fragment's text."""
    resolver = _Resolver(library, spec)
    try:
        data = resolver.plain(spec.plain, ())
    except _Unbounded as stop:
        resolver.error(stop.path, stop.message, stop.hint)
        data = None
    except RecursionError:
        resolver.error((), "入れ子が深すぎます", "字下げの階層を確認してください")
        data = None
    return Resolved(data, frozenset(resolver.used)), resolver.errors


class _Unbounded(Exception):
    """A spec that expands without bound: refused, not expanded."""

    def __init__(self, path: tuple, message: str, hint: str = ALIAS_HINT):
        super().__init__(message)
        self.path, self.message, self.hint = path, message, hint


class _Resolver:
    def __init__(self, library: Library, spec: LoadedFile):
        self.library, self.spec = library, spec
        self.used: set[str] = set()
        self.errors: list[SpecError] = []
        self.nodes = self.characters = 0
        self.open: set[int] = set()     # containers being copied: one met again is a cycle
        self.expanded: dict[tuple, str] = {}    # (fragment, its values) → its text (``expansion``)

    def plain(self, node: Any, path: tuple) -> Any:
        """Copy ``node`` into plain data, resolving references on the way."""
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Unbounded(path, f"値の数が多すぎます（{MAX_NODES:,} を超えました）")
        if not isinstance(node, (dict, list)):
            return self.scalar(node, path)
        if id(node) in self.open:
            raise _Unbounded(path, "別名（*）が自分自身を含んでいます")
        self.open.add(id(node))
        try:
            return self.container(node, path)
        finally:
            self.open.discard(id(node))

    def container(self, node: dict | list, path: tuple) -> Any:
        if isinstance(node, list):
            return [self.plain(v, path + (i,)) for i, v in enumerate(node)]
        if REFERENCE in node:
            return self.reference(node, path, chain=())
        if CITATION in node and len(node) == 1:
            return self.citation(str(node[CITATION]), path)
        return {str(k): self.plain(v, path + (k,)) for k, v in node.items()}

    def scalar(self, node: Any, path: tuple) -> Any:
        """Scalars as plain values; a text that cannot be printed is refused (read/text.py)."""
        value = _scalar(node)
        return self.text(value, path) if isinstance(value, str) else value

    def text(self, value: str, path: tuple, chain: tuple[str, ...] = (), where: str = "") -> str:
        """``value`` counted against the budget, and checked once; ``where`` names its source."""
        self.characters += len(value)
        if self.characters > MAX_CHARACTERS:
            shown = "共通記載を展開すると" if chain else ""
            raise _Unbounded(path, f"{shown}文字数が多すぎます（{MAX_CHARACTERS:,} 文字を超えました）"
                             + (": " + " → ".join(chain) if chain else ""),
                             "共通記載の入れ子を確認してください" if chain else ALIAS_HINT)
        problem = text_problem(value)
        if problem:
            line, column = position(self.spec.data, path)
            item = next((str(step) for step in reversed(path) if isinstance(step, str)), "")
            message = (where or (f"「{item}」に" if item else "")) + problem
            self.errors.append(SpecError(self.spec.display, line, column, message, item=item, hint=HINT))
        return value

    def citation(self, key: str, path: tuple) -> str:
        """A citation of the catalogue, in the wording in force on the spec's 公表日."""
        published = self.spec.plain.get("公表日") if isinstance(self.spec.plain, dict) else None
        text, problem = self.library.laws.wording(key, parse(str(published or "")))
        if text is None:
            self.error(path, problem, "specs/laws/ の法令と施行日を確認してください")
            return ""
        self.used.add(f"{CITATION}:{key}")
        return self.text(one_line(text) if isinstance(text, list) else str(text), path, where=f"法令「{key}」の本文に")

    def reference(self, node: dict, path: tuple, chain: tuple[str, ...]) -> str:
        key = _text(node.get(REFERENCE)) or ""
        if self.stray_keys(node, path):
            return ""
        fragment = self.fragment(key, path, chain)
        if fragment is None:
            return ""
        arguments = node.get(ARGUMENTS) or {}
        if not isinstance(arguments, dict):
            self.error(path, f"「{ARGUMENTS}」は「名前: 値」の形で記載してください")
            return ""
        values = self.arguments(fragment, arguments, path)
        if values is None:
            return ""
        return self.expansion(fragment, values, path, chain + (key,))

    def expansion(self, fragment: Fragment, values: dict[str, str], path: tuple, chain: tuple[str, ...]) -> str:
        """The fragment's text with ``values``, expanded once: a use met again is that text, counted
        against the budget again (a fragment used 10 times in one used 10 times … costs one
        expansion per level, not 10ⁿ). Kept only when it expanded without an error."""
        memo = (fragment.key, tuple(sorted(values.items())))
        if memo in self.expanded:
            return self.text(self.expanded[memo], path, chain)
        known = len(self.errors)
        text = self.body(fragment, fragment.body, values, path, chain)
        if len(self.errors) == known:
            self.expanded[memo] = text
        return text

    def stray_keys(self, node: dict, path: tuple) -> bool:
        """A key beside 共通記載 other than 引数 (a misspelt 引き数, a 本文 of its own) would be lost."""
        stray = [str(key) for key in node if key not in (REFERENCE, ARGUMENTS)]
        for key in stray:
            self.error(path + (key,), f"共通記載の参照に「{key}」は書けません",
                       f"書けるのは「{REFERENCE}」と「{ARGUMENTS}」だけです。文を足すときは共通記載の外に書いてください")
        return bool(stray)

    def fragment(self, key: str, path: tuple, chain: tuple[str, ...]) -> Fragment | None:
        stem, _, entry = key.rpartition("/")
        if not (is_relative_name(stem) and entry):
            self.error(path, f"共通記載の名前「{shorten(key)}」が不正です",
                       "「ファイル名/項目名」の形で、specs/fragments/ の中を指してください")
            return None
        if key in chain:
            self.error(path, "共通記載が循環しています: " + " → ".join((*chain, key)))
            return None
        fragment = self.library.find(key)
        if fragment is None:
            broken = stem in self.library.broken
            self.error(path, f"共通記載「{key}」" + ("の定義に誤りがあります" if broken else "が見つかりません"),
                       f"specs/fragments/{stem}.yaml を確認してください")
            return None
        self.used.add(key)
        return fragment

    def arguments(self, fragment: Fragment, given: dict, path: tuple) -> dict[str, str] | None:
        unknown = [str(name) for name in given if str(name) not in fragment.parameters]
        missing = [name for name, default in fragment.parameters.items()
                   if default is None and given.get(name) is None]
        wrong = [str(name) for name, value in given.items()
                 if value is not None and (not isinstance(value, (str, int)) or isinstance(value, bool))]
        for name in unknown:
            self.error(path, f"共通記載「{fragment.key}」に引数「{name}」はありません",
                       "引数: " + "、".join(fragment.parameters) if fragment.parameters else "引数はありません")
        for name in missing:
            self.error(path, f"共通記載「{fragment.key}」の引数「{name}」を指定してください")
        for name in wrong:
            self.error(path + (ARGUMENTS, name), f"共通記載「{fragment.key}」の引数「{name}」には文字列を記載してください")
        if unknown or missing or wrong:
            return None
        values = {name: default or "" for name, default in fragment.parameters.items()}
        values.update({str(k): self.text(_text(v) or "", path + (ARGUMENTS, k)) for k, v in given.items()})
        return values

    def body(self, fragment: Fragment, body: Any, values: dict[str, str], path: tuple,
             chain: tuple[str, ...]) -> str:
        if isinstance(body, list):
            return "\n".join(self.body(fragment, part, values, path, chain) for part in body)
        if isinstance(body, dict) and REFERENCE in body:
            return self.reference(body, path, chain)
        if not isinstance(body, str):
            self.error(path, f"共通記載「{fragment.key}」の{BODY}がありません")
            return ""
        return self.text(_substitute(body, values), path, chain, f"共通記載「{fragment.key}」の{BODY}に")

    def error(self, path: tuple, message: str, hint: str = "") -> None:
        line, column = position(self.spec.data, path)
        self.errors.append(SpecError.fragment(self.spec.display, line, column, message, hint))


def _substitute(body: str, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders; a line holding only an empty parameter is dropped."""
    lines = []
    for line in body.split("\n"):
        names = PLACEHOLDER.findall(line)
        filled = PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), line)
        if names and not filled.strip() and PLACEHOLDER.sub("", line).strip() == "":
            continue
        lines.append(filled)
    return "\n".join(lines)


def _scalar(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
