"""The fragment library (specs/fragments/<file>.yaml): standard texts, each entry a 本文 with
optional 引数 (name → default), named ``<file>/<entry>``. Files are read lazily, one at a time,
confined to the folder (read/files.py); the law catalogue beside it comes along (laws.py).

An entry that is not well formed (引数 not a mapping, 本文 missing) is reported where it is, in the
fragment file, and a spec using it is told the fragment is broken.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SpecError
from .files import exists, is_relative_name
from .laws import Catalogue, FileCheck
from .load import LoadedFile, load_yaml, position

REFERENCE = "共通記載"
ARGUMENTS = "引数"
BODY = "本文"


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
    broken: set[str] = field(default_factory=set)      # entries reported as not well formed

    def __post_init__(self) -> None:
        self.laws = Catalogue(self.root.parent / "laws", self.errors, self.check_law)

    def find(self, key: str) -> Fragment | None:
        """The entry ``key`` names; None when there is none or it is broken (``broken``)."""
        stem, _, entry = key.rpartition("/")
        loaded = self._file(stem)
        if loaded is None or not isinstance(loaded.plain, dict) or entry not in loaded.plain:
            return None
        definition = loaded.plain[entry]
        parameters = definition.get(ARGUMENTS) if isinstance(definition, dict) else None
        if not isinstance(definition, dict) or not isinstance(parameters or {}, dict):
            self._broken(key, loaded, (entry, ARGUMENTS) if isinstance(definition, dict) else (entry,))
            return None
        return Fragment(key, definition.get(BODY), {str(k): _text(v) for k, v in (parameters or {}).items()},
                        loaded, (entry,))

    def _broken(self, key: str, loaded: LoadedFile, path: tuple) -> None:
        if key not in self.broken:
            self.broken.add(key)
            line, column = position(loaded.data, path)
            hint = f"「{BODY}: …」と、引数があれば「{ARGUMENTS}: {{名前: 既定値}}」の形で書いてください"
            self.errors.append(SpecError.fragment(loaded.display, line, column, f"共通記載「{key}」の定義が不正です", hint))

    def _file(self, stem: str) -> LoadedFile | None:
        if stem not in self.files:
            path = self.root / f"{stem}.yaml"
            found = is_relative_name(stem) and exists(path)
            loaded, errors = load_yaml(path, within=self.root) if found else (None, [])
            self.files[stem] = loaded
            self.errors.extend(errors)
        return self.files[stem]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
