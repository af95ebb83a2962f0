"""Issue 17, real published text: each seed file (../shared/seeds, text extracted by others from
the published PDFs) imported as it is, compared item by item with the showcase spec transcribed from
it. Agreement counts every item (a value marked 要確認 but right counts); precision is the share of
the items the draft fills *without* 要確認 that equal the spec — a wrong value must not pass silently.

Targets (issue 17): agreement ≥ 0.90 for 001 (well-ordered OCR text), as high as the extraction
allows for the page-scrambled 000 and 003 and the garbled 002; precision ≥ 0.97 on every seed. The
floors below are the levels reached (the note in the report gives the figures), so a change that
loses ground fails. Recall of the HTML rebuilt from each draft against the published text is
reported too.
"""
from __future__ import annotations

import pytest
from textutil import html_lines, recall, seed_segments

from generator.build import SPECS, Stage, library, read_spec
from generator.importer.run import import_document
from generator.layout.fill import build_document
from generator.render import RENDERERS

from .agreement import ROOT, agreement, items, resolved

# seed → (showcase spec, agreement floor, precision floor, rebuilt recall floor)
SEEDS = {
    "000_f2563614cbc67dc5.txt": ("いわき市/国民年金事務", 0.23, 0.97, 0.50),
    "001_c91ff3b7ff044dd1.txt": ("旭川市/国民年金に関する事務", 0.95, 0.97, 0.99),
    "002_c005cd5d64509972.txt": ("いわき市/住民基本台帳事務", 0.62, 0.97, 0.86),
    "003_36f852d2897e428a.txt": ("千葉市/国民年金に関する事務", 0.12, 0.97, 0.65),
}


@pytest.fixture(scope="module")
def imported(seeds_dir):
    """seed → (the Imported draft, its data with fragments resolved)."""
    found = {}
    for seed, (stem, *_) in SEEDS.items():
        draft = import_document(seeds_dir / seed)
        specs = ROOT / SPECS
        reading = read_spec(specs / stem.split("/")[0] / "imported.yaml", library(specs), specs, Stage.RESOLVE,
                            raw=draft.text.encode("utf-8"))
        assert reading.data is not None, "\n".join(error.format() for error in reading.errors)
        found[seed] = (draft, reading.data)
    return found


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_items_agree_and_what_is_filled_unmarked_is_right(imported, seed):
    stem, floor, precision, _ = SEEDS[seed]
    draft, data = imported[seed]
    form, expected = resolved(ROOT / SPECS / f"{stem}.yaml")
    result = agreement(items(form, expected), items(draft.form, data), loose=True, marked=draft.marked_paths)
    print(f"{seed} → {stem}: agreement {result.equal}/{result.total} = {result.share:.4f}; precision "
          f"{result.right}/{result.filled} = {result.precision:.4f}; filled {draft.filled}, marked {draft.marked}, "
          f"not found {draft.missing}")
    assert draft.form.name == form.name and draft.form.revision == form.revision
    assert result.share >= floor, "\n".join(result.differences[:30])
    assert result.precision >= precision


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_rebuilt_html_recall_against_the_published_text(imported, seeds_dir, seed):
    """What a draft, as imported, would print: recall over the published text's clauses."""
    draft, data = imported[seed]
    document = build_document(draft.form, data, "draft")
    segments = seed_segments((seeds_dir / seed).read_text(encoding="utf-8"))
    score, _ = recall(segments, "\n".join(html_lines(RENDERERS["html"](document))))
    print(f"{seed}: rebuilt HTML recall {score:.4f}")
    assert score >= SEEDS[seed][3]
