"""The pipeline, in one place: read → resolve → validate → rules → layout → render → write.

``read_spec`` is the one read path: every command (build, check, changes, diff, amend) reads a spec
through it, so each gets the same guards and the same errors, and says how far to go (``Stage``).
As in mkdocs ``build()``, every spec is read and checked before any file is written into out/; a
spec with errors renders nothing, the others still build. Specs whose inputs did not change since
the last build are skipped (cache.py); the others are processed over all cores (batch.py).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .check.across import Identity, collisions, duplicate_numbers
from .check.complete import missing_items
from .check.datafiles import amendment_errors, fragment_file_errors, law_file_errors
from .check.located import validate
from .check.rules import check_rules
from .errors import SpecError, display_path, sorted_errors
from .forms import Form
from .forms.basic import SUFFIX, basic
from .layout.document import Document
from .layout.fill import build_document
from .read.files import Refused, is_inside, read_file
from .read.fragments import Library
from .read.load import load_yaml
from .read.resolve import resolve
from .resources import distinct, shadowed_templates, standard

if TYPE_CHECKING:
    from .cache import BuildCache

SPECS = Path("specs")
OUT = Path("out")
FRAGMENTS, AMENDMENTS, LAWS = "fragments", "amendments", "laws"
NOT_SPECS = {FRAGMENTS, AMENDMENTS, LAWS}   # folders under specs/ that hold data, not 評価書


class Stage(IntEnum):
    """How far ``read_spec`` goes: steps 1–5 of the pipeline."""

    LOAD = 1        # the YAML, with every value's line and column
    RESOLVE = 2     # fragments and law citations replaced by their text
    VALIDATE = 3    # the form's keys, types and choices (cerberus), every item written
    RULES = 4       # the cross-field rules
    LAYOUT = 5      # the document model both renderers read


@dataclass(frozen=True)
class Reading:
    """What ``read_spec`` found: the form and data as far as it went, the document at LAYOUT (and
    the 基礎項目評価書 a 重点/全項目 spec derives, written beside it: forms/basic.py)."""

    source: str
    errors: list[SpecError]
    used: frozenset[str] = frozenset()
    form: Form | None = None
    data: Any = None
    document: Document | None = None
    basic: Document | None = None

    @property
    def failed(self) -> bool:
        return any(not error.warning for error in self.errors)


def library(specs: Path) -> Library:
    """The fragments and law catalogue beside the specs, then the standard library's, each file
    checked when first read."""
    return Library(specs / FRAGMENTS, check_law=law_file_errors, check_fragment=fragment_file_errors,
                   standard=standard(FRAGMENTS))


def fragment_folders(specs: Path) -> tuple[Path, ...]:
    """The project's fragments folder, then the standard library's (one in this checkout)."""
    return distinct((specs / FRAGMENTS, standard(FRAGMENTS)))


def read_spec(path: Path, fragments: Library, specs: Path, until: Stage = Stage.LAYOUT,
              raw: bytes | None = None) -> Reading:
    """Steps 1 to ``until`` for one spec (``raw``: its bytes as committed or edited); a step runs
    only when the ones before it found no error."""
    loaded, errors = load_yaml(path, raw, within=specs if is_inside(path, specs) else None)
    if loaded is None or until is Stage.LOAD:
        return Reading(loaded.display if loaded else display_path(path), errors, data=loaded and loaded.plain)
    resolved, errors = resolve(loaded, fragments)
    reading = Reading(loaded.display, errors, resolved.used, data=resolved.data)
    if (resolved.data is None and errors) or until is Stage.RESOLVE:
        return reading
    form, data, problems = validate(loaded, resolved.data)
    errors = errors + problems + (list(missing_items(loaded, form, data)) if form else [])
    reading = Reading(loaded.display, errors, resolved.used, form, data)
    if form is None or until is Stage.VALIDATE or any(not problem.warning for problem in problems):
        return reading
    errors = errors + check_rules(loaded, form, data)
    reading = Reading(loaded.display, errors, resolved.used, form, data)
    if reading.failed or until is Stage.RULES:
        return reading
    derived, name = basic(form, data), stem(path, specs)
    return Reading(loaded.display, errors, resolved.used, form, data, build_document(form, data, name, loaded.display),
                   derived and build_document(derived.form, derived.data, name + SUFFIX, loaded.display))


@dataclass
class Result:
    """What a run found and did; ``__main__`` prints it."""

    errors: list[SpecError] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    rebuilt: dict[str, str] = field(default_factory=dict)     # spec → why it was rebuilt

    @property
    def failed(self) -> bool:
        return any(not error.warning for error in self.errors)


def amendment_file(name: Path, specs: Path) -> Path:
    """The amendment file ``name`` means: that path, else the file of that name in the project's
    specs/amendments/, else the standard library's (``pia amend 2025-05-26-5情報``)."""
    if name.exists() or name.is_absolute() or len(name.parts) != 1:
        return name
    file = name.name if name.suffix == ".yaml" else f"{name.name}.yaml"
    own = specs / AMENDMENTS / file
    return own if own.exists() else standard(AMENDMENTS) / file


