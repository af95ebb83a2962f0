"""The 様式2 documents read back: the HTML parsed (lxml) and the DOCX opened (python-docx) print every
item of the 基礎項目評価書 model in printed order, with no 項目一覧 and no 承認日, in both revisions
(平成30年5月: the kiso_valid scenario; 平成26年4月: the 赤磐市 showcase)."""
from __future__ import annotations

import pytest
from conftest import ROOT
from textutil import docx_lines, html_lines, normalise

from generator.build import build
from generator.forms import FORMS

SPECS = {"平成30年5月": ROOT / "tests" / "scenarios" / "kiso_valid" / "specs",
         "平成26年4月": ROOT / "specs"}
STEMS = {"平成30年5月": "x/spec", "平成26年4月": "赤磐市/保育料の決定事務"}
READERS = {"html": html_lines, "docx": docx_lines}


@pytest.fixture(scope="module", params=sorted(SPECS))
def rendered(request, tmp_path_factory):
    revision, out = request.param, tmp_path_factory.mktemp("kiso")
    specs, stem = SPECS[revision], STEMS[revision]
    result = build([specs / f"{stem}.yaml"], specs, out)
    assert not result.failed, [error.format() for error in result.errors]
    return revision, {fmt: (out / f"{stem}.{fmt}").read_bytes() for fmt in READERS}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_every_item_of_the_model_in_printed_order(rendered, fmt):
    revision, outputs = rendered
    form = FORMS[("基礎項目評価書", revision)]
    text = normalise("\n".join(READERS[fmt](outputs[fmt])))
    position = 0
    for label in (form.title, *(item.printed_label for _, item in form.printed_items)):
        found = text.find(normalise(label), position)
        assert found >= 0, f"{revision} {fmt}: 「{label}」 missing or out of order"
        position = found + 1
    assert len(form.printed_items) > 40


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_no_contents_and_no_approval(rendered, fmt):
    revision, outputs = rendered
    lines = READERS[fmt](outputs[fmt])
    assert "項目一覧" not in lines and not any("承認日" in line for line in lines)
    version = FORMS[("基礎項目評価書", revision)].version_line
    assert lines.index(version) < next(index for index, line in enumerate(lines) if line.startswith("Ⅰ"))
