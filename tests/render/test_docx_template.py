"""The committed Word template is what tools/make_docx_template.py makes from the layout constants
(generator/render/docx_layout.py): change one without the other and this fails.

Only the body (word/document.xml) is compared: the other parts (styles, settings …) come from
python-docx's own default template, which a new python-docx release may change without our doing."""
from __future__ import annotations

import io
import sys
import zipfile

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_docx_template  # noqa: E402


def _body(docx: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")


def test_the_committed_template_is_up_to_date():
    committed = (ROOT / "templates" / "docx" / "document.docx").read_bytes()
    assert _body(make_docx_template.template()) == _body(committed), "run: python tools/make_docx_template.py"
