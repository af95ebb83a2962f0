"""`pia bench` on a handful of synthetic specs: every synthetic spec must build without errors (a
missing data folder once made a quarter of them fail and every figure meaningless)."""
from __future__ import annotations

import re

from conftest import ROOT

from generator.bench import CHECKED_SPEC, run_bench, time_check


def _figure(lines: list[str], label: str) -> str:
    return next(line[len(label):].strip() for line in lines if line.startswith(label))


def test_bench_builds_every_synthetic_spec_and_rebuilds_only_the_fragments_users():
    figures = run_bench(8, sample=2, jobs=1, runs=1)
    assert not figures.failed, "\n".join(figures.lines)
    # 7 of the 8 cycle through the 重点/全項目 seeds, each with its 基礎項目評価書 beside it (issue 16)
    assert "30 files, 0 errors," in _figure(figures.lines, "cold build, DOCX + HTML")
    assert _figure(figures.lines, "no-op rebuild").endswith("skipped 8")
    assert "rebuilt 2 of 8 (users of the fragment: 2)" in _figure(figures.lines, "one fragment changed")
    assert _figure(figures.lines, "DOCX speed-up against the baseline").endswith("x")


def test_bench_without_specs_is_an_error(tmp_path, monkeypatch, capsys):
    """Issue 14 #20: no specs/ (was FileNotFoundError) or one without a spec (ZeroDivisionError)."""
    from generator.__main__ import main
    monkeypatch.chdir(tmp_path)
    for prepare in (lambda: None, lambda: (tmp_path / "specs" / "fragments").mkdir(parents=True)):
        prepare()
        assert main(["bench", "--count", "2"]) == 1
        assert capsys.readouterr().err == ("エラー: 仕様フォルダ specs に評価書の仕様ファイルがありません"
                                           "（pia bench はその仕様ファイルを元に合成します）\n")


def test_bench_on_specs_with_errors_and_no_shared_fragment_says_so(tmp_path, monkeypatch, capsys):
    from generator.__main__ import main
    (tmp_path / "specs" / "x").mkdir(parents=True)
    (tmp_path / "specs" / "x" / "壊れ.yaml").write_text("様式: 重点項目評価書\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["bench", "--count", "2", "--jobs", "1", "--runs", "1"]) == 1
    captured = capsys.readouterr()
    assert "skipped: no fragments/中間サーバー.yaml" in _figure(captured.out.splitlines(), "one fragment changed")
    assert _figure(captured.out.splitlines(), "per document") == "skipped: no spec without errors"
    assert captured.err == "エラー: 合成した仕様ファイルにエラーがあり、数値は当てになりません\n"


def test_the_check_is_timed_against_bare_python():
    """The figures' function on one run each (the times themselves are not asserted)."""
    spec = ROOT / "specs" / CHECKED_SPEC
    check, bare, status = time_check(spec, ROOT / "specs", runs=1)
    assert status == 0 and check > 0 and bare > 0


def test_check_only_prints_the_check_figures_alone(capsys, monkeypatch):
    from generator.__main__ import main
    monkeypatch.chdir(ROOT)
    assert main(["bench", "--check-only", "--runs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "pia bench: one-spec check"
    assert _figure(lines, "one-spec pia check, median of 1 runs").endswith(f"ms (specs/{CHECKED_SPEC})")
    assert _figure(lines, "bare python -c pass, median of 1 runs").endswith(" ms")
    assert re.fullmatch(r"\d+\.\dx, \+-?\d+ ms", _figure(lines, "pia check against bare Python"))
    assert not any(line.startswith("cold build") for line in lines)
