"""様式3 特定個人情報保護評価書（重点項目評価書）, item by item in printed order.

Source: research/form3-inventory.md §1, checked against the seeds いわき市 (S000, 平成30年5月 様式3)
and 旭川市 (S001, the revision that prints 5情報).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import options as o
from .dsl import checks, choice, date, derived, group, label, part, section, text
from .items import PEOPLE, Item
from .shared import RANGES, システム, ファイルの基本情報, 提供先, 提供移転の有無, 移転先


@dataclass(frozen=True)
class Revision:
    """What differs between revisions of 様式3 (form3-inventory §4.1)."""

    name: str
    version_line: str | None
    連絡先情報: str               # R2: 4情報 → 5情報 in 主な記録項目
    ルールの内容: str             # R7: III-5 sub-label
    since: str | None = None      # 和暦: documents published from this day use this revision


FIVE_ITEMS_SINCE = "令和7年5月26日"   # 氏名の振り仮名 on the 住民票 (specs/amendments/2025-05-26-5情報.yaml)

REVISIONS = (
    Revision("平成30年5月", "[平成30年５月　様式３]", o.四情報, "ルールの内容及びルール遵守の確認方法"),
    # The 5情報 revision's version line is not in any seed (S001 lost it): print none rather than guess.
    Revision("平成30年5月（5情報）", None, o.五情報, "ルール内容及びルール遵守の確認方法", since=FIVE_ITEMS_SINCE),
)

TITLE = "特定個人情報保護評価書（重点項目評価書）"

COVER = (
    text("", "評価書番号", required=True),
    text("", "評価書名", required=True),
    text("", "個人のプライバシー等の権利利益の保護の宣言", required=True),
    text("", "特記事項"),
    text("", "評価実施機関名", required=True),
    date("", "公表日", required=True),
)


def 基本情報() -> Item:
    """Ⅰ 基本情報."""
    return part(
        "Ⅰ　", "基本情報",
        section("１．", "特定個人情報ファイルを取り扱う事務",
                text("①", "事務の名称", required=True), text("②", "事務の内容"),
                choice("③", "対象人数", o.対象人数, role=PEOPLE)),
        システム("２．"),
        derived("３．", "特定個人情報ファイル名", "file_names", wide=True),
        section("４．", "個人番号の利用", text("", "法令上の根拠"), mark=True),
        section("５．", "情報提供ネットワークシステムによる情報連携",
                choice("①", "実施の有無", o.実施の有無), text("②", "法令上の根拠"), mark=True),
        section("６．", "評価実施機関における担当部署",
                text("①", "部署"), text("②", "所属長の役職名")),
        text("７．", "他の評価実施機関", wide=True),
    )


def 概要(revision: Revision) -> Item:
    """Ⅱ 特定個人情報ファイルの概要, printed once per file."""
    return part(
        "Ⅱ　", "特定個人情報ファイルの概要",
        derived("１．", "特定個人情報ファイル名", "file_name", wide=True),
        ファイルの基本情報(revision.連絡先情報),
        section("３．", "特定個人情報の入手・使用",
                checks("①", "入手元", o.入手元, mark=True), checks("②", "入手方法", o.入手方法),
                text("③", "使用目的", mark=True),
                label("④", "使用の主体", text("", "使用部署"), choice("", "使用者数", o.人数)),
                text("⑤", "使用方法", text("", "情報の突合")), date("⑥", "使用開始日")),
        section("４．", "特定個人情報ファイルの取扱いの委託",
                choice("", "委託の有無", o.委託の有無, mark=True, count_of="委託事項"),
                group("委託事項", text("①", "委託内容"), choice("②", "委託先における取扱者数", o.人数),
                      text("③", "委託先名"),
                      label("", "再委託", choice("④", "再委託の有無", o.再委託の有無, mark=True),
                            text("⑤", "再委託の許諾方法"), text("⑥", "再委託事項")),
                      title_key="名称", ranges=RANGES)),
        section("５．", "特定個人情報の提供・移転", 提供移転の有無(), 提供先(), 移転先(),
                label="特定個人情報の提供・移転（委託に伴うものを除く。）"),
        section("６．", "特定個人情報の保管・消去", text("", "保管場所", mark=True)),
        text("７．", "備考", wide=True),
    )
