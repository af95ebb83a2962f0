"""様式4 特定個人情報保護評価書（全項目評価書）: cover, Ⅰ, （別添1）, Ⅱ, in printed order.

Source: research/form4-inventory.md §1, checked against the seeds いわき市 住民基本台帳 (S2) and
千葉市 国民年金 (S3). Items printed alike in 様式3 come from ``shared``; labels and numbering that
differ stay here.
"""
from __future__ import annotations

from . import options as o
from .dsl import annex, checks, choice, date, derived, group, label, part, section, text
from .form3 import FIVE_ITEMS_SINCE, Revision
from .items import PEOPLE, Item
from .shared import RANGES, システム, ファイルの基本情報, 提供先, 提供移転の有無, 移転先

REVISIONS = (
    Revision("平成30年5月", "[平成30年５月　様式４]", o.四情報, "ルールの内容及びルール遵守の確認方法"),
    Revision("平成30年5月（5情報）", None, o.五情報, "ルールの内容及びルール遵守の確認方法", since=FIVE_ITEMS_SINCE),
)

TITLE = "特定個人情報保護評価書（全項目評価書）"
APPROVAL = "個人情報保護委員会 承認日 【行政機関等のみ】"    # cover, 様式4 only (行政機関等)

COVER = (
    text("", "評価書番号", required=True),
    text("", "評価書名", required=True),
    text("", "個人のプライバシー等の権利利益の保護の宣言", required=True),
    text("", "特記事項"),
    text("", "評価実施機関名", required=True),
    text("", APPROVAL),
    date("", "公表日", required=True),
)


def 基本情報() -> Item:
    """Ⅰ 基本情報 (様式4 adds ４．特定個人情報ファイルを取り扱う理由)."""
    return part(
        "Ⅰ　", "基本情報",
        section("１．", "特定個人情報ファイルを取り扱う事務",
                text("①", "事務の名称", required=True), text("②", "事務の内容", mark=True),
                choice("③", "対象人数", o.対象人数_全項目, role=PEOPLE)),
        システム("２．"),
        derived("３．", "特定個人情報ファイル名", "file_names", wide=True),
        section("４．", "特定個人情報ファイルを取り扱う理由",
                text("①", "事務実施上の必要性"), text("②", "実現が期待されるメリット")),
        section("５．", "個人番号の利用", text("", "法令上の根拠"), mark=True),
        section("６．", "情報提供ネットワークシステムによる情報連携",
                choice("①", "実施の有無", o.実施の有無), text("②", "法令上の根拠"), mark=True),
        section("７．", "評価実施機関における担当部署",
                text("①", "部署"), text("②", "所属長の役職名")),
        text("８．", "他の評価実施機関", wide=True),
    )


def 事務の内容() -> Item:
    """（別添１） 事務の内容: the flow diagram's caption and the numbered （備考）."""
    return annex("（別添１）　", "事務の内容")


def 概要(revision: Revision) -> Item:
    """Ⅱ 特定個人情報ファイルの概要, printed once per file."""
    return part(
        "Ⅱ　", "特定個人情報ファイルの概要",
        derived("１．", "特定個人情報ファイル名", "file_name", wide=True),
        ファイルの基本情報(revision.連絡先情報),
        section("３．", "特定個人情報の入手・使用",
                checks("①", "入手元", o.入手元, mark=True), checks("②", "入手方法", o.入手方法),
                text("③", "入手の時期・頻度"), text("④", "入手に係る妥当性"), text("⑤", "本人への明示"),
                text("⑥", "使用目的", text("", "変更の妥当性"), mark=True),
                label("⑦", "使用の主体", text("", "使用部署", mark=True), choice("", "使用者数", o.人数)),
                text("⑧", "使用方法", text("", "情報の突合", mark=True), text("", "情報の統計分析", mark=True),
                     text("", "権利利益に影響を与え得る決定", mark=True), mark=True),
                date("⑨", "使用開始日")),
        section("４．", "特定個人情報ファイルの取扱いの委託",
                choice("", "委託の有無", o.委託の有無, mark=True, count_of="委託事項"), 委託事項()),
        section("５．", "特定個人情報の提供・移転", 提供移転の有無(), 提供先(), 移転先(),
                label="特定個人情報の提供・移転（委託に伴うものを除く。）"),
        section("６．", "特定個人情報の保管・消去",
                text("①", "保管場所", mark=True),
                label("②", "保管期間", choice("", "期間", o.保管期間), text("", "その妥当性")),
                text("③", "消去方法")),
        text("７．", "備考", wide=True),
    )


def 委託事項() -> Item:
    return group(
        "委託事項", text("①", "委託内容"),
        choice("②", "取扱いを委託する特定個人情報ファイルの範囲", o.委託の範囲,
               choice("", "対象となる本人の数", o.本人の数), text("", "対象となる本人の範囲", mark=True),
               text("", "その妥当性")),
        choice("③", "委託先における取扱者数", o.人数),
        checks("④", "委託先への特定個人情報ファイルの提供方法", o.委託先への提供方法),
        text("⑤", "委託先名の確認方法"), text("⑥", "委託先名"),
        label("", "再委託", choice("⑦", "再委託の有無", o.再委託の有無, mark=True),
              text("⑧", "再委託の許諾方法"), text("⑨", "再委託事項")),
        title_key="名称", ranges=RANGES)
