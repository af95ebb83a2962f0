"""A build renders into out/.pia-staging-<pid>-XXXX; a build killed before its cleanup leaves it,
and the next build sweeps the folders of processes that no longer run (issue 14: 34)."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT

from generator.write import STAGING, staging_folder, sweep_staging


def _dead_pid() -> int:
    """The pid of a process that has ended (reaped: it cannot be a zombie either)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_staging_folder_is_inside_out_and_named_by_its_process(tmp_path):
    folder = staging_folder(tmp_path / "out")
    assert folder.parent == tmp_path / "out" and folder.is_dir()
    assert folder.name.startswith(f"{STAGING}{os.getpid()}-")


def test_the_sweep_removes_only_the_folders_of_ended_processes(tmp_path):
    out = tmp_path / "out"
    leftover = out / f"{STAGING}{_dead_pid()}-k1ll3d"
    (leftover / "x").mkdir(parents=True)
    (leftover / "x" / "spec.docx").write_bytes(b"half a document")
    running = staging_folder(out)                                   # this process: still building
    foreign = out / f"{STAGING}abcd"                                # not named by a build: not ours
    foreign.mkdir()
    (out / "x.docx").write_bytes(b"a document")
    (tmp_path / "elsewhere").mkdir()
    link = out / f"{STAGING}{_dead_pid()}-link"
    link.symlink_to(tmp_path / "elsewhere")
    assert sweep_staging(out) == [leftover]
    assert sorted(path.name for path in out.iterdir()) == sorted([running.name, foreign.name, link.name, "x.docx"])
    assert (tmp_path / "elsewhere").is_dir()


def test_the_sweep_of_a_missing_out_folder_does_nothing(tmp_path):
    assert sweep_staging(tmp_path / "out") == []
    assert not (tmp_path / "out").exists()


def test_git_ignores_a_staging_folder_left_beside_out():
    ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", f"{STAGING}1234-abcd/x.docx"], cwd=ROOT)
    assert ignored.returncode == 0
