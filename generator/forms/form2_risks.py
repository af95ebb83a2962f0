"""様式2 Ⅳ リスク対策 and Ⅴ 開示請求、問合せ (平成30年5月), reconstructed as a whole.

No published 基礎項目評価書 in the corpora reaches Ⅳ (refresh.md §1.2): its questions are 様式3 Ⅲ's
confirmed risk names with 「…への対策は十分か」 and 様式3's ＜選択肢＞, its numbering 8–10 is uncertain,
and the 「人手を介在させる作業」 block refresh.md half-remembers is left out (no source). The keys of
its sections are 様式3 Ⅲ's; each answer names the 様式3 and 様式4 risk a derived 基礎 takes it from.
"""
from __future__ import annotations

from . import options as o
from .dsl import belief, checks, choice, part, reconstructed, section, taken, text
from .form2 import 請求先と連絡先
from .items import DOCUMENTS, Check, CheckLayout, Item

_入手 = "特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）"
_提供 = "特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）"
_RISKS = "refresh.md §1.2: 様式3 Ⅲ のリスク名（seed 001）に「への対策は十分か」。様式2 での文言は推測"
_BELIEF = "refresh.md §1.2 の再構成（様式2 の Ⅳ を印字した公表文書はない）"
_BOXES = "様式3 Ⅲ４–６ の見出しの枠（seed 000）。様式2 での印字は refresh.md §1.2 の推測"
_十分か = reconstructed(o.十分か, "様式3 の選択肢（seed 001）。様式2 での使用は [BELIEF]")
_教育 = reconstructed(o.力を入れて行っている, "様式3 Ⅲ９ の選択肢（seed 000）")

# Where the 基礎 of a 重点/全項目 spec takes Ⅳ from (items.Taken): 様式3 Ⅲ, 様式4 Ⅲ, once per file.
_III = ("特定個人情報ファイル/リスク対策/", "特定個人情報ファイル/特定個人情報ファイルの取扱いプロセスにおけるリスク対策/")
_II = "特定個人情報ファイル/特定個人情報ファイルの概要/"


def _question(risk: str, section_key: str, risk3: str, risk4: str) -> Item:
    """「…リスクへの対策は十分か」 with 様式3's three answers: for a derived 基礎, the least assured
    answer of the files to the same risk (様式3 Ⅲ ``risk3``, 様式4 Ⅲ ``risk4`` of ``section_key``)."""
    paths = tuple(f"{part_}{section_key}/{key}/リスクへの対策は十分か" for part_, key in zip(_III, (risk3, risk4)))
    return belief(taken(choice("", f"{risk}への対策は十分か", _十分か), *paths, across="weakest"), _RISKS)


def _box(key: str, *boxes: Check, source: str = _BOXES) -> Item:
    """Check boxes printed on a section's heading row (４．[ ] 委託しない), written in the spec."""
    return belief(checks("", key, CheckLayout(((None, boxes or (Check(key),)),))), source)


def _in_every_file(item: Item, path: str, how: str = "") -> Item:
    """A heading box a derived 基礎 checks when every file of the 重点/全項目 spec says so."""
    return taken(item, path, across="every", how=how)


def _section(number: str, key: str, *children: Item, label: str | None = None,
             header_checks: tuple[Item, ...] = ()) -> Item:
    return belief(section(number, key, *children, label=label, header_checks=header_checks), _BELIEF)


_目的外 = "目的外の入手が行われるリスク"
_不正な提供 = "不正な提供が行われるリスク"
_接続 = "情報提供ネットワークシステムとの接続"


