"""Step 4: cross-field rules over a validated spec, each a small function returning SpecErrors.

Sources: research/ppc-rules.md §2 (しきい値判断, 意見聴取), form3-inventory §6 and form4-inventory
§1.13 (consistency between items).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date

from ..errors import SpecError
from ..forms import FILE_NAME, FILES, FORMS, Form, Kind
from ..forms.items import ASSESSED, HEARING, INCIDENT
from ..read.load import LoadedFile
from ..wareki import dates_in, is_blank, parse
from .annexes import ANNEX_RULES
from .basic import assessed_before_basic, counts_not_after_publication, derived_errors, document_kinds
from .entries import Locator, entries
from .subject import Subject, texts
from .thresholds import threshold_errors

Rule = Callable[[Subject], Iterator[SpecError]]


def real_dates(subject: Subject) -> Iterator[SpecError]:
    """Every date item (a 変更箇所 row's 変更日 too) is a real 和暦 date (令和7年2月30日 is not)."""
    for visit in subject.visits:
        if visit.item.kind is Kind.DATE and not is_blank(visit.value) and parse(str(visit.value)) is None:
            yield SpecError.not_a_date(*subject.where(visit.path), visit.item.key, visit.value,
                                       "令和6年5月24日（月までの日付は 平成28年1月）")


def changes_not_after_publication(subject: Subject) -> Iterator[SpecError]:
    """A 変更箇所 row cannot be dated after the 公表日 of the document that lists it."""
    published = parse(str(subject.data.get("公表日") or ""))
    for visit in subject.visits:
        if visit.item.kind is not Kind.CHANGES or published is None:
            continue
        path = visit.path
        for index, row in enumerate(visit.value or []):
            day = parse(str(row.get("変更日") or ""))
            if day is not None and day > published:
                yield subject.error(path + (index, "変更日"), f"変更日「{row['変更日']}」が公表日より後です",
                                    "変更日", f"公表日は {subject.data['公表日']}")


def no_consignment_items(subject: Subject) -> Iterator[SpecError]:
    """II-4: 委託しない ⇒ no 委託事項 (the （ n ） 件 count would contradict the choice)."""
    for visit in subject.find("委託の有無"):
        listed = visit.item.derive            # the list whose entries it counts: 委託事項
        if visit.value == "委託しない" and texts(visit.parent.get(listed)):
            yield subject.error(visit.path[:-1] + (listed,), f"「委託しない」なのに{listed}が記載されています",
                                listed, f"委託の有無を「委託する」にするか、{listed}を削除してください")


def provision_counts(subject: Subject) -> Iterator[SpecError]:
    """II-5 提供・移転の有無: a count given in the spec needs its list (提供先, 移転先) and covers at
    least the entries listed there (more where one entry stands for an annex, 別添4)."""
    for visit in subject.visits:
        item, path, value, section = visit.item, visit.path, visit.value, visit.parent
        if not item.counted or not isinstance(value, dict):
            continue
        for check in item.counted:
            count, listed = value.get(check.key), len(section.get(check.counts) or [])
            where = path + (check.key,)
            named = f"「{item.key}」の「{check.key}」"
            if count is not None and not listed:
                yield subject.error(where, f"{named}に件数がありますが、{check.counts}が記載されていません",
                                    item.key, f"{check.counts}を記載するか、件数を削除してください")
            elif count is not None and count < listed:
                message = f"{named}の件数（{count}）が、記載された{check.counts}の数（{listed}）より少なくなっています"
                yield subject.error(where, message, item.key, "件数は、記載した分と別添などに一覧にした分の合計です")


def no_subcontracting_details(subject: Subject) -> Iterator[SpecError]:
    """再委託しない ⇒ no 再委託の許諾方法 and no 再委託事項."""
    for visit in subject.find("再委託の有無"):
        for key in ("再委託の許諾方法", "再委託事項"):
            if visit.value == "再委託しない" and not is_blank(visit.parent.get(key)):
                yield subject.error(visit.path[:-1] + (key,), f"「再委託しない」なのに{key}が記載されています", key)


def unconnected_risks_blank(subject: Subject) -> Iterator[SpecError]:
    """Ⅲ６: a direction marked 接続しない has no measures and no 十分か answer (the risks each box
    leaves blank are in the form model: Check.blanks)."""
    for visit in subject.visits:
        boxes = {check.key: check for check in visit.item.checks.checks} if visit.item.kind is Kind.CHECKS else {}
        for direction in visit.value if any(check.blanks for check in boxes.values()) and visit.value else []:
            for risk in boxes[direction].blanks if direction in boxes else ():
                if texts(visit.parent.get(risk)):
                    yield subject.error(visit.path[:-1] + (risk,), f"「{boxes[direction].text}」なのに{risk}が記載されています",
                                        risk, "接続しない場合、そのリスクの欄は空欄にします")


def incident_details(subject: Subject) -> Iterator[SpecError]:
    """重大事故 発生なし ⇒ その内容 and 再発防止策の内容 blank; 発生あり ⇒ written."""
    for visit in subject.role(INCIDENT):
        path, value = visit.path, visit.value
        details = [key for key in visit.slot.rows if not is_blank(visit.parent.get(key))]
        if value == "発生なし" and details:
            yield subject.error(path, "重大事故が「発生なし」なのに" + "・".join(details) + "が記載されています",
                                "重大事故")
        if value == "発生あり" and len(details) < 2:
            yield subject.error(path, "重大事故が「発生あり」のときは、その内容と再発防止策の内容を記載してください",
                                "重大事故")


def hearing_period(subject: Subject) -> Iterator[SpecError]:
    """全項目: 国民・住民等からの意見の聴取 lasts 30 days or more, or a reason for shortening is given."""
    for visit in subject.role(HEARING):
        path, value = visit.path, visit.value
        if not isinstance(value, dict) or is_blank(value.get("実施日・期間")):
            continue
        days = _period_days(str(value["実施日・期間"]))
        if days is None:
            yield subject.error(path + ("実施日・期間",), "実施日・期間から期間を読み取れません", "実施日・期間",
                                "例: 令和6年6月17日から令和6年7月19日まで", warning=True)
        elif days < 30 and is_blank(value.get("期間を短縮する特段の理由")):
            yield subject.error(path + ("実施日・期間",), f"意見聴取の実施日・期間が{days}日です（30日未満）", "実施日・期間",
                                "30日以上とするか、期間を短縮する特段の理由を記載してください")


def _period_days(text: str) -> int | None:
    found = dates_in(text)
    return (found[-1] - found[0]).days + 1 if len(found) >= 2 else None


def marked_change_timing(subject: Subject) -> Iterator[SpecError]:
    """A ※ item changed with 提出時期 事後 needs an explanation (重要な変更 are submitted 事前)."""
    for visit in subject.visits:
        if visit.item.kind is not Kind.CHANGES:
            continue
        path = visit.path
        unexplained = [(number, row) for number, row in enumerate(visit.value or [])
                       if row.get("提出時期") == "事後" and is_blank(row.get("提出時期に係る説明"))]
        index = entries(subject.form, subject.data) if unexplained else {}
        locate = Locator(index)          # only rows without an explanation need their item found
        for number, row in unexplained:
            key = locate(str(row.get("項目") or ""))
            if key and index[key].marked:
                label = index[key].path.split(" ")[-1]
                message = f"※の項目「{label}」の変更が事後提出で、提出時期に係る説明がありません"
                yield subject.error(path + (number, "提出時期"), message, "提出時期",
                                    "重要な変更でない理由を記載してください", warning=True)


def five_years(subject: Subject) -> Iterator[SpecError]:
    """規則第15条: re-assess within five years of the last 基礎項目評価 (a duty to try)."""
    published = parse(str(subject.data.get("公表日") or ""))
    for visit in subject.role(ASSESSED):
        path, value = visit.path, visit.value
        done = parse(str(value or ""))
        if published and done and published > done.replace(year=done.year + 5):
            yield subject.error(path, f"公表日が基礎項目評価の実施日（{value}）から5年を超えています", "実施日",
                                "5年経過前の再実施に努めてください（規則第15条）", warning=True)


# 令和5年法律第48号 (施行 令和6年5月27日): 別表第一 became 別表, and 別表第二 was replaced by the
# 主務省令 under 第19条第8号 (research/ppc-rules.md §3, §2.4 rule 9). Old text stays legitimate in
# 変更箇所 and in documents published before, hence a warning on the items themselves only.
AMENDED_ON = date(2024, 5, 27)
REPEALED_TABLE = re.compile(r"別表第[一二１２12](?![0-9０-９])")
# Whose 別表 it is: the law named last before it on its line. 番号法 by any of its names (a bare 法第…
# in these documents means it); another law or a 条例 has 別表 of its own (…条例第3条(別表第2の7)).
_NUMBER_ACT = re.compile(r"番号(?:利用)?法|番号の利用等に関する法律|(?<![一-龥ァ-ヶ])法(?=第)")
_OTHER_LAW = re.compile(r"条例|規則|[一-龥ァ-ヶ]法(?!律)|法律")


def _of_number_act(line: str, start: int) -> bool:
    """Whether the 別表 at ``start`` belongs to 番号法 (or to no law named before it on the line)."""
    before = line[:start]
    ours = max((found.end() for found in _NUMBER_ACT.finditer(before)), default=-1)
    other = max((found.end() for found in _OTHER_LAW.finditer(before)), default=-1)
    return ours >= other


def repealed_tables(subject: Subject) -> Iterator[SpecError]:
    """A document published after 令和6年5月27日 still citing 番号法 別表第一 or 別表第二."""
    published = parse(str(subject.data.get("公表日") or ""))
    if published is None or published < AMENDED_ON:
        return
    for visit in subject.printed_items():
        item, path, value = visit.item, visit.path, visit.value
        if item.kind is not Kind.TEXT or "別表第" not in str(value):
            continue
        found = sorted({m.group(0) for text in texts(value) for line in text.split("\n")
                        for m in REPEALED_TABLE.finditer(line) if _of_number_act(line, m.start())})
        if found:
            cited = "」「".join(found)
            yield subject.error(path, f"「{item.key}」が、令和6年5月27日施行の番号法改正で改められた「{cited}」を引用しています",
                                item.key, "別表第一は「別表」に、別表第二は第19条第8号に基づく主務省令になりました", warning=True)


def current_revision(subject: Subject) -> Iterator[SpecError]:
    """A document published once a newer revision of its 様式 applies is written on it (5情報 from
    令和7年5月26日); published before, the older revision stays right."""
    published = parse(str(subject.data.get("公表日") or ""))
    own = parse(subject.form.since or "") or date.min
    newer = [form for (name, _), form in FORMS.items() if name == subject.form.name and form.since
             and own < parse(form.since) <= (published or date.min)]
    for form in newer[-1:]:
        yield subject.error(("様式の版",), f"公表日（{subject.data['公表日']}）の評価書は様式の版「{form.revision}」で作成します"
                            f"（{form.since}から）", "様式の版",
                            "specs/amendments/ の改正ファイルを pia amend で適用すると移行できます", warning=True)


def unique_file_names(subject: Subject) -> Iterator[SpecError]:
    """Ⅰ３ lists each 特定個人情報ファイル once; two files of one name cannot be told apart."""
    seen: set[str] = set()
    for index, file in enumerate(subject.data.get(FILES) or []):
        name = str(file.get(FILE_NAME))
        if name in seen:
            yield subject.error((FILES, index, FILE_NAME), f"{FILE_NAME}「{name}」が重複しています", FILE_NAME)
        seen.add(name)


RULES: tuple[Rule, ...] = (real_dates, changes_not_after_publication, no_consignment_items, provision_counts,
                           no_subcontracting_details, unconnected_risks_blank, incident_details,
                           hearing_period, unique_file_names, threshold_errors, marked_change_timing, five_years,
                           repealed_tables, current_revision, *ANNEX_RULES,
                           document_kinds, counts_not_after_publication, assessed_before_basic)


def check_rules(spec: LoadedFile, form: Form, data: dict) -> list[SpecError]:
    """Every rule on the spec's document, then on the 基礎 it derives (issue 16), located in the spec."""
    subject = Subject(spec, form, data)          # walked once, for every rule
    errors = [error for rule in RULES for error in rule(subject)]
    if subject.basic is None:
        return errors
    return errors + derived_errors(subject, [error for rule in RULES for error in rule(subject.basic)])
