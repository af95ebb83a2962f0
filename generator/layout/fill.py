"""Step 5: lay a validated spec out on its form, as the immutable document model.

Every printed row comes from walking the form model; the spec only supplies values. Derived values
(file names, （ n ） 件, Ⅲ４ 委託しない, Ⅲ５ 提供・移転しない, 提供・移転の有無) are computed here.
"""
from __future__ import annotations

from typing import Any

from ..forms import FILE_NAME, FILES, Check, Form, Item, Kind
from ..forms.form4 import APPROVAL
from ..forms.shape import shape
from ..forms.values import lines, provided
from ..forms.values import one_line as _one_line
from .document import Block, Document, Part, Row
from .geometry import CHANGE_WIDTHS, FORM_WIDTHS, percentages

CHECKED, UNCHECKED = "[ ○ ]", "[  ]"


def build_document(form: Form, data: dict, stem: str, source: str = "") -> Document:
    """The document for ``data``, a spec already validated against ``form``."""
    files = data.get(FILES) or []
    return Document(
        stem=stem, source=source or stem, form_name=form.name, form_title=form.title, revision=form.revision,
        version_line=form.version_line or "", number=_one_line(data.get("評価書番号")),
        name=_one_line(data.get("評価書名")), declaration=lines(data.get("個人のプライバシー等の権利利益の保護の宣言")),
        remarks=lines(data.get("特記事項")), organisation=_one_line(data.get("評価実施機関名")),
        published=_one_line(data.get("公表日")), approval=_approval(form, data),
        contents=form.contents, parts=tuple(_parts(form, data, files)),
    )


def _approval(form: Form, data: dict) -> str | None:
    """The cover's 承認日 where the form has one (様式4), else None (not printed)."""
    return _one_line(data.get(APPROVAL)) if any(item.key == APPROVAL for item in form.cover) else None


def _parts(form: Form, data: dict, files: list[dict]):
    for item in form.common:
        yield _part(item, data, _Context(form, files, None))
    for item in form.per_file:
        if item.kind is not Kind.PART:
            yield _annex(item, files)
            continue
        for number, file in enumerate(files, 1):
            subtitle = _file_title(number, file) if len(files) > 1 else ""
            yield _part(item, file, _Context(form, files, file), subtitle)
    for item in form.closing:
        if item.kind is Kind.ATTACHMENTS:
            yield from (_attachment(entry) for entry in data.get(item.key) or [])
        else:
            yield _part(item, data, _Context(form, files, None))


def _file_title(number: int, file: dict) -> str:
    return f"（{number}）{_one_line(file.get(FILE_NAME))}"


def _annex(item: Item, files: list[dict]) -> Part:
    """A per-file annex (記録項目) printed once, with one block per file."""
    blocks = tuple(Block(_file_title(number, file) if len(files) > 1 else "", lines(file.get(item.key)))
                   for number, file in enumerate(files, 1))
    return Part(item.number + item.key, "text", blocks=blocks)


def _attachment(entry: dict) -> Part:
    """A further annex (別添4, 別紙 …): its 見出し, its 本文 and 表, then the blocks of its 内容 in
    order; all in one part, so nothing breaks the page inside it."""
    table = entry.get("表")
    text = (Block(lines=lines(entry.get("本文"))),) if entry.get("本文") or not (table or entry.get("内容")) else ()
    blocks = (*text, *((_table(table),) if table else ()), *(_block(block) for block in entry.get("内容") or []))
    return Part(_one_line(entry.get("見出し")), "text", blocks=blocks)


def _block(block: dict) -> Block:
    """One block of a 内容: a 本文 or a 表."""
    return _table(block["表"]) if block.get("表") else Block(lines=lines(block.get("本文")))