def リスク対策() -> Item:
    """Ⅳ リスク対策."""
    return belief(part(
        "Ⅳ　", "リスク対策",
        belief(taken(choice("１．", "提出する特定個人情報保護評価書の種類", o.評価書の種類, role=DOCUMENTS), how="level"),
               _BELIEF),
        _section("２．", "特定個人情報の入手", _question(_目的外, "特定個人情報の入手", "リスク", "リスク1"), label=_入手),
        _section("３．", "特定個人情報の使用",
                 _question("目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスク", "特定個人情報の使用",
                           "リスク1", "リスク1"),
                 _question("権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク",
                           "特定個人情報の使用", "リスク2", "リスク2")),
        _section("４．", "特定個人情報ファイルの取扱いの委託",
                 _question("委託先における不正な使用等のリスク", "特定個人情報ファイルの取扱いの委託", "リスク", "リスク"),
                 header_checks=(_in_every_file(_box("委託しない"), _II + "特定個人情報ファイルの取扱いの委託/委託の有無"),)),
        _section("５．", "特定個人情報の提供・移転",
                 _question("不正な提供・移転が行われるリスク", "特定個人情報の提供・移転", "リスク", "リスク1"), label=_提供,
                 header_checks=(_in_every_file(_box("提供・移転しない"), _II + "特定個人情報の提供・移転/提供・移転の有無",
                                               how="provision"),)),
        _section("６．", _接続, _question(_目的外, _接続, "リスク1", "リスク1"),
                 _question(_不正な提供, _接続, "リスク2", "リスク5"), header_checks=(_接続しない(),)),
        _section("７．", "特定個人情報の保管・消去",
                 _question("特定個人情報の漏えい・滅失・毀損リスク", "特定個人情報の保管・消去", "リスク", "リスク1")),
        _section("８．", "監査", belief(taken(checks("", "実施の有無", o.監査), _III[0] + "監査/実施の有無", across="any"),
                                       _BELIEF)),
        _section("９．", "従業者に対する教育・啓発", _教育啓発()),
        _優先度(),
    ), _BELIEF)


def _接続しない() -> Item:
    """Ⅳ６'s heading boxes: a direction no file of the 重点/全項目 spec connects (様式3/4 Ⅲ６)."""
    box = _box("接続しない",
               Check("接続しない（入手）", value="入手", blanks=(f"{_目的外}への対策は十分か",)),
               Check("接続しない（提供）", value="提供", blanks=(f"{_不正な提供}への対策は十分か",)))
    return taken(box, *(f"{part_}{_接続}/接続しない" for part_ in _III), across="every")


def _教育啓発() -> Item:
    """Ⅳ９, from 様式3 Ⅲ９ (per file) or 様式4 Ⅳ２ (once)."""
    key = "従業者に対する教育・啓発/従業者に対する教育・啓発"
    item = choice("", "従業者に対する教育・啓発", _教育)
    return belief(taken(item, _III[0] + key, "その他のリスク対策/" + key, across="weakest"), _BELIEF)


def _優先度() -> Item:
    """Ⅳ１０ 最も優先度が高いと考えられる対策 (ppc-rules §1.2, §1.4: [BELIEF] as a whole). A 基礎
    beside a 重点/全項目 document checks 全項目評価又は重点項目評価を実施する; the rest is its own."""
    return _section("１０．", "最も優先度が高いと考えられる対策",
                    belief(choice("", "最も優先度が高いと考えられる対策", o.優先度が高い対策), _BELIEF),
                    belief(choice("", "当該対策は十分か", _十分か, label="当該対策は十分か【再掲】"), _BELIEF),
                    belief(text("", "判断の根拠"), _BELIEF),
                    header_checks=(taken(_box("全項目評価又は重点項目評価を実施する", source=_BELIEF), how="checked"),))


def 開示請求() -> Item:
    """Ⅴ 開示請求、問合せ: A's Ⅰ７・８, moved (refresh.md §1.2 [BELIEF])."""
    return belief(part("Ⅴ　", "開示請求、問合せ", *請求先と連絡先("１．", "２．", moved=True)),
                  "refresh.md §1.2 の再構成（Ⅰ７・８ がⅤに移ったとみる。表題は様式3 Ⅳ の文言）")
