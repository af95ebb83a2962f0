"""A blank spec for a form: every key in printed order, each with a comment giving its printed
label (numbering, ※) and its ＜選択肢＞, so staff start from the whole form (``pia new``)."""
from __future__ import annotations

from .forms import Form, Item, Kind
from .schema import FILE_NAME, FILES


def skeleton(form: Form, schema: str | None = None) -> str:
    """YAML text of an empty spec for ``form``; ``schema`` is the JSON Schema path for editors."""
    modeline = [f"# yaml-language-server: $schema={schema}"] if schema else []
    lines = [*modeline, f"# {form.title}（{form.number}、{form.revision}）の仕様ファイル。空欄は「項目名:」のまま。",
             f"様式: {form.name}", f"様式の版: {form.revision}"]
    for item in form.cover + form.common:
        lines += _emit(item, 0)
    lines += [f"{FILES}:   # 特定個人情報ファイルごとに「- 」で始める", f"  - {FILE_NAME}:"]
    for item in form.per_file:
        lines += _emit(item, 4)
    for item in form.closing:
        lines += _emit(item, 0)
    return "\n".join(lines) + "\n"


def _emit(item: Item, indent: int) -> list[str]:
    pad = " " * indent
    if item.counted:    # optional: shown commented out, as most specs leave the counts to the lists
        counts = ", ".join(f"{check.key}: 件数" for check in item.counted)
        lists = "・".join(check.counts for check in item.counted)
        return [f"{pad}# {item.key}: {{{counts}}}   # 任意: 件数が{lists}の数と違うとき（別添の一覧など）"]
    if item.kind in (Kind.DERIVED, Kind.ATTACHMENTS):
        return []
    if item.kind is Kind.LABEL:
        return [line for child in item.children for line in _emit(child, indent)]
    if item.nests:
        head = [f"{pad}{item.key}:   # {_printed(item)}"]
        return head + [line for child in item.header_checks + item.children for line in _emit(child, indent + 2)]
    if item.kind is Kind.GROUP:
        return _group(item, indent)
    own = [f"{pad}{item.key}:   # {_printed(item)}{_choices(item)}"]
    return own + [line for child in item.children for line in _emit(child, indent)]


def _group(item: Item, indent: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}{item.key}:   # {item.key}1、{item.key}2 … を「- 」で並べる"]
    body = [line for child in item.children for line in _emit(child, indent + 4)]
    if item.title_key:
        body.insert(0, f"{pad}    {item.title_key}:   # {item.key}n の表題")
    body[0] = f"{pad}  - {body[0].lstrip()}"
    return lines + body


def _printed(item: Item) -> str:
    return (item.printed_label.replace("\n", " ") + (f"　{item.note}" if item.note else "")).strip()


def _choices(item: Item) -> str:
    if item.kind is Kind.CHOICE:
        return "　選択肢: " + "／".join(item.options.texts)
    if item.kind is Kind.CHECKS:
        return "　チェックする項目の一覧: " + "／".join(check.key for check in item.checks.checks)
    if item.kind is Kind.DATE:
        return "　和暦（例: 令和6年5月24日）"
    return ""
