"""The 基礎項目評価書 showcase end to end: our rendering of specs/赤磐市/保育料の決定事務.yaml contains
the text of the published beginning it was transcribed from (research/refresh-2026-12/
kiso_akaiwa_partial.txt: cover, Ⅰ１–８, Ⅱ１ up to its first option).

The same normalisation as the seeds (textutil.normalise). One difference in cutting: the stored
copy joined the PDF's lines with spaces (its header says so) and lists a table's labels before its
values, so a clause running over a space spans cells our rendering prints apart (cut at clauses
only, recall is about 0.45 although every cell is there). Here white space is a boundary too, as a
line break is in the seeds; measured over the clauses of ≥ 12 characters (the seeds' measure) and
over every piece of ≥ 4 characters (nearly all the excerpt's text: this document is short).
"""
from __future__ import annotations

import re

import pytest
from textutil import docx_lines, html_lines, recall, seed_segments

STEM, EXCERPT, THRESHOLD = "赤磐市/保育料の決定事務", "kiso_akaiwa_partial.txt", 0.95
READERS = {"html": html_lines, "docx": docx_lines}


def excerpt_segments(excerpts_dir, minimum: int) -> list[str]:
    """The excerpt's text (not its # header) cut at clauses and at the spaces that joined its lines."""
    text = (excerpts_dir / EXCERPT).read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return seed_segments(re.sub(r"\s+", "\n", body), minimum)


@pytest.mark.parametrize("minimum", [12, 4])
@pytest.mark.parametrize("fmt", sorted(READERS))
def test_published_beginning_is_reproduced(built, excerpts_dir, fmt, minimum):
    segments = excerpt_segments(excerpts_dir, minimum)
    assert len(segments) > (10 if minimum == 12 else 50)
    score, missing = recall(segments, "\n".join(READERS[fmt](built[STEM][fmt])))
    print(f"{STEM} {fmt}: recall {score:.4f} over {len(segments)} segments of ≥ {minimum}, {len(missing)} missing")
    assert score >= THRESHOLD, "missing:\n" + "\n".join(missing)


def test_recall_detects_missing_text(built, excerpts_dir):
    """The measure can fail: without the 宣言 and the Ⅰ１ values, recall drops below the threshold."""
    segments = excerpt_segments(excerpts_dir, 4)
    text = "\n".join(html_lines(built[STEM]["html"]))
    for cut in ("赤磐市は、保育料の決定事務における", "保育所利用者の保育料の算出", "子育て支援課"):
        text = text.replace(cut, "")
    assert recall(segments, text)[0] < THRESHOLD
