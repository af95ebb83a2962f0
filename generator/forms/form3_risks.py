"""様式3 Ⅲ リスク対策, Ⅳ 開示請求、問合せ and Ⅴ 評価実施手続.

Every item of Ⅲ is a ※ item except 7.② (the section note 「※（７．②を除く。）」).
"""
from __future__ import annotations

from . import options as o
from .dsl import checks, choice, date, derived, part, risk, section, text
from .form3 import Revision
from .items import ASSESSED, INCIDENT, THRESHOLD_RESULT, Check, CheckLayout, Item
from .shared import その他のリスク, 十分か

_入手 = "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"
_提供 = "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"


def リスク対策(revision: Revision) -> Item:
    """Ⅲ リスク対策, printed once per file."""
    return part(
        "Ⅲ　", "リスク対策",
        derived("１．", "特定個人情報ファイル名", "file_name", wide=True),
        section("２．", "特定個人情報の入手",
                risk("リスク", "リスク：　目的外の入手が行われるリスク",
                     text("", "リスクに対する措置の内容"), 十分か()),
                その他のリスク(_入手), label=_入手),
        section("３．", "特定個人情報の使用",
                risk("リスク1", "リスク１：　目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク",
                     text("", "リスクに対する措置の内容"), 十分か()),
                risk("リスク2", "リスク２：　権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク",
                     choice("", "ユーザ認証の管理", o.行っている, text("", "具体的な管理方法")),
                     text("", "その他の措置の内容"), 十分か()),
                その他のリスク("特定個人情報の使用")),
        section("４．", "特定個人情報ファイルの取扱いの委託",
                risk("リスク", "リスク：　委託先における不正な使用等のリスク",
                     choice("", "委託契約書中の特定個人情報ファイルの取扱いに関する規定", o.定めている,
                            text("", "規定の内容")),
                     choice("", "再委託先による特定個人情報ファイルの適切な取扱いの担保", o.再委託先の担保,
                            text("", "具体的な方法")),
                     text("", "その他の措置の内容"), 十分か()),
                その他のリスク("特定個人情報ファイルの取扱いの委託"),
                header_checks=(derived("", "委託しない", "no_consignment", follows="委託の有無",
                                       checks_layout=CheckLayout(((None, (Check("委託しない"),)),))),)),
        section("５．", "特定個人情報の提供・移転",
                risk("リスク", "リスク：　不正な提供・移転が行われるリスク",
                     choice("", "特定個人情報の提供・移転に関するルール", o.定めている,
                            text("", "ルールの内容及びルール遵守の確認方法", label=revision.ルールの内容)),
                     text("", "その他の措置の内容"), 十分か()),
                その他のリスク(_提供), label=_提供,
                header_checks=(derived("", "提供・移転しない", "no_provision", follows="提供・移転の有無",
                                       checks_layout=CheckLayout(((None, (Check("提供・移転しない"),)),))),)),
        section("６．", "情報提供ネットワークシステムとの接続",
                risk("リスク1", "リスク１：　目的外の入手が行われるリスク",
                     text("", "リスクに対する措置の内容"), 十分か()),
                risk("リスク2", "リスク２：　不正な提供が行われるリスク",
                     text("", "リスクに対する措置の内容"), 十分か()),
                その他のリスク("情報提供ネットワークシステムとの接続", joiner="に伴う"),
                header_checks=(checks("", "接続しない", CheckLayout(((None, (
                    Check("接続しない（入手）", value="入手", blanks=("リスク1",)),
                    Check("接続しない（提供）", value="提供", blanks=("リスク2",)))),))),)),
        section("７．", "特定個人情報の保管・消去",
                risk("リスク", "リスク：　特定個人情報の漏えい・滅失・毀損リスク",
                     choice("①", "事故発生時手順の策定・周知", o.力を入れて行っている),
                     choice("②", "過去３年以内に、評価実施機関において、個人情報に関する重大事故が発生したか",
                            o.重大事故, text("", "その内容"), text("", "再発防止策の内容"), unmarked=True,
                            role=INCIDENT),
                     text("", "その他の措置の内容"), 十分か()),
                その他のリスク("特定個人情報の保管・消去")),
        section("８．", "監査", checks("", "実施の有無", o.監査)),
        section("９．", "従業者に対する教育・啓発",
                choice("", "従業者に対する教育・啓発", o.力を入れて行っている, text("", "具体的な方法"))),
        text("１０．", "その他のリスク対策", wide=True),
        note="※（７．②を除く。）",
    )


def 開示請求() -> Item:
    """Ⅳ 開示請求、問合せ."""
    return part(
        "Ⅳ　", "開示請求、問合せ",
        section("１．", "特定個人情報の開示・訂正・利用停止請求",
                text("①", "請求先"), text("②", "請求方法"), text("③", "法令による特別の手続"),
                text("④", "個人情報ファイル簿への不記載等")),
        section("２．", "特定個人情報ファイルの取扱いに関する問合せ",
                text("①", "連絡先"), text("②", "対応方法")),
    )


def 評価実施手続() -> Item:
    """Ⅴ 評価実施手続."""
    return part(
        "Ⅴ　", "評価実施手続",
        section("１．", "基礎項目評価", date("①", "実施日", role=ASSESSED),
                choice("②", "しきい値判断結果", o.しきい値判断結果, role=THRESHOLD_RESULT)),
        section("２．", "国民・住民等からの意見の聴取", text("①", "方法"), text("②", "実施日・期間"),
                text("③", "主な意見の内容"), label="国民・住民等からの意見の聴取　【任意】"),
        section("３．", "第三者点検", text("①", "実施日"), text("②", "方法"), text("③", "結果"),
                label="第三者点検　【任意】"),
    )
