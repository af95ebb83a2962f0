"""Where the tool's own files are: the templates and the standard library (fragments, law catalogue,
amendment files) the package ships, and a spec repository's own ones that add to or override them.

Installed from a wheel, they are package data under ``generator/`` (pyproject.toml maps this
repository's templates/ and specs/{fragments,laws,amendments} there), found through
importlib.resources; in this checkout (an editable install) they are those folders themselves, so
the showcase specs use the standard library exactly as a municipality's specs do. Everything is
looked up when asked, never at import time: the folder a command runs in decides what a project's
own templates/ are.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
STANDARD = {"fragments": "specs/fragments", "laws": "specs/laws", "amendments": "specs/amendments"}
TEMPLATES = "templates"


def _shipped(packaged: str, checkout: str) -> Path:
    """``generator/<packaged>`` in an installed wheel, else the checkout's folder of that data."""
    installed = Path(str(files(__package__) / packaged))
    return installed if installed.is_dir() else CHECKOUT / checkout


def standard(kind: str) -> Path:
    """The standard library's folder of ``kind``: fragments, laws or amendments."""
    return _shipped(f"standard/{kind}", STANDARD[kind])


def shipped_templates() -> Path:
    return _shipped(TEMPLATES, TEMPLATES)


def project_templates() -> Path:
    """The templates/ of the repository a command runs in (it may hold none, or some)."""
    return Path.cwd() / TEMPLATES


def template(relative: str) -> Path:
    """One template file: the project's own when it has it, else the shipped one."""
    own = project_templates() / relative
    return own if own.is_file() else shipped_templates() / relative


def distinct(folders: tuple[Path, ...]) -> tuple[Path, ...]:
    """The folders without repeats (in this checkout the project's folder is the shipped one)."""
    seen: set[Path] = set()
    kept = []
    for folder in folders:
        if folder.resolve() not in seen:
            seen.add(folder.resolve())
            kept.append(folder)
    return tuple(kept)


def template_folders() -> list[Path]:
    """Where templates are looked up, in order (the project's first; one folder in this checkout)."""
    return [folder for folder in distinct((project_templates(), shipped_templates())) if folder.is_dir()]


def shadowed_templates() -> list[str]:
    """The shipped templates a project's own templates/ replaces (named in a warning)."""
    own, shipped = project_templates(), shipped_templates()
    if not own.is_dir() or own.resolve() == shipped.resolve():
        return []
    return sorted(path.relative_to(own).as_posix() for path in own.rglob("*")
                  if path.is_file() and (shipped / path.relative_to(own)).is_file())
