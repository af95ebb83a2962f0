"""The vocabulary of a form model: items, option lists and check boxes, as frozen data.

A form model (one per 様式 and revision) is a tree of ``Item``s in printed order. It is the single
source of the cerberus schema, the JSON Schema, the renderers' loops and the 変更箇所 labels.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

FILES = "特定個人情報ファイル"          # the spec's list of files; Ⅱ, 別添 and Ⅲ print once per file
FILE_NAME = "特定個人情報ファイル名"
NONE, BASIC, FOCUSED, FULL = 0, 1, 2, 3   # assessment levels: none required, 基礎, 重点, 全項目 (Form.level)


class Kind(str, Enum):
    """What an item holds, and so how it is validated and printed."""

    PART = "part"          # Ⅰ 基本情報 …: a table of its own
    SECTION = "section"    # １．… : a heading row; its children live in a nested mapping
    LABEL = "label"        # ④使用の主体, 再委託: a label cell spanning its children's rows
    TEXT = "text"          # free text (line breaks kept; may include fragments)
    DATE = "date"          # 和暦 date, e.g. 令和6年5月24日 (保有開始日 also 平成28年1月)
    CHOICE = "choice"      # [ 選択肢の文言 ] with its ＜選択肢＞ list
    CHECKS = "checks"      # [ ○ ] 紙 / [  ] 専用線 …
    GROUP = "group"        # repeated block: システム1…n, 委託事項1…n, 提供先1…n, 移転先1…n
    RISK = "risk"          # リスク１：　… : a fixed heading; its children live in a nested mapping
    DERIVED = "derived"    # printed from other values, never typed (件数, ファイル名 …)
    CHANGES = "changes"    # the 変更箇所 table
    ATTACHMENTS = "attachments"   # further annexes (別添4, 別紙 …): heading, text, optional table


@dataclass(frozen=True)
class Options:
    """A ＜選択肢＞ list: option texts in printed order, their numbering glyph and layout."""

    texts: tuple[str, ...]
    numbering: str = "{n}）"   # S000 prints 1） mostly, 1) for 対象人数 and 実施の有無
    per_line: int = 1
    remark: str = ""           # fixed text printed under the options (様式2 Ⅳ１: 2)又は3)を選択した…)
    confirmed: bool = True     # False: option texts reconstructed, printed by no published document
    source: str = ""           # what reconstructed options rest on
    levels: tuple[int, ...] = ()   # the assessment level each option states (しきい値判断結果, 評価書の種類)

    def lines(self) -> list[str]:
        """The ＜選択肢＞ box as printed: numbered options, ``per_line`` to a line, then the remark."""
        numbered = [self.numbering.format(n=n) + " " + text for n, text in enumerate(self.texts, 1)]
        return ["　".join(numbered[i:i + self.per_line])
                for i in range(0, len(numbered), self.per_line)] + ([self.remark] if self.remark else [])


@dataclass(frozen=True)
class Check:
    """One check box; ``detail`` boxes print a （ … ） for free text after the label."""

    text: str
    detail: bool = False
    value: str | None = None   # the spec value when it differs from the printed text
    counts: str | None = None  # the list this box counts, printed as （ n ） 件 (II-5: 提供先, 移転先)
    blanks: tuple[str, ...] = ()   # sibling risks left blank when checked (Ⅲ６ 接続しない（入手）)

    @property
    def key(self) -> str:
        return self.value or self.text


@dataclass(frozen=True)
class CheckLayout:
    """Check boxes in printed rows; a row may start with a bullet heading (・識別情報)."""

    rows: tuple[tuple[str | None, tuple[Check, ...]], ...]

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(check for _, row in self.rows for check in row)


def grid(*checks: Check, per_row: int = 2) -> CheckLayout:
    """Lay ``checks`` out ``per_row`` to a printed line, with no headings."""
    return CheckLayout(tuple((None, checks[i:i + per_row]) for i in range(0, len(checks), per_row)))


@dataclass(frozen=True)
class Taken:
    """Where an item of the 基礎項目評価書 of a 重点/全項目 spec takes its value (issue 16): it is
    typed once, in the 様式3/4 item it names, and derived for the 基礎 (forms/basic.py).

    ``paths``: the spec keys of that item, ``/``-separated, the first the spec's form has (様式3 and
    様式4 key a risk differently); a list on the way (the files, システム) gives one value per entry,
    combined ``across`` them: ``one`` (the only one), ``lines`` (each a line), ``weakest`` (the
    least assured answer: the later option), ``every`` / ``any`` (the boxes checked in every or in
    any file). ``how`` names a conversion of forms/basic.py (``level``: the option stating the same
    assessment level). ``default``: the spec's 基礎項目評価書 part may give the 基礎's own value."""

    paths: tuple[str, ...] = ()
    across: str = "one"
    how: str = ""
    default: bool = False


@dataclass(frozen=True)
class Item:
    """One item of a form, in printed order.

    ``key`` is the spec key: the printed label without its numbering and ※, so staff find a field
    by reading the printed form. Items of kind LABEL and RISK print a label but own no value; the
    children of a LABEL sit in the parent's mapping, those of a RISK or SECTION in their own.
    """

    key: str
    kind: Kind
    number: str = ""
    label: str | None = None
    mark: bool = False
    options: Options | None = None
    checks: CheckLayout | None = None
    children: tuple[Item, ...] = ()
    wide: bool = False                 # label across the whole row, value on the next row
    required: bool = False
    derive: str | None = None          # name of a derivation in generator.model
    header_checks: tuple[Item, ...] = ()   # III-4 [ ] 委託しない …, printed on the section row
    note: str = ""                     # printed after a part title: ※（７．②を除く。）
    max_repeat: int = 20
    ranges: tuple[tuple[int, int], ...] = ()   # GROUP: the form's range header rows (システム2～5 …), printed always
    title_key: str | None = None       # GROUP: the key of the value printed in the title row
    unmarked: bool = False             # excluded from its part's ※ note (Ⅲ 7.②)
    columns: tuple[Item, ...] = ()   # CHANGES: the table's columns, in printed order
    role: str = ""                     # what a rule finds the item by, not its wording (INCIDENT …)
    follows: str = ""                  # DERIVED: the key of the item of the same file it follows
    confirmed: bool = True             # False: label reconstructed, printed here by no published document
    source: str = ""                   # what a reconstructed label rests on (research note, 様式3/4 wording)
    taken: Taken | None = None         # 様式2: the 様式3/4 item a derived 基礎 prints here (forms/basic.py)

    @cached_property
    def printed_label(self) -> str:
        """The label as the form prints it, with numbering and ※."""
        text = self.number + (self.label if self.label is not None else self.key)
        return text + ("　※" if self.mark else "")

    @cached_property
    def heading(self) -> str:
        """The label's first line with its numbering: a step of a printed path (変更箇所 項目)."""
        label = self.label if self.label is not None else self.key
        return (self.number + label.split("\n")[0]).replace("　", " ").strip()

    @cached_property
    def description(self) -> str:
        """The printed label on one line, with its part's note (editor hover, ``pia new``)."""
        return (self.printed_label + (f"　{self.note}" if self.note else "")).replace("\n", " ")

    @cached_property
    def doubt(self) -> str:
        """What `pia new` and the editor's hover say of a reconstructed label or ＜選択肢＞; empty
        when a published document prints both."""
        what = [word for word, known in (("項目名", self.confirmed),
                                         ("選択肢", self.options is None or self.options.confirmed)) if not known]
        return f"[BELIEF] 再構成した{'と'.join(what)}です。団体の様式で確認してください" if what else ""

    def range_heading(self, first: int, last: int) -> str:
        """A range header row of a GROUP as the form prints it: 「委託事項2～5」."""
        return f"{self.key}{first}～{last}"

    @cached_property
    def name(self) -> str:
        """The label without numbering, as messages name the item."""
        return self.label or self.key

    @cached_property
    def holds_value(self) -> bool:
        return self.kind in (Kind.TEXT, Kind.DATE, Kind.CHOICE, Kind.CHECKS)

    @cached_property
    def counted(self) -> tuple[Check, ...]:
        """A derived item's boxes that print a count (II-5 提供・移転の有無). The spec may give the
        counts under the item's key: a published 提供先 may stand for the many listed in an annex."""
        if self.kind is not Kind.DERIVED or self.checks is None:
            return ()
        return tuple(check for check in self.checks.checks if check.counts)

    @cached_property
    def nests(self) -> bool:
        """True when the item's children live in a mapping under its own key."""
        return self.kind in (Kind.PART, Kind.SECTION, Kind.RISK)


