"""しきい値判断 (generator/thresholds.py, 指針 第5の2; research/ppc-rules.md §2.1): the level the
law requires from 対象人数, 取扱者数 and a 重大事故."""
from __future__ import annotations

import pytest

from generator.check.thresholds import BASIC, FOCUSED, FULL, NONE, required_level
from generator.forms import options


@pytest.mark.parametrize("people, heavy, level", [
    ("1,000人未満", True, NONE), ("1,000人未満", False, NONE),
    ("1,000人以上1万人未満", True, BASIC), ("1,000人以上1万人未満", False, BASIC),
    ("1万人以上10万人未満", True, FOCUSED), ("1万人以上10万人未満", False, BASIC),
    ("10万人以上30万人未満", True, FULL), ("10万人以上30万人未満", False, FOCUSED),
    ("30万人以上", True, FULL), ("30万人以上", False, FULL),
])
def test_required_level(people, heavy, level):
    """heavy: 取扱者数 500人以上, or a 重大事故 in the past year; a band is its option number."""
    assert required_level(options.対象人数_全項目.texts.index(people), heavy) == level


def test_every_form_counts_its_bands_from_the_lowest_up():
    """様式2 prints 1,000人未満（任意実施）, 様式3 has no 30万人以上: the bands are the option numbers."""
    assert options.対象人数_基礎.texts[0] == "1,000人未満（任意実施）"
    assert required_level(options.対象人数_基礎.texts.index("1,000人以上1万人未満"), True) == BASIC
    assert options.対象人数.texts == options.対象人数_全項目.texts[:4]


def test_an_unknown_band_requires_nothing_here():
    """An invalid 対象人数 is cerberus's error, not a second one from this rule."""
    assert required_level(5, False) is None and required_level(-1, False) is None
