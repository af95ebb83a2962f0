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
from .load import load_yaml, position
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
    if resolved.data is None and errors:
        return None, errors
    form, data, problems = validate(loaded, resolved.data)
    errors += problems
    if form is None:
        return None, errors
    errors += missing_items(loaded, form, data)
    if not any(not problem.warning for problem in problems):
        errors += check_rules(loaded, form, data)
    if any(not error.warning for error in errors):
        return None, errors
    return build_document(form, data, stem(path, specs), loaded.display), errors


def check(paths: list[Path], specs: Path = SPECS) -> Result:
    """Read and check every spec in ``paths``; write nothing."""
    result = Result()
    library = Library(specs / FRAGMENTS)
    for path in paths:
        document, errors = read_spec(path, library, specs)
        result.errors += errors
        if document is not None:
            result.documents.append(document)
    result.errors = sorted_errors(result.errors + library.errors + duplicate_numbers(result.documents))
    return result


def duplicate_numbers(documents: list[Document]) -> list[SpecError]:
    """評価書番号 is unique among the documents of one 評価実施機関 (it is the 計画管理書's number)."""
    seen: dict[tuple[str, str], Document] = {}
    errors = []
    for document in documents:
        key = (document.organisation, document.number)
        if key in seen:
            loaded, _ = load_yaml(Path(document.source))     # read again only for the position
            line, column = position(loaded.data, ("評価書番号",)) if loaded else (1, 1)
            errors.append(SpecError(document.source, line, column,
                                    f"評価書番号「{document.number}」は {seen[key].source} と重複しています",
                                    item="評価書番号", hint=f"{document.organisation}の評価書番号は評価書ごとに異なります"))
        seen.setdefault(key, document)
    return errors


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
