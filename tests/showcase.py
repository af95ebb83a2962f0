"""The showcase specs as the tests name them. A plain module, not conftest.py: ``from conftest
import`` finds whichever conftest was imported first (tests/hostile has its own)."""
from __future__ import annotations

from pathlib import Path

from generator.build import SPECS
from generator.forms.basic import SUFFIX

ROOT = Path(__file__).resolve().parents[1]


def derived(stems: list[str]) -> list[str]:
    """The 基礎項目評価書 the specs of ``stems`` (under specs/) derive: those that are not 基礎-only."""
    return [stem + SUFFIX for stem in stems
            if "\n様式: 基礎項目評価書" not in (ROOT / SPECS / f"{stem}.yaml").read_text(encoding="utf-8")]
