"""PDF for publication: each DOCX converted by LibreOffice headless (Debian: libreoffice-writer-nogui)
with IPAex明朝 (fonts-ipaexfont) standing in for ＭＳ 明朝 (templates/pdf/fonts.conf), so the PDF
embeds one Japanese font. Conversions run in parallel, each LibreOffice with a profile of its own;
the first page of each PDF, and of each HTML page printed by headless Chromium, is saved as a PNG
beside it for people to look at.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import SpecError
from .resources import template

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
A4_PIXELS = "1240,1754"            # A4 at 150 dpi


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def missing_tools() -> list[SpecError]:
    if soffice() is None:
        return [SpecError("out", 1, 1, "PDF の変換には LibreOffice が必要です",
                          hint="apt-get install libreoffice-writer-nogui fonts-ipaexfont poppler-utils")]
    return []


def convert(docx_files: list[Path], jobs: int | None = None) -> list[Path]:
    """Convert each DOCX to a PDF beside it (atomically); return the PDFs written."""
    if not docx_files:
        return []
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(docx_files)))
    batches = [docx_files[index::jobs] for index in range(jobs)]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return [pdf for written in pool.map(_convert_batch, batches) for pdf in written]


def _convert_batch(docx_files: list[Path]) -> list[Path]:
    """One LibreOffice, one profile, several files: inputs are copied under numbered names, since
    documents of different bodies share file names (国民年金に関する事務.docx)."""
    with tempfile.TemporaryDirectory(prefix="pia-pdf-") as folder:
        work = Path(folder)
        inputs = []
        for number, source in enumerate(docx_files):
            inputs.append(work / "in" / f"{number:05d}.docx")
            inputs[-1].parent.mkdir(exist_ok=True)
            shutil.copyfile(source, inputs[-1])
        environment = {**os.environ, "FONTCONFIG_FILE": str(template("pdf/fonts.conf")), "HOME": folder}
        subprocess.run([soffice(), f"-env:UserInstallation=file://{work / 'profile'}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(work / "pdf"), *map(str, inputs)],
                       env=environment, capture_output=True, timeout=600, check=False)
        written = []
        for number, source in enumerate(docx_files):
            produced = work / "pdf" / f"{number:05d}.pdf"
            if produced.is_file():
                target = source.with_suffix(".pdf")
                shutil.move(produced, target.with_name(f".{target.name}.tmp"))
                os.replace(target.with_name(f".{target.name}.tmp"), target)
                written.append(target)
        return written


def first_page_png(pdf: Path) -> Path | None:
    """Page 1 of a PDF as <name>.pdf.png (pdftoppm, poppler-utils)."""
    if shutil.which("pdftoppm") is None:
        return None
    stem = pdf.with_name(pdf.name)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
                   capture_output=True, timeout=120, check=False)
    png = stem.with_name(stem.name + ".png")
    return png if png.is_file() else None


def html_screenshot(html: Path) -> Path | None:
    """The top of an HTML page as headless Chromium shows it, <name>.html.png."""
    browser = chromium()
    if browser is None:
        return None
    png = html.with_name(html.name + ".png")
    with tempfile.TemporaryDirectory(prefix="pia-chromium-") as profile:
        subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={A4_PIXELS}",
                        f"--screenshot={png}", html.resolve().as_uri()], capture_output=True, timeout=120,
                       check=False)
    return png if png.is_file() else None
