"""Short constructors for form items, so a form reads like the printed form."""
from __future__ import annotations

from dataclasses import replace

from .items import Check, CheckLayout, Item, Kind, Options, Taken


def part(number: str, key: str, *children: Item, note: str = "") -> Item:
    """A main part (Ⅰ 基本情報 …), printed as a table of its own."""
    return Item(key, Kind.PART, number=number, children=children, note=note)


def section(number: str, key: str, *children: Item, label: str | None = None,
            mark: bool = False, header_checks: tuple[Item, ...] = (), role: str = "") -> Item:
    """A numbered heading row (１．…) whose items live in a mapping under ``key``."""
    return Item(key, Kind.SECTION, number=number, label=label, mark=mark,
                children=children, header_checks=header_checks, role=role)


def text(number: str, key: str, *children: Item, label: str | None = None, mark: bool = False,
         wide: bool = False, required: bool = False) -> Item:
    """Free text; ``children`` are sub-rows (その必要性 under ③対象となる本人の範囲)."""
    return Item(key, Kind.TEXT, number=number, label=label, mark=mark, wide=wide,
                required=required, children=children)


def date(number: str, key: str, *, mark: bool = False, required: bool = False, role: str = "") -> Item:
    """A 和暦 date (令和6年5月24日)."""
    return Item(key, Kind.DATE, number=number, mark=mark, required=required, role=role)


def choice(number: str, key: str, options: Options, *children: Item, label: str | None = None,
           mark: bool = False, count_of: str | None = None, unmarked: bool = False, role: str = "") -> Item:
    """A single choice printed as ``[ 文言 ]`` with its ＜選択肢＞ list.

    ``count_of`` names the sibling list whose length is printed as （ n ） 件 (II-4 委託の有無).
    """
    return Item(key, Kind.CHOICE, number=number, label=label, mark=mark, options=options,
                children=children, derive=count_of, unmarked=unmarked, role=role)


def checks(number: str, key: str, layout: CheckLayout, *, mark: bool = False,
           label: str | None = None) -> Item:
    """Check boxes; the spec lists the printed texts of the checked ones."""
    return Item(key, Kind.CHECKS, number=number, label=label, mark=mark, checks=layout)


def label(number: str, key: str, *children: Item) -> Item:
    """A label cell over its children's rows (④使用の主体, 再委託); the children are siblings in the spec."""
    return Item(key, Kind.LABEL, number=number, children=children)


def group(key: str, *children: Item, title_key: str | None = None,
          ranges: tuple[tuple[int, int], ...] = ()) -> Item:
    """A repeated block printed as ``key``1…n; ``title_key`` is printed in the title row, ``ranges``
    are the form's range header rows (「システム2～5」 …), each printed above its entries."""
    return Item(key, Kind.GROUP, children=children, title_key=title_key, ranges=ranges,
                max_repeat=ranges[-1][1] if ranges else Item.max_repeat)


def risk(key: str, label_text: str, *children: Item) -> Item:
    """A fixed risk heading (リスク１：　…) whose items live in a mapping under ``key``."""
    return Item(key, Kind.RISK, label=label_text, children=children)


def derived(number: str, key: str, derive: str, *, label: str | None = None,
            checks_layout: CheckLayout | None = None, wide: bool = False, follows: str = "") -> Item:
    """A value printed from other values (ファイル名, 件数, 委託しない …), never typed; ``follows``
    names the item of the same file it is printed from (Ⅲ４ 委託しない follows Ⅱ４ 委託の有無)."""
    return Item(key, Kind.DERIVED, number=number, label=label, derive=derive,
                checks=checks_layout, wide=wide, follows=follows)


def annex(number: str, key: str, *, kind: Kind = Kind.TEXT) -> Item:
    """An annex printed as a part of its own: （別添１） 記録項目, 添付資料."""
    return Item(key, kind, number=number, wide=True)


def changes(number: str, *columns: Item) -> Item:
    """The 変更箇所 annex: a table of rows, one mapping of ``columns`` per row."""
    return Item("変更箇所", Kind.CHANGES, number=number, wide=True, columns=columns)


def opts(*texts: str, numbering: str = "{n}）", per_line: int = 1, remark: str = "",
         source: str = "", levels: tuple[int, ...] = ()) -> Options:
    """A ＜選択肢＞ list; a ``source`` marks it reconstructed and says what it rests on; ``levels``:
    the assessment level each option states."""
    return Options(texts, numbering=numbering, per_line=per_line, remark=remark, confirmed=not source,
                   source=source, levels=levels)


def belief(item: Item, source: str, whole: bool = False) -> Item:
    """``item`` with a reconstructed label: no published document prints it there; ``source`` says
    what it rests on. ``whole``: its rows, columns and ＜選択肢＞ too (those not marked already).
    `pia new`, the editor's hover and the docs mark each one [BELIEF]."""
    if not whole:
        return replace(item, confirmed=False, source=item.source or source)
    inner = {name: tuple(belief(child, source, True) for child in getattr(item, name))
             for name in ("children", "header_checks", "columns")}
    options = reconstructed(item.options, source) if item.options else None
    return replace(item, confirmed=False, source=item.source or source, options=options, **inner)


def taken(item: Item, *paths: str, across: str = "one", how: str = "", default: bool = False) -> Item:
    """``item`` of 様式2 as the 基礎 of a 重点/全項目 spec prints it: from the 様式3/4 item at
    ``paths`` (items.Taken); ``default``: the spec's 基礎項目評価書 part may give its own value."""
    return replace(item, taken=Taken(paths, across, how, default))


def reconstructed(options: Options, source: str = "") -> Options:
    """The same ＜選択肢＞, reconstructed for a form whose documents never printed them (様式2 Ⅳ
    reuses 様式3's lists)."""
    return replace(options, confirmed=False, source=options.source or source)


def boxes(*texts: str, detail: tuple[str, ...] = ()) -> tuple[Check, ...]:
    """Check boxes; those named in ``detail`` print a （ … ）."""
    return tuple(Check(text, detail=text in detail) for text in texts)


def rows(*rows_: tuple[Check, ...], headings: tuple[str | None, ...] = ()) -> CheckLayout:
    heads = headings or (None,) * len(rows_)
    return CheckLayout(tuple(zip(heads, rows_)))
