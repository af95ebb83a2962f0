"""The showcase specs as the tests name them. A plain module, not conftest.py: ``from conftest
import`` finds whichever conftest was imported first (tests/hostile has its own)."""
from __future__ import annotations

from running import ROOT

from generator.build import SPECS
from generator.forms.basic import SUFFIX


def derived(stems: list[str]) -> list[str]:
    """The 基礎項目評価書 the specs of ``stems`` (under specs/) derive: those that are not 基礎-only."""
    return [stem + SUFFIX for stem in stems
            if "\n様式: 基礎項目評価書" not in (ROOT / SPECS / f"{stem}.yaml").read_text(encoding="utf-8")]
