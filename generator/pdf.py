"""PDF for publication: each DOCX converted by LibreOffice headless (Debian: libreoffice-writer-nogui)
with IPAex明朝 (fonts-ipaexfont) standing in for ＭＳ 明朝 (templates/pdf/fonts.conf), so the PDF
embeds one Japanese font. The PDF is tagged (a structure tree) and PDF/A-2b, in the DOCX's language
(ja-JP) and with its title and author; what LibreOffice takes from the clock is then set to fixed
values (pikepdf), so the same DOCX gives the same PDF bytes. Conversions run in parallel, each
LibreOffice with a profile of its own; the first page of each PDF, and of each HTML page printed by
headless Chromium, is saved as a PNG beside it for people to look at.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

from .errors import SpecError
from .render.docx import FIXED_TIME
from .resources import template

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
A4_PIXELS = "1240,1754"            # A4 at 150 dpi
# LibreOffice's PDF export options (filter writer_pdf_Export; given as JSON since LibreOffice 7.4):
# PDF/A-2b (SelectPdfVersion 2) and tagged. PDF/UA (PDFUACompliance) is left off: LibreOffice 7.4
# writes its identification, but the fixes its output needs to pass veraPDF came later (7.6, 24.2).
EXPORT = {"SelectPdfVersion": ("long", "2"), "UseTaggedPDF": ("boolean", "true")}
XMP_DATES = re.compile(rb"(<xmp:(CreateDate|ModifyDate|MetadataDate)>)[^<]*(</xmp:\2>)")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def missing_tools() -> list[SpecError]:
    if soffice() is None:
        return [SpecError("out", 1, 1, "PDF の変換には LibreOffice が必要です",
                          hint="apt-get install libreoffice-writer-nogui fonts-ipaexfont poppler-utils")]
    if importlib.util.find_spec("pikepdf") is None:
        return [SpecError("out", 1, 1, "PDF の変換には pikepdf が必要です", hint="pip install 'mynumber-pia[pdf]'")]
    return []


def export_filter() -> str:
    """The --convert-to argument: PDF through writer_pdf_Export with the options of ``EXPORT``."""
    options = {name: {"type": kind, "value": value} for name, (kind, value) in EXPORT.items()}
    return "pdf:writer_pdf_Export:" + json.dumps(options, separators=(",", ":"))


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
                        "--convert-to", export_filter(), "--outdir", str(work / "pdf"), *map(str, inputs)],
                       env=environment, capture_output=True, timeout=600, check=False)
        written = []
        for number, source in enumerate(docx_files):
            produced = work / "pdf" / f"{number:05d}.pdf"
            if produced.is_file():
                steady(produced)
                target = source.with_suffix(".pdf")
                shutil.move(produced, target.with_name(f".{target.name}.tmp"))
                os.replace(target.with_name(f".{target.name}.tmp"), target)
                written.append(target)
        return written


def steady(pdf: Path, stamp: datetime = FIXED_TIME) -> None:
    """What LibreOffice takes from the clock set to ``stamp`` (the DOCX's own dates), its
    /DocChecksum dropped, the file identifier made from the content (qpdf), objects packed."""
    # pikepdf is the [pdf] extra: imported by a PDF build only (missing_tools checks it is there)
    import pikepdf

    with pikepdf.open(pdf, allow_overwriting_input=True) as document:
        _restamp(document, stamp)
        for key in (pikepdf.Name.DocChecksum, pikepdf.Name.ID):    # LibreOffice's, differing per run
            if key in document.trailer:
                del document.trailer[key]
        # The structure tree's objects (some 13,000 in a 全項目評価書) in compressed object streams,
        # which PDF/A-2 allows: 0.8 MB instead of 2.1 MB. qpdf leaves the XMP stream uncompressed.
        document.save(pdf, deterministic_id=True, fix_metadata_version=False,
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _restamp(document, stamp: datetime) -> None:
    """The creation date of the document information and of the XMP metadata, and the date in the
    header of the sRGB profile of PDF/A's output intent, as ``stamp``."""
    from pikepdf import Name

    document.docinfo[Name.CreationDate] = stamp.strftime("D:%Y%m%d%H%M%SZ")
    metadata = document.Root.Metadata
    written = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    metadata.write(XMP_DATES.sub(rb"\g<1>" + written + rb"\g<3>", metadata.read_bytes()))
    for intent in document.Root.get(Name.OutputIntents, []):
        profile = intent.DestOutputProfile
        profile.write(zlib.compress(_dated_profile(profile.read_bytes(), stamp)), filter=Name.FlateDecode)


def _dated_profile(icc: bytes, stamp: datetime) -> bytes:
    """An ICC profile with ``stamp`` as its creation date (header bytes 24–35, six big-endian
    16-bit numbers); its profile ID (bytes 84–99) is all zero in LibreOffice's, so nothing else changes."""
    fields = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    return icc[:24] + struct.pack(">6H", *fields) + icc[36:]


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
