"""Issue 17, round trip through PDF: each showcase spec's PDF, as LibreOffice makes it from its DOCX
(pia build --pdf), imported back agrees with the spec item by item (fragments resolved), compared
as a PDF can be judged: white space and line breaks aside (a PDF keeps where a line ends on the
page, not where the spec's line ended); the HTML rebuilt from the draft has the original's text."""
from __future__ import annotations

import pytest
from textutil import html_lines, recall, seed_segments

from generator.build import SPECS, Stage, library, read_spec
from generator.importer.run import import_document
from generator.render import RENDERERS

from .agreement import ROOT, SHOWCASE, agreement, items, resolved

TARGET = 0.97


@pytest.fixture(scope="module")
def drafts(pdfs):
    return {stem: import_document(pdfs[stem]) for stem in SHOWCASE}


@pytest.mark.parametrize("stem", SHOWCASE)
def test_pdf_imported_items_agree_with_the_spec(drafts, stem):
    imported = drafts[stem]
    form, expected = resolved(ROOT / SPECS / f"{stem}.yaml")
    _, data = resolved(ROOT / SPECS / stem.split("/")[0] / "imported.yaml", imported.text.encode("utf-8"))
    loose = agreement(items(form, expected), items(form, data), loose=True, marked=imported.marked_paths)
    exact = agreement(items(form, expected), items(form, data), loose=False)
    print(f"{stem} pdf: {loose.equal}/{loose.total} items agree ({loose.share:.4f}; line breaks too: {exact.share:.4f}); "
          f"precision {loose.precision:.4f}; filled {imported.filled}, marked {imported.marked}, not found {imported.missing}")
    assert loose.share >= TARGET, "\n".join(loose.differences[:20])


@pytest.mark.parametrize("stem", SHOWCASE)
def test_pdf_rebuilt_document_has_the_original_text(drafts, built, stem):
    specs = ROOT / SPECS
    reading = read_spec(specs / stem.split("/")[0] / "imported.yaml", library(specs), specs, Stage.LAYOUT,
                        raw=drafts[stem].text.encode("utf-8"))
    assert reading.document is not None, "\n".join(error.format() for error in reading.errors)
    original = "\n".join(html_lines(built[stem]["html"]))
    score, missing = recall(seed_segments(original), "\n".join(html_lines(RENDERERS["html"](reading.document))))
    print(f"{stem} pdf: rebuilt recall {score:.4f}")
    assert score >= 0.99, "\n".join(missing[:20])
