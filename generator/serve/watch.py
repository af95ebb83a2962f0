"""What `pia serve` reloads on: a count of saves, bumped by a watchfiles thread (inotify on Linux)
and waited on by the pages' event streams.

A page is rendered at a count and asks to be told when the count has passed it, so a save made
while it was rendered or before its stream connected still reloads it. The count starts at the
clock (milliseconds), so a page left open while the server was restarted is past every count it
knew and reloads as soon as its stream reconnects.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from watchfiles import Change, DefaultFilter, watch

from ..errors import display_path

SPEC_SUFFIXES = (".yaml", ".yml")
STEP_MS = 30            # a burst of events (an editor's save: write, rename) is one change
_ORDINARY = DefaultFilter()


class Changes:
    """The number of saves seen so far; ``wait_past`` blocks until it moves or the server stops."""

    def __init__(self) -> None:
        self.count = time.time_ns() // 1_000_000
        self.closed = False
        self._moved = threading.Condition()

    def bump(self) -> None:
        with self._moved:
            self.count += 1
            self._moved.notify_all()

    def close(self) -> None:
        with self._moved:
            self.closed = True
            self._moved.notify_all()

    def wait_past(self, seen: int, timeout: float) -> int:
        """The count once it is past ``seen``, or as it is after ``timeout`` seconds or on close."""
        with self._moved:
            self._moved.wait_for(lambda: self.count > seen or self.closed, timeout)
            return self.count


class _Stop:
    """The stop flag watchfiles polls every step, from its first step on: that first poll also
    says the folders are being watched (the watches are set before it), so a save from then on
    is seen."""

    def __init__(self) -> None:
        self.stopped, self.watching = threading.Event(), threading.Event()

    def set(self) -> None:
        self.stopped.set()

    def is_set(self) -> bool:
        self.watching.set()
        return self.stopped.is_set()


class Watcher:
    """A thread watching the specs folder, the template folders (the project's own and the shipped
    ones: resources.template_folders) and specs named outside the folder."""

    def __init__(self, specs: Path, templates: list[Path], named: list[Path], changes: Changes) -> None:
        self.specs, self.templates = _real(specs), [_real(folder) for folder in templates]
        self.named = {_real(path) for path in named}
        self.changes, self.stop = changes, _Stop()
        folders = {self.specs, *self.templates} | {path.parent for path in self.named}
        self.roots = sorted(folder for folder in folders if folder.is_dir())
        self._thread = threading.Thread(target=self._run, name="pia-watch", daemon=True)

    def start(self, timeout: float = 10.0) -> None:
        """Start watching; returns once the watches are set (or the thread has given up)."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while self._thread.is_alive() and not self.stop.watching.wait(0.05) and time.monotonic() < deadline:
            continue

    def close(self) -> None:
        self.stop.set()                       # watchfiles looks at it every step
        self._thread.join(timeout=2)

    def counts(self, change: Change, path: str) -> bool:
        """A saved spec, fragment or law file (YAML under the specs folder), a named spec or a
        template; not an editor's swap or backup file (watchfiles' default filter)."""
        if not _ORDINARY(change, path):
            return False
        where = _real(Path(path))
        if where in self.named or any(_under(where, folder) for folder in self.templates):
            return True
        return _under(where, self.specs) and where.suffix in SPEC_SUFFIXES

    def _run(self) -> None:
        try:
            for batch in watch(*self.roots, watch_filter=self.counts, step=STEP_MS, stop_event=self.stop,
                               rust_timeout=1000, raise_interrupt=False):
                saved = sorted({display_path(Path(path)) for _change, path in batch})
                print("保存: " + "、".join(saved[:5]) + (f" ほか{len(saved) - 5}件" if len(saved) > 5 else ""),
                      file=sys.stderr, flush=True)
                self.changes.bump()
        except (OSError, RuntimeError) as error:      # no inotify left (fs.inotify.max_user_watches)
            print(f"警告: ファイルの変更を監視できません（{error}）。保存後はページを手で再読み込みしてください",
                  file=sys.stderr)


def _real(path: Path) -> Path:
    # inotify reports the folder's real path; a specs folder reached through a symlink compares so too
    return Path(os.path.realpath(path))


def _under(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents
