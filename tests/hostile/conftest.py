"""Start every selected case of the defect corpus (cases.py) at the beginning of the session, so they
run beside the older corpus (test_corpus.py) and beside each other.

Two pools: quick cases, one per core; and the cases that may run into the 20 s bound today (hangs,
memory and expansion bombs), several at once. A case stopped by the wall clock costs 20 s whatever
it does, so letting several share the cores costs little; the quick pool keeps the usual ones moving.
"""
from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from cases import CASES
from harness import ROOT, Case, Fifo, Link, run

__all__ = ["ROOT"]   # tests import ROOT from `conftest`, which may be this module or tests/conftest.py

BY_ID = {case.id: case for case in CASES}
QUICK, SLOW = max(2, os.cpu_count() or 2), 6


def slow(case: Case) -> bool:
    """Whether a case may run into the wall-clock bound on the current code."""
    devices = any(isinstance(value, Link) and value.target.startswith("/dev/") for value in case.files.values())
    pipes = any(isinstance(value, Fifo) for value in case.files.values())
    return case.kind == "budgets" or devices or pipes or case.wall > 20 or case.setup is not None


@pytest.fixture(scope="session", autouse=True)
def results(request, tmp_path_factory):
    """case id → Future[harness.Observed], for every case selected in this session."""
    selected = dict.fromkeys(item.callspec.params["case_id"] for item in request.session.items
                             if getattr(item, "callspec", None) and "case_id" in item.callspec.params)
    pools = {True: ThreadPoolExecutor(max_workers=SLOW), False: ThreadPoolExecutor(max_workers=QUICK)}
    futures: dict[str, Future] = {}
    for case_id in sorted(selected, key=lambda name: not slow(BY_ID[name])):    # the long ones first
        case = BY_ID[case_id]
        futures[case_id] = pools[slow(case)].submit(run, case, tmp_path_factory.mktemp(case_id, numbered=True))
    yield futures
    for pool in pools.values():
        pool.shutdown(wait=True, cancel_futures=True)
    if os.environ.get("PIA_HOSTILE_TIMES"):     # where the corpus's time goes: one line per case
        with open(os.environ["PIA_HOSTILE_TIMES"], "w", encoding="utf-8") as stream:
            for case_id, future in futures.items():
                if future.done() and not future.cancelled() and future.exception() is None:
                    observed = future.result()
                    stream.write(f"{observed.seconds:6.1f} {observed.status} {case_id}\n")
