"""Walking a spec along its form (generator/walk.py): what the rules and the completeness check see."""
from __future__ import annotations

from generator.forms import FORMS
from generator.walk import ABSENT, walk

FORM = FORMS[("重点項目評価書", "平成30年5月")]


def _file(overview: dict) -> dict:
    return {"様式": FORM.name, "特定個人情報ファイル": [{"特定個人情報ファイル名": "甲", "特定個人情報ファイルの概要": overview}]}


def test_present_items_in_printed_order_with_their_paths():
    data = {"評価書番号": 3, "評価書名": "名", "基本情報": {"他の評価実施機関": "ー"}}
    visits = [(item.key, path, value) for item, path, value in walk(FORM, data)]
    assert visits == [("評価書番号", ("評価書番号",), 3), ("評価書名", ("評価書名",), "名"),
                      ("基本情報", ("基本情報",), {"他の評価実施機関": "ー"}),
                      ("他の評価実施機関", ("基本情報", "他の評価実施機関"), "ー")]


def test_absent_items_are_reported_once_at_their_own_path_and_not_entered():
    missing = [path for item, path, value in walk(FORM, {"基本情報": {"他の評価実施機関": "ー"}}, absent=True)
               if value is ABSENT]
    assert ("評価書名",) in missing and ("基本情報", "個人番号の利用") in missing
    assert not any(path[:2] == ("基本情報", "個人番号の利用") and len(path) > 2 for path in missing)
    assert [path for item, path, value in walk(FORM, {"基本情報": {}}, absent=True) if path[0] == "基本情報"] == \
        [("基本情報",)]                  # an empty mapping is blank as a whole, like 基本情報: (null)


def test_a_risk_written_blank_is_blank_as_a_whole():
    data = _file({})
    data["特定個人情報ファイル"][0]["リスク対策"] = {"特定個人情報の使用": {"リスク1": None, "リスク2": {}}}
    missing = [path[2:] for item, path, value in walk(FORM, data, absent=True) if value is ABSENT]
    assert not [path for path in missing if "リスク1" in path or "リスク2" in path]
    assert ("リスク対策", "特定個人情報の使用", "その他のリスク及びそのリスクに対する措置") in missing


def test_group_entries_are_walked_with_their_index():
    data = _file({"特定個人情報の提供・移転": {"提供先": [{"名称": "甲", "時期・頻度": "随時"}, "不正な値"]}})
    paths = [path[-3:] for item, path, value in walk(FORM, data) if item.key == "時期・頻度"]
    assert paths == [("提供先", 0, "時期・頻度")]


def test_the_counts_of_provision_are_the_only_derived_item_with_a_key():
    """Other derived items (ファイル名, 委託しない …) have no key and are never visited."""
    without = _file({"特定個人情報の提供・移転": {"提供先": []}})
    written = _file({"特定個人情報の提供・移転": {"提供・移転の有無": {"提供を行っている": 5}}})
    derived = [(item.key, value) for item, _, value in walk(FORM, without, absent=True) if item.derive]
    assert derived == [("提供・移転の有無", ABSENT)]                 # optional: complete.py does not ask for it
    assert [value for item, _, value in walk(FORM, written) if item.key == "提供・移転の有無"] == [{"提供を行っている": 5}]