# Roles: items the cross-field rules look up by meaning, whatever a revision calls them.
INCIDENT = "重大事故"                # Ⅲ７ 過去３年以内に…重大事故が発生したか (その内容, 再発防止策の内容)
HEARING = "意見聴取"                 # 全項目 Ⅵ２ 国民・住民等からの意見の聴取 (30日以上)
THRESHOLD_RESULT = "しきい値判断結果"   # Ⅴ/Ⅵ １．② (options from the highest level down)
ASSESSED = "基礎項目評価の実施日"      # Ⅴ/Ⅵ １．① (規則第15条: 5年)
PEOPLE = "対象人数"                  # Ⅰ１③ (様式2: Ⅱ１ 評価対象の事務の対象人数は何人か)
COUNTED_ON = "計数の時点"             # 様式2 Ⅱ１・２ いつ時点の計数か (not after 公表日)
DOCUMENTS = "評価書の種類"            # 様式2 Ⅳ１ 提出する特定個人情報保護評価書の種類
HANDLERS = "取扱者数"                # 様式2 Ⅱ２; 様式3/4: the unprinted しきい値判断 facts
RECENT_INCIDENT = "重大事故の発生"     # 様式2 Ⅱ３ (過去1年以内, 特定個人情報); 様式3/4: likewise unprinted


