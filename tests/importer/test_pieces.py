"""The importer's pieces on small inputs: form and revision detection, values read by kind, the
standard fragments recognised, and the command line's answers to what it cannot read."""
from __future__ import annotations

import zipfile

import pytest

from generator.__main__ import main
from generator.build import SPECS, library
from generator.errors import SpecError
from generator.forms import FORMS
from generator.importer.checks import read_checks
from generator.importer.detect import detect
from generator.importer.recognise import recognise
from generator.importer.run import import_document
from generator.importer.standard import standards
from generator.importer.values import read_choice, read_date

from .agreement import ROOT

FOCUSED, FULL = FORMS[("重点項目評価書", "平成30年5月")], FORMS[("全項目評価書", "平成30年5月")]
FIVE = FORMS[("重点項目評価書", "平成30年5月（5情報）")]


def _item(form, key):
    from generator.importer.plan import Counts, visits
    return next(visit.item for visit in visits(form, Counts()) if visit.item.key == key)


@pytest.mark.parametrize("text, expected", [
    ("特定個人情報保護評価書(重点項目評価書)\n[平成30年５月 様式３]\n4情報(氏名、性別、生年月日、住所)", FOCUSED),
    ("特定個人情報保護評価書（重点項目評価書）\n[ ] 5情報（氏名、氏名の振り仮名、性別、生年月日、住所）", FIVE),
    ("特定個人情報保護評価書（全項目評価書）\n[平成30年5月 様式4]", FULL),
    ("表題のない文書\n[平成30年５月　様式３]", FOCUSED),
])
def test_form_and_revision_detected_from_the_title_label_and_wording(text, expected):
    assert detect(text, "x.txt") is expected


def test_unknown_form_or_revision_is_refused_in_japanese():
    refused = detect("何の様式でもない文書", "x.txt")
    assert isinstance(refused, SpecError) and "様式を判別できません" in refused.format() and "--form" in refused.format()
    unsure = detect("特定個人情報保護評価書（重点項目評価書）", "x.txt")
    assert isinstance(unsure, SpecError) and "様式の版を判別できません" in unsure.format()
    assert detect("特定個人情報保護評価書（重点項目評価書）", "x.txt", revision="平成30年5月") is FOCUSED
    assert "「令和9年」はありません" in detect("", "x.txt", "全項目評価書", "令和9年").format()


def test_choices_are_read_against_their_options():
    item = _item(FOCUSED, "リスクへの対策は十分か")
    assert read_choice(item, "[ 十分である ]\n＜選択肢＞\n1） 特に力を入れている").value == "十分である"
    near = read_choice(item, "[ 十分であろ ]")
    assert near.value == "十分である" and "要確認" not in near.note and "と読みました" in near.note
    stray = read_choice(item, "[ 大丈夫 ]")
    assert stray.value is None and "選択肢にありません" in stray.note
    assert read_choice(item, "[ ]").value is None and not read_choice(item, "[ ]").note


def test_dates_and_check_boxes():
    assert read_date(" 令和６年５月２４日 ").value == "令和６年５月２４日" and not read_date("令和6年5月").note
    assert read_date("令和7年2月30日").note.startswith("和暦の日付として読めません")
    item = _item(FOCUSED, "入手元")
    read = read_checks(item, "[ ○ ] 本人又は本人の代理人\n[ O ] 評価実施機関内の他部署 （ 市民課 ）\n[  ] 民間事業者 （ ）")
    assert read.value == ["本人又は本人の代理人", {"評価実施機関内の他部署": "市民課"}]
    lost = read_checks(item, "☐ 本人又は本人の代理人 ☐ 民間事業者 （ ）")
    assert lost.value is None and "失われています" in lost.note


def test_a_fragment_becomes_a_reference_with_its_arguments_and_a_near_one_a_hint():
    shelf = library(ROOT / SPECS)
    found, heading = standards(shelf), "（ガバメントクラウドにおける措置）"
    body = shelf.find("ガバメントクラウド/保管場所").body.replace("{見出し}", heading)
    recognised = recognise("＜当市の措置＞\n紙は施錠して保管する。\n" + body, found, exact=True)
    reference = {"共通記載": "ガバメントクラウド/保管場所", "引数": {"見出し": heading}}
    assert recognised.value == ["＜当市の措置＞\n紙は施錠して保管する。", reference]
    near = recognise(body.replace("日本国内に設置された", "国内の"), found, exact=True)
    assert isinstance(near.value, str) and "共通記載「ガバメントクラウド/保管場所」に近い文です" in near.hint


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02binary", "文字コードを判別できません"),
    (b"%PDF-1.7\nbroken", "文書を読み取れません（PDF"),
    ("何の様式でもない文書".encode(), "様式を判別できません"),
])
def test_what_cannot_be_read_is_an_error_not_a_traceback(tmp_path, capsys, content, message):
    path = tmp_path / "in.bin"
    path.write_bytes(content)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "内部エラー" not in err


def test_a_zip_that_is_not_a_word_file_and_a_missing_file(tmp_path, capsys):
    archive = tmp_path / "x.docx"
    with zipfile.ZipFile(archive, "w") as opened:
        opened.writestr("hello.txt", "hi")
    assert main(["import", str(archive)]) == 1
    assert "Word 文書（.docx）ではない ZIP ファイルです" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "nothing.pdf")]) == 1
    assert "ファイルがありません" in capsys.readouterr().err


def test_the_draft_goes_to_a_new_file_with_a_summary_and_is_never_overwritten(documents, tmp_path, capsys):
    target = tmp_path / "draft.yaml"
    assert main(["import", str(documents["旭川市/国民年金に関する事務"]["html"]), "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/form3-h30-5-5joho.schema.json\n")
    assert "様式: 重点項目評価書\n様式の版: 平成30年5月（5情報）\n" in text
    assert "重点項目評価書（平成30年5月（5情報））: 記入 " in capsys.readouterr().err
    assert main(["import", str(documents["旭川市/国民年金に関する事務"]["html"]), "-o", str(target)]) == 1
    assert "既にあります（上書きしません）" in capsys.readouterr().err


def test_uncertain_items_are_marked_in_the_yaml(seeds_dir, capsys):
    assert main(["import", str(seeds_dir / "001_c91ff3b7ff044dd1.txt")]) == 0
    out = capsys.readouterr().out
    assert "# 要確認: チェックの有無が抽出で失われています" in out
    assert "共通記載: ガバメントクラウド/ISMAP監査" in out or "共通記載:" in out


def test_the_same_document_gives_the_same_draft(documents):
    source = documents["いわき市/国民年金事務"]["docx"]
    assert import_document(source).text == import_document(source).text
