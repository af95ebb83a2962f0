"""The one Jinja environment factory: StrictUndefined (a missing value fails loudly instead of
printing nothing), autoescape on (spec text is data: <, & and quotes are escaped, never evaluated)."""
from __future__ import annotations

from pathlib import Path

import jinja2

# The project's own templates/ (restyled by the user) when run from a project, else the ones
# shipped beside the package (an editable install or a source checkout).
_PROJECT = Path.cwd() / "templates"
TEMPLATES = _PROJECT if (_PROJECT / "docx" / "document.docx").is_file() else \
    Path(__file__).resolve().parents[2] / "templates"


def environment(folder: str | None = None) -> jinja2.Environment:
    """A strict, autoescaping environment; loading templates from ``templates/<folder>`` if given."""
    loader = jinja2.FileSystemLoader(TEMPLATES / folder) if folder else None
    return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True,
                              keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
