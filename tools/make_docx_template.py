"""Write templates/docx/document.docx, the docxtpl template of every form.

The template holds no form items: its tables loop over the rows of the document model, one template
row per row shape (section, risk, item, sub …), so restyling a row shape in Word restyles it
everywhere. Run `python tools/make_docx_template.py` after changing this file; the output is
committed so users can open and restyle it in Word (fonts, shading, widths, margins).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from generator.check.schema import MAX_COLUMNS  # noqa: E402
from generator.forms.shared import 変更箇所  # noqa: E402
from generator.layout.geometry import CHANGE_WIDTHS, FONT, FORM_WIDTHS, PAGE_MARGIN_MM, SHADE  # noqa: E402
from generator.render.docx import FIXED_TIME, normalise_zip  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "templates" / "docx" / "document.docx"
LANGUAGE = "ja-JP"          # w:lang of the text: the PDF's /Lang (generator/pdf.py)


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(template())
    print(f"wrote {OUT}")


def template() -> bytes:
    """The template's bytes: the same script gives the same bytes (quiet git diffs; a test compares)."""
    document = Document()
    _page(document)
    _styles(document)
    _cover(document)
    _contents(document)
    _parts(document)
    _footer(document)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = "{{ doc.name }}", "pia", "pia"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return normalise_zip(buffer.getvalue())


def _page(document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(PAGE_MARGIN_MM))


def _styles(document) -> None:
    """East Asian fonts on every style: Word otherwise falls back to a Western font for 漢字."""
    for name in ("Normal", "Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        style.font.name = FONT
        style.font.color.rgb = None
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attribute), FONT)
        for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme), None)
    document.styles["Normal"].font.size = Pt(9)
    document.styles["Title"].font.size = Pt(15)
    document.styles["Heading 1"].font.size = Pt(12)
    document.styles["Heading 1"].paragraph_format.page_break_before = True
    document.styles["Heading 2"].font.size = Pt(10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.bold = True
    _east_asian_language(document)


def _east_asian_language(document) -> None:
    """Japanese for every script of the text (python-docx's default says en-US for Latin text), and in
    the theme's font languages: LibreOffice's PDF takes the document's /Lang from w:val."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia"):
        lang.set(qn(attribute), LANGUAGE)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), LANGUAGE)


def _cover(document) -> None:
    title = document.add_paragraph("{{ doc.form_title }}", style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    table = _table(document, 2, (40, 146), rows=2)
    _fill(table.rows[0], ["評価書番号", "評価書名"], shade=True)
    _fill(table.rows[1], ["{{ doc.number }}", "{{ doc.name }}"])
    document.add_paragraph("個人のプライバシー等の権利利益の保護の宣言", style="Heading 2")
    _fill(_table(document, 1, (186,)).rows[0], ["{{ doc.declaration | join('\\n') }}"])
    document.add_paragraph("特記事項", style="Heading 2")
    _fill(_table(document, 1, (186,)).rows[0], ["{{ doc.remarks | join('\\n') }}"])
    document.add_paragraph("")
    table = _table(document, 2, (60, 126), rows=5)
    _fill(table.rows[0], ["評価実施機関名", "{{ doc.organisation }}"], shade_first=True)
    _control(table.rows[1], "{%tr if doc.approval is not none %}")
    _fill(table.rows[2], ["個人情報保護委員会 承認日 【行政機関等のみ】", "{{ doc.approval }}"], shade_first=True)
    _control(table.rows[3], "{%tr endif %}")
    _fill(table.rows[4], ["公表日", "{{ doc.published }}"], shade_first=True)
    version = document.add_paragraph("{{ doc.version_line }}")
    version.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _contents(document) -> None:
    """項目一覧, where the form prints one (様式2 has none)."""
    document.add_paragraph("{%p if doc.contents %}")
    document.add_paragraph("項目一覧", style="Heading 1")
    document.add_paragraph("{%p for line in doc.contents %}")
    document.add_paragraph("{{ line }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endif %}")


def _parts(document) -> None:
    document.add_paragraph("{%p for part in doc.parts %}")
    document.add_paragraph("{{ part.title }}{{ '　' ~ part.note if part.note }}", style="Heading 1")
    document.add_paragraph("{%p if part.subtitle %}")
    document.add_paragraph("{{ part.subtitle }}").runs[0].bold = True
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if part.kind == 'table' %}")
    _form_table(document)
    document.add_paragraph("{%p elif part.kind == 'changes' %}")
    _changes_table(document)
    document.add_paragraph("{%p else %}")
    _text_blocks(document)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")


# Row shapes of the form table, in the order the template tests them. Cells: (text, span, role).
_ROW_SHAPES = (
    ("{%tr if row.kind in ('section', 'risk', 'wide') %}", [("{{ row.label }}", 4, "shade")]),
    ("{%tr elif row.kind == 'wide_value' %}", [("{{ row.text }}", 4, "")]),
    ("{%tr elif row.kind == 'item' and row.options %}",
     [("{{ row.label }}", 2, "label"), ("{{ row.text }}", 1, ""), ("{{ row.options | join('\\n') }}", 1, "options")]),
    ("{%tr elif row.kind == 'item' %}", [("{{ row.label }}", 2, "label"), ("{{ row.text }}", 2, "")]),
    ("{%tr elif row.options %}",
     [("{{ row.parent }}", 1, "merge"), ("{{ row.label }}", 1, "label"), ("{{ row.text }}", 1, ""),
      ("{{ row.options | join('\\n') }}", 1, "options")]),
    ("{%tr else %}",
     [("{{ row.parent }}", 1, "merge"), ("{{ row.label }}", 1, "label"), ("{{ row.text }}", 2, "")]),
)


def _form_table(document) -> None:
    table = _table(document, 4, FORM_WIDTHS, rows=3 + 2 * len(_ROW_SHAPES))
    _control(table.rows[0], "{%tr for row in part.rows %}")
    for index, (control, cells) in enumerate(_ROW_SHAPES):
        _control(table.rows[1 + 2 * index], control)
        _shape(table.rows[2 + 2 * index], cells)
    _control(table.rows[-2], "{%tr endif %}")
    _control(table.rows[-1], "{%tr endfor %}")


def _changes_table(document) -> None:
    """The 変更箇所 table: its head is the form model's columns (the same in every form)."""
    columns = [column.key for column in 変更箇所("").columns]
    table = _table(document, len(columns), CHANGE_WIDTHS, rows=4)
    _fill(table.rows[0], columns, shade=True)
    _repeat_header(table.rows[0])
    _control(table.rows[1], "{%tr for cells in part.cells %}")
    _fill(table.rows[2], [f"{{{{ cells[{index}] }}}}" for index in range(len(columns))])
    _control(table.rows[3], "{%tr endfor %}")


def _text_blocks(document) -> None:
    """An annex's blocks in order: titled text (one per file in 記録項目), or an attachment's table;
    an empty paragraph between two blocks keeps their tables apart."""
    document.add_paragraph("{%p for block in part.blocks %}")
    document.add_paragraph("{%p if block.title %}")
    document.add_paragraph("{{ block.title }}").runs[0].bold = True
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p if block.table %}")
    _attachment_table(document)
    document.add_paragraph("{%p else %}")
    _fill(_table(document, 1, (186,)).rows[0], ["{{ block.lines | join('\\n') }}"])
    document.add_paragraph("{%p endif %}")
    for paragraph in ("{%p if not loop.last %}", "", "{%p endif %}", "{%p endfor %}"):
        document.add_paragraph(paragraph)


