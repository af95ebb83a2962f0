"""Document → one self-contained HTML page (lang="ja", inline CSS, A4 print rules)."""
from __future__ import annotations

from functools import cache

import jinja2

from ..layout.document import Document
from .environment import environment


@cache
def _environment() -> jinja2.Environment:
    # One per process: Jinja compiles the page once and keeps it until its file changes (a stat per
    # render, auto_reload), so a template saved while `pia serve` runs shows on the next page.
    return environment("html")


def render_html(document: Document) -> bytes:
    """The page for ``document``, UTF-8 encoded."""
    return _environment().get_template("document.html.j2").render(doc=document).encode("utf-8")
