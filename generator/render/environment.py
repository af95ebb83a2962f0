"""The one Jinja environment factory: StrictUndefined (a missing value fails loudly instead of
printing nothing), autoescape on (spec text is data: <, & and quotes are escaped, never evaluated)."""
from __future__ import annotations

import jinja2

from ..resources import template_folders


def environment(folder: str | None = None, trim: bool = True) -> jinja2.Environment:
    """A strict, autoescaping environment; loading templates from ``templates/<folder>`` if given (the project's own
    templates/ first, then the shipped ones: resources.py).

    ``trim`` drops the line break after a block tag and the indent before it, for the HTML
    template's readable layout; the Word body is one line of XML and needs neither."""
    loader = jinja2.FileSystemLoader([root / folder for root in template_folders()]) if folder else None
    return jinja2.Environment(loader=loader, undefined=jinja2.StrictUndefined, autoescape=True,
                              keep_trailing_newline=True, trim_blocks=trim, lstrip_blocks=trim)
