"""Data files of one kind (fragments or law citations) over their folders: the spec repository's
own first (specs/fragments, specs/laws), then the standard library the package ships (issue 15).

An entry ``<file>/<entry>`` is taken from the first folder whose ``<file>.yaml`` defines it, so a
repository adds entries to a standard file, adds files, or overrides a standard entry; an override
whose definition differs from the standard one is named in a warning at the overriding entry. Each
file is read lazily, confined to its folder (files.py), and checked when first read (``check``,
which the pipeline gives: check/datafiles.py); its problems join ``errors``.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..resources import distinct
from .files import is_relative_name
from .load import LoadedFile, load_yaml, position

FileCheck = Callable[[LoadedFile], list[SpecError]]


class Shelf:
    """The files of one kind over ``roots`` (project first, standard last)."""

    def __init__(self, roots: tuple[Path, ...], errors: list[SpecError], check: FileCheck | None, noun: str):
        self.roots, self.errors, self.check, self.noun = distinct(roots), errors, check, noun
        self.files: dict[str, list[LoadedFile]] = {}
        self.broken: set[str] = set()          # files that exist but are not well formed

    @property
    def root(self) -> Path:
        """The project's folder: where a spec repository puts its own files."""
        return self.roots[0]

    def entry(self, stem: str, name: str) -> tuple[Any, LoadedFile] | None:
        """The definition of ``<stem>/<name>`` and its file, from the first folder defining it. A
        broken file ends the search: the entry it meant to define is not taken from a later folder."""
        for loaded in self.versions(stem):
            if loaded is None:
                return None
            if isinstance(loaded.plain, dict) and name in loaded.plain:
                return loaded.plain[name], loaded
        return None

    def versions(self, stem: str) -> list[LoadedFile | None]:
        """The files named ``stem``, one per folder that has one, project first; None for one that
        is not well formed (or not a file that can be read: refused and reported)."""
        if stem not in self.files:
            present = [(root, root / f"{stem}.yaml") for root in self.roots] if is_relative_name(stem) else []
            self.files[stem] = [self._read(root, path, stem) for root, path in present if _there(path)]
            self.errors.extend(_overrides([loaded for loaded in self.files[stem] if loaded], self.noun, stem))
        return self.files[stem]

    def read_all(self) -> None:
        """Read (and so check) every file of every folder, used or not (``pia check``); a FIFO or a
        link to a device too: refused, reported."""
        for root in self.roots:
            for path in sorted(root.rglob("*.yaml")) if root.is_dir() else []:
                self.versions(path.relative_to(root).with_suffix("").as_posix())

    def all_files(self) -> list[tuple[Path, Path]]:
        """(folder, file) of every file, for fingerprints: the standard folders first, so a
        project's entry replaces the standard one of the same name."""
        return [(root, path) for root in reversed(self.roots) if root.is_dir() for path in sorted(root.rglob("*.yaml"))]

    def _read(self, root: Path, path: Path, stem: str) -> LoadedFile | None:
        """The file when it is well formed; else None, with its problems in ``errors``."""
        loaded, errors = load_yaml(path, within=root)
        if loaded is not None and self.check is not None:
            errors = self.check(loaded)
        if errors:
            self.errors.extend(errors)
            self.broken.add(stem)
            return None
        return loaded


def _there(path: Path) -> bool:
    """Something is there under that name (read_file decides whether it may be read)."""
    try:
        return os.path.lexists(path)
    except (OSError, ValueError):        # a name too long to exist is not there
        return False


def _overrides(versions: list[LoadedFile], noun: str, stem: str) -> list[SpecError]:
    """A warning at each entry that replaces a later folder's entry of the same name with another
    definition (an identical copy replaces nothing)."""
    warnings = []
    for index, loaded in enumerate(versions):
        own = loaded.plain if isinstance(loaded.plain, dict) else {}
        for name, definition in own.items():
            later = [other for other in versions[index + 1:] if isinstance(other.plain, dict) and name in other.plain]
            if later and later[0].plain[name] != definition:
                line, column = position(loaded.data, (name,))
                warnings.append(SpecError(loaded.display, line, column, f"標準の{noun}「{stem}/{name}」を置き換えています",
                                          item=str(name), hint=f"標準の定義: {later[0].display}", warning=True))
    return warnings