def discover(specs: Path, named: list[Path] | None = None) -> list[Path]:
    """The spec files to process: those named (each once, however it is written), else every
    *.yaml under ``specs`` in sorted order."""
    if named:
        unique = {os.path.normpath(os.path.abspath(path)): Path(path) for path in reversed(named)}
        return list(reversed(unique.values()))
    return sorted(path for path in specs.rglob("*.yaml")
                  if path.relative_to(specs).parts[0] not in NOT_SPECS)


def data_kind(path: Path, specs: Path) -> str | None:
    """fragments, laws or amendments when ``path`` is such a file under ``specs``, else None."""
    try:
        kind = Path(os.path.abspath(path)).relative_to(os.path.abspath(specs)).parts[0]
    except (ValueError, IndexError):
        return None
    return kind if kind in NOT_SPECS else None


def check(paths: list[Path], specs: Path = SPECS, data_files: bool = False) -> Result:
    """Read and check every spec in ``paths``; write nothing. With ``data_files``, or when a
    fragment, law or amendment file is among ``paths`` (a pre-commit hook passes what changed),
    also every law catalogue and amendment file, used by a spec or not (a PR that adds one is
    checked at once)."""
    result, fragments = Result(), library(specs)
    named_data = [path for path in paths if data_kind(path, specs)]
    paths, data_files = [path for path in paths if path not in named_data], data_files or bool(named_data)
    for path in paths:
        reading = read_spec(path, fragments, specs)
        result.errors += reading.errors
        if reading.document is not None:
            result.documents.append(reading.document)
    if data_files:
        fragments.read_all()
        fragments.laws.read_all()
        for path in sorted((specs / AMENDMENTS).glob("*.yaml")):
            loaded, errors = load_yaml(path)
            result.errors += errors + (amendment_errors(loaded) if loaded else [])
    identities = [Identity(d.source, d.organisation, d.number) for d in result.documents]
    result.errors = sorted_errors(result.errors + fragments.errors + duplicate_numbers(identities))
    return result


@dataclass(frozen=True)
class Task:
    """One spec to read, check and render into the staging folder (in a worker process)."""

    path: Path
    specs: Path
    staging: Path
    formats: tuple[str, ...]
    version: tuple          # of the fragment and law files: changes when one changes


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
    """Steps 1–6 for one spec: read, check, lay out and render it under the staging folder."""
    fragments = _worker_library(task.specs, task.version)
    known = len(fragments.errors)
    reading = read_spec(task.path, fragments, task.specs)
    # a fragment or law file found broken while reading this spec: its own errors travel with it
    outcome = Outcome(task.path, reading.source, reading.errors + fragments.errors[known:], reading.used)
    document = reading.document
    if document is None:
        return outcome
    outcome.organisation, outcome.number = document.organisation, document.number
    from .render import RENDERERS  # docxtpl and Jinja are imported only when rendering: pia check stays quick
    for found, suffix in ((found, suffix) for found in (document, reading.basic) if found for suffix in task.formats):
        name = f"{found.stem}.{suffix}"          # the document, then the 基礎項目評価書 beside it
        (task.staging / name).parent.mkdir(parents=True, exist_ok=True)
        (task.staging / name).write_bytes(RENDERERS[suffix](found))
        outcome.outputs.append(name)
    return outcome


_LIBRARIES: dict[tuple, Library] = {}


def _worker_library(specs: Path, version: tuple) -> Library:
    """The fragment library of this process, read afresh when a fragment or law file changed."""
    key = (specs.resolve(), version)
    if key not in _LIBRARIES:
        _LIBRARIES.clear()
        _LIBRARIES[key] = library(specs)
    return _LIBRARIES[key]