def _table(table: dict) -> Block:
    """An annex table: its 列 (the head row, optional) and 行, each row as wide as the table."""
    columns = tuple(_one_line(cell) for cell in table.get("列") or [])
    rows = [tuple(_one_line(cell) for cell in row) for row in table.get("行") or []]
    width = len(columns) or max(map(len, rows), default=0)
    return Block(head=columns, cells=tuple((row + ("",) * width)[:width] for row in rows if width))


class _Context:
    """What derivations may read: all files, and the file being printed."""

    def __init__(self, form: Form, files: list[dict], file: dict | None):
        self.form, self.files, self.file = form, files, file

    def followed(self, item: Item) -> tuple[Any, dict]:
        """The value of the item ``item`` follows in the file printed, and the mapping holding it."""
        *inside, key = shape(self.form).in_file(item.follows)
        holder = self.file or {}
        for step in inside:
            holder = holder.get(step) if isinstance(holder.get(step), dict) else {}
        return holder.get(key), holder


def _part(item: Item, data: dict, context: _Context, subtitle: str = "") -> Part:
    title = item.number + item.key
    if item.kind is Kind.CHANGES:
        columns = tuple(column.key for column in item.columns)
        return Part(title, "changes", columns=columns, widths=percentages(CHANGE_WIDTHS),
                    cells=tuple(_change(row, columns) for row in data.get(item.key) or []))
    if item.kind is not Kind.PART:
        return Part(title, "text", blocks=(Block("", lines(data.get(item.key))),))
    mapping = data.get(item.key) or {}
    return Part(title, "table", note=item.note, subtitle=_one_line(subtitle),
                rows=tuple(_rows(item.children, mapping, context)), widths=percentages(FORM_WIDTHS))


def _change(row: dict, columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_one_line(row.get(column)) for column in columns)


def _rows(items: tuple[Item, ...], mapping: dict, context: _Context):
    for item in items:
        yield from _item_rows(item, mapping, context)


def _item_rows(item: Item, mapping: dict, context: _Context):
    if item.kind in (Kind.SECTION, Kind.RISK):
        yield Row("section" if item.kind is Kind.SECTION else "risk", _heading(item, mapping, context))
        yield from _rows(item.children, mapping.get(item.key) or {}, context)
    elif item.kind is Kind.GROUP:
        yield from _group_rows(item, mapping.get(item.key) or [], context)
    elif item.kind is Kind.LABEL:
        yield from _sub_rows(item.printed_label, item.children, mapping, context)
    elif item.wide:
        yield Row("wide", item.printed_label)
        yield Row("wide_value", value=_value(item, mapping, context))
    else:
        yield Row("item", item.printed_label, _value(item, mapping, context),
                  _options(item, mapping), _grid(item, mapping, context))
        if item.children:
            yield from _sub_rows("", item.children, mapping, context)


def _sub_rows(parent: str, children: tuple[Item, ...], mapping: dict, context: _Context):
    """Rows printed under a label cell (④使用の主体, 再委託) or under an item (その必要性)."""
    rows = [Row("sub", child.printed_label, _value(child, mapping, context), _options(child, mapping),
                _grid(child, mapping, context)) for child in children]
    for index, row in enumerate(rows):
        yield Row(row.kind, row.label, row.value, row.options, row.grid, parent if index == 0 else "",
                  "restart" if index == 0 else "continue", len(rows) if index == 0 else 1)


def _group_rows(item: Item, entries: list[dict], context: _Context):
    """システム1…n, 委託事項1…n, 提供先1…n, 移転先1…n (the title row, then the items), with the form's
    range header rows (「システム2～5」 …): each printed whether or not entries follow it, the entries
    of its range under it. An empty list prints one empty block."""
    entries = entries or [{}]
    heads = {first: item.range_heading(first, last) for first, last in item.ranges}
    for number in range(1, max([len(entries), *heads]) + 1):
        if number in heads:
            yield Row("item", heads[number])
        if number <= len(entries):
            entry = entries[number - 1]
            yield Row("item", f"{item.key}{number}", lines(entry.get(item.title_key)) if item.title_key else ())
            yield from _rows(item.children, entry, context)


