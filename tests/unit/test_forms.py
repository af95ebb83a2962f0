"""The form models themselves: keys unique per mapping, printed labels, revisions."""
from __future__ import annotations

from collections import Counter

import pytest

from generator.check.schema import spec_schema
from generator.forms import FORMS, Item, Kind


def every_item(form):
    """Every item in printed order, depth first (an oracle of the test's own, not the shape)."""
    def walk(item):
        yield item
        for child in (*item.header_checks, *item.children, *item.columns):
            yield from walk(child)
    for top in (*form.cover, *form.common, *form.per_file, *form.closing):
        yield from walk(top)


def _mapping_keys(items: tuple[Item, ...]) -> list[str]:
    keys = []
    for item in items:
        if item.kind is Kind.DERIVED:
            continue
        if item.kind is Kind.LABEL:
            keys += _mapping_keys(item.children)
        else:
            keys.append(item.key)
            if not item.nests and item.kind is not Kind.GROUP:
                keys += _mapping_keys(item.children)
    return keys


def _mappings(items: tuple[Item, ...]):
    yield items
    for item in items:
        if item.nests or item.kind is Kind.GROUP:
            yield from _mappings(item.header_checks + item.children)
        elif item.children:
            yield from (m for child in item.children for m in _mappings((child,)) if m != (child,))


@pytest.mark.parametrize("key", sorted(FORMS), ids=lambda k: "-".join(k))
def test_keys_are_unique_within_each_mapping(key):
    form = FORMS[key]
    for items in _mappings(form.cover + form.common + form.closing):
        repeated = [k for k, n in Counter(_mapping_keys(items)).items() if n > 1]
        assert not repeated
    for items in _mappings(form.per_file):
        repeated = [k for k, n in Counter(_mapping_keys(items)).items() if n > 1]
        assert not repeated


def test_marks_and_numbering_follow_the_official_form():
    form = FORMS[("重点項目評価書", "平成30年5月")]
    labels = [item.printed_label for item in every_item(form)]
    assert "①ファイルの種類　※" in labels and "②対象となる本人の数" in labels
    assert "４．個人番号の利用　※" in labels
    assert form.version_line == "[平成30年５月　様式３]"


def test_revisions_differ_only_where_the_form_changed():
    old, new = (FORMS[("重点項目評価書", r)] for r in ("平成30年5月", "平成30年5月（5情報）"))
    texts = lambda form: {c.text for item in every_item(form) if item.checks for c in item.checks.checks}  # noqa: E731
    assert texts(old) - texts(new) == {"4情報（氏名、性別、生年月日、住所）"}
    assert texts(new) - texts(old) == {"5情報（氏名、氏名の振り仮名、性別、生年月日、住所）"}


def test_full_form_has_its_own_items():
    form = FORMS[("全項目評価書", "平成30年5月")]
    labels = {item.printed_label for item in every_item(form)}
    for label in ("①事務実施上の必要性", "⑩死者の個人番号", "③期間を短縮する特段の理由", "②事務の内容　※"):
        assert label in labels
    schema = spec_schema("全項目評価書", "平成30年5月")
    assert "事務の内容" in schema and "その他のリスク対策" in schema


def test_three_risk_sub_rows_with_one_label_get_distinct_keys():
    form = FORMS[("全項目評価書", "平成30年5月")]
    keys = [item.key for item in every_item(form) if item.label == "具体的な管理方法"]
    assert len(keys) == 3 and len(set(keys)) == 3
