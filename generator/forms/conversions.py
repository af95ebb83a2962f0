"""How a 様式2 item of a derived 基礎 prints the 様式3/4 value it names (items.Taken): the values
found (one per file or entry) combined ``across`` them, or a named conversion (``how``).

A choice keeps its text where 様式2 offers it, else takes the option of the same number (対象人数
「1,000人未満」 is 様式2's 「1,000人未満（任意実施）」); a しきい値判断結果 or 評価書の種類 is the option
stating the same assessment level (Options.levels).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..wareki import is_blank
from .items import Form, Item, Kind
from .values import one_line, provided

Found = list[tuple[tuple, Any, dict]]       # (path in the spec, value, the mapping holding it)
Conversion = Callable[[Form, Item, Item | None, Found], Any]


def _choice(item: Item, source: Item, value: Any) -> str | None:
    """``value`` of the ``source`` choice in ``item``'s options: the same text, else the same number."""
    texts, known = item.options.texts, source.options.texts if source.options else ()
    if value in texts:
        return value
    return texts[known.index(value)] if value in known and known.index(value) < len(texts) else None


def _one(form: Form, item: Item, source: Item | None, found: Found) -> Any:
    value = found[0][1] if found else None
    return _choice(item, source, value) if item.kind is Kind.CHOICE else value


def _lines(form: Form, item: Item, source: Item | None, found: Found) -> list[str] | None:
    """Each value a line (1③ システムの名称: the names of システム1…n)."""
    lines = [one_line(value) for _, value, _ in found if not is_blank(value)]
    return lines or None


def _weakest(form: Form, item: Item, source: Item | None, found: Found) -> str | None:
    """The least assured answer of the files (the later option: 課題が残されている over 十分である)."""
    known = source.options.texts
    answers = [value for _, value, _ in found if value in known]
    return _choice(item, source, max(answers, key=known.index)) if answers else None


def _boxes(value: Any) -> set[str]:
    """The boxes a value checks: a choice's text, or the keys of a check-box list."""
    if isinstance(value, str):
        return {value}
    return {key for entry in value or [] for key in (entry if isinstance(entry, dict) else [entry])}


def _every(form: Form, item: Item, source: Item | None, found: Found) -> list[str] | None:
    """The boxes every file checks (Ⅳ４ 委託しない, Ⅳ６ 接続しない)."""
    sets = [_boxes(value) for _, value, _ in found]
    keys = [check.key for check in item.checks.checks if sets and all(check.key in boxes for boxes in sets)]
    return keys or None


def _any(form: Form, item: Item, source: Item | None, found: Found) -> list[str] | None:
    """The boxes any file checks (Ⅳ８ 監査)."""
    checked = set().union(*(_boxes(value) for _, value, _ in found))
    return [check.key for check in item.checks.checks if check.key in checked] or None


def _level(form: Form, item: Item, source: Item | None, found: Found) -> str | None:
    """The option stating the level the source states (Ⅲ from Ⅴ１② / Ⅵ１②), or, without a source,
    the level of the documents built (Ⅳ１: 基礎項目評価書及び重点項目評価書 beside a 重点)."""
    level = form.level
    if source is not None:
        value, known = (found[0][1] if found else None), source.options
        level = known.levels[known.texts.index(value)] if value in known.texts else None
    levels = item.options.levels
    return item.options.texts[levels.index(level)] if level in levels else None


def _renamed(form: Form, item: Item, source: Item | None, found: Found) -> str | None:
    """評価書名: the document's, naming the 基礎 (「国民年金事務　重点項目評価書」→「…基礎項目評価書」)."""
    name = one_line(found[0][1]) if found else ""
    return name.replace(form.name, form.basic.name) or None


def _provision(form: Form, item: Item, source: Item | None, found: Found) -> list[str] | None:
    """Ⅳ５ 提供・移転しない: no file lists a 提供先 or 移転先 (Ⅱ５ 提供・移転の有無 行っていない)."""
    counted = {check.key for check in source.counted}
    provides = any(counted & provided(source, mapping).keys() for _, _, mapping in found)
    return None if provides or not found else [item.checks.checks[0].key]


def _checked(form: Form, item: Item, source: Item | None, found: Found) -> list[str]:
    """Ⅳ１０ 全項目評価又は重点項目評価を実施する: beside a 重点/全項目 document, always."""
    return [item.checks.checks[0].key]


ACROSS: dict[str, Conversion] = {"one": _one, "lines": _lines, "weakest": _weakest, "every": _every, "any": _any}
HOWS: dict[str, Conversion] = {"level": _level, "renamed": _renamed, "provision": _provision, "checked": _checked}
