"""`pia bench`: build N synthetic specs (variations of the seed specs, both forms) cold, again with
nothing changed, and after changing one shared fragment; time DOCX against plain docxtpl; time a
one-spec `pia check` as a user runs it (a new process) against bare Python (`--check-only`: that alone).

Figures are ratios and rates measured in one run on one machine; nothing here asserts a time.
"""
from __future__ import annotations

import io
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from docxtpl import DocxTemplate

from .build import FRAGMENTS, NOT_SPECS, SPECS, build, check, discover
from .layout.document import Document
from .render.docx import render_docx, template_path
from .render.environment import environment
from .render.html import render_html

_KEYS = re.compile(r"^(評価書番号|評価書名|評価実施機関名|特記事項):.*$", re.M)
CHANGED_FRAGMENT = ("中間サーバー.yaml", "中間サーバー・プラットフォームをデータセンターに構築し",
                    "中間サーバー・プラットフォームを専用のデータセンターに構築し")
CHECKED_SPEC = "旭川市/国民年金に関する事務.yaml"     # the one issue 15 times (else the first seed)
CHECK_RUNS = 15


@dataclass
class Figures:
    lines: list[str]
    failed: bool = False            # a synthetic spec with errors makes every figure meaningless
    error: str = ""                 # why nothing could be measured

    def add(self, label: str, value: str) -> None:
        self.lines.append(f"{label:<44} {value}")

    def add_build(self, label: str, result, seconds: float) -> None:
        """A build's figures; a document is a DOCX and an HTML (a 重点/全項目 spec makes two: its
        own and the 基礎項目評価書 beside it)."""
        errors = sum(1 for error in result.errors if not error.warning)
        self.failed |= errors > 0
        self.add(label, f"{seconds:.1f} s, {len(result.written) / 2 / seconds:.1f} documents/s, {len(result.written)} files, "
                        f"{errors} errors, {len(result.errors) - errors} warnings")


def synthesise(seeds: list[Path], count: int, specs: Path) -> list[Path]:
    """``count`` specs cycling through the seeds, each with its own 機関, 番号, 名称 and text."""
    texts = [seed.read_text(encoding="utf-8") for seed in seeds]
    paths = []
    for index in range(count):
        text = _KEYS.sub(lambda match, i=index: _vary(match.group(1), match.group(0), i), texts[index % len(texts)])
        path = specs / "合成" / f"{index:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _vary(key: str, line: str, index: int) -> str:
    value = {"評価書番号": str(index + 1), "評価実施機関名": f"合成{index // 40:03d}市長",
             "特記事項": f"合成データ{index}号の特記事項"}.get(key)
    return f"{key}: {value}" if value else f"{line}（合成{index}）"


def run_bench(count: int, source: Path = SPECS, sample: int = 20, jobs: int | None = None,
              runs: int = CHECK_RUNS, check_only: bool = False) -> Figures:
    """The figures of one run; none, with the reason, when ``source`` holds no spec to cycle."""
    seeds = discover(source) if source.is_dir() else []
    if not seeds:
        return Figures([], failed=True, error=f"仕様フォルダ {source.as_posix()} に評価書の仕様ファイルがありません"
                                              "（pia bench はその仕様ファイルを元に合成します）")
    figures = Figures([f"pia bench: {'one-spec check' if check_only else f'{count} specs'}"])
    if not check_only:
        _synthetic(figures, seeds, count, source, sample, jobs)
    _check_time(figures, next((seed for seed in seeds if seed == source / CHECKED_SPEC), seeds[0]), source, runs)
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    figures.add("peak RSS (largest process)", f"{peak:.0f} MB")
    return figures


