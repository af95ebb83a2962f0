"""The input, whatever it is, as a sheet of rows: a PDF (its text layer), a Word file, an HTML page,
or text extracted by others. The file is read through the one bounded reader (read/files.py); what
cannot be read is an error in Japanese, never a traceback."""
from __future__ import annotations

import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import SpecError
from ..read.files import Refused, read_file
from .markup import docx_sheet, html_sheet
from .sheet import Sheet, looks_like_page, text_sheet

MAX_BYTES = 64_000_000     # a published 評価書 of 60 pages is a few MB; far larger is not one


def read_sheet(path: Path, source: str) -> Sheet | SpecError:
    """The rows of the document at ``path`` (``source``: its name in messages)."""
    try:
        content = read_file(path, limit=MAX_BYTES)
    except Refused as refused:
        return SpecError.unreadable(source, str(refused))
    try:
        return _sheet(content, source)
    except Exception as error:  # noqa: BLE001 - a broken PDF or DOCX raises what its parser raises
        return SpecError(source, 0, 0, f"文書を読み取れません（{_kind(content)}: {type(error).__name__}）",
                         hint="ファイルが壊れていないか、別の形式で保存し直して確認してください")


def _sheet(content: bytes, source: str) -> Sheet | SpecError:
    """By what the file starts with: a PDF, a ZIP (a Word file), else text (an HTML page or not)."""
    if content.startswith(b"%PDF"):
        from .pdf_source import pdf_sheet  # pdfplumber only when a PDF is read
        return pdf_sheet(content)
    if content.startswith(b"PK\x03\x04"):
        return _word(content, source)
    text = _decoded(content)
    if text is None:
        return SpecError(source, 0, 0, "文字コードを判別できません", hint="UTF-8 か Shift_JIS のテキストを指定してください")
    if looks_like_page(text):
        return html_sheet(text.encode("utf-8"))
    return text_sheet(text)


def _word(content: bytes, source: str) -> Sheet | SpecError:
    if "word/document.xml" not in zipfile.ZipFile(BytesIO(content)).namelist():
        return SpecError(source, 0, 0, "Word 文書（.docx）ではない ZIP ファイルです",
                         hint="PDF、DOCX、HTML、テキストを指定してください")
    return docx_sheet(content)


def _decoded(content: bytes) -> str | None:
    if b"\0" in content[:4096] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    for encoding in ("utf-8-sig", "utf-16", "cp932"):
        if encoding == "utf-16" and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _kind(content: bytes) -> str:
    return "PDF" if content.startswith(b"%PDF") else "DOCX" if content.startswith(b"PK") else "テキスト"
