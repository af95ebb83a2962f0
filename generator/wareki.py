"""和暦 dates as specs write them (令和6年5月24日, 平成28年1月, 令和元年5月1日, full-width digits),
checked against the real calendar and era boundaries by japanera (平成31年5月1日 does not exist)."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

from japanera import EraDate

DASHES = {"ー", "―", "—", "－", "-", "‐", "_"}
_DAY = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$")
_MONTH = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月$")
FOUND = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]{1,2})年[0-9０-９]{1,2}月[0-9０-９]{1,2}日")


@lru_cache(maxsize=4096)
def parse(text: str) -> date | None:
    """The date ``text`` names (the 1st for month precision), or None if it names none."""
    text = unicodedata.normalize("NFKC", text).replace(" ", "")
    match = _DAY.match(text) or _MONTH.match(text)
    if match is None:
        return None
    era, year, month = match.group(1), match.group(2), int(match.group(3))
    day = int(match.group(4)) if match.re is _DAY else 1
    year = "1" if year == "元" else year
    if int(year) < 1 or not 1 <= month <= 12:      # 令和0年 is not a year (japanera would take it)
        return None
    try:
        found = EraDate.strptime(f"{era}{year}年{month}月{day}日", "%-K%-y年%-m月%-d日")
    except ValueError:
        return None
    return date(found[0].year, found[0].month, found[0].day) if found else None


def is_blank(text: str | None) -> bool:
    """True for a blank cell or an explicit dash (ー, ―, —, －)."""
    return text is None or str(text).strip() in DASHES | {""}


def dates_in(text: str) -> list[date]:
    """Every full 和暦 date written in a free text (意見聴取 実施日・期間 …), in order."""
    return [found for found in map(parse, FOUND.findall(text)) if found is not None]
