"""The one way the tool reads a file: confined, regular, bounded (issue 14).

Every spec, fragment, law catalogue and amendment file goes through ``read_file``. It refuses a
path that resolves (symlinks included) outside the folder it must stay in, a symlink loop, what is
not a regular file (a FIFO would block for ever, /dev/zero never ends), and a file larger than the
limit — checked on the open file before anything is read, then bounded while reading.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_BYTES = 2_000_000   # the largest seed spec is ~0.3 MB; anything far larger is a mistake


class Refused(OSError):
    """A file the tool will not read; the message says why, in Japanese (an OSError, so what
    handles a file that cannot be read handles this one too)."""


def read_file(path: Path, within: Path | None = None, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes inside ``within``."""
    resolved = _resolved(path)
    if within is not None and not _inside(resolved, within):
        raise Refused(f"{within.as_posix()}/ の外を指しています（シンボリックリンクを確認してください）")
    try:
        handle = os.open(resolved, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise Refused(_reason(error)) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise Refused("通常のファイルではありません（フォルダ・FIFO・デバイスなど）")
        _check_size(status.st_size, limit)
        content = _read_up_to(handle, limit + 1)
    finally:
        os.close(handle)
    _check_size(len(content), limit)
    return content


def is_inside(path: Path, within: Path) -> bool:
    """Whether ``path`` is lexically inside ``within`` (before symlinks are followed): a spec found
    or named under specs/ must also resolve inside it."""
    return _inside(Path(os.path.abspath(path)), Path(os.path.abspath(within)), resolve=False)


def _read_up_to(handle: int, size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = os.read(handle, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        raise Refused("ファイルがありません") from None
    except RuntimeError:                      # Python 3.11 reports a symlink loop so
        raise Refused("シンボリックリンクが循環しています") from None
    except OSError as error:
        raise Refused(_reason(error)) from None


def _inside(path: Path, within: Path, resolve: bool = True) -> bool:
    """``resolve``: the folder is where its parent really is, under its own name — a folder that
    is itself a symlink elsewhere (specs/fragments → /elsewhere) confines nothing."""
    try:
        root = Path(os.path.realpath(within.parent)) / within.name if resolve else within
    except (OSError, RuntimeError, ValueError):
        return False
    return path == root or root in path.parents


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        raise Refused(f"ファイルが大きすぎます（{size:,} バイト、上限 {limit:,} バイト）")


_REASONS = {errno.EACCES: "読み取りの権限がありません", errno.EPERM: "読み取りの権限がありません",
            errno.ENOENT: "ファイルがありません", errno.ELOOP: "シンボリックリンクが循環しています",
            errno.ENAMETOOLONG: "ファイル名が長すぎます", errno.EISDIR: "フォルダです（ファイルではありません）",
            errno.ENOTDIR: "ファイルがありません"}


def _reason(error: OSError) -> str:
    return _REASONS.get(error.errno, f"読み込めません（{error.strerror or error}）")


def exists(path: Path) -> bool:
    """Whether a file is there to be read (a name too long to exist is not there)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def is_relative_name(name: str) -> bool:
    """A name of a file inside a folder (``番号法``, ``標準/見出し``): relative, without ``..`` or
    empty steps, each step short enough to be a file name."""
    steps = name.split("/")
    return (bool(name) and "\\" not in name and "\0" not in name
            and all(step not in ("", ".", "..") and len(step.encode("utf-8")) <= 200 for step in steps))
