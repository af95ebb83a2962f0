"""添付資料 (別添4, 別紙 …) as any sequence of text and tables: one 別紙 with text, a table without a
head row (a dated timeline) and more text prints as one part — one heading, no page break inside,
no empty head row — in HTML and DOCX; the first form (本文, then 表 with 列) prints as before."""
from __future__ import annotations

import io

import docx
import pytest
from conftest import ROOT
from lxml import html

from generator.build import build

MINIMAL = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml"
TIMELINE = """
添付資料:
  - 見出し: 別紙　システム更改の経緯
    内容:
      - 本文: 次のとおり更改した。
      - 表:
          行:
            - [令和5年4月1日, 基本設計]
            - [令和6年1月4日, 稼働]
      - 本文: 以上のとおり。
  - 見出し: 【別添4】 情報照会者
    本文: 前文
    表:
      列: [項番, 情報照会者]
      行:
        - [1, 厚生労働大臣]
"""


def _build(tmp_path, annexes: str):
    specs = tmp_path / "specs"
    (specs / "x").mkdir(parents=True)
    (specs / "x" / "spec.yaml").write_text(MINIMAL.read_text(encoding="utf-8") + annexes, encoding="utf-8")
    result = build([specs / "x" / "spec.yaml"], specs, tmp_path / "out")
    return result, tmp_path / "out" / "x"


def test_text_a_headless_table_and_text_print_as_one_part_in_html(tmp_path):
    result, out = _build(tmp_path, TIMELINE)
    assert not result.failed, [error.format() for error in result.errors]
    page = html.fromstring((out / "spec.html").read_bytes())
    part = page.xpath("//section[h2='別紙　システム更改の経緯']")
    assert len(part) == 1
    pieces = [(element.tag, "".join(element.text_content().split())) for element in part[0] if element.tag != "h2"]
    assert pieces == [("div", "次のとおり更改した。"), ("table", "令和5年4月1日基本設計令和6年1月4日稼働"),
                      ("div", "以上のとおり。")]
    assert not part[0].xpath(".//th") and not part[0].xpath(".//thead")
    annex = page.xpath("//section[h2='【別添4】 情報照会者']")[0]
    assert [th.text for th in annex.xpath(".//thead//th")] == ["項番", "情報照会者"]
    assert annex.xpath("div[@class='box']")[0].text == "前文"


def test_text_a_headless_table_and_text_print_as_one_part_in_docx(tmp_path):
    result, out = _build(tmp_path, TIMELINE)
    assert not result.failed
    document = docx.Document(io.BytesIO((out / "spec.docx").read_bytes()))
    headings = [paragraph.text for paragraph in document.paragraphs if paragraph.style.name == "Heading 1"]
    assert headings.count("別紙　システム更改の経緯") == 1          # one heading: one page break, before it
    body = document.element.body
    start = next(index for index, child in enumerate(body) if child.xpath("string(.)") == "別紙　システム更改の経緯")
    tables = [child for child in body[start + 1:] if child.tag.endswith("}tbl")][:3]
    texts = ["".join(table.xpath(".//w:t/text()")) for table in tables]
    assert texts == ["次のとおり更改した。", "令和5年4月1日基本設計令和6年1月4日稼働", "以上のとおり。"]
    assert len(tables[1].xpath("./w:tr")) == 2, "two rows and no head row"
    between = body[start + 1:list(body).index(tables[2])]
    assert not [child for child in between if child.xpath(".//w:pStyle[@w:val='Heading1'] | .//w:br[@w:type='page']")]


@pytest.mark.parametrize(("annex", "message"), [
    ("  - 見出し: 別紙\n    内容:\n      - 本文: a\n        表: {行: [[1]]}\n", "「本文」か「表」のどちらか一つ"),
    ("  - 見出し: 別紙\n    内容:\n      - 表: {列: [a], 行: [[1, 2]]}\n", "列（1個）より多く"),
    ("  - 見出し: 別紙\n    内容:\n      - 表: {行: []}\n", "表に列も行もありません"),
    ("  - 見出し: 別紙\n    内容:\n      - 図: a\n", "図"),
])
def test_a_block_is_one_text_or_one_table_that_fits(tmp_path, annex, message):
    result, _ = _build(tmp_path, "添付資料:\n" + annex)
    assert result.failed
    assert any(message in error.format() for error in result.errors), [error.format() for error in result.errors]
