"""How a spec's values print, wherever they are printed (the document, the 変更箇所 columns): text
as lines, and the boxes Ⅱ５ 提供・移転の有無 checks and counts from the lists beside it."""
from __future__ import annotations

import re
from typing import Any

from .items import Item

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")   # invalid in XML 1.0 (and never meant)


def lines(value: Any) -> tuple[str, ...]:
    """A spec text as printed lines: parts of a list joined, control characters removed."""
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(line for part in value for line in lines(part))
    return tuple(_CONTROL.sub("", str(value)).split("\n"))


def one_line(value: Any) -> str:
    """A text as one string (its lines joined by line breaks)."""
    return "\n".join(lines(value))


def provided(item: Item, mapping: dict) -> dict[str, Any]:
    """Ⅱ５ 提供・移転の有無, from the lists beside it: each box whose list (提供先, 移転先) has
    entries, with its count — the spec's own where it gives one (提供先1 may stand for those listed
    in an annex, 別添4), else the entries listed; 行っていない when no list has any."""
    given = mapping.get(item.key) if isinstance(mapping.get(item.key), dict) else {}
    found = {check.key: given.get(check.key) or len(mapping[check.counts])
             for check in item.counted if mapping.get(check.counts)}
    return found or {check.key: None for check in item.checks.checks if not check.counts}
