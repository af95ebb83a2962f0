"""しきい値判断 (generator/thresholds.py, 指針 第5の2; research/ppc-rules.md §2.1): the level the
law requires from 対象人数, 取扱者数 and a 重大事故."""
from __future__ import annotations

import pytest

from generator.check.thresholds import BASIC, FOCUSED, FULL, NONE, required_level


@pytest.mark.parametrize("people, heavy, level", [
    ("1,000人未満", True, NONE), ("1,000人未満", False, NONE),
    ("1,000人以上1万人未満", True, BASIC), ("1,000人以上1万人未満", False, BASIC),
    ("1万人以上10万人未満", True, FOCUSED), ("1万人以上10万人未満", False, BASIC),
    ("10万人以上30万人未満", True, FULL), ("10万人以上30万人未満", False, FOCUSED),
    ("30万人以上", True, FULL), ("30万人以上", False, FULL),
])
def test_required_level(people, heavy, level):
    """heavy: 取扱者数 500人以上, or a 重大事故 in the past year."""
    assert required_level(people, heavy) == level


def test_an_unknown_band_requires_nothing_here():
    """An invalid 対象人数 is cerberus's error, not a second one from this rule."""
    assert required_level("たくさん", False) is None
