"""Scenario folders: ``<name>/specs/`` is the input, ``<name>/expected.txt`` the exact output of
``pia check`` (exit status on the first line, then standard error), asserted verbatim.

Regenerate an expected file on purpose with: PIA_UPDATE_SCENARIOS=1 pytest tests/scenarios
"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

import pytest

from generator.__main__ import main

HERE = Path(__file__).resolve().parent
SCENARIOS = sorted(path for path in HERE.iterdir() if (path / "specs").is_dir())


def run_check(folder: Path) -> str:
    stderr, stdout = io.StringIO(), io.StringIO()
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            status = main(["check"])
    finally:
        os.chdir(cwd)
    return f"exit: {status}\n{stderr.getvalue()}"


@pytest.mark.parametrize("folder", SCENARIOS, ids=[path.name for path in SCENARIOS])
def test_scenario(folder):
    actual = run_check(folder)
    expected_file = folder / "expected.txt"
    if os.environ.get("PIA_UPDATE_SCENARIOS"):
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert "Traceback" not in actual


def test_there_are_scenarios():
    assert len(SCENARIOS) >= 5
