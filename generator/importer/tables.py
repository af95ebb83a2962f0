"""The tables after the form's items: the 変更箇所 annex (one row per change, in the columns the form
prints) and the further annexes a document appends after it (添付資料: a heading, a text box, a
table of its own, as layout/fill.py lays them out).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from ..forms import Kind
from .doubts import doubt
from .fields import Field
from .locate import Located
from .normal import NUMBERING, fold
from .sheet import Row
from .values import Read, read_choice, read_date, read_text

HEADING, BODY, TABLE, COLUMNS, ROWS = "見出し", "本文", "表", "列", "行"


def table_start(located: Located, found: Field | None, columns: tuple) -> int | None:
    """The row after the 変更箇所 title, else (a title OCR misread: 「変更簡所」) the row of its head:
    most of the columns printed as the form names them."""
    if found is not None:
        return found.row + 1
    names = {fold(column.key) for column in columns}
    for index, row in enumerate(located.sheet.rows):
        if len(row.cells) == len(columns) and sum(fold(cell) in names for cell in row.cells) >= len(columns) - 2:
            return index
    return None


def change_rows(located: Located, start: int, title: str, columns: tuple) -> tuple[list[dict], dict[int, str], int]:
    """The rows of the 変更箇所 table from row ``start``, the notes of rows that need a person, and
    the index of the first row after the table. Its head and title may repeat (one per page)."""
    names = [fold(column.key) for column in columns]
    rows, notes, index, sheet = [], {}, start, located.sheet.rows
    while index < len(sheet):
        cells = sheet[index].cells
        if _blank(cells) or _repeated(cells, names, title, located.sheet.structured):
            index += 1
            continue
        if len(cells) != len(names):
            break
        row, note = _change(columns, cells, located)
        if note:
            notes[len(rows)] = note
        rows.append(row)
        index += 1
    return rows, notes, index


def _repeated(cells: tuple[str, ...], names: list[str], title: str, structured: bool) -> bool:
    """The table's head or title printed again (on each page); in extracted text, a short line."""
    if len(cells) == len(names) and sum(fold(cell) == name for cell, name in zip(cells, names)) >= len(names) - 2:
        return True
    return fold("".join(cells)) == fold(title) or (not structured and len(cells) == 1 and len(fold(cells[0])) <= 20)


def _change(columns: tuple, cells: tuple[str, ...], located: Located) -> tuple[dict, str]:
    """One row: each column read by its kind (変更日 a date, 提出時期 a choice), blanks left out; in
    OCR text, a cell that shows signs of a misreading marks the row."""
    row, notes = {}, []
    for column, cell in zip(columns, cells):
        read = _cell(column.item, cell)
        if read.value is not None:
            row[column.key] = read.value
        note = read.note or (_misread(read.value, located) if located.sheet.lines == "joined"
                             and isinstance(read.value, str) and column.item.kind is Kind.TEXT else "")
        if note:
            notes.append(f"{column.key}: {note}")
    return row, "、".join(notes)


def _misread(cell: str, located: Located) -> str:
    """The signs of an OCR misreading in a cell (labels quoted are expected here), and a part's
    numeral misread (「皿 特定個人情報…」 for 「Ⅲ 特定個人情報…」)."""
    found = doubt(cell, frozenset())
    if found:
        return found
    folded = fold(cell)
    grams = {folded[index:index + 3] for index in range(len(folded) - 2)}
    near = next((label for label, own in located.label_grams if len(own & grams) >= 0.6 * len(own)
                 and label not in folded and _misspelt(label, folded)), None)
    if near:
        return f"様式の見出し「{near}」に近いが異なる文字があります（OCR の読み違いかもしれません）"
    numeral = NUMBERING.match(folded)
    if not numeral and any(folded[1:3].startswith(part[:2]) and folded[1:].startswith(part) or
                           folded[2:].startswith(part) for part in located.parts):
        return f"項目の番号が読み違えられています（「{cell[:2]}」）"
    return ""


def _misspelt(label: str, folded: str) -> bool:
    """Whether ``folded`` holds ``label`` with a character or two misread: nine in ten of its
    characters matched within a span hardly longer than the label."""
    blocks = [block for block in SequenceMatcher(None, label, folded, autojunk=False).get_matching_blocks() if block.size]
    if not blocks:
        return False
    span = blocks[-1].b + blocks[-1].size - blocks[0].b
    return sum(block.size for block in blocks) >= 0.9 * len(label) and span <= len(label) + 3


def _cell(item, cell: str) -> Read:
    if item.kind is Kind.DATE:
        return read_date(cell)
    if item.kind is Kind.CHOICE:
        return read_choice(item, f"[ {cell} ]" if cell.strip() else "")
    return read_text(cell)


def attachments(located: Located, start: int) -> list[dict]:
    """The further annexes from row ``start`` on: each a heading paragraph, then a box (本文) and a
    table whose first row holds its columns (添付資料)."""
    found: list[dict] = []
    sheet = located.sheet.rows
    index = start
    while index < len(sheet):
        row = sheet[index]
        if row.table == 0 and not _blank(row.cells):
            found.append({HEADING: row.cells[0]})
        elif row.table and found:
            index = _attachment_table(found[-1], sheet, index) - 1
        index += 1
    return found


def _attachment_table(entry: dict, sheet: tuple[Row, ...], index: int) -> int:
    """Read the table starting at ``index`` into ``entry``; the index after it."""
    number, rows = sheet[index].table, []
    while index < len(sheet) and sheet[index].table == number:
        if not _blank(sheet[index].cells):
            rows.append(list(sheet[index].cells))
        index += 1
    if rows and len(rows[0]) == 1 and BODY not in entry and TABLE not in entry:
        entry[BODY] = read_text("\n".join(row[0] for row in rows)).value
    elif rows and TABLE in entry and len(rows[0]) == len(entry[TABLE][COLUMNS]):   # the table's next page
        entry[TABLE][ROWS] += rows[1:] if rows[0] == entry[TABLE][COLUMNS] else rows
    elif rows:
        entry[TABLE] = {COLUMNS: rows[0], ROWS: rows[1:]}
    return index


def _blank(cells: tuple[str, ...]) -> bool:
    return not any(cell.strip() for cell in cells)
