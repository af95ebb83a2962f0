"""The immutable document model that both renderers read: a form filled in, laid out as rows.

Nothing here knows about HTML or DOCX. A row is one printed table row of the official form; its
``kind`` says which of the form's row shapes it takes (see templates/).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One printed row.

    kind: ``section`` (１．… across the table), ``risk`` (リスク：… across the table), ``item``
    (label | value | ＜選択肢＞), ``sub`` (parent | label | value | ＜選択肢＞), ``wide`` (label across
    the table) and ``wide_value`` (value across the table).
    """

    kind: str
    label: str = ""
    value: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    grid: tuple[tuple[str, ...], ...] = ()
    parent: str = ""
    merge: str = ""          # sub rows: "restart" on the first of a run, "continue" after it
    span: int = 1            # sub rows: how many rows the parent cell spans (on "restart")

    @property
    def text(self) -> str:
        """The value as plain text: lines, or check-box rows with their boxes spaced out."""
        if self.grid:
            return "\n".join("　　".join(cells) for cells in self.grid)
        return "\n".join(self.value)


@dataclass(frozen=True)
class Block:
    """One block of an annex: a titled run of text (one per file in （別添）記録項目), or a table of a
    further annex (別添4, 別紙 …), whose ``head`` row may be empty."""

    title: str = ""
    lines: tuple[str, ...] = ()
    head: tuple[str, ...] = ()                # a table's head row (its 列)
    cells: tuple[tuple[str, ...], ...] = ()   # a table's rows, each as wide as the table

    @property
    def table(self) -> bool:
        return bool(self.head or self.cells)


@dataclass(frozen=True)
class Part:
    """A main part (table of rows), an annex of text blocks and tables, or the 変更箇所 table."""

    title: str
    kind: str                       # table | text | changes
    note: str = ""
    subtitle: str = ""              # the file name, when a document has several files
    rows: tuple[Row, ...] = ()
    blocks: tuple[Block, ...] = ()
    columns: tuple[str, ...] = ()   # the head of the 変更箇所 table
    cells: tuple[tuple[str, ...], ...] = ()
    widths: tuple[int, ...] = ()    # its table's column widths, in percent (layout/geometry.py)


@dataclass(frozen=True)
class Document:
    """A filled-in form, ready to render."""

    stem: str                       # output path without suffix, e.g. いわき市/国民年金事務
    source: str                     # the spec file as shown in messages
    form_name: str
    form_title: str
    revision: str
    version_line: str
    number: str                     # 評価書番号
    name: str                       # 評価書名
    declaration: tuple[str, ...]
    remarks: tuple[str, ...]
    organisation: str
    published: str
    approval: str | None            # 個人情報保護委員会 承認日 (様式4 only)
    contents: tuple[str, ...]
    parts: tuple[Part, ...]
