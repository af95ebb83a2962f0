"""Reading a spec as it is now or as it was at a git revision, through the pipeline's one read path
(build.read_spec, as far as validation): the same guards and errors as ``pia check``.

A revision is read from a snapshot of its whole specs/ folder, so the spec is resolved with the
fragments of the same revision.
"""
from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..build import Stage, library, read_spec
from ..errors import GitError, SpecError
from ..forms import Form


@dataclass(frozen=True)
class Version:
    form: Form
    data: dict


def read_version(path: Path, specs: Path, raw: bytes | None = None) -> tuple[Version | None, list[SpecError]]:
    """The validated data of one spec file (or of ``raw``, its text as edited), resolved with the
    fragments under ``specs``; else None and the errors that stop it (warnings are not reported)."""
    reading = read_spec(path, library(specs), specs, Stage.VALIDATE, raw)
    errors = [error for error in reading.errors if not error.warning]
    if reading.form is None or errors:
        return None, errors
    return Version(reading.form, reading.data), []


def snapshot(revision: str, specs: Path, into: Path) -> Path:
    """Extract ``specs`` as it was at git ``revision`` (of the repository that holds it) into
    ``into``; return the extracted folder."""
    if revision.startswith("-"):           # git would take it as an option (--output=FILE writes a file)
        raise GitError(f"リビジョン「{revision}」は - で始まります（git のリビジョンは - で始まりません）")
    top = Path(_git("rev-parse", "--show-toplevel", cwd=specs.resolve()).decode().strip()).resolve()
    relative = specs.resolve().relative_to(top).as_posix()
    archive = _git("archive", "--format=tar", revision, relative, cwd=top)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter=_inside)
    return into / relative


def _inside(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """tarfile's data filter, except that a member it refuses (a symlink to an absolute path or
    out of the snapshot, a device) is left out instead of stopping the extraction: the snapshot
    lacks that file, as the reader would refuse it, and a spec that uses it is told so."""
    try:
        return tarfile.data_filter(member, destination)
    except tarfile.FilterError:
        return None


def _git(*arguments: str, cwd: Path | None = None) -> bytes:
    run = subprocess.run(["git", *arguments], cwd=cwd, capture_output=True)
    if run.returncode != 0:
        raise GitError(run.stderr.decode(errors="replace").strip())
    return run.stdout


def temporary_folder() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="pia-")
