"""しきい値判断 (指針 第5の2, research/ppc-rules.md §2.1): which assessment the law requires.

From Ⅰ１③対象人数, the 取扱者数 and a 重大事故 in the past year (both from the 基礎項目評価, given in
the spec's optional ``しきい値判断`` mapping, which is not printed). A higher form chosen
voluntarily is fine; a lower one is an error, and so is a しきい値判断結果 that contradicts them.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import SpecError
from ..forms.items import PEOPLE, THRESHOLD_RESULT
from .subject import Subject

NONE, BASIC, FOCUSED, FULL = 0, 1, 2, 3     # Form.level: 2 重点項目評価書, 3 全項目評価書
NAMES = {NONE: "評価の義務なし", BASIC: "基礎項目評価", FOCUSED: "重点項目評価", FULL: "全項目評価"}

# 対象人数 → (level when 取扱者数 ≥ 500 or a 重大事故, level otherwise)
_BANDS = {"1,000人未満": (NONE, NONE), "1,000人以上1万人未満": (BASIC, BASIC),
          "1万人以上10万人未満": (FOCUSED, BASIC), "10万人以上30万人未満": (FULL, FOCUSED),
          "30万人以上": (FULL, FULL)}

# しきい値判断結果 (Ⅴ/Ⅵ １．②), by its option number, → the level it states
_STATED = {FOCUSED: (FOCUSED, BASIC, NONE), FULL: (FULL, FOCUSED, BASIC, NONE)}


def required_level(people: str, heavy: bool) -> int | None:
    band = _BANDS.get(people)
    return None if band is None else band[0 if heavy else 1]


def threshold_errors(subject: Subject) -> Iterator[SpecError]:
    """The chosen form is at least what the law requires, and the stated result agrees."""
    facts = subject.data.get(subject.form.threshold.key) or {} if subject.form.threshold else {}
    heavy = facts.get("取扱者数") == "500人以上" or facts.get("重大事故") == "発生あり"
    chosen = subject.form.level
    for visit in subject.role(PEOPLE):
        people = visit.value
        required = required_level(str(people), heavy)
        if required is None:
            continue
        if required > chosen:
            yield subject.error(visit.path, f"対象人数「{people}」では、しきい値判断により{NAMES[required]}が必要です"
                                f"（この評価書は{subject.form.name}）",
                                "対象人数", "対象人数・取扱者数・重大事故を確認してください")
        yield from _stated(subject, required)


def _stated(subject: Subject, required: int) -> Iterator[SpecError]:
    for visit in subject.role(THRESHOLD_RESULT):
        value, options = visit.value, visit.item.options.texts
        if value not in options:
            continue
        stated = _STATED[subject.form.level][options.index(value)]
        if stated != required:
            yield subject.error(visit.path,
                                f"しきい値判断結果「{value}」は対象人数等から求まる結果（{NAMES[required]}）と合いません",
                                "しきい値判断結果", "しきい値判断（取扱者数・重大事故）を確認してください")
