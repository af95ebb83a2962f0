"""PDF for publication, checked as a person sees it and as an archive and a screen reader read it:
LibreOffice's PDF of every showcase spec (text, fonts, page size; tagged, PDF/A-2b, ja-JP, title and
author; the same bytes from the same DOCX; the range header rows), the HTML printed by headless
Chromium (A4, one part a page, repeated table heads), and page-1 PNGs under out/ for people to look
at. One `pia build --pdf` (one LibreOffice pass) serves every test."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT
from seeds.test_fidelity import SEEDS
from showcase import derived
from textutil import recall, seed_segments

from generator.build import SPECS, discover, stem
from generator.forms import FORMS
from generator.forms.basic import SUFFIX
from generator.pdf import CHROMIUM_FLAGS, chromium, soffice, steady

A4_WIDTH, A4_HEIGHT = 595.3, 841.9
CJK = re.compile(r"IPAex|Noto.*CJK|Mincho|Gothic|明朝|ゴシック", re.I)
SHOWCASE = sorted(stem(path, ROOT / SPECS) for path in discover(ROOT / SPECS))
DOCUMENTS = SHOWCASE + derived(SHOWCASE)          # and the 基礎 beside each 重点/全項目 (issue 16)


def _require(tool: str | None, name: str) -> None:
    if tool is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} and poppler-utils must be installed by .ci/run")
        pytest.skip(f"{name} is not installed")


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """`pia build --pdf` of every seed spec; the out/ folder."""
    _require(soffice(), "LibreOffice")
    project = tmp_path_factory.mktemp("pdf")
    shutil.copytree(ROOT / "specs", project / "specs")
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--pdf"], cwd=project, capture_output=True,
                         text=True, timeout=900, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stdout + run.stderr
    return project / "out"


def pdf_text(pdf: Path) -> str:
    """The PDF's text in content order, without the footer's page numbers."""
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = [re.sub(r"\n\s*\d+\s*$", "", page.rstrip()) for page in raw.split("\f")]
    return "\n".join(pages)


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_pdf_text_reaches_the_docx_threshold(published, seeds_dir, stem):
    seed_file, threshold = SEEDS[stem]
    score, missing = recall(seed_segments((seeds_dir / seed_file).read_text(encoding="utf-8")),
                            pdf_text(published / f"{stem}.pdf"))
    print(f"{stem} pdf: recall {score:.4f}")
    assert score >= threshold, missing[:20]


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_pdf_embeds_a_japanese_font_and_no_type3(published, stem):
    listing = subprocess.run(["pdffonts", str(published / f"{stem}.pdf")], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "Type 3" not in line, line
        embedded = re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line)
        assert embedded and embedded.group(1) == "yes", f"not embedded: {line}"
    assert any(CJK.search(line) for line in listing), listing


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_no_pdf_page_is_wider_than_a4(published, stem):
    sizes = page_sizes(published / f"{stem}.pdf")
    assert len(sizes) >= 5
    assert all(width <= A4_WIDTH + 1 and height <= A4_HEIGHT + 1 for width, height in sizes), sizes


def pdf_info(pdf: Path) -> dict[str, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in info.splitlines() if ":" in line)


@pytest.mark.parametrize("stem", DOCUMENTS)
def test_pdf_is_tagged_pdf_a_2b_in_japanese_with_title_and_author(published, built, stem):
    own = stem.removesuffix(SUFFIX)
    entry = built[own]["basic"] if own != stem else built[own]
    pdf, document = published / f"{stem}.pdf", entry["document"]
    info = {key: value.strip() for key, value in pdf_info(pdf).items()}
    assert info["Tagged"] == "yes" and info["Title"] == document.name and info["Author"] == document.organisation
    with pikepdf.open(pdf) as opened:
        metadata = opened.open_metadata()
        assert (metadata.get("pdfaid:part"), metadata.get("pdfaid:conformance")) == ("2", "B")
        assert opened.Root.Lang == "ja-JP" and opened.Root.MarkInfo.Marked and opened.Root.OutputIntents
        assert not [node.Lang for node in _structure(opened.Root.StructTreeRoot) if "/Lang" in node and node.Lang != "ja-JP"]
    print(f"{stem}: PDF {info['PDF version']}, Tagged {info['Tagged']}, PDF/A-2B, /Lang ja-JP, {info['Pages']} pages, "
          f"Title {info['Title']!r}, Author {info['Author']!r}, CreationDate {info['CreationDate']!r}")


def _structure(node):
    """The structure elements under ``node``, depth first."""
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        if isinstance(kid, pikepdf.Dictionary):
            yield kid
            yield from _structure(kid)


def test_the_same_docx_gives_the_same_pdf_bytes(published, tmp_path):
    """What LibreOffice takes from the clock (creation dates, the output profile's date, the file
    identifier, its /DocChecksum) is set to fixed values: a PDF as another run of LibreOffice writes
    it, at another time, becomes the same bytes. (LibreOffice itself is the same one in both.)"""
    pdf = published / "赤磐市/保育料の決定事務.pdf"
    later = tmp_path / "later.pdf"
    with pikepdf.open(pdf) as opened:
        opened.docinfo.CreationDate = "D:20261201141845+09'00'"
        profile = opened.Root.OutputIntents[0].DestOutputProfile
        icc = profile.read_bytes()
        profile.write(icc[:24] + bytes([7, 234, 0, 12, 0, 1, 0, 14, 0, 18, 0, 45]) + icc[36:])
        metadata = opened.Root.Metadata
        metadata.write(metadata.read_bytes().replace(b"2000-01-01T00:00:00Z", b"2026-12-01T14:18:45+09:00"))
        opened.trailer.DocChecksum = pikepdf.Name("/0123456789ABCDEF0123456789ABCDEF")
        opened.save(later, fix_metadata_version=False)
    assert later.read_bytes() != pdf.read_bytes()
    steady(later)
    assert later.read_bytes() == pdf.read_bytes()


def test_the_range_header_rows_are_printed_in_the_pdf(published):
    """千葉市 全項目評価書: 1 システム… each block's range headers in the order of the form, entries or not."""
    text = pdf_text(published / "千葉市/国民年金に関する事務.pdf").replace(" ", "")
    form = FORMS[("全項目評価書", "平成30年5月")]
    heads = [item.range_heading(*span) for _, item in form.printed_items for span in item.ranges]
    places = [text.find(head) for head in heads]
    assert len(heads) == 16 and -1 not in places and places == sorted(places), dict(zip(heads, places))


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_page_one_pictures_are_left_for_people(published, stem):
    for picture in (f"{stem}.pdf.png", f"{stem}.html.png"):
        if picture.endswith(".html.png") and chromium() is None and not os.environ.get("CI"):
            continue
        assert (published / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", picture


def test_html_prints_on_a4_one_part_a_page_with_repeated_table_heads(published, tmp_path):
    _require(chromium(), "Chromium")
    stem = "いわき市/住民基本台帳事務"
    printed = tmp_path / "printed.pdf"
    assert print_html(published / f"{stem}.html", printed)
    sizes = page_sizes(printed)
    assert all(abs(width - A4_WIDTH) < 2 and abs(height - A4_HEIGHT) < 2 for width, height in sizes), sizes
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(printed), "-"], capture_output=True,
                         text=True, check=True).stdout.split("\f")
    tops = [page.strip().splitlines()[0] if page.strip() else "" for page in raw]
    for title in ("Ⅰ　基本情報", "Ⅱ　特定個人情報ファイルの概要", "Ⅳ　その他のリスク対策", "（別添３）　変更箇所"):
        assert any(top.replace(" ", "").startswith(title.replace("　", "")) for top in tops), (title, tops[:40])
    heads = [page for page in raw if "変更前の記載" in page]
    assert len(heads) >= 3, "the 変更箇所 table spans pages, and its head is printed on each"
    assert len(raw) > 20


def print_html(html: Path, pdf: Path) -> bool:
    """The HTML page printed to PDF by headless Chromium (its print stylesheet: A4, one part a page)."""
    browser = chromium()
    if browser is None:
        return False
    with tempfile.TemporaryDirectory(prefix="pia-chromium-") as profile:
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", html.resolve().as_uri()], capture_output=True, timeout=180,
                       check=False)
    return pdf.is_file()
