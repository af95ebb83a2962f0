"""The 様式2 基礎項目評価書 model: its labels in printed order, and which of them a published text
confirms. A label is confirmed when a published 基礎項目評価書 prints it (under its section's label
where it sits in one); every other label must be flagged reconstructed, with its reason."""
from __future__ import annotations

import unicodedata

import pytest

from generator.forms import FORMS, Kind

BASIC = {revision: FORMS[("基礎項目評価書", revision)] for revision in ("平成26年4月", "平成30年5月")}
EXCERPTS = ("kiso_akaiwa_partial.txt", "kiso_kumagaya_partial.txt", "kiso_noshiro_partial.txt", "kiso_hino_partial.txt")
# The 記載要領 [平成29年5月 様式2] (research/ppc-rules.md §1.5), naming Ⅱ１ and Ⅱ２ by their labels.
GUIDE = "評価書の記載内容は、原則として、公表日時点のものとしてください（「Ⅱ 1.対象人数」及び「Ⅱ 2.取扱者数」を除く。）。"

# refresh.md §1.1 (A, 赤磐市) and §1.2 (the reconstruction), in printed order; 添付資料 is not a label.
PRINTED_H30 = [
    "評価書番号", "評価書名", "個人のプライバシー等の権利利益の保護の宣言", "特記事項", "評価実施機関名", "公表日",
    "Ⅰ　関連情報", "１．特定個人情報ファイルを取り扱う事務", "①事務の名称", "②事務の概要", "③システムの名称",
    "２．特定個人情報ファイル名", "３．個人番号の利用", "法令上の根拠",
    "４．情報提供ネットワークシステムによる情報連携", "①実施の有無", "②法令上の根拠",
    "５．評価実施機関における担当部署", "①部署", "②所属長の役職名", "６．他の評価実施機関",
    "Ⅱ　しきい値判断項目", "１．対象人数", "評価対象の事務の対象人数は何人か", "いつ時点の計数か",
    "２．取扱者数", "特定個人情報ファイル取扱者数は500人以上か", "いつ時点の計数か",
    "３．重大事故", "過去1年以内に、評価実施機関において特定個人情報に関する重大事故が発生したか",
    "Ⅲ　しきい値判断結果", "しきい値判断結果",
    "Ⅳ　リスク対策", "１．提出する特定個人情報保護評価書の種類",
    "２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）", "目的外の入手が行われるリスクへの対策は十分か",
    "３．特定個人情報の使用", "目的を超えた紐付け、事務に必要のない情報との紐付けが行われるリスクへの対策は十分か",
    "権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスクへの対策は十分か",
    "４．特定個人情報ファイルの取扱いの委託", "委託しない", "委託先における不正な使用等のリスクへの対策は十分か",
    "５．特定個人情報の提供・移転（委託や情報提供ネットワークシステムを通じた提供を除く。）", "提供・移転しない",
    "不正な提供・移転が行われるリスクへの対策は十分か",
    "６．情報提供ネットワークシステムとの接続", "接続しない", "目的外の入手が行われるリスクへの対策は十分か",
    "不正な提供が行われるリスクへの対策は十分か",
    "７．特定個人情報の保管・消去", "特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か",
    "８．監査", "実施の有無", "９．従業者に対する教育・啓発", "従業者に対する教育・啓発",
    "１０．最も優先度が高いと考えられる対策", "全項目評価又は重点項目評価を実施する", "最も優先度が高いと考えられる対策",
    "当該対策は十分か【再掲】", "判断の根拠",
    "Ⅴ　開示請求、問合せ", "１．特定個人情報の開示・訂正・利用停止請求", "請求先",
    "２．特定個人情報ファイルの取扱いに関する問合せ", "連絡先",
    "（別添）　変更箇所", "変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明",
]


