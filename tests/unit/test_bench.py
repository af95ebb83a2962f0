"""`pia bench` on a handful of synthetic specs: every synthetic spec must build without errors (a
missing data folder once made a quarter of them fail and every figure meaningless)."""
from __future__ import annotations

from generator.bench import run_bench


def _figure(lines: list[str], label: str) -> str:
    return next(line[len(label):].strip() for line in lines if line.startswith(label))


def test_bench_builds_every_synthetic_spec_and_rebuilds_only_the_fragments_users():
    figures = run_bench(8, sample=2, jobs=1)
    assert not figures.failed, "\n".join(figures.lines)
    assert "16 files, 0 errors," in _figure(figures.lines, "cold build, DOCX + HTML")
    assert _figure(figures.lines, "no-op rebuild").endswith("skipped 8")
    assert "rebuilt 2 of 8 (users of the fragment: 2)" in _figure(figures.lines, "one fragment changed")
    assert _figure(figures.lines, "DOCX speed-up against the baseline").endswith("x")
