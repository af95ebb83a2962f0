from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generator.build import SPECS, build, check, discover, library, read_spec  # noqa: E402
from generator.forms.basic import SUFFIX  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
RESEARCH = ROOT.parent / "shared" / "research" / "refresh-2026-12"   # the 基礎項目評価書 excerpts


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """Every spec under specs/ built once: stem → {"docx": bytes, "html": bytes, "document": …}, and
    the 基礎項目評価書 a 重点/全項目 spec derives as "basic": {"docx": …, "html": …} (issue 16)."""
    out = tmp_path_factory.mktemp("out")
    specs = ROOT / SPECS
    result = build(discover(specs), specs, out)
    assert not result.failed, "\n".join(error.format() for error in result.errors)
    documents = check(discover(specs), specs).documents
    found = {document.stem: {"document": document,
                             "docx": (out / f"{document.stem}.docx").read_bytes(),
                             "html": (out / f"{document.stem}.html").read_bytes()}
             for document in documents}
    for path in discover(specs):
        basic = read_spec(path, library(specs), specs).basic
        if basic is not None:
            found[basic.stem.removesuffix(SUFFIX)]["basic"] = {
                "document": basic, **{fmt: (out / f"{basic.stem}.{fmt}").read_bytes() for fmt in ("docx", "html")}}
    return found


def _shared(folder: Path) -> Path:
    """A folder of ../shared: a skip where it is absent, a failure in CI (it must be there)."""
    if not folder.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{folder} is missing: CI must have ../shared beside the project")
        pytest.skip(f"{folder} is not present")
    return folder


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _shared(SEEDS)


@pytest.fixture(scope="session")
def excerpts_dir() -> Path:
    """The published beginnings of four 基礎項目評価書 (research/refresh-2026-12/kiso_*_partial.txt)."""
    return _shared(RESEARCH)
