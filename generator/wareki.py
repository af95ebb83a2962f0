"""和暦 dates as specs write them (令和6年5月24日, 平成28年1月, 令和元年5月1日, full-width digits),
checked against the real calendar and the era boundaries (平成31年5月1日 does not exist).

The boundaries are japanera's (the first day of each era; an era ends the day the next begins),
as a table: importing japanera took a quarter of a one-spec `pia check`. tests/unit/test_wareki.py
checks the table against japanera around every boundary."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache

DASHES = {"ー", "―", "—", "－", "-", "‐", "_"}
_DAY = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$")
_MONTH = re.compile(r"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月$")
FOUND = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|[0-9０-９]{1,2})年[0-9０-９]{1,2}月[0-9０-９]{1,2}日")
ERAS = {"明治": date(1868, 1, 23), "大正": date(1912, 7, 30), "昭和": date(1926, 12, 25),
        "平成": date(1989, 1, 8), "令和": date(2019, 5, 1)}
_ENDS = dict(zip(ERAS, [*list(ERAS.values())[1:], date.max]))     # the day after an era's last


@lru_cache(maxsize=4096)
def parse(text: str) -> date | None:
    """The date ``text`` names (the 1st for month precision), or None if it names none."""
    text = unicodedata.normalize("NFKC", text).replace(" ", "")
    match = _DAY.match(text) or _MONTH.match(text)
    if match is None:
        return None
    era, year, month = match.group(1), match.group(2), int(match.group(3))
    day = int(match.group(4)) if match.re is _DAY else 1
    year = 1 if year == "元" else int(year)
    if year < 1:                                    # 令和0年 is not a year
        return None
    try:
        found = date(ERAS[era].year + year - 1, month, day)
    except ValueError:                              # 2月30日, 13月
        return None
    return found if ERAS[era] <= found < _ENDS[era] else None


def is_blank(text: str | None) -> bool:
    """True for a blank cell or an explicit dash (ー, ―, —, －)."""
    return text is None or str(text).strip() in DASHES | {""}


def dates_in(text: str) -> list[date]:
    """Every full 和暦 date written in a free text (意見聴取 実施日・期間 …), in order."""
    return [found for found in map(parse, FOUND.findall(text)) if found is not None]
