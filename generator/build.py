"""The pipeline, in one place: load → resolve fragments → validate → rules → model → render → write.

As in mkdocs ``build()``, every spec is read and checked before any file is written into out/; a
spec with errors renders nothing, the others still build. Specs whose inputs did not change since
the last build are skipped (cache.py); the others are processed over all cores (batch.py).
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .amendments import load_amendment
from .batch import Outcome, Task, fragments_version, run
from .cache import BuildCache, Record, base_fingerprint, digest, fragment_fingerprints, used_fingerprints
from .complete import missing_items
from .document import Document
from .errors import SpecError, display_path, sorted_errors
from .fragments import Library, resolve
from .load import load_yaml, position
from .model import build_document
from .rules import check_rules
from .validate import validate
from .write import move_atomic

SPECS = Path("specs")
OUT = Path("out")
FRAGMENTS, AMENDMENTS, LAWS = "fragments", "amendments", "laws"
NOT_SPECS = {FRAGMENTS, AMENDMENTS, LAWS}   # folders under specs/ that hold data, not 評価書


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


@dataclass(frozen=True)
class Read:
    """Steps 1–5 for one spec."""

    source: str
    document: Document | None
    errors: list[SpecError]
    used: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Identity:
    """Who published a document under which 評価書番号 (for the cross-spec check)."""

    source: str
    organisation: str
    number: str


def discover(specs: Path, named: list[Path] | None = None) -> list[Path]:
    """The spec files to process: those named, else every *.yaml under ``specs`` in sorted order."""
    if named:
        return [Path(path) for path in named]
    return sorted(path for path in specs.rglob("*.yaml")
                  if path.relative_to(specs).parts[0] not in NOT_SPECS)


def read_spec(path: Path, library: Library, specs: Path) -> Read:
    """Steps 1–5 for one spec: its document, or the errors that stop it."""
    loaded, errors = load_yaml(path)
    if loaded is None:
        return Read(display_path(path), None, errors)
    resolved, errors = resolve(loaded, library)
    if resolved.data is None and errors:
        return Read(loaded.display, None, errors, resolved.used)
    form, data, problems = validate(loaded, resolved.data)
    errors += problems
    if form is None:
        return Read(loaded.display, None, errors, resolved.used)
    errors += missing_items(loaded, form, data)
    if not any(not problem.warning for problem in problems):
        errors += check_rules(loaded, form, data)
    if any(not error.warning for error in errors):
        return Read(loaded.display, None, errors, resolved.used)
    document = build_document(form, data, stem(path, specs), loaded.display)
    return Read(loaded.display, document, errors, resolved.used)


def check(paths: list[Path], specs: Path = SPECS, data_files: bool = False) -> Result:
    """Read and check every spec in ``paths``; write nothing. With ``data_files``, also every law
    catalogue and amendment file, used by a spec or not (a PR that adds one is checked at once)."""
    result = Result()
    library = Library(specs / FRAGMENTS)
    for path in paths:
        read = read_spec(path, library, specs)
        result.errors += read.errors
        if read.document is not None:
            result.documents.append(read.document)
    if data_files:
        library.laws.read_all()
        result.errors += [error for path in sorted((specs / AMENDMENTS).glob("*.yaml")) for error in load_amendment(path)[1]]
    identities = [Identity(d.source, d.organisation, d.number) for d in result.documents]
    result.errors = sorted_errors(result.errors + library.errors + duplicate_numbers(identities))
    return result


def build(paths: list[Path], specs: Path = SPECS, out: Path = OUT, formats: tuple[str, ...] = ("docx", "html"),
          jobs: int | None = None, progress: Callable[[Outcome], None] | None = None) -> Result:
    """Check every spec whose inputs changed, render it into a staging folder, and only then move
    the documents of the specs without errors into ``out`` (over all cores; the rest skipped)."""
    result, cache = Result(), BuildCache.load(out)
    base, fragments = base_fingerprint(formats), fragment_fingerprints(specs / FRAGMENTS)
    version, hashes, tasks = fragments_version(specs / FRAGMENTS), {}, []
    staging = Path(tempfile.mkdtemp(prefix=".pia-staging-", dir=_existing(out.resolve().parent)))
    for path in paths:
        hashes[path] = digest(path.read_bytes()) if path.is_file() else ""
        reason = cache.stale_reason(stem(path, specs), hashes[path], base, fragments, out)
        if reason is None:
            result.skipped.append(path)
            continue
        result.rebuilt[display_path(path)] = reason
        tasks.append(Task(path, specs, staging, formats, version))
    try:
        outcomes = run(tasks, jobs, progress)
        _publish(result, cache, outcomes, staging, out, (base, fragments, hashes, specs))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return result


def _publish(result: Result, cache: BuildCache, outcomes: list[Outcome], staging: Path, out: Path,
             inputs: tuple) -> None:
    """After every spec is checked: move the good documents into ``out`` and record their inputs."""
    base, fragments, hashes, specs = inputs
    identities = [Identity(o.source, o.organisation, o.number) for o in outcomes if o.outputs]
    identities += [Identity(display_path(path), record.organisation, record.number)
                   for path in result.skipped for record in [cache.records[stem(path, specs)]]]
    result.errors = sorted_errors([e for o in outcomes for e in o.errors] + duplicate_numbers(identities))
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


def duplicate_numbers(identities: list[Identity]) -> list[SpecError]:
    """評価書番号 is unique among the documents of one 評価実施機関 (it is the 計画管理書's number)."""
    seen: dict[tuple[str, str], Identity] = {}
    errors = []
    for identity in identities:
        key = (identity.organisation, identity.number)
        if key in seen:
            loaded, _ = load_yaml(Path(identity.source))     # read again only for the position
            line, column = position(loaded.data, ("評価書番号",)) if loaded else (1, 1)
            errors.append(SpecError(identity.source, line, column,
                                    f"評価書番号「{identity.number}」は {seen[key].source} と重複しています",
                                    item="評価書番号", hint=f"{identity.organisation}の評価書番号は評価書ごとに異なります"))
        seen.setdefault(key, identity)
    return errors


def stem(path: Path, specs: Path) -> str:
    """The output path of a spec without suffix: its path under specs/, else its file name."""
    try:
        return path.resolve().relative_to(specs.resolve()).with_suffix("").as_posix()
    except ValueError:
        return path.stem


def _existing(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder
