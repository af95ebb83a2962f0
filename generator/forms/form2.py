"""様式2 特定個人情報保護評価書（基礎項目評価書）: cover, Ⅰ 関連情報, Ⅱ しきい値判断項目 and
Ⅲ しきい値判断結果, item by item in printed order (Ⅳ and Ⅴ: form2_risks.py).

Sources (research/refresh-2026-12/refresh.md §1): the published beginnings of 赤磐市 保育料
(A, 平成26年4月 様式2: cover, Ⅰ１–８, Ⅱ１), 熊谷市 (平成28年1月), 能代市 and 日野市, and the 記載要領
(平成29年5月), which names 「Ⅱ 1.対象人数」「Ⅱ 2.取扱者数」. Nothing later than Ⅱ１ is in any source:
those labels are reconstructed (``belief``), in the confirmed 様式3/4 wording where one exists. No
excerpt reached a ※ item, so 様式2 marks none until one is verified.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import form3
from . import options as o
from .dsl import belief, choice, date, derived, part, section, taken, text
from .items import COUNTED_ON, HANDLERS, PEOPLE, RECENT_INCIDENT, THRESHOLD_RESULT, Item

TITLE = "特定個人情報保護評価書（基礎項目評価書）"   # the cover is 様式3's: no 承認日 (A, B, C)

# Where the 基礎 of a 重点/全項目 spec takes Ⅰ and Ⅴ from: 様式3 and 様式4 key them alike (Taken).
_事務 = "基本情報/特定個人情報ファイルを取り扱う事務/"
_連携 = "基本情報/情報提供ネットワークシステムによる情報連携/"
_部署 = "基本情報/評価実施機関における担当部署/"
_開示 = "開示請求、問合せ/"


def _cover(item: Item) -> Item:
    """様式3's cover item, the same in the 基礎 of a 重点/全項目 spec; 評価書名 names the 基礎, and
    its 宣言, 特記事項 and 公表日 may be its own (評価書番号 and 評価実施機関名 are the document's)."""
    own = item.key not in ("評価書番号", "評価実施機関名")
    return taken(item, item.key, how="renamed" if item.key == "評価書名" else "", default=own)


COVER = tuple(_cover(item) for item in form3.COVER)

_BELIEF = "refresh.md §1.2 の再構成（公表された基礎項目評価書の抜粋はⅡ１で終わる）"
_MOVED = "A（平成26年4月）はⅠ７・Ⅰ８に印字。平成30年5月にⅤへ移ったとするのは refresh.md §1.2 の推測"


@dataclass(frozen=True)
class Revision:
    """What differs between the revisions of 様式2 that the model holds."""

    name: str
    version_line: str
    version_confirmed: bool     # the line is printed by a published document
    所属長: Item                # Ⅰ５②
    risks: bool                 # Ⅳ リスク対策 (平成30年5月, ppc-rules §1.2)
    disclosure_in_part_one: bool   # 開示請求・問合せ as Ⅰ７・８ (A), else as Ⅴ


REVISIONS = (
    # A prints the 所属長 by name (「国定 信之」), as 様式3 did before 平成31年 (form3-inventory R5).
    Revision("平成26年4月", "[平成26年４月　様式２]", version_confirmed=True, 所属長=text("②", "所属長"),
             risks=False, disclosure_in_part_one=True),
    # No document in the corpora prints [平成30年5月 様式2]; the line follows 様式3's.
    Revision("平成30年5月", "[平成30年５月　様式２]", version_confirmed=False,
             所属長=belief(text("②", "所属長の役職名"), "様式3 の平成30年5月の表記（form3-inventory R5）。A は「②所属長」"),
             risks=True, disclosure_in_part_one=False),
)


def 関連情報(revision: Revision) -> Item:
    """Ⅰ 関連情報 (A). ２．lists the spec's 特定個人情報ファイル, as 様式3 Ⅰ３ does."""
    return part(
        "Ⅰ　", "関連情報",
        section("１．", "特定個人情報ファイルを取り扱う事務",
                taken(text("①", "事務の名称", required=True), _事務 + "事務の名称"),
                taken(text("②", "事務の概要"), _事務 + "事務の内容", default=True),
                taken(text("③", "システムの名称"), "基本情報/特定個人情報ファイルを取り扱う事務において使用するシステム/"
                      "システム/システムの名称", across="lines")),
        derived("２．", "特定個人情報ファイル名", "file_names", wide=True),
        section("３．", "個人番号の利用", taken(text("", "法令上の根拠"), "基本情報/個人番号の利用/法令上の根拠")),
        section("４．", "情報提供ネットワークシステムによる情報連携",
                taken(choice("①", "実施の有無", o.実施の有無), _連携 + "実施の有無"),
                taken(text("②", "法令上の根拠"), _連携 + "法令上の根拠")),
        section("５．", "評価実施機関における担当部署", taken(text("①", "部署"), _部署 + "部署"),
                taken(revision.所属長, _部署 + "所属長の役職名")),
        taken(text("６．", "他の評価実施機関", wide=True), "基本情報/他の評価実施機関"),
        *(請求先と連絡先("７．", "８．") if revision.disclosure_in_part_one else ()),
    )


def 請求先と連絡先(request: str, contact: str, moved: bool = False) -> tuple[Item, Item]:
    """特定個人情報の開示・訂正・利用停止請求 and 問合せ: Ⅰ７・８ in A, Ⅴ１・２ when ``moved``."""
    sections = (section(request, "特定個人情報の開示・訂正・利用停止請求",
                        taken(text("", "請求先"), _開示 + "特定個人情報の開示・訂正・利用停止請求/請求先")),
                section(contact, "特定個人情報ファイルの取扱いに関する問合せ",
                        taken(text("", "連絡先"), _開示 + "特定個人情報ファイルの取扱いに関する問合せ/連絡先")))
    return tuple(belief(found, _MOVED) for found in sections) if moved else sections


def しきい値判断項目() -> Item:
    """Ⅱ しきい値判断項目 (指針 第5の2). Ⅱ１ is A's; 「取扱者数」 is the 記載要領's; the rest is
    reconstructed (refresh.md §1.2)."""
    return part(
        "Ⅱ　", "しきい値判断項目",
        section("１．", "対象人数",
                taken(choice("", "評価対象の事務の対象人数は何人か", o.対象人数_基礎, role=PEOPLE), _事務 + "対象人数"),
                date("", "いつ時点の計数か", role=COUNTED_ON)),
        section("２．", "取扱者数",
                belief(taken(choice("", "特定個人情報ファイル取扱者数は500人以上か", o.取扱者数_基礎, role=HANDLERS),
                             "しきい値判断/取扱者数"), _BELIEF),
                belief(date("", "いつ時点の計数か", role=COUNTED_ON),
                       _BELIEF + "。記載要領は対象人数・取扱者数を公表日時点から除く")),
        belief(section("３．", "重大事故",
                       belief(taken(choice("", "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか",
                                           o.重大事故_基礎, role=RECENT_INCIDENT), "しきい値判断/重大事故"),
                              _BELIEF + "。1年は指針（ppc-rules §2.1）")),
               "「重大事故」はしきい値判断項目の名（指針の解説）。Ⅱ３の位置は推測"),
    )


def しきい値判断結果() -> Item:
    """Ⅲ しきい値判断結果: what Ⅱ１–３ require (thresholds.py checks it); a 重点/全項目 spec states it
    in Ⅴ１② / Ⅵ１②, printed here in 様式2's wording of the same level."""
    result = taken(choice("", "しきい値判断結果", o.しきい値判断結果_基礎, role=THRESHOLD_RESULT),
                   "評価実施手続/基礎項目評価/しきい値判断結果", how="level")
    return belief(part("Ⅲ　", "しきい値判断結果", belief(result, _BELIEF)), _BELIEF)
