"""様式2 Ⅳ リスク対策 and Ⅴ 開示請求、問合せ (平成30年5月), reconstructed as a whole.

No published 基礎項目評価書 in the corpora reaches Ⅳ (refresh.md §1.2): its questions are 様式3 Ⅲ's
confirmed risk names with 「…への対策は十分か」 and 様式3's ＜選択肢＞, its numbering 8–10 is uncertain,
and the 「人手を介在させる作業」 block refresh.md half-remembers is left out (no source). The keys of
its sections are 様式3 Ⅲ's, so a 基礎 derived from a 重点 spec finds them.
"""
from __future__ import annotations

from . import options as o
from .dsl import belief, checks, choice, part, reconstructed, section, text
from .form2 import 請求先と連絡先
from .items import Check, CheckLayout, Item

_入手 = "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"
_提供 = "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"
_RISKS = "refresh.md §1.2: 様式3 Ⅲ のリスク名（seed 001）に「への対策は十分か」。様式2 での文言は推測"
_BELIEF = "refresh.md §1.2 の再構成（様式2 の Ⅳ を印字した公表文書はない）"
_BOXES = "様式3 Ⅲ４–６ の見出しの枠（seed 000）。様式2 での印字は refresh.md §1.2 の推測"
_十分か = reconstructed(o.十分か, "様式3 の選択肢（seed 001）。様式2 での使用は [BELIEF]")
_教育 = reconstructed(o.力を入れて行っている, "様式3 Ⅲ９ の選択肢（seed 000）")


def _question(risk: str) -> Item:
    """「…リスクへの対策は十分か」 with 様式3's three answers."""
    return belief(choice("", f"{risk}への対策は十分か", _十分か), _RISKS)


def _box(key: str, *boxes: Check, source: str = _BOXES) -> Item:
    """Check boxes printed on a section's heading row (４．[ ] 委託しない), written in the spec."""
    return belief(checks("", key, CheckLayout(((None, boxes or (Check(key),)),))), source)


def _section(number: str, key: str, *children: Item, label: str | None = None,
             header_checks: tuple[Item, ...] = ()) -> Item:
    return belief(section(number, key, *children, label=label, header_checks=header_checks), _BELIEF)


_目的外 = "目的外の入手が行われるリスク"
_不正な提供 = "不正な提供が行われるリスク"


def リスク対策() -> Item:
    """Ⅳ リスク対策."""
    return belief(part(
        "Ⅳ　", "リスク対策",
        belief(choice("１．", "提出する特定個人情報保護評価書の種類", o.評価書の種類), _BELIEF),
        _section("２．", "特定個人情報の入手", _question(_目的外), label=_入手),
        _section("３．", "特定個人情報の使用",
                 _question("目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク"),
                 _question("権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク")),
        _section("４．", "特定個人情報ファイルの取扱いの委託", _question("委託先における不正な使用等のリスク"),
                 header_checks=(_box("委託しない"),)),
        _section("５．", "特定個人情報の提供・移転", _question("不正な提供・移転が行われるリスク"), label=_提供,
                 header_checks=(_box("提供・移転しない"),)),
        _section("６．", "情報提供ネットワークシステムとの接続", _question(_目的外), _question(_不正な提供),
                 header_checks=(_box("接続しない",
                                     Check("接続しない（入手）", value="入手", blanks=(f"{_目的外}への対策は十分か",)),
                                     Check("接続しない（提供）", value="提供", blanks=(f"{_不正な提供}への対策は十分か",))),)),
        _section("７．", "特定個人情報の保管・消去", _question("特定個人情報の漏えい・滅失・毀損リスク")),
        _section("８．", "監査", belief(checks("", "実施の有無", o.監査), _BELIEF)),
        _section("９．", "従業者に対する教育・啓発",
                 belief(choice("", "従業者に対する教育・啓発", _教育), _BELIEF)),
        _優先度(),
    ), _BELIEF)


def _優先度() -> Item:
    """Ⅳ１０ 最も優先度が高いと考えられる対策 (ppc-rules §1.2, §1.4: [BELIEF] as a whole)."""
    return _section("１０．", "最も優先度が高いと考えられる対策",
                    belief(choice("", "最も優先度が高いと考えられる対策", o.優先度が高い対策), _BELIEF),
                    belief(choice("", "当該対策は十分か", _十分か, label="当該対策は十分か【再掲】"), _BELIEF),
                    belief(text("", "判断の根拠"), _BELIEF),
                    header_checks=(_box("全項目評価又は重点項目評価を実施する", source=_BELIEF),))


def 開示請求() -> Item:
    """Ⅴ 開示請求、問合せ: A's Ⅰ７・８, moved (refresh.md §1.2 [BELIEF])."""
    return belief(part("Ⅴ　", "開示請求、問合せ", *請求先と連絡先("１．", "２．", moved=True)),
                  "refresh.md §1.2 の再構成（Ⅰ７・８ がⅤに移ったとみる。表題は様式3 Ⅳ の文言）")