def _attachment_table(document) -> None:
    """Up to MAX_COLUMNS columns on a 60-column grid (60 divides evenly by 1…6); the head row only
    where the block has 列."""
    shapes = range(1, MAX_COLUMNS + 1)
    table = _table(document, 60, (186 / 60,) * 60, rows=2 * (2 * len(shapes) + 1) + 2)
    rows = iter(table.rows)
    for source, shade in (("block.head", True), ("cells", False)):
        if not shade:
            _control(next(rows), "{%tr for cells in block.cells %}")
        for count in shapes:
            _control(next(rows), f"{{%tr {'if' if count == 1 else 'elif'} {source} | length == {count} %}}")
            _shape(next(rows), [(f"{{{{ {source}[{i}] }}}}", 60 // count, "shade" if shade else "")
                                for i in range(count)])
        _control(next(rows), "{%tr endif %}")
    _control(next(rows), "{%tr endfor %}")
    _repeat_header_rows(table)


def _repeat_header_rows(table) -> None:
    for row in table.rows[: 2 * MAX_COLUMNS + 1]:
        _repeat_header(row)


def _table(document, columns: int, widths_mm, rows: int = 1):
    table = document.add_table(rows=rows, cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)            # w:gridCol: what LibreOffice and Word lay out by
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    return table


def _fill(row, texts, shade: bool = False, shade_first: bool = False) -> None:
    for index, (cell, text) in enumerate(zip(row.cells, texts)):
        cell.paragraphs[0].text = text
        if shade or (shade_first and index == 0):
            _shade(cell)


def _control(row, tag: str) -> None:
    row.cells[0].paragraphs[0].text = tag


def _shape(row, cells) -> None:
    """Merge ``row``'s grid cells into the spans of one row shape and write its tags."""
    column = 0
    for text, span, role in cells:
        cell = row.cells[column]
        if span > 1:
            cell = cell.merge(row.cells[column + span - 1])
        cell.paragraphs[0].text = text
        if role in ("shade", "label"):
            _shade(cell, SHADE if role == "shade" else "F2F2F2")
        if role == "options":
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
        if role == "merge":
            _vertical_merge(cell)
        column += span


def _vertical_merge(cell) -> None:
    """docxtpl fills the value: restart on a run's first row, continue below it."""
    merge = OxmlElement("w:vMerge")
    merge.set(qn("w:val"), "{{ row.merge }}")
    cell._tc.get_or_add_tcPr().append(merge)
    _shade(cell, "F2F2F2")


def _shade(cell, fill: str = SHADE) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def _footer(document) -> None:
    """Page number in the footer; docxtpl cannot count pages, Word's PAGE field does."""
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


if __name__ == "__main__":
    main()
