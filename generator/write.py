"""Step 7: write rendered files into out/ atomically: a temp file beside the target, then rename,
so a crash or a full disk never leaves a partial document where the old one was."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