def fold(text: str) -> str:
    """NFKC without white space and punctuation (the excerpts' glyphs are normalised)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZCS")


def _labels(form) -> list[str]:
    return [item.printed_label for _, item in form.printed_items]


def test_labels_in_printed_order():
    assert _labels(BASIC["平成30年5月"]) == PRINTED_H30


def test_the_older_revision_differs_only_as_data():
    """平成26年4月 (赤磐市): ②所属長, 開示請求・問合せ as Ⅰ７・８, no Ⅳ and no Ⅴ."""
    old = _labels(BASIC["平成26年4月"])
    assert old[old.index("②所属長") + 1:old.index("Ⅱ　しきい値判断項目")] == [
        "６．他の評価実施機関", "７．特定個人情報の開示・訂正・利用停止請求", "請求先",
        "８．特定個人情報ファイルの取扱いに関する問合せ", "連絡先"]
    assert "Ⅳ　リスク対策" not in old and "Ⅴ　開示請求、問合せ" not in old
    assert BASIC["平成26年4月"].version_line == "[平成26年４月　様式２]"


def test_form2_is_its_own_form():
    for form in BASIC.values():
        assert form.number == "様式2" and form.level == 1 and form.threshold is None
        assert form.contents == () and form.per_file == ()
        assert not any(item.mark or item.note for _, item in form.printed_items)      # no ※ known
        assert form.title == "特定個人情報保護評価書（基礎項目評価書）"


@pytest.fixture(scope="module")
def published(excerpts_dir) -> dict[str, str]:
    """Each excerpt's text (without its # header), folded."""
    texts = {}
    for name in EXCERPTS:
        lines = (excerpts_dir / name).read_text(encoding="utf-8").splitlines()
        texts[name] = fold("\n".join(line for line in lines if not line.startswith("#")))
    return {**texts, "記載要領": fold(GUIDE)}


def _printed_in(published: dict[str, str], label: str, section: str) -> bool:
    """``label`` in a published text, after its section's label (numbering aside) where it has one."""
    own = fold(label)
    parent = fold(section.lstrip("０１２３４５６７８９．")) if section else ""
    return any(own in text and (not parent or own in text[text.find(parent) + len(parent):] and parent in text)
               for text in published.values())


@pytest.mark.parametrize("revision", sorted(BASIC))
def test_every_label_no_published_text_prints_is_flagged(published, revision):
    form, sections = BASIC[revision], set()
    for above, item in form.printed_items:
        if item.kind is Kind.SECTION:
            sections.add(item.heading)
        section = above[-1] if above and above[-1] in sections else ""
        if item.confirmed:
            assert _printed_in(published, item.printed_label, section), (above, item.printed_label)
        else:
            assert item.source, item.printed_label       # a reconstruction says what it rests on


@pytest.mark.parametrize("revision", sorted(BASIC))
def test_every_confirmed_option_list_is_printed(published, revision):
    """A ＜選択肢＞ list marked confirmed is printed whole by a published text; 対象人数's is not."""
    for _, item in BASIC[revision].printed_items:
        if item.options is not None and item.options.confirmed:
            assert all(any(fold(text) in found for found in published.values()) for text in item.options.texts), item.key
    people = next(item for _, item in BASIC[revision].printed_items if item.key == "評価対象の事務の対象人数は何人か")
    assert not people.options.confirmed and fold("1,000人未満（任意実施）") in published["kiso_akaiwa_partial.txt"]


def test_pia_new_marks_every_reconstructed_item():
    """Each key of a reconstructed item carries [BELIEF] in the blank spec (the 変更箇所 columns are
    not written there: pia changes writes the rows), and no other key does."""
    from generator.editor.skeleton import skeleton
    form = BASIC["平成30年5月"]
    text = skeleton(form)
    marked = {line.split(":")[0].strip().lstrip("- ") for line in text.splitlines() if "[BELIEF] 再構成した" in line}
    assert marked == {item.key for above, item in form.reconstructed if not (above and above[-1].endswith("変更箇所"))}
    assert "[平成30年５月　様式２]" in text                   # its version line is reconstructed too
