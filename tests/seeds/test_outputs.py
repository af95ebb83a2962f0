"""Structure of every rendered seed: all form items in printed order, nothing leaked, valid DOCX."""
from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from conftest import ROOT
from lxml import etree
from printed import printed_labels
from textutil import docx_lines, html_lines, normalise

from generator.build import SPECS as _SPECS
from generator.forms import FORMS
from generator.read.fragments import Library
from generator.read.load import load_yaml
from generator.read.resolve import resolve

SPECS = ROOT / _SPECS
FILE_MARKS = ("①ファイルの種類　※", "③対象となる本人の範囲　※", "[ ○ ]", "[  ]")
LEAKS = re.compile(r"\{\{|\}\}|\{%|%\}|\bNone\b|[Uu]ndefined")


def _stems(built):
    return sorted(built)


@pytest.fixture(scope="module")
def labels(built):
    """stem → the printed labels the form model says the document must show, in order."""
    result = {}
    for stem in built:
        loaded, _ = load_yaml(SPECS / f"{stem}.yaml")
        resolved, _ = resolve(loaded, Library(SPECS / "fragments"))
        form = FORMS[(resolved.data["様式"], resolved.data["様式の版"])]
        result[stem] = printed_labels(form, resolved.data)
    return result


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_every_item_in_printed_order(built, labels, fmt):
    reader = html_lines if fmt == "html" else docx_lines
    for stem, entry in built.items():
        text = normalise("\n".join(reader(entry[fmt])))
        position = 0
        for label in labels[stem]:
            found = text.find(normalise(label), position)
            assert found >= 0, f"{stem} {fmt}: 「{label}」 missing or out of order"
            position = found + 1
        assert len(labels[stem]) > MOST_LABELS[entry["document"].form_name]


# Labels a document prints at least: the 基礎項目評価書 (様式2, 平成26年4月: no Ⅳ) is short.
MOST_LABELS = {"基礎項目評価書": 35, "重点項目評価書": 150, "全項目評価書": 150}


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_numbering_and_marks_are_printed(built, fmt):
    reader = html_lines if fmt == "html" else docx_lines
    for stem, entry in built.items():
        text = "\n".join(reader(entry[fmt]))
        numbering = {"重点項目評価書": ("４．個人番号の利用　※", "※（７．②を除く。）", *FILE_MARKS),
                     "全項目評価書": ("５．個人番号の利用　※", "※（７．リスク１⑨を除く。）", "②事務の内容　※", *FILE_MARKS),
                     # 様式2: no ※ is known (no excerpt reached one), no check box in 平成26年4月
                     "基礎項目評価書": ("３．個人番号の利用", "②事務の概要", "Ⅱ　しきい値判断項目")}
        for printed in ("＜選択肢＞", *numbering[entry["document"].form_name]):
            assert printed in text, f"{stem} {fmt}: {printed}"
        assert ("※" in text) is (entry["document"].form_name != "基礎項目評価書"), stem


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_no_template_syntax_or_none_leaks(built, fmt):
    reader = html_lines if fmt == "html" else docx_lines
    for stem, entry in built.items():
        text = "\n".join(reader(entry[fmt]))
        assert not LEAKS.search(text), f"{stem} {fmt}: {LEAKS.search(text).group(0)}"


def test_docx_is_a_zip_of_well_formed_xml(built):
    for entry in built.values():
        with zipfile.ZipFile(io.BytesIO(entry["docx"])) as archive:
            assert archive.testzip() is None
            for name in archive.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    etree.fromstring(archive.read(name))
        document = docx.Document(io.BytesIO(entry["docx"]))
        assert len(document.tables) >= (6 if entry["document"].form_name == "基礎項目評価書" else 8)
        for table in document.tables:
            assert table.rows and all(row.cells for row in table.rows)


def test_docx_has_east_asian_font_and_page_numbers(built):
    entry = next(iter(built.values()))
    with zipfile.ZipFile(io.BytesIO(entry["docx"])) as archive:
        styles = archive.read("word/styles.xml").decode()
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert 'w:eastAsia="ＭＳ 明朝"' in styles
    assert '<w:lang w:val="ja-JP" w:eastAsia="ja-JP"' in styles, "Japanese for every script: the PDF's /Lang"
    assert any('w:instr="PAGE"' in footer for footer in footers)


def test_html_is_self_contained_japanese_page(built):
    for entry in built.values():
        page = entry["html"].decode()
        assert page.startswith("<!DOCTYPE html>") and '<html lang="ja">' in page
        assert "@page { size: A4" in page
        assert not re.search(r"<(link|script|img)\b", page)


def test_html_contents_link_to_their_parts(built):
    """項目一覧: each line of the form's table of contents links to the part it names (the first, when
    a document has several files)."""
    from lxml import html
    for stem, entry in built.items():
        page = html.fromstring(entry["html"])
        links = page.xpath("//ol[@class='contents']/li/a")
        assert len(links) == len(entry["document"].contents), stem
        for link in links:
            target = page.get_element_by_id(link.get("href").removeprefix("#"))
            assert target.tag == "section" and target.findtext("h2").startswith(link.text), (stem, link.text)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_provision_counts_print_as_published(built, fmt):
    """II-5 提供・移転の有無 of いわき市 住民基本台帳ファイル: 提供先1 and 移転先1 stand for 別添4 and 別添5,
    and the published counts (58, 55) come from the spec; unchecked boxes print （ ） 件, as the
    published 千葉市 document does."""
    reader = html_lines if fmt == "html" else docx_lines
    iwaki = "\n".join(reader(built["いわき市/住民基本台帳事務"][fmt]))
    assert "[ ○ ] 提供を行っている （ 58 ） 件" in iwaki and "[ ○ ] 移転を行っている （ 55 ） 件" in iwaki
    assert "[ ○ ] 提供を行っている （ 2 ） 件" in iwaki          # (2) 送付先情報ファイル: counted from its list
    chiba = "\n".join(reader(built["千葉市/国民年金に関する事務"][fmt]))
    assert "[  ] 提供を行っている （  ） 件" in chiba
