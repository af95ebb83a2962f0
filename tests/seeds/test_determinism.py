"""Output is deterministic: the same specs give byte-identical files in another folder, time zone
and process, so git and pull-request diffs stay quiet."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _build_copy(tmp_path: Path, name: str, timezone: str) -> dict[str, bytes]:
    project = tmp_path / name
    shutil.copytree(ROOT / "specs", project / "specs")
    environment = {**os.environ, "TZ": timezone, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": name[-1]}
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, env=environment, check=True,
                   capture_output=True)
    return {path.relative_to(project / "out").as_posix(): path.read_bytes()
            for path in sorted((project / "out").rglob("*")) if path.is_file()}


def test_builds_are_byte_identical_across_folders_and_time_zones(tmp_path):
    first = _build_copy(tmp_path, "a1", "UTC")
    second = _build_copy(tmp_path, "b2", "Asia/Tokyo")
    assert len(first) >= 6 and first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], name
