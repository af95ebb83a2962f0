"""Issue 17, round trip: each showcase spec's DOCX and HTML (and PDF, test_pdf.py) imported back
agrees with the spec item by item (fragments resolved), and the document rebuilt from the draft
has the text of the original (the fidelity measure of tests/seeds: recall over clauses)."""
from __future__ import annotations

import pytest
from textutil import docx_lines, html_lines, recall, seed_segments

from generator.build import SPECS, Stage, check, library, read_spec
from generator.importer.run import import_document
from generator.render import RENDERERS

from .agreement import ROOT, SHOWCASE, agreement, items, resolved

READERS = {"html": html_lines, "docx": docx_lines}
TARGET = 0.99


@pytest.fixture(scope="module")
def drafts(documents):
    """(stem, fmt) → the Imported draft of that showcase document."""
    return {(stem, fmt): import_document(documents[stem][fmt]) for stem in SHOWCASE for fmt in ("docx", "html")}


def draft_path(stem: str):
    return ROOT / SPECS / stem.split("/")[0] / "imported.yaml"


@pytest.mark.parametrize("fmt", ["docx", "html"])
@pytest.mark.parametrize("stem", SHOWCASE)
def test_imported_items_agree_with_the_spec(drafts, stem, fmt):
    imported = drafts[(stem, fmt)]
    form, expected = resolved(ROOT / SPECS / f"{stem}.yaml")
    _, data = resolved(draft_path(stem), imported.text.encode("utf-8"))
    result = agreement(items(form, expected), items(form, data), loose=False)
    print(f"{stem} {fmt}: {result.equal}/{result.total} items agree ({result.share:.4f}); "
          f"filled {imported.filled}, marked {imported.marked}, not found {imported.missing}")
    assert result.share >= TARGET, "\n".join(result.differences[:20])


@pytest.mark.parametrize("fmt", ["docx", "html"])
@pytest.mark.parametrize("stem", SHOWCASE)
def test_every_standard_fragment_comes_back_as_a_reference(drafts, stem, fmt):
    written = (ROOT / SPECS / f"{stem}.yaml").read_text(encoding="utf-8").count("共通記載:")
    assert drafts[(stem, fmt)].text.count("共通記載:") == written


@pytest.mark.parametrize("fmt", ["docx", "html"])
@pytest.mark.parametrize("stem", SHOWCASE)
def test_rebuilt_document_has_the_original_text(drafts, built, stem, fmt):
    specs = ROOT / SPECS
    reading = read_spec(draft_path(stem), library(specs), specs, Stage.LAYOUT, raw=drafts[(stem, fmt)].text.encode())
    assert reading.document is not None, "\n".join(error.format() for error in reading.errors)
    original = "\n".join(READERS[fmt](built[stem][fmt]))
    rebuilt = "\n".join(READERS[fmt](RENDERERS[fmt](reading.document)))
    score, missing = recall(seed_segments(original), rebuilt)
    print(f"{stem} {fmt}: rebuilt recall {score:.4f}")
    assert score >= TARGET, "\n".join(missing[:20])


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_drafts_pass_pia_check(drafts, tmp_path, fmt):
    """A draft of a document that needs no person (nothing marked) passes pia check as it is."""
    specs = tmp_path / "specs"
    for stem in SHOWCASE:
        imported = drafts[(stem, fmt)]
        assert imported.marked == 0 and imported.missing == 0, stem
        path = specs / f"{stem}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(imported.text, encoding="utf-8")
    result = check(sorted(specs.rglob("*.yaml")), specs)
    assert not result.failed, "\n".join(error.format() for error in result.errors if not error.warning)
