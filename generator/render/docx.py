"""Document → DOCX bytes, from templates/docx/document.docx, a docxtpl template.

docxtpl re-reads, re-patches and re-compiles its template for every document (about 60 % of a
render) and round-trips the package through python-docx. Here the template is read, patched by
docxtpl and compiled by Jinja once per process (``CompiledTemplate``); a document is one Jinja render
of the body, docxtpl's own line-break handling (resolve_listing), and a zip written with fixed
timestamps and core properties from the spec, so the same spec always gives the same bytes.

Jinja gets our strict, autoescaping environment (docxtpl's default escapes nothing, so a ``<`` or
``&`` in a spec would corrupt the XML).
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from datetime import datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate

from ..layout.document import Document
from ..resources import template
from .environment import environment

FIXED_TIME = datetime(2000, 1, 1)
BODY, CORE = "word/document.xml", "docProps/core.xml"
LEVEL = 3     # deflate: a 全項目 body compresses 3x faster than at zlib's default 6, for 20 % more bytes


class CompiledTemplate:
    """The Word template, patched and compiled once; ``render`` fills it for one document."""

    def __init__(self, path: Path):
        template = DocxTemplate(path)
        template.init_docx()
        self.body = environment(trim=False).from_string(template.patch_xml(template.get_xml()))
        self.listing = template.resolve_listing           # \n → <w:br/>, \a → paragraph (docxtpl)
        with zipfile.ZipFile(path) as archive:
            self.parts = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
        # Parts that never change are compressed once, here, not once per document.
        self.members = [(name, None if name in (BODY, CORE) else _Member.of(name, data)) for name, data in self.parts]
        source = dict(self.parts)[BODY].decode("utf-8")
        start, end = source.index("<w:body"), source.index("</w:body>") + len("</w:body>")
        self.head, self.tail = source[:start], source[end:]
        for name, data in self.parts:
            if name != BODY and re.search(rb"\{\{|\{%", data) and name != CORE:
                raise ValueError(f"{name}: only the body of the Word template may hold template tags")

    def render(self, document: Document) -> bytes:
        # docxtpl would also turn {_{ into {{ after rendering — in spec text too; our template has
        # no such literal, so the body is used as rendered.
        xml = self.body.render(doc=document)
        body = (self.head + self._breaks(xml) + self.tail).encode("utf-8")
        fresh = {BODY: _Member.of(BODY, body), CORE: _Member.of(CORE, core_xml(document))}
        return _zip([member or fresh[name] for name, member in self.members])

    def _breaks(self, xml: str) -> str:
        """Line breaks in text as <w:br/>. Specs hold no \a or \f (control characters are refused),
        so without tabs this is docxtpl's resolve_listing in one replace."""
        if "\t" in xml:
            return self.listing(xml)
        return xml.replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')


def template_path() -> Path:
    return template("docx/document.docx")


@cache
def _compiled(path: Path) -> CompiledTemplate:
    return CompiledTemplate(path)


def compiled() -> CompiledTemplate:
    """The Word template of the working folder's project, compiled once per process."""
    return _compiled(template_path())


def render_docx(document: Document) -> bytes:
    """The Word file for ``document``."""
    return compiled().render(document)


def core_xml(document: Document) -> bytes:
    """docProps/core.xml from the spec, never from the clock (python-docx would write now())."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = {"dc:title": document.name, "dc:subject": document.form_title, "dc:creator": document.organisation,
              "cp:lastModifiedBy": document.organisation, "cp:revision": "1"}
    body = "".join(f"<{tag}>{escape(value)}</{tag}>" for tag, value in fields.items())
    dates = "".join(f'<dcterms:{name} xsi:type="dcterms:W3CDTF">{stamp}</dcterms:{name}>'
                    for name in ("created", "modified"))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"{body}{dates}</cp:coreProperties>").encode()


class _Member:
    """One zip member, deflated, with what its headers need."""

    __slots__ = ("name", "data", "crc", "size")

    def __init__(self, name: bytes, data: bytes, crc: int, size: int):
        self.name, self.data, self.crc, self.size = name, data, crc, size

    @classmethod
    def of(cls, name: str, content: bytes) -> _Member:
        compressor = zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
        return cls(name.encode("utf-8"), compressor.compress(content) + compressor.flush(),
                   zlib.crc32(content), len(content))


_DOS_TIME, _DOS_DATE = 0, (1980 - 1980) << 9 | 1 << 5 | 1      # 1980-01-01 00:00


def _zip(members: list[_Member]) -> bytes:
    """A zip (deflate, fixed timestamps) of already-compressed members, in the given order."""
    out, directory = io.BytesIO(), []
    for member in members:
        offset = out.tell()
        fields = (20, 0, 8, _DOS_TIME, _DOS_DATE, member.crc, len(member.data), member.size, len(member.name))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + member.name + member.data)
        directory.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0,
                                     0o600 << 16, offset) + member.name)
    start = out.tell()
    central = b"".join(directory)
    out.write(central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                                    len(central), start, 0))
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps and attributes, keeping member order (the same
    writer as every document, so the committed Word template is reproducible byte for byte)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip([_Member.of(info.filename, source.read(info.filename)) for info in source.infolist()])
