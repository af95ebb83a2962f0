"""Running steps 1–6 for many specs over all cores: each worker reads, checks and renders one spec
into a staging folder; ``build`` moves the files into out/ only when every spec has been checked.

Workers compile the templates once per process (render.docx.compiled, render.html._template) and
read each fragment file once per process.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import SpecError
from .fragments import Library
from .render import RENDERERS


@dataclass(frozen=True)
class Task:
    path: Path
    specs: Path
    staging: Path
    formats: tuple[str, ...]
    fragments_version: tuple          # changes when a fragment file changes: a fresh Library


@dataclass
class Outcome:
    """One spec's result: errors, or the staged outputs and what the document was made from."""

    path: Path
    source: str = ""
    errors: list[SpecError] = field(default_factory=list)
    used: frozenset[str] = frozenset()
    organisation: str = ""
    number: str = ""
    outputs: list[str] = field(default_factory=list)


def process(task: Task) -> Outcome:
    """Read, check and render one spec; write its files under the staging folder."""
    from .build import FRAGMENTS, read_spec      # build imports this module: import at call time
    library = _library(task.specs / FRAGMENTS, task.fragments_version)
    known = len(library.errors)
    read = read_spec(task.path, library, task.specs)
    # a fragment or law file found broken while reading this spec: its own errors travel with it
    outcome = Outcome(task.path, read.source, read.errors + library.errors[known:], read.used)
    if read.document is None:
        return outcome
    document = read.document
    outcome.organisation, outcome.number = document.organisation, document.number
    for suffix in task.formats:
        name = f"{document.stem}.{suffix}"
        target = task.staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(RENDERERS[suffix](document))
        outcome.outputs.append(name)
    return outcome


_LIBRARIES: dict[tuple, Library] = {}


def _library(folder: Path, version: tuple) -> Library:
    key = (folder.resolve(), version)
    if key not in _LIBRARIES:
        _LIBRARIES.clear()
        _LIBRARIES[key] = Library(folder)
    return _LIBRARIES[key]


def fragments_version(folder: Path) -> tuple:
    """Names, sizes and modification times of the fragment and law files."""
    files = [path for root in (folder, folder.parent / "laws") if root.is_dir() for path in sorted(root.rglob("*.yaml"))]
    return tuple((path.as_posix(), path.stat().st_size, path.stat().st_mtime_ns) for path in files)


def run(tasks: list[Task], jobs: int | None = None,
        progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """``process`` every task, over ``jobs`` processes (all cores by default), in task order."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(tasks) < 4:          # a pool costs more than it saves for a few specs
        results = map(process, tasks)
        return [_report(outcome, progress) for outcome in results]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(16, len(tasks) // (jobs * 8)))
        return [_report(outcome, progress) for outcome in pool.map(process, tasks, chunksize=chunk)]


def _report(outcome: Outcome, progress) -> Outcome:
    if progress is not None:
        progress(outcome)
    return outcome
