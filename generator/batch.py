"""Running one function over many specs on all cores, in order: a process pool that knows nothing
of specs (build.py gives it the step to run). A few specs run in this process: a pool costs more
than it saves for them."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")


def run(step: Callable[[Task], Result], tasks: list[Task], jobs: int | None = None,
        progress: Callable[[Result], None] | None = None) -> list[Result]:
    """``step`` of every task, over ``jobs`` processes (all cores by default), in task order."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(tasks) < 4:
        return _reported(map(step, tasks), progress)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        chunk = max(1, min(16, len(tasks) // (jobs * 8)))
        return _reported(pool.map(step, tasks, chunksize=chunk), progress)


def _reported(results: Iterable[Result], progress) -> list[Result]:
    done = []
    for result in results:
        if progress is not None:
            progress(result)
        done.append(result)
    return done
