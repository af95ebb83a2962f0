"""変更箇所 candidates (generator/changes.py): item by item through the form model."""
from __future__ import annotations

import copy
from functools import cache

from conftest import ROOT

from generator.check.located import validate
from generator.history.changes import AFTER_REMOVED, BEFORE_NONE, compare
from generator.read.fragments import Library
from generator.read.load import load_yaml
from generator.read.resolve import resolve

SPEC = ROOT / "specs" / "いわき市" / "国民年金事務.yaml"


@cache
def _seed():
    loaded, _ = load_yaml(SPEC)
    resolved, _ = resolve(loaded, Library(ROOT / "specs" / "fragments"))
    form, data, errors = validate(loaded, resolved.data)
    assert not [error for error in errors if not error.warning]
    return form, data


def _changed(edit):
    form, old = _seed()
    new = copy.deepcopy(old)
    edit(new)
    return compare(form, old, new, "令和8年1月5日")


def _file(data):
    return data["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]


def test_the_same_spec_has_no_changes():
    assert _changed(lambda data: None) == []


def test_a_marked_item_is_filed_in_advance():
    rows = _changed(lambda d: _file(d)["基本情報"].__setitem__("対象となる本人の範囲", "新しい範囲"))
    assert [(row.item.split(" ")[-1], row.after, row.timing, row.date) for row in rows] == \
        [("③対象となる本人の範囲", "新しい範囲", "事前", "令和8年1月5日")]    # ※ item: 重要な変更 candidate


def test_an_unmarked_item_of_the_overview_is_filed_afterwards():
    rows = _changed(lambda d: d["基本情報"]["特定個人情報ファイルを取り扱う事務"].__setitem__("事務の内容", "新しい内容"))
    assert [(row.item.split(" ")[-1], row.timing) for row in rows] == [("②事務の内容", "事後")]   # no ※ in 様式3


def test_an_unmarked_item_is_filed_afterwards():
    rows = _changed(lambda d: _file(d).__setitem__("備考", "追記"))
    assert [(row.item.split(" ")[-1], row.before, row.after, row.timing) for row in rows] == \
        [("７．備考", BEFORE_NONE, "追記", "事後")]


def test_an_added_recipient_is_one_row_and_the_count_follows():
    def add(data):
        section = _file(data)["特定個人情報の提供・移転"]
        section["提供先"].append({**section["提供先"][0], "名称": "都道府県"})
    rows = _changed(add)
    assert [row.item.split(" ")[-1] for row in rows] == ["提供・移転の有無", "提供先2"]
    assert rows[0].before.startswith("[○]提供を行っている（1）件") and rows[0].after.startswith("[○]提供を行っている（2）件")
    assert "名称：都道府県" in rows[1].after


def test_a_removed_recipient_is_one_row():
    rows = _changed(lambda d: _file(d)["特定個人情報の提供・移転"].__setitem__("提供先", []))
    assert [(row.item.split(" ")[-1], row.after) for row in rows][-1] == ("提供先1", AFTER_REMOVED)
    assert rows[0].after == "[○]移転を行っている（1）件"


BASIC_SPEC = ROOT / "specs" / "赤磐市" / "保育料の決定事務.yaml"


def _basic_changed(edit):
    loaded, _ = load_yaml(BASIC_SPEC)
    form, old, _ = validate(loaded, resolve(loaded, Library(ROOT / "specs" / "fragments"))[0].data)
    new = copy.deepcopy(old)
    edit(new)
    return compare(form, old, new, "平成28年4月1日")


def test_basic_assessment_items_are_compared_as_printed():
    """様式2: each printed item by its path (Ⅱ１'s answer, Ⅰ５②); no ※ is known, so 事後; a file added
    to Ⅰ２ is a row of its own although no part is printed per file."""
    def edit(data):
        data["しきい値判断項目"]["対象人数"]["評価対象の事務の対象人数は何人か"] = "1万人以上10万人未満"
        data["関連情報"]["評価実施機関における担当部署"]["所属長"] = "宇野　一郎"
        data["特定個人情報ファイル"].append({"特定個人情報ファイル名": "保育料ファイル"})
    rows = _basic_changed(edit)
    assert [(row.item, row.after, row.timing) for row in rows] == [
        ("Ⅰ 関連情報 ５．評価実施機関における担当部署 ②所属長", "宇野　一郎", "事後"),
        ("特定個人情報ファイル 保育料ファイル", "保育料ファイル", "事後"),
        ("Ⅱ しきい値判断項目 １．対象人数 評価対象の事務の対象人数は何人か", "1万人以上10万人未満", "事後")]
