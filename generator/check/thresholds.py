"""しきい値判断 (指針 第5の2, research/ppc-rules.md §2.1): which assessment the law requires.

From 対象人数, the 取扱者数 and a 重大事故 in the past year, each found by its role: 様式2 prints them
(Ⅱ１–３); 様式3/4 print 対象人数 (Ⅰ１③) and take the other two from the spec's optional
``しきい値判断`` mapping, which is not printed (its 基礎 prints them as Ⅱ). A higher form chosen
voluntarily is fine; a lower one is an error, and so is a しきい値判断結果 that states another level:
様式2 Ⅲ follows from Ⅱ, and 重点 Ⅴ１② / 全項目 Ⅵ１② state what the 基礎's Ⅱ requires, in the
「任意に…を実施」 wording when the form is above it (issue 16). Each option's level is form data
(Options.levels).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import SpecError
from ..forms.items import BASIC, FOCUSED, FULL, HANDLERS, NONE, PEOPLE, RECENT_INCIDENT, THRESHOLD_RESULT, Item
from .subject import Subject

__all__ = ["BASIC", "FOCUSED", "FULL", "NAMES", "NONE", "required_level", "threshold_errors"]

NAMES = {NONE: "評価の義務なし", BASIC: "基礎項目評価", FOCUSED: "重点項目評価", FULL: "全項目評価"}

# 対象人数, by its option number from the lowest band up (1,000人未満 … 30万人以上; 様式3 stops at
# 10万人以上30万人未満) → (level when 取扱者数 ≥ 500 or a 重大事故, level otherwise)
_BANDS = ((NONE, NONE), (BASIC, BASIC), (FOCUSED, BASIC), (FULL, FOCUSED), (FULL, FULL))


def required_level(band: int, heavy: bool) -> int | None:
    """The level 対象人数 option ``band`` (from 0) requires; None for no band."""
    return _BANDS[band][0 if heavy else 1] if 0 <= band < len(_BANDS) else None


def threshold_errors(subject: Subject) -> Iterator[SpecError]:
    """The assessment the 事務 gets is at least what the law requires, and the stated result agrees."""
    heavy = _chosen(subject, HANDLERS) == "500人以上" or _chosen(subject, RECENT_INCIDENT) == "発生あり"
    for visit in subject.role(PEOPLE):
        people, options = visit.value, visit.item.options.texts
        required = required_level(options.index(people), heavy) if people in options else None
        if required is None:
            continue
        if required > subject.level:
            yield subject.error(visit.path, f"対象人数「{people}」では、しきい値判断により{NAMES[required]}が必要です"
                                f"（この評価書は{subject.form.name}）",
                                "対象人数", "対象人数・取扱者数・重大事故を確認してください")
        yield from _stated(subject, required)


def _chosen(subject: Subject, role: str) -> object:
    """The answer to the しきい値判断 fact with ``role`` (取扱者数, 重大事故), if given."""
    return next((visit.value for visit in subject.role(role)), None)


def _stated(subject: Subject, required: int) -> Iterator[SpecError]:
    for visit in subject.role(THRESHOLD_RESULT):
        value, options = visit.value, visit.item.options
        if value not in options.texts or options.levels[options.texts.index(value)] == required:
            continue
        if subject.form.basic is None:      # 様式2 Ⅲ: follows from Ⅱ
            yield subject.error(visit.path,
                                f"しきい値判断結果「{value}」は対象人数等から求まる結果（{NAMES[required]}）と合いません",
                                "しきい値判断結果", "しきい値判断（取扱者数・重大事故）を確認してください")
        else:                               # 重点 Ⅴ１② / 全項目 Ⅵ１②: the 基礎's Ⅲ, in this form's words
            yield subject.error(visit.path, f"しきい値判断結果「{value}」が、基礎項目評価書のしきい値判断項目から"
                                f"求まる結果「{_wording(_result(subject.form.basic), required)}」と合いません",
                                "しきい値判断結果", _hint(visit.item, required))


def _result(form) -> Item:
    """The しきい値判断結果 item of ``form`` (様式2 Ⅲ)."""
    return next(item for _, item in form.printed_items if item.role == THRESHOLD_RESULT)


def _wording(item: Item, level: int) -> str:
    """The option of ``item`` stating ``level`` (「任意に…を実施」 where it is below the form's)."""
    levels = item.options.levels
    return item.options.texts[levels.index(level)] if level in levels else NAMES[level]


def _hint(item: Item, required: int) -> str:
    if required in item.options.levels:
        return f"この評価書では「{_wording(item, required)}」と書きます。基礎項目評価書のⅢはこの記載から作られます"
    return "対象人数・取扱者数・重大事故を確認してください"
