"""Document → one self-contained HTML page (lang="ja", inline CSS, A4 print rules)."""
from __future__ import annotations

from functools import cache

import jinja2

from ..layout.document import Document
from .environment import environment


@cache
def _template() -> jinja2.Template:
    # Parsed and compiled once per process; every document reuses it.
    return environment("html").get_template("document.html.j2")


def render_html(document: Document) -> bytes:
    """The page for ``document``, UTF-8 encoded."""
    return _template().render(doc=document).encode("utf-8")
