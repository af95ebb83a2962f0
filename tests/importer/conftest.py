"""The showcase documents once per session, as files to import: the DOCX and HTML the suite builds
(tests/conftest.py ``built``), and their PDFs from one LibreOffice run for all four (as pia build
--pdf makes them; skipped where LibreOffice is absent, unless CI is set)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pdf import convert, soffice

from .agreement import SHOWCASE


@pytest.fixture(scope="session")
def documents(built, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """stem → {"docx": path, "html": path} of the showcase documents."""
    folder = tmp_path_factory.mktemp("published")
    files: dict[str, dict[str, Path]] = {}
    for number, stem in enumerate(SHOWCASE):
        files[stem] = {}
        for fmt in ("docx", "html"):
            files[stem][fmt] = folder / f"{number}.{fmt}"
            files[stem][fmt].write_bytes(built[stem][fmt])
    return files


@pytest.fixture(scope="session")
def pdfs(documents) -> dict[str, Path]:
    """stem → the PDF LibreOffice makes of its DOCX."""
    if soffice() is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing: CI must install it")
        pytest.skip("LibreOffice (soffice) is not installed")
    written = convert([documents[stem]["docx"] for stem in SHOWCASE], jobs=1)
    assert len(written) == len(SHOWCASE), "LibreOffice did not convert every document"
    return {stem: documents[stem]["docx"].with_suffix(".pdf") for stem in SHOWCASE}
