"""The pipeline, in one place: load → resolve fragments → validate → rules → model → render → write.

As in mkdocs ``build()``, every spec is read and checked before any file is written; a spec with
errors renders nothing, the others still build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .document import Document
from .complete import missing_items
from .errors import SpecError, sorted_errors
from .fragments import Library, resolve
from .load import load_yaml
from .model import build_document
from .render import RENDERERS
from .rules import check_rules
from .validate import validate
from .write import write_atomic

SPECS = Path("specs")
OUT = Path("out")
FRAGMENTS = "fragments"
NOT_SPECS = {FRAGMENTS}          # folders under specs/ that hold data, not 評価書


@dataclass
class Result:
    """What a run found and did; ``__main__`` prints it."""

    errors: list[SpecError] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(not error.warning for error in self.errors)


def discover(specs: Path, named: list[Path] | None = None) -> list[Path]:
    """The spec files to process: those named, else every *.yaml under ``specs`` in sorted order."""
    if named:
        return [Path(path) for path in named]
    return sorted(path for path in specs.rglob("*.yaml")
                  if path.relative_to(specs).parts[0] not in NOT_SPECS)


def read_spec(path: Path, library: Library, specs: Path) -> tuple[Document | None, list[SpecError]]:
    """Steps 1–5 for one spec: its document, or the errors that stop it."""
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None, errors
    resolved, errors = resolve(loaded, library)
    form, problems = validate(loaded, resolved.data)
    errors += problems
    if form is not None:
        errors += list(missing_items(loaded, form, resolved.data))
    if form is not None and not problems:
        errors += check_rules(loaded, form, resolved.data)
    if form is None or any(not error.warning for error in errors):
        return None, errors
    return build_document(form, resolved.data, stem(path, specs)), errors


def check(paths: list[Path], specs: Path = SPECS) -> Result:
    """Read and check every spec in ``paths``; write nothing."""
    result = Result()
    library = Library(specs / FRAGMENTS)
    for path in paths:
        document, errors = read_spec(path, library, specs)
        result.errors += errors
        if document is not None:
            result.documents.append(document)
    result.errors = sorted_errors(result.errors + library.errors)
    return result


def build(paths: list[Path], specs: Path = SPECS, out: Path = OUT,
          formats: tuple[str, ...] = ("docx", "html")) -> Result:
    """Check every spec, then render and write the documents of those without errors."""
    result = check(paths, specs)
    outputs = [(out / f"{document.stem}.{suffix}", RENDERERS[suffix](document))
               for document in result.documents for suffix in formats]
    for target, content in outputs:
        (result.written if write_atomic(target, content) else result.unchanged).append(target)
    return result


def stem(path: Path, specs: Path) -> str:
    """The output path of a spec without suffix: its path under specs/, else its file name."""
    try:
        return path.resolve().relative_to(specs.resolve()).with_suffix("").as_posix()
    except ValueError:
        return path.stem