def _heading(item: Item, mapping: dict, context: _Context) -> str:
    """A section heading, with its header check boxes (Ⅲ４ [ ] 委託しない …)."""
    boxes = []
    for check_item in item.header_checks:
        inner = mapping.get(item.key) or {}
        checked = _checked(check_item, inner, context)
        boxes += [_box(check.text, check.key in checked) for check in check_item.checks.checks]
    return "　".join([item.printed_label, *boxes])


def _value(item: Item, mapping: dict, context: _Context) -> tuple[str, ...]:
    if item.kind is Kind.CHOICE:
        chosen = mapping.get(item.key)
        return (f"[ {chosen} ]" if chosen else "[ ]",)
    if item.kind is Kind.DERIVED and item.checks is None:
        return tuple(DERIVATIONS[item.derive](context, item))
    if item.kind in (Kind.CHECKS, Kind.DERIVED):
        return ()
    return lines(mapping.get(item.key))


def _options(item: Item, mapping: dict) -> tuple[str, ...]:
    if item.kind is not Kind.CHOICE:
        return ()
    count = (f"（ {len(mapping.get(item.derive) or [])} ） 件",) if item.derive else ()
    return ("＜選択肢＞", *item.options.lines(), *count)


def _grid(item: Item, mapping: dict, context: _Context) -> tuple[tuple[str, ...], ...]:
    if item.kind not in (Kind.CHECKS, Kind.DERIVED) or item.checks is None:
        return ()
    checked = _checked(item, mapping, context)
    grid = []
    for heading, row in item.checks.rows:
        if heading:
            grid.append((heading,))
        grid.append(tuple(_check_cell(check, checked) for check in row))
    return tuple(grid)


def _check_cell(check: Check, checked: dict[str, Any]) -> str:
    """A box with its （ detail ） or （ n ） 件 (blank when unchecked, as published forms print it)."""
    cell = _box(check.text, check.key in checked)
    if check.detail:
        cell += f" （ {_one_line(checked.get(check.key))} ）"
    if check.counts:
        cell += f" （ {checked.get(check.key, '')} ） 件"
    return cell


def _checked(item: Item, mapping: dict, context: _Context) -> dict[str, Any]:
    """The checked boxes of ``item``: their spec values, with details (or counts)."""
    if item.counted:
        return provided(item, mapping)
    if item.kind is Kind.DERIVED:
        return {key: None for key in DERIVATIONS[item.derive](context, item)}
    checked: dict[str, str | None] = {}
    for entry in mapping.get(item.key) or []:
        if isinstance(entry, dict):
            checked.update({str(k): None if v is None else str(v) for k, v in entry.items()})
        else:
            checked[str(entry)] = None
    return checked


def _box(text: str, checked: bool) -> str:
    return f"{CHECKED if checked else UNCHECKED} {text}"


def _provides(context: _Context, item: Item) -> bool:
    """Whether Ⅱ５ lists a 提供先 or 移転先 (the lists the item it follows counts)."""
    _, section = context.followed(item)
    counted = shape(context.form).at((FILES, *shape(context.form).in_file(item.follows))).item.counted
    return any(section.get(check.counts) for check in counted)


DERIVATIONS = {
    "file_names": lambda context, item: [_one_line(file.get(FILE_NAME)) for file in context.files],
    "file_name": lambda context, item: [_one_line((context.file or {}).get(FILE_NAME))],
    # Ⅲ４ 委託しない follows Ⅱ４ 委託の有無; Ⅲ５ 提供・移転しない follows Ⅱ５ 提供・移転の有無.
    "no_consignment": lambda context, item: ["委託しない"] if context.followed(item)[0] == "委託しない" else [],
    "no_provision": lambda context, item: [] if _provides(context, item) else ["提供・移転しない"],
}
