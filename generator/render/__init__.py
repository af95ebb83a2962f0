"""Step 6: renderers. Each reads the immutable document model and returns bytes; none reads specs
or writes files."""
from __future__ import annotations

from collections.abc import Callable

from ..layout.document import Document
from .docx import render_docx
from .html import render_html

Renderer = Callable[[Document], bytes]

RENDERERS: dict[str, Renderer] = {"html": render_html, "docx": render_docx}
