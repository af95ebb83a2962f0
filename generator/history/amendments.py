"""The amendment file (specs/amendments/<施行日>-<名称>.yaml), read through the pipeline's reader
and checked like a spec (check/datafiles.py) before ``pia amend`` touches any spec."""
from __future__ import annotations

from pathlib import Path

from ..check.datafiles import amendment_errors
from ..errors import SpecError
from ..read.load import load_yaml


def load_amendment(path: Path) -> tuple[dict | None, list[SpecError]]:
    """The amendment at ``path``, or None and every problem in it."""
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None, errors
    errors = amendment_errors(loaded)
    return (None, errors) if errors else (loaded.plain, [])
