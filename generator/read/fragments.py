"""Step 2: replace every 共通記載 reference in a spec by the fragment's text, with its parameters.

Fragments live in ``specs/fragments/<file>.yaml``; the key ``<file>/<entry>`` names one entry.
Keys are confined to that folder (no ``..``, no absolute paths). A fragment may include others;
a cycle is reported as ``a → b → a``. Parameters are substituted as plain text: nothing here is
ever evaluated as a template. The result is plain Python data (dict, list, str, int, None) at the
same paths as the spec, so the loader's positions still locate every value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..wareki import parse
from .laws import CITATION, Catalogue, FileCheck
from .load import LoadedFile, load_yaml, position

MAX_NODES = 200_000      # far above the largest seed spec (~20,000 values): stops alias bombs
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
REFERENCE = "共通記載"
ARGUMENTS = "引数"
PLACEHOLDER = re.compile(r"\{([^{}\s]+)\}")
_KEY = re.compile(r"^[^/\\.][^\\]*/[^/\\]+$")


@dataclass
class Fragment:
    key: str
    body: Any
    parameters: dict[str, str | None]
    source: LoadedFile
    where: tuple


@dataclass
class Library:
    """The fragments folder, read lazily, one file at a time (and the law catalogue beside it)."""

    root: Path
    check_law: FileCheck | None = None      # the law catalogue's file check (check/datafiles.py)
    files: dict[str, LoadedFile | None] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.laws = Catalogue(self.root.parent / "laws", self.errors, self.check_law)

    def find(self, key: str) -> Fragment | None:
        stem, _, entry = key.rpartition("/")
        loaded = self._file(stem)
        if loaded is None or not isinstance(loaded.plain, dict) or entry not in loaded.plain:
            return None
        definition = loaded.plain[entry]
        if not isinstance(definition, dict):
            return None
        parameters = definition.get(ARGUMENTS) or {}
        return Fragment(key, definition.get("本文"), {str(k): _text(v) for k, v in parameters.items()},
                        loaded, (entry,))

    def _file(self, stem: str) -> LoadedFile | None:
        if stem not in self.files:
            path = self.root / f"{stem}.yaml"
            loaded, errors = load_yaml(path) if path.is_file() else (None, [])
            self.files[stem] = loaded
            self.errors.extend(errors)
        return self.files[stem]


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
        resolver.error(stop.path, stop.message, "別名（& と *）やマージ（<<）の使い方を確認してください")
        data = None
    except RecursionError:
        resolver.error((), "入れ子が深すぎます", "字下げの階層を確認してください")
        data = None
    return Resolved(data, frozenset(resolver.used)), resolver.errors


class _Unbounded(Exception):
    """A spec whose aliases expand without bound: refused, not expanded."""

    def __init__(self, path: tuple, message: str):
        super().__init__(message)
        self.path, self.message = path, message


class _Resolver:
    def __init__(self, library: Library, spec: LoadedFile):
        self.library, self.spec = library, spec
        self.used: set[str] = set()
        self.errors: list[SpecError] = []
        self.nodes = 0
        self.open: set[int] = set()     # containers being copied: one met again is a cycle

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
        """Scalars as plain values; control characters (invisible, and invalid in DOCX) refused."""
        value = _scalar(node)
        if isinstance(value, str) and _CONTROL.search(value):
            code = ord(_CONTROL.search(value).group(0))
            self.error(path, f"制御文字（U+{code:04X}）が含まれています", "見えない文字を削除してください")
            return _CONTROL.sub("", value)
        return value

    def citation(self, key: str, path: tuple) -> str:
        """A citation of the catalogue, in the wording in force on the spec's 公表日."""
        published = self.spec.plain.get("公表日") if isinstance(self.spec.plain, dict) else None
        text, problem = self.library.laws.wording(key, parse(str(published or "")))
        if text is None:
            self.error(path, problem, "specs/laws/ の法令と施行日を確認してください")
            return ""
        self.used.add(f"{CITATION}:{key}")
        return text

    def reference(self, node: dict, path: tuple, chain: tuple[str, ...]) -> str:
        key = _text(node.get(REFERENCE)) or ""
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
        return self.body(fragment, fragment.body, values, path, chain + (key,))

    def fragment(self, key: str, path: tuple, chain: tuple[str, ...]) -> Fragment | None:
        if not _KEY.match(key) or ".." in key.split("/"):
            self.error(path, f"共通記載の名前「{key}」が不正です",
                       "「ファイル名/項目名」の形で、specs/fragments/ の中を指してください")
            return None
        if key in chain:
            self.error(path, "共通記載が循環しています: " + " → ".join((*chain, key)))
            return None
        fragment = self.library.find(key)
        if fragment is None:
            self.error(path, f"共通記載「{key}」が見つかりません",
                       f"specs/fragments/{key.rpartition('/')[0]}.yaml を確認してください")
            return None
        self.used.add(key)
        return fragment

    def arguments(self, fragment: Fragment, given: dict, path: tuple) -> dict[str, str] | None:
        unknown = [str(name) for name in given if str(name) not in fragment.parameters]
        missing = [name for name, default in fragment.parameters.items()
                   if default is None and name not in given]
        for name in unknown:
            self.error(path, f"共通記載「{fragment.key}」に引数「{name}」はありません",
                       "引数: " + "、".join(fragment.parameters) if fragment.parameters else "引数はありません")
        for name in missing:
            self.error(path, f"共通記載「{fragment.key}」の引数「{name}」を指定してください")
        if unknown or missing:
            return None
        values = {name: default or "" for name, default in fragment.parameters.items()}
        values.update({str(k): _text(v) or "" for k, v in given.items()})
        return values

    def body(self, fragment: Fragment, body: Any, values: dict[str, str], path: tuple,
             chain: tuple[str, ...]) -> str:
        if isinstance(body, list):
            return "\n".join(self.body(fragment, part, values, path, chain) for part in body)
        if isinstance(body, dict) and REFERENCE in body:
            return self.reference(body, path, chain)
        if not isinstance(body, str):
            self.error(path, f"共通記載「{fragment.key}」の本文がありません")
            return ""
        return _substitute(body, values)

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
