"""The fragment library (specs/fragments/<file>.yaml, then the standard library's): standard texts, each entry a 本文 with
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
from .laws import Catalogue
from .load import LoadedFile
from .shelf import FileCheck, Shelf

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
    """The fragments folder and the standard library's, read lazily, one file at a time (and the
    law catalogues beside them): shelf.py, project first."""

    root: Path
    check_law: FileCheck | None = None        # the file checks the pipeline gives (check/datafiles.py)
    check_fragment: FileCheck | None = None
    standard: Path | None = None              # the standard library's fragments (its laws beside them)
    errors: list[SpecError] = field(default_factory=list)

    def __post_init__(self) -> None:
        extra = (self.standard,) if self.standard is not None else ()
        self.shelf = Shelf((self.root, *extra), self.errors, self.check_fragment, "共通記載")
        self.laws = Catalogue(self.root.parent / "laws", self.errors, self.check_law,
                              self.standard.parent / "laws" if self.standard is not None else None)

    @property
    def broken(self) -> set[str]:
        return self.shelf.broken

    def find(self, key: str) -> Fragment | None:
        """The entry ``key`` names; None when there is none, or its file is broken (``broken``)."""
        stem, _, entry = key.rpartition("/")
        found = self.shelf.entry(stem, entry)
        if found is None:
            return None
        definition, loaded = found
        parameters = definition.get(ARGUMENTS) if isinstance(definition, dict) else None
        if not isinstance(definition, dict) or not isinstance(parameters or {}, dict):
            return None
        return Fragment(key, definition.get(BODY), {str(k): _text(v) for k, v in (parameters or {}).items()},
                        loaded, (entry,))

    def read_all(self) -> None:
        """Read (and so check) every fragment file, used or not (``pia check`` of the folder)."""
        self.shelf.read_all()


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
