"""A blank spec for a form: every key in printed order, each with a comment giving its printed
label (numbering, ※) and its ＜選択肢＞, so staff start from the whole form (``pia new``). The keys
and their nesting are the form's shape (forms/shape.py)."""
from __future__ import annotations

from ..forms import FILE_NAME, FILES, Form, Item, Kind
from ..forms.shape import Holds, Slot, shape


def skeleton(form: Form, schema: str | None = None) -> str:
    """YAML text of an empty spec for ``form``; ``schema`` is the JSON Schema path for editors."""
    found = shape(form)
    modeline = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines = [*modeline, f"# {form.title}（{form.number}、{form.revision}）の仕様ファイル。空欄は「項目名:」のまま。",
             *_doubts(form), f"様式: {form.name}", f"様式の版: {form.revision}"]
    lines += _emit_all(found.head, 0)
    lines += [f"{FILES}:   # 特定個人情報ファイルごとに「- 」で始める", f"  - {FILE_NAME}:"]
    lines += _emit_all(found.files.slots, 4)
    lines += _emit_all(found.tail, 0)
    return "\n".join(lines) + "\n"


def _emit_all(slots: tuple[Slot, ...], indent: int) -> list[str]:
    return [line for slot in slots for line in _emit(slot, indent)]


def _emit(slot: Slot, indent: int) -> list[str]:
    item, pad = slot.item, " " * indent
    if not slot.printed or item.kind is Kind.ATTACHMENTS:
        return []
    if item.counted:    # optional: shown commented out, as most specs leave the counts to the lists
        counts = ", ".join(f"{check.key}: 件数" for check in item.counted)
        lists = "・".join(check.counts for check in item.counted)
        return [f"{pad}# {item.key}: {{{counts}}}   # 任意: 件数が{lists}の数と違うとき（別添の一覧など）"]
    if slot.holds is Holds.MAPPING:
        return [f"{pad}{item.key}:   # {item.description.strip()}{_doubt(item)}"] + _emit_all(slot.slots, indent + 2)
    if slot.holds is Holds.LIST and item.kind is not Kind.CHANGES:     # 変更箇所 rows are written by pia changes
        return _group(slot, indent)
    return [f"{pad}{item.key}:   # {item.description.strip()}{_choices(slot)}{_doubt(item)}"
            + (f"　{slot.fallback}" if slot.fallback else "")]


def _doubt(item: Item) -> str:
    """``　[BELIEF] 再構成した項目名です…`` after a reconstructed item's comment (様式2)."""
    return f"　{item.doubt}" if item.doubt else ""


def _doubts(form: Form) -> list[str]:
    """The header's word on a form with reconstructed labels: where they come from."""
    if not form.reconstructed and form.version_confirmed:
        return []
    version = "" if form.version_confirmed else f"と版の表記「{form.version_line}」"
    return [f"# [BELIEF] の付いた項目{version}は、公表文書で確かめられない再構成です（docs/kiso.md）。"]


def _group(slot: Slot, indent: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}{slot.key}:   # {slot.key}1、{slot.key}2 … を「- 」で並べる"]
    body = [f"{pad}    {inner.key}:   # {slot.key}n の表題" if inner.title else line
            for inner in slot.slots for line in (_emit(inner, indent + 4) if not inner.title else [""])]
    body[0] = f"{pad}  - {body[0].lstrip()}"
    return lines + body


def _choices(slot: Slot) -> str:
    item = slot.item
    if item.kind is Kind.CHOICE:
        return "　選択肢: " + "／".join(item.options.texts)
    if item.kind is Kind.CHECKS:
        return "　チェックする項目の一覧: " + "／".join(check.key for check in item.checks.checks)
    if item.kind is Kind.DATE:
        return "　和暦（例: 令和6年5月24日）"
    return ""
