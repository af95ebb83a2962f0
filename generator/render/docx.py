"""Document → DOCX bytes via docxtpl, from templates/docx/document.docx.

docxtpl is given our strict, autoescaping Jinja environment (its default escapes nothing, so a
``<`` or ``&`` in a spec would corrupt the XML). The saved zip is rewritten with fixed timestamps
and the core properties come from the spec, so the same spec always gives the same bytes.
"""
from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docxtpl import DocxTemplate

from ..document import Document
from .environment import TEMPLATES, environment

TEMPLATE = TEMPLATES / "docx" / "document.docx"
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def render_docx(document: Document) -> bytes:
    """The Word file for ``document``."""
    template = DocxTemplate(TEMPLATE)
    template.render({"doc": document}, jinja_env=environment())
    _set_properties(template, document)
    buffer = io.BytesIO()
    template.save(buffer)
    return normalise_zip(buffer.getvalue())


def _set_properties(template: DocxTemplate, document: Document) -> None:
    """Core properties from the spec, never from the clock (python-docx would write now())."""
    properties = template.docx.core_properties
    properties.title = document.name
    properties.author = document.organisation
    properties.last_modified_by = document.organisation
    properties.subject = document.form_title
    properties.revision = 1
    properties.created = FIXED_TIME
    properties.modified = FIXED_TIME


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps and attributes, keeping member order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(member.filename))
    return buffer.getvalue()
