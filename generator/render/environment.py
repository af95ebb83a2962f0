"""The one Jinja environment factory: StrictUndefined (a missing value fails loudly instead of
printing nothing), autoescape on (spec text is data: <, & and quotes are escaped, never evaluated)."""
from __future__ import annotations

import jinja2

from ..resources import templates


def environment(folder: str | None = None, trim: bool = True) -> jinja2.Environment:
    """A strict, autoescaping environment; loading templates from ``templates/<folder>`` if given.

    ``trim`` drops the line break after a block tag and the indent before it, for the HTML
    template's readable layout; the Word body is one line of XML and needs neither."""
    loader = jinja2.FileSystemLoader(templates() / folder) if folder else None
    return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True,
                              keep_trailing_newline=True, trim_blocks=trim, lstrip_blocks=trim)
