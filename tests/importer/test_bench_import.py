"""`pia bench --import-only`: the import of the longest PDF (and its DOCX and HTML) timed; without a
PDF it says so. The time is a figure, not asserted (shared machines vary)."""
from __future__ import annotations

import re

from generator.bench import run_import_bench


def test_the_longest_pdf_is_imported_and_timed(pdfs):
    folder = next(iter(pdfs.values())).parent
    figures = run_import_bench(folder, runs=1)
    print("\n".join(figures.lines))
    pages = re.search(r"\((\d+) pages\)", figures.lines[0])
    assert not figures.failed and pages and int(pages.group(1)) >= 50      # 千葉市, the longest showcase
    assert [line.split()[1] for line in figures.lines[1:4]] == ["PDF", "DOCX", "HTML"]
    assert figures.lines[-1].startswith("import PDF per 50 pages (target 5 s)")


def test_without_a_pdf_it_says_so(tmp_path):
    figures = run_import_bench(tmp_path)
    assert figures.failed and figures.error == f"{tmp_path.as_posix()} に PDF がありません（pia build --pdf で作ってください）"
