"""Step 7: write rendered files into out/ atomically: a temp file beside the target, then rename,
so a crash or a full disk never leaves a partial document where the old one was.

A build renders into a staging folder inside out/ first (``staging_folder``); one killed before
its cleanup (SIGKILL, power loss) leaves that folder behind, and the next build removes it
(``sweep_staging``): each is named with the pid of the process that made it."""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

STAGING = ".pia-staging-"


def write_atomic(target: Path, content: bytes) -> bool:
    """Write ``content`` to ``target``; return False (and leave the file alone) when unchanged."""
    if target.is_file() and target.read_bytes() == content:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def move_atomic(staged: Path, target: Path) -> bool:
    """Move a staged file onto ``target`` with one rename; False (staged file dropped) when the
    target already holds the same bytes, so unchanged documents keep their timestamps."""
    if target.is_file() and target.read_bytes() == staged.read_bytes():
        staged.unlink()
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(staged, 0o644)
    os.replace(staged, target)
    return True


def staging_folder(out: Path) -> Path:
    """A new folder for one build's rendered files, inside ``out`` (so the final renames stay on
    one file system, and what a killed build leaves is in the git-ignored out/):
    ``out/.pia-staging-<pid>-XXXX``."""
    out.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=out))


def sweep_staging(out: Path) -> list[Path]:
    """Remove the staging folders in ``out`` whose process no longer runs (a build killed before
    its cleanup); a running build's folder, or one not named by us, is kept. Returns those removed."""
    leftovers = [folder for folder in sorted(out.glob(STAGING + "*")) if _abandoned(folder)]
    for folder in leftovers:
        shutil.rmtree(folder, ignore_errors=True)
    return leftovers


def _abandoned(folder: Path) -> bool:
    """A folder (not a link) named by a build whose process no longer runs."""
    owner = _owner(folder.name)
    return folder.is_dir() and not folder.is_symlink() and owner is not None and not _running(owner)


def _owner(name: str) -> int | None:
    """The pid in ``.pia-staging-<pid>-XXXX``."""
    digits = name[len(STAGING):].split("-", 1)[0]
    return int(digits) if digits.isascii() and digits.isdigit() else None


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)                     # signal 0: only asks whether the process exists
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:                 # it exists, and belongs to another user
        return True
    return True


_REASONS = {errno.EACCES: "書き込みの権限がありません", errno.EPERM: "書き込みの権限がありません",
            errno.EROFS: "読み取り専用の場所です", errno.ENOSPC: "空き容量がありません",
            errno.ENOENT: "フォルダがありません", errno.ENOTDIR: "フォルダではありません"}


def write_reason(error: OSError) -> str:
    """Why a file could not be written, in Japanese (the OS says it in English)."""
    return _REASONS.get(error.errno, error.strerror or str(error))
