"""Progress of a batch build: a bar in a terminal (tqdm), plain lines elsewhere (CI, logs)."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def progress_bar(total: int) -> Iterator:
    """A callback to call once per processed spec."""
    if total < 20:
        yield None
    elif sys.stderr.isatty() and not os.environ.get("CI"):
        from tqdm import tqdm  # only a terminal shows the bar: a CI build does without it
        with tqdm(total=total, unit="件", desc="生成", file=sys.stderr, leave=False) as bar:
            yield lambda _outcome: bar.update(1)
    else:
        yield _lines(total)


def _lines(total: int):
    """A line at every tenth of the batch."""
    done = 0
    step = max(1, total // 10)

    def report(_outcome) -> None:
        nonlocal done
        done += 1
        if done % step == 0 or done == total:
            print(f"生成中: {done}/{total}", file=sys.stderr, flush=True)
    return report
