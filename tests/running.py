"""`pia` run as a user runs it: a child process in a project folder, the checkout on PYTHONPATH (so
the test does not depend on how the package is installed), bounded by a timeout."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pia(project: Path, *arguments: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``pia ARGUMENTS`` in ``project``: its status, standard output and error as text."""
    return subprocess.run([sys.executable, "-m", "generator", *arguments], cwd=project, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT)})


def pia_without_crash(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """``pia`` as above, asserting it ended without a traceback or an internal error."""
    run = pia(project, *arguments)
    assert "Traceback" not in run.stderr and "内部エラー" not in run.stderr, run.stderr
    return run
