"""Rules of the 基礎項目評価書 and of its consistency with the 重点/全項目 document of the same spec
(issue 16, part 4; research/refresh-2026-12/refresh.md §1.3). The rest: 様式2 Ⅲ follows from Ⅱ and
Ⅴ１② / Ⅵ１② agree with it (thresholds.py); a value typed twice (check/located.py); every other rule
runs on the derived 基礎 too (``derived_errors``).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..errors import SpecError
from ..forms.items import ASSESSED, COUNTED_ON, DOCUMENTS
from ..forms.shape import shape
from ..read.load import position
from ..wareki import parse
from .subject import Subject


def document_kinds(subject: Subject) -> Iterator[SpecError]:
    """様式2 Ⅳ１ 提出する特定個人情報保護評価書の種類: the documents built for the 事務 (a 基礎-only
    spec builds the 基礎 alone; a 重点/全項目 spec its document and the 基礎, whose Ⅳ１ it derives)."""
    for visit in subject.role(DOCUMENTS):
        options = visit.item.options
        if visit.value in options.texts and options.levels[options.texts.index(visit.value)] != subject.level:
            built = options.texts[options.levels.index(subject.level)]
            yield subject.error(visit.path, f"提出する特定個人情報保護評価書の種類「{visit.value}」が、"
                                f"この仕様ファイルで作る評価書（{built}）と合いません", visit.item.key,
                                "重点項目評価書・全項目評価書の基礎項目評価書は、その仕様ファイルから作られます")


def counts_not_after_publication(subject: Subject) -> Iterator[SpecError]:
    """様式2 Ⅱ１・２ いつ時点の計数か: the counts carry their own as-of date (記載要領: the document
    speaks as of its 公表日, 「Ⅱ 1.対象人数」「Ⅱ 2.取扱者数」 excepted), never after the 公表日."""
    published = parse(str(subject.data.get("公表日") or ""))
    for visit in subject.role(COUNTED_ON):
        counted = parse(str(visit.value or ""))
        if published and counted and counted > published:
            yield subject.error(visit.path, f"いつ時点の計数か「{visit.value}」が公表日より後です", visit.item.key,
                                f"基礎項目評価書の公表日は {subject.data['公表日']}")


def assessed_before_basic(subject: Subject) -> Iterator[SpecError]:
    """重点 Ⅴ１① / 全項目 Ⅵ１① 基礎項目評価の実施日: the 基礎項目評価 is carried out by the day its
    基礎項目評価書 is published (refresh.md §1.3: the same day [BELIEF]; a document republished with
    changes keeps its 実施日, as 千葉市's 令和2年12月15日 under 公表日 令和6年9月13日)."""
    found = subject.derived
    published = parse(str(found.data.get("公表日") or "")) if found else None
    for visit in subject.role(ASSESSED) if published else ():
        done = parse(str(visit.value or ""))
        if done and done > published:
            yield subject.error(visit.path, f"基礎項目評価の実施日「{visit.value}」が、基礎項目評価書の公表日"
                                f"（{found.data['公表日']}）より後です", "実施日",
                                f"基礎項目評価書の公表日は「{found.part}:」の公表日、なければこの評価書の公表日です")


def derived_errors(subject: Subject, found: list[SpecError]) -> list[SpecError]:
    """The 基礎's findings (``found``) on what the spec's 基礎項目評価書 part holds: a value typed in
    the document itself is checked there, by the document's own rules, once."""
    part = {position(subject.spec.data, visit.path) for visit in shape(subject.form).visit(subject.data)
            if visit.slot.basic}
    return list(dict.fromkeys(error for error in found if (error.line, error.column) in part))
