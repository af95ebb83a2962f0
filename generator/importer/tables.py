"""The tables after the form's items: the 変更箇所 annex (one row per change, in the columns the form
prints) and the further annexes a document appends after it (添付資料: a heading, a text box, a
table of its own, as layout/fill.py lays them out).
"""
from __future__ import annotations

from ..forms import Kind
from .fields import Field
from .locate import Located
from .normal import fold
from .sheet import Row
from .values import Read, read_choice, read_date, read_text

HEADING, BODY, TABLE, COLUMNS, ROWS = "見出し", "本文", "表", "列", "行"


def change_rows(located: Located, found: Field, columns: tuple) -> tuple[list[dict], dict[int, str], int]:
    """The rows of the 変更箇所 table printed after its title, the notes of rows that need a person,
    and the index of the first row after the table."""
    names = [fold(column.key) for column in columns]
    rows, notes, index = [], {}, found.row + 1
    sheet = located.sheet.rows
    while index < len(sheet):
        cells = sheet[index].cells
        if _blank(cells) or [fold(cell) for cell in cells] == names or fold("".join(cells)) == fold(found.label):
            index += 1
            continue
        if len(cells) != len(names):
            break
        row, note = _change(columns, cells)
        if note:
            notes[len(rows)] = note
        rows.append(row)
        index += 1
    return rows, notes, index


def _change(columns: tuple, cells: tuple[str, ...]) -> tuple[dict, str]:
    """One row: each column read by its kind (変更日 a date, 提出時期 a choice), blanks left out."""
    row, notes = {}, []
    for column, cell in zip(columns, cells):
        read = _cell(column.item, cell)
        if read.value is not None:
            row[column.key] = read.value
        if read.note:
            notes.append(f"{column.key}: {read.note}")
    return row, "、".join(notes)


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
    elif rows:
        entry[TABLE] = {COLUMNS: rows[0], ROWS: rows[1:]}
    return index


def _blank(cells: tuple[str, ...]) -> bool:
    return not any(cell.strip() for cell in cells)