def build(paths: list[Path], specs: Path = SPECS, out: Path = OUT, formats: tuple[str, ...] = ("docx", "html"),
          jobs: int | None = None, progress: Callable[[Outcome], None] | None = None) -> Result:
    """Check every spec whose inputs changed, render it into a staging folder, and only then move
    the documents of the specs without errors into ``out`` (over all cores; the rest skipped)."""
    import shutil  # this, the process pool, the cache and the writes are the build's alone: check loads none

    from . import batch
    from .cache import BuildCache, base_fingerprint, files_version, fragment_fingerprints
    from .write import staging_folder, sweep_staging
    result, cache = Result(errors=collisions(paths, lambda path: outputs(path, specs)) + _own_templates()), BuildCache.load(out)
    base, fragments = base_fingerprint(formats), fragment_fingerprints(fragment_folders(specs))
    version, hashes, tasks = files_version(fragment_folders(specs)), {}, []
    clashing = {error.path for error in result.errors}
    sweep_staging(out)                  # what a build killed before its cleanup left in out/
    fresh = not out.exists()
    staging = staging_folder(out)
    for path in (path for path in paths if display_path(path) not in clashing):
        hashes[path] = _hash(path, specs)
        reason = cache.stale_reason(stem(path, specs), hashes[path], base, fragments, out)
        if reason is None:
            result.skipped.append(path)
            continue
        result.rebuilt[display_path(path)] = reason
        tasks.append(Task(path, specs, staging, formats, version))
    try:
        outcomes = batch.run(process, tasks, jobs, progress)
        _publish(result, cache, outcomes, staging, out, (base, fragments, hashes, specs))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if fresh and not any(out.iterdir()):    # nothing built: no out/ made for the staging alone
            out.rmdir()
    return result


def _publish(result: Result, cache: BuildCache, outcomes: list[Outcome], staging: Path, out: Path,
             inputs: tuple) -> None:
    """After every spec is checked: move the good documents into ``out`` and record their inputs."""
    from .cache import Record, used_fingerprints
    from .write import move_atomic
    base, fragments, hashes, specs = inputs
    identities = [Identity(o.source, o.organisation, o.number) for o in outcomes if o.outputs]
    identities += [Identity(display_path(path), record.organisation, record.number)
                   for path in result.skipped for record in [cache.records[stem(path, specs)]]]
    result.errors = sorted_errors(result.errors + [e for o in outcomes for e in o.errors]
                                  + duplicate_numbers(identities))
    failed = {error.path for error in result.errors if not error.warning}
    for outcome in outcomes:
        if not outcome.outputs or outcome.source in failed:
            continue
        for output in outcome.outputs:
            moved = move_atomic(staging / output, out / output)
            (result.written if moved else result.unchanged).append(out / output)
        cache.records[stem(outcome.path, specs)] = Record(
            hashes[outcome.path], base, used_fingerprints(outcome.used, fragments), outcome.outputs,
            outcome.organisation, outcome.number)
    if result.written or result.unchanged:
        cache.save()


def _own_templates() -> list[SpecError]:
    """A warning per shipped template the project's templates/ replaces: its documents then differ
    from the official form the package prints (issue 15)."""
    return [SpecError(f"templates/{name}", 0, 0, "標準のテンプレートを置き換えています", warning=True,
                      hint="様式の改訂はこのファイルに反映されません") for name in shadowed_templates()]


def stem(path: Path, specs: Path) -> str:
    """The output path of a spec without suffix: its path under specs/, else its file name."""
    try:                    # lexical, like display_path: a symlink loop cannot break it
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(specs)).with_suffix("").as_posix()
    except ValueError:
        return path.stem


def outputs(path: Path, specs: Path) -> tuple[str, ...]:
    """The documents a spec may write, without suffix: its own, and the 基礎項目評価書 a 重点/全項目
    spec derives (<事務>.基礎項目評価書, forms/basic.py)."""
    return stem(path, specs), stem(path, specs) + SUFFIX


def _hash(path: Path, specs: Path) -> str:
    """The spec's bytes as the cache knows them; a file that cannot be read has none (its task
    reports why, located, like every other error)."""
    from .cache import digest
    try:
        return digest(read_file(path, specs if is_inside(path, specs) else None))
    except Refused:
        return ""
