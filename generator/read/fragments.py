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
from .load import LoadedFile, load_yaml

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
    check_law: FileCheck | None = None        # the file checks the pipeline gives (check/datafiles.py)
    check_fragment: FileCheck | None = None
    files: dict[str, LoadedFile | None] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)
    broken: set[str] = field(default_factory=set)      # files that exist but are not well formed

    def __post_init__(self) -> None:
        self.laws = Catalogue(self.root.parent / "laws", self.errors, self.check_law)

    def find(self, key: str) -> Fragment | None:
        """The entry ``key`` names; None when there is none, or its file is broken (``broken``)."""
        stem, _, entry = key.rpartition("/")
        loaded = self._file(stem)
        if loaded is None or not isinstance(loaded.plain, dict) or entry not in loaded.plain:
            return None
        definition = loaded.plain[entry]
        parameters = definition.get(ARGUMENTS) if isinstance(definition, dict) else None
        if not isinstance(definition, dict) or not isinstance(parameters or {}, dict):
            return None
        return Fragment(key, definition.get(BODY), {str(k): _text(v) for k, v in (parameters or {}).items()},
                        loaded, (entry,))

    def read_all(self) -> None:
        """Read (and so check) every fragment file, used or not (``pia check`` of the folder)."""
        for path in sorted(self.root.rglob("*.yaml")) if self.root.is_dir() else []:
            self._file(path.relative_to(self.root).with_suffix("").as_posix(), present=True)

    def _file(self, stem: str, present: bool = False) -> LoadedFile | None:
        if stem not in self.files:
            path = self.root / f"{stem}.yaml"
            found = present or (is_relative_name(stem) and exists(path))
            loaded, errors = load_yaml(path, within=self.root) if found else (None, [])
            if loaded is not None and self.check_fragment is not None:
                errors = self.check_fragment(loaded)
            if errors:
                self.broken.add(stem)
            self.files[stem] = None if errors else loaded
            self.errors.extend(errors)
        return self.files[stem]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
