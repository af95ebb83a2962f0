"""Items that 様式3 and 様式4 print with the same labels and meaning; each form numbers and places
them itself (form4-inventory §4: numbering differs between forms, so only content is shared)."""
from __future__ import annotations

from . import options as o
from .dsl import changes, checks, choice, date, derived, group, section, text
from .items import HANDLERS, RECENT_INCIDENT, Item

# The range header rows 様式3 and 様式4 print in each repeated block (システム, 委託事項, 提供先, 移転先),
# after its first entry, each whether or not entries follow it (form3-inventory §1.2, form4-inventory
# §1; the 千葉市 全項目評価書, seed 003, prints every one). Both revisions of both forms print the same.
RANGES = ((2, 5), (6, 10), (11, 15), (16, 20))


def システム(number: str) -> Item:
    """Ⅰ ２．特定個人情報ファイルを取り扱う事務において使用するシステム (システム1…n)."""
    return section(number, "特定個人情報ファイルを取り扱う事務において使用するシステム",
                   group("システム", text("①", "システムの名称"), text("②", "システムの機能"),
                         checks("③", "他のシステムとの接続", o.他のシステムとの接続), ranges=RANGES))


def ファイルの基本情報(連絡先情報: str) -> Item:
    """Ⅱ ２．基本情報: the same items, labels and ※ in 様式3 and 様式4."""
    return section("２．", "基本情報",
                   choice("①", "ファイルの種類", o.ファイルの種類, mark=True),
                   choice("②", "対象となる本人の数", o.本人の数),
                   text("③", "対象となる本人の範囲", text("", "その必要性"), mark=True),
                   choice("④", "記録される項目", o.記録される項目,
                          checks("", "主な記録項目", o.主な記録項目(連絡先情報), mark=True),
                          text("", "その妥当性"), text("", "全ての記録項目")),
                   date("⑤", "保有開始日"), text("⑥", "事務担当部署"))


def 提供移転の有無() -> Item:
    """Checked and counted from the 提供先 / 移転先 lists its boxes name (model.provided)."""
    return derived("", "提供・移転の有無", "provision", checks_layout=o.提供移転の有無)


def 提供先() -> Item:
    return group("提供先", text("①", "法令上の根拠"), text("②", "提供先における用途"),
                 text("③", "提供する情報"), choice("④", "提供する情報の対象となる本人の数", o.本人の数),
                 text("⑤", "提供する情報の対象となる本人の範囲"),
                 checks("⑥", "提供方法", o.提供方法), text("⑦", "時期・頻度"), title_key="名称",
                 ranges=RANGES)


def 移転先() -> Item:
    return group("移転先", text("①", "法令上の根拠"), text("②", "移転先における用途"),
                 text("③", "移転する情報"), choice("④", "移転する情報の対象となる本人の数", o.本人の数),
                 text("⑤", "移転する情報の対象となる本人の範囲"),
                 checks("⑥", "移転方法", o.移転方法), text("⑦", "時期・頻度"), title_key="名称",
                 ranges=RANGES)


def 十分か() -> Item:
    """リスクへの対策は十分か, closing every risk."""
    return choice("", "リスクへの対策は十分か", o.十分か)


def その他のリスク(subject: str, joiner: str = "における") -> Item:
    """The closing row of each Ⅲ section: label across the row, text below it."""
    return text("", "その他のリスク及びそのリスクに対する措置", wide=True,
                label=f"{subject}{joiner}その他のリスク及びそのリスクに対する措置")


def 変更箇所(number: str) -> Item:
    """（別添）変更箇所: one row per change, in the columns the forms print."""
    return changes(number, date("", "変更日"), text("", "項目"), text("", "変更前の記載"), text("", "変更後の記載"),
                   choice("", "提出時期", o.提出時期), text("", "提出時期に係る説明"))


def しきい値判断() -> Item:
    """The facts of the 基礎項目評価 the しきい値判断 rests on besides 対象人数 (指針 第5の2): not
    printed in this document, optional in the spec (check/thresholds.py)."""
    return section("", "しきい値判断", choice("", "取扱者数", o.取扱者数, role=HANDLERS),
                   choice("", "重大事故", o.重大事故, role=RECENT_INCIDENT))