def _synthetic(figures: Figures, seeds: list[Path], count: int, source: Path, sample: int, jobs: int | None) -> None:
    """The build figures, on ``count`` specs made from the seeds in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="pia-bench-") as folder:
        specs = Path(folder) / "specs"
        for name in sorted(NOT_SPECS & {path.name for path in source.iterdir()}):
            shutil.copytree(source / name, specs / name)      # fragments and the 法令 the specs cite
        paths = synthesise(seeds, count, specs)
        _builds(figures, paths, specs, Path(folder) / "out", jobs)
        _per_document(figures, paths[:sample], specs)


def _builds(figures: Figures, paths: list[Path], specs: Path, out: Path, jobs: int | None) -> None:
    """Cold, no-op, and after one shared fragment changed (when the specs have that fragment)."""
    cold = _timed(lambda: build(paths, specs, out, jobs=jobs))
    figures.add_build("cold build, DOCX + HTML", *cold)
    noop = _timed(lambda: build(paths, specs, out, jobs=jobs))
    figures.add("no-op rebuild", f"{noop[1]:.2f} s, skipped {len(noop[0].skipped)}")
    users = _change_fragment(specs, paths)
    if users is None:
        figures.add("one fragment changed", f"skipped: no {FRAGMENTS}/{CHANGED_FRAGMENT[0]}")
        return
    changed = _timed(lambda: build(paths, specs, out, jobs=jobs))
    figures.failed |= changed[0].failed
    figures.add("one fragment changed", f"{changed[1]:.1f} s, rebuilt {len(changed[0].rebuilt)} "
                f"of {len(paths)} (users of the fragment: {users})")


def _per_document(figures: Figures, paths: list[Path], specs: Path) -> None:
    """Per-document render times on the same documents: compiled path against plain docxtpl."""
    documents = check(paths, specs).documents
    if not documents:                                              # every seed has errors
        figures.add("per document", "skipped: no spec without errors")
        return
    render_docx(documents[0])                                      # compile once, as a worker does
    fast = _timed(lambda: [render_docx(d) for d in documents])[1] / len(documents)
    plain = _timed(lambda: [render_docx_plain(d) for d in documents])[1] / len(documents)
    html = _timed(lambda: [render_html(d) for d in documents])[1] / len(documents)
    figures.add("DOCX per document (compiled template)", f"{fast * 1000:.1f} ms")
    figures.add("DOCX per document (plain docxtpl baseline)", f"{plain * 1000:.1f} ms")
    figures.add("DOCX speed-up against the baseline", f"{plain / fast:.1f}x")
    figures.add("HTML per document", f"{html * 1000:.1f} ms")


def _change_fragment(specs: Path, paths: list[Path]) -> int | None:
    """Change one shared fragment; the number of specs that use it (None: there is no such file)."""
    name, old, new = CHANGED_FRAGMENT
    fragment = specs / FRAGMENTS / name
    if not fragment.is_file():
        return None
    fragment.write_text(fragment.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return sum(1 for path in paths if "中間サーバー/" in path.read_text(encoding="utf-8"))


def _check_time(figures: Figures, spec: Path, specs: Path, runs: int) -> None:
    """The one-spec check's wall time, next to Python's own start-up measured in the same run."""
    check, bare, status = time_check(spec, specs, runs)
    figures.add(f"one-spec pia check, median of {runs} runs", f"{check * 1000:.0f} ms ({spec.as_posix()}"
                + (f", exit status {status})" if status else ")"))
    figures.add(f"bare python -c pass, median of {runs} runs", f"{bare * 1000:.0f} ms")
    figures.add("pia check against bare Python", f"{check / bare:.1f}x, +{(check - bare) * 1000:.0f} ms")


def time_check(spec: Path, specs: Path, runs: int) -> tuple[float, float, int]:
    """Median wall seconds of ``runs`` runs of `pia check SPEC` and of `python -c pass`, taken in
    turn so that both see the same load, and the check's exit status. A first, untimed run writes
    the bytecode caches: the figure is of a user's second run, not of compiling pia."""
    command = [sys.executable, "-m", "generator", "check", "--specs-dir", str(specs), str(spec)]
    _run(command)
    checks, bare = [], []
    for _ in range(runs):
        bare.append(_run([sys.executable, "-c", "pass"])[1])
        status, seconds = _run(command)
        checks.append(seconds)
    return statistics.median(checks), statistics.median(bare), status


def _run(command: list[str]) -> tuple[int, float]:
    """Exit status and wall seconds of ``command``: this pia (on PYTHONPATH), bytecode cached."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    package = str(Path(__file__).resolve().parents[1])
    environment["PYTHONPATH"] = os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))
    started = time.perf_counter()
    done = subprocess.run(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return done.returncode, time.perf_counter() - started


def _timed(call):
    started = time.perf_counter()
    value = call()
    return value, time.perf_counter() - started


def run_import_bench(out: Path, runs: int = 2) -> Figures:
    """``pia bench --import-only``: ``pia import`` of the longest PDF under ``out`` (as pia build
    --pdf makes them) and of its DOCX and HTML, the best of ``runs``; the time per 50 pages."""
    from .importer.pdf_source import page_count  # only this measure reads PDFs
    pdfs = sorted(out.rglob("*.pdf")) if out.is_dir() else []
    if not pdfs:
        return Figures([], failed=True, error=f"{out.as_posix()} に PDF がありません（pia build --pdf で作ってください）")
    longest = max(pdfs, key=lambda pdf: (page_count(pdf), pdf.as_posix()))
    pages = page_count(longest)
    figures = Figures([f"pia bench --import-only: {longest.as_posix()} ({pages} pages)"])
    seconds = {source.suffix: _import_seconds(figures, source, runs)
               for source in (longest, longest.with_suffix(".docx"), longest.with_suffix(".html")) if source.is_file()}
    figures.add("import PDF per 50 pages (target 5 s)", f"{seconds['.pdf'] * 50 / max(pages, 1):.2f} s")
    return figures


def _import_seconds(figures: Figures, source: Path, runs: int) -> float:
    """The best of ``runs`` imports of ``source``; a document that cannot be imported fails the run."""
    from .errors import SpecError
    from .importer.run import import_document
    results = [_timed(lambda: import_document(source)) for _ in range(runs)]
    figures.failed |= any(isinstance(result, SpecError) for result, _ in results)
    best = min(seconds for _, seconds in results)
    figures.add(f"import {source.suffix[1:].upper()}", f"{best:.2f} s")
    return best


def render_docx_plain(document: Document) -> bytes:
    """The plain docxtpl path (parse, patch, compile, render, save per document): the benchmark's
    baseline, and the reference the compiled path is tested against (tests/render)."""
    plain = DocxTemplate(template_path())
    plain.render({"doc": document}, jinja_env=environment())
    buffer = io.BytesIO()
    plain.save(buffer)
    return buffer.getvalue()
