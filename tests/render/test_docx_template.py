"""The committed Word template is what tools/make_docx_template.py makes from the layout constants
(generator/render/docx_layout.py): change one without the other and this fails."""
from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import make_docx_template  # noqa: E402


def test_the_committed_template_is_up_to_date():
    committed = (ROOT / "templates" / "docx" / "document.docx").read_bytes()
    assert make_docx_template.template() == committed, "run: python tools/make_docx_template.py"
