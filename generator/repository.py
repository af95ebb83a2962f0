"""`pia init`: a municipality's own spec repository, ready to commit (issue 15).

It holds the specs of one 団体 (specs/<団体>/), the JSON Schemas and the VS Code settings that map
them (so `pia new`'s modeline resolves), a CI workflow for pull requests that installs this version
of the tool and posts the semantic diff, a pre-commit configuration using this repository's
.pre-commit-hooks.yaml, and a .gitignore. The texts are files under templates/repository/; the
fragments the staff README lists come from the standard library, so nothing here is a second list.
Nothing is overwritten: when one of the files exists, none is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import __version__
from .build import FRAGMENTS
from .editor.jsonschema import schema_files
from .read.files import is_relative_name
from .read.fragments import Library
from .read.text import text_problem
from .resources import standard, template_folders
from .write import write_atomic

DISTRIBUTION = "mynumber-pia"          # pyproject.toml [project] name ("pia" on PyPI is another project)
REPOSITORY = "https://github.com/mynumber-pia/mynumber-pia"   # where .pre-commit-hooks.yaml is published

# file of the new repository → its template under templates/repository/ ("{団体}": the 団体's folder)
FILES = {
    "README.md": "README.md.j2",
    "specs/{団体}/README.md": "specs-README.md.j2",
    ".vscode/settings.json": "vscode-settings.json",
    ".github/workflows/pia.yml": "workflow.yml.j2",
    ".pre-commit-config.yaml": "pre-commit-config.yaml.j2",
    ".gitignore": "gitignore",
}


@dataclass(frozen=True)
class Refusal:
    """Why nothing was written, in Japanese."""

    message: str


def init(folder: Path, organisation: str) -> list[Path] | Refusal:
    """Write the repository's files into ``folder`` (made if missing); the files written."""
    problem = _name_problem(organisation)
    if problem:
        return Refusal(problem)
    contents = {folder / name.replace("{団体}", organisation): text for name, text in _contents(organisation).items()}
    present = sorted(path.as_posix() for path in contents if path.exists() or path.is_symlink())
    if present:
        return Refusal("既にあるファイルは上書きしません: " + "、".join(present))
    for path, text in contents.items():
        write_atomic(path, text.encode("utf-8"))
    return list(contents)


def _contents(organisation: str) -> dict[str, str]:
    """Every file's text: the templates filled in, and the schemas as `pia schema --write` writes them."""
    environment = _environment()
    values = {"organisation": organisation, "version": __version__, "distribution": DISTRIBUTION,
              "repository": REPOSITORY, "fragments": _standard_fragments()}
    files = {name: environment.get_template(template).render(values) for name, template in FILES.items()}
    return {**files, **{f"schemas/{name}": text for name, text in schema_files().items()}}


def _environment() -> jinja2.Environment:
    """Plain-text templates (no HTML escaping) with [[ ]] and [% %]: the workflow's ${{ }} stays GitHub's."""
    loader = jinja2.FileSystemLoader([root / "repository" for root in template_folders()])
    return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=False,
                              keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                              variable_start_string="[[", variable_end_string="]]",
                              block_start_string="[%", block_end_string="%]")


def _standard_fragments() -> dict[str, list[str]]:
    """The entries of every standard fragment file (what a spec can reference without files of its own)."""
    fragments = Library(standard(FRAGMENTS))
    fragments.read_all()
    return {stem: list(loaded.plain) for stem, versions in sorted(fragments.shelf.files.items())
            for loaded in versions if loaded is not None and isinstance(loaded.plain, dict)}


def _name_problem(organisation: str) -> str:
    """Why ``organisation`` cannot name specs/<団体>/ (a folder name, printable), or ""."""
    if not organisation.strip() or "/" in organisation or not is_relative_name(organisation) or organisation.startswith("."):
        return f"団体名「{organisation}」はフォルダ名に使えません（例: --団体 ○○市）"
    problem = text_problem(organisation)
    return f"団体名に使えない文字があります: {problem}" if problem else ""

