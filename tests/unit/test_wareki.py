"""和暦 dates (generator/wareki.py): real calendar days and era boundaries, as specs write them."""
from __future__ import annotations

from datetime import date

import pytest

from generator.wareki import ERAS, dates_in, is_blank, parse


@pytest.mark.parametrize("text, day", [
    ("令和6年5月24日", date(2024, 5, 24)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("平成31年4月30日", date(2019, 4, 30)),
    ("平成28年1月", date(2016, 1, 1)),                 # month precision: the 1st
    ("令和６年５月２４日", date(2024, 5, 24)),          # full-width digits
    ("令和 6年 5月 24日", date(2024, 5, 24)),
    ("昭和64年1月7日", date(1989, 1, 7)),
])
def test_real_dates(text, day):
    assert parse(text) == day


@pytest.mark.parametrize("text", ["令和7年2月30日", "平成31年5月1日", "令和元年4月30日", "昭和64年1月8日",
                                  "2024年5月24日", "令和6年13月1日", "令和6年5月24", "", "ー"])
def test_not_a_real_date(text):
    assert parse(text) is None


def test_dates_in_a_free_text_in_order():
    text = "令和6年6月17日から令和６年７月１９日まで（令和6年2月30日は誤り）"
    assert dates_in(text) == [date(2024, 6, 17), date(2024, 7, 19)]


@pytest.mark.parametrize("text, blank", [(None, True), ("", True), ("  ", True), ("ー", True), ("―", True),
                                         ("－", True), ("なし", False), ("0", False)])
def test_blank_cells_and_dashes(text, blank):
    assert is_blank(text) is blank


def _japanera(text: str) -> date | None:
    """What parse() returned when japanera read the date (before the table replaced it)."""
    from japanera import EraDate
    try:
        found = EraDate.strptime(text, "%-K%-y年%-m月%-d日")
    except ValueError:
        return None
    return date(found[0].year, found[0].month, found[0].day) if found else None


def _around_the_boundaries():
    """Every day of the first, second, last two and one past the last year of each era, as written
    plainly and with leading zeros (once checked on every year from 1 to 99: no difference)."""
    for era in ERAS:
        last = {"明治": 45, "大正": 15, "昭和": 64, "平成": 31, "令和": 99}[era]
        for year in sorted({1, 2, last - 1, last, last + 1} - {100}):
            for month in range(1, 13):
                for day in range(0, 33):
                    yield f"{era}{year}年{month}月{day}日"
                    yield f"{era}{year:02d}年{month:02d}月{day:02d}日"


def test_the_era_table_gives_what_japanera_gave():
    differ = [text for text in _around_the_boundaries() if parse(text) != _japanera(text)]
    assert not differ, differ[:10]
