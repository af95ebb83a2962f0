"""Spec text is data: template syntax, markup and ampersands print literally in both outputs."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree
from lxml import html as lxml_html
from ruamel.yaml import YAML
from textutil import docx_lines, html_lines

from generator.build import build, discover

HOSTILE = ["{{ 7*7 }}", "{% raw %}", "<script>alert(1)</script>", "A & B", "{% for x in y %}", "]]>", "\"'",
           "{_{ docxtpl }_} {_% x %_}"]

MINIMAL = Path(__file__).resolve().parents[1] / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml"


def hostile_spec(**overrides) -> str:
    """The minimal valid spec with hostile text in the cover, Ⅰ, Ⅱ check details and 変更箇所."""
    yaml = YAML()
    data = yaml.load(MINIMAL.read_text(encoding="utf-8"))
    data["評価書名"] = "テスト {{ 7*7 }} {% raw %}"
    data["個人のプライバシー等の権利利益の保護の宣言"] = "<script>alert(1)</script>\nA & B"
    data["特記事項"] = "{% for x in y %} ]]> \"'\n{_{ docxtpl }_} {_% x %_}"     # docxtpl's own placeholders
    data["基本情報"]["特定個人情報ファイルを取り扱う事務"]["事務の名称"] = "{{ 7*7 }}"
    file = data["特定個人情報ファイル"][0]
    file["特定個人情報ファイル名"] = "<script>alert(1)</script>"
    file["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]["入手元"] = [{"評価実施機関内の他部署": "A & B {{ 7*7 }}"}]
    data["変更箇所"] = [{"変更日": "令和6年5月24日", "項目": "{% raw %}", "変更前の記載": None,
                      "変更後の記載": "<script>alert(1)</script>", "提出時期": "事後", "提出時期に係る説明": None}]
    data.update(overrides)
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _render(tmp_path):
    specs = tmp_path / "specs"
    (specs / "x").mkdir(parents=True)
    (specs / "x" / "hostile.yaml").write_text(hostile_spec(), encoding="utf-8")
    result = build(discover(specs), specs, tmp_path / "out")
    assert not result.failed, [error.format() for error in result.errors]
    return ((tmp_path / "out" / "x" / "hostile.html").read_bytes(),
            (tmp_path / "out" / "x" / "hostile.docx").read_bytes())


def test_html_escapes_spec_text(tmp_path):
    page, _ = _render(tmp_path)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//body//script")
    text = "\n".join(html_lines(page))
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert "49" not in text
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in page and b"A &amp; B" in page


def test_docx_keeps_spec_text_literal_and_well_formed(tmp_path):
    _, content = _render(tmp_path)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
    docx.Document(io.BytesIO(content))
    text = "\n".join(docx_lines(content))
    for hostile in HOSTILE:
        assert hostile in text, hostile
    assert "49" not in text


def test_control_characters_are_refused_and_nothing_is_written(tmp_path):
    specs = tmp_path / "specs"
    (specs / "x").mkdir(parents=True)
    (specs / "x" / "ctl.yaml").write_text(hostile_spec(特記事項="A\x01\x0b B"), encoding="utf-8")
    result = build(discover(specs), specs, tmp_path / "out")
    assert result.failed
    assert [e.message for e in result.errors] == ["「特記事項」に制御文字（U+0001）が含まれています"]
    assert result.errors[0].line > 1
    assert not (tmp_path / "out").exists()


def test_compiled_docx_path_prints_what_plain_docxtpl_prints(tmp_path):
    """The compiled template (issue: speed) renders the same document text as plain docxtpl."""
    from generator.bench import render_docx_plain
    from generator.build import check, discover
    from generator.render.docx import render_docx
    specs = Path(__file__).resolve().parents[2] / "specs"
    for document in check(discover(specs), specs).documents:
        assert docx_lines(render_docx(document)) == docx_lines(render_docx_plain(document)), document.stem


def test_a_broken_spec_renders_nothing_and_the_others_still_build(tmp_path):
    specs = tmp_path / "specs"
    (specs / "x").mkdir(parents=True)
    (specs / "x" / "good.yaml").write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    (specs / "x" / "bad.yaml").write_text(MINIMAL.read_text(encoding="utf-8").replace("公表日: 令和6年5月24日",
                                                                                    "公表日: 令和7年2月30日"), encoding="utf-8")
    result = build(discover(specs), specs, tmp_path / "out")
    assert result.failed and {error.path for error in result.errors if not error.warning} == {
        (specs / "x" / "bad.yaml").as_posix()}
    assert sorted(p.name for p in (tmp_path / "out" / "x").iterdir()) == [
        "good.docx", "good.html", "good.基礎項目評価書.docx", "good.基礎項目評価書.html"]    # and its 基礎 (issue 16)
