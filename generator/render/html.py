"""Document → one self-contained HTML page (lang="ja", inline CSS, A4 print rules)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from ..layout.document import Document
from ..resources import template_folders
from .environment import environment


@cache
def _environment(folders: tuple[Path, ...]) -> jinja2.Environment:
    # One per process and template folders: Jinja compiles the page once and keeps it until its file
    # changes (a stat per render, auto_reload), so a template saved while `pia serve` runs shows on
    # the next page; a project's own templates/ (resources.py) gets its own.
    return environment("html")


def render_html(document: Document) -> bytes:
    """The page for ``document``, UTF-8 encoded."""
    template = _environment(tuple(template_folders())).get_template("document.html.j2")
    return template.render(doc=document).encode("utf-8")