@dataclass(frozen=True)
class Form:
    """A whole 様式 in one revision."""

    name: str                      # 重点項目評価書 / 全項目評価書
    number: str                    # 様式3 / 様式4
    revision: str                  # 平成30年5月, 令和7年5情報 …
    version_line: str | None       # [平成30年５月　様式３]; None where the revision's line is unknown
    title: str                     # 特定個人情報保護評価書（重点項目評価書）
    cover: tuple[Item, ...]
    common: tuple[Item, ...]       # parts before the per-file parts (Ⅰ)
    per_file: tuple[Item, ...]     # parts printed once per 特定個人情報ファイル (Ⅱ, 別添, Ⅲ)
    closing: tuple[Item, ...]      # parts after them (Ⅳ, Ⅴ, 変更箇所)
    since: str | None = None       # 和暦: the day documents start to be published on this revision
    level: int = 0                 # the assessment it is (thresholds: 1 基礎, 2 重点, 3 全項目)
    threshold: Item | None = None   # しきい値判断: the facts of the 基礎項目評価 (not printed)
    listed: bool = True            # prints a 項目一覧 (様式2 has none)
    version_confirmed: bool = True   # False: the version line is reconstructed (no document prints it)
    basic: Form | None = None      # 様式3/4: the 基礎項目評価書 (様式2) built beside it from the same spec

    @cached_property
    def contents(self) -> tuple[str, ...]:
        """項目一覧: every part and annex in printed order, numbered as printed (not the further
        annexes of 添付資料, which a spec adds); none for a form that prints no 項目一覧."""
        parts = (*self.common, *self.per_file, *self.closing) if self.listed else ()
        return tuple(part.number + part.key for part in parts if part.kind is not Kind.ATTACHMENTS)

    @cached_property
    def printed_items(self) -> tuple[tuple[tuple[str, ...], Item], ...]:
        """Every item of the form in printed order with the headings printed above it (its part,
        sections, the label cell it sits under); not 添付資料, whose headings a spec gives."""
        return tuple(found for top in (*self.cover, *self.common, *self.per_file, *self.closing)
                     if top.kind is not Kind.ATTACHMENTS for found in _printed(top, ()))

    @cached_property
    def reconstructed(self) -> tuple[tuple[tuple[str, ...], Item], ...]:
        """The printed items whose label or ＜選択肢＞ no published document prints ([BELIEF])."""
        return tuple((above, item) for above, item in self.printed_items
                     if not item.confirmed or (item.options is not None and not item.options.confirmed))


def _printed(item: Item, above: tuple[str, ...]):
    yield above, item
    inner = above + (item.heading,) if item.heading else above
    for child in (*item.header_checks, *item.children, *item.columns):
        yield from _printed(child, inner)
