"""The shape of a spec (generator/forms/shape.py): how its data is nested, and the one walk over it
that the schema, the completeness check, the rules, the 変更箇所 entries and the skeleton share."""
from __future__ import annotations

from generator.forms import FORMS
from generator.forms.shape import ABSENT, Absent, Holds, shape

FORM = FORMS[("重点項目評価書", "平成30年5月")]
SHAPE = shape(FORM)


def _file(overview: dict) -> dict:
    return {"様式": FORM.name, "特定個人情報ファイル": [{"特定個人情報ファイル名": "甲", "特定個人情報ファイルの概要": overview}]}


def walk(data: dict, absent: Absent = Absent.SKIP, entries: bool = False):
    return [(visit.slot.key, visit.path, visit.value) for visit in SHAPE.visit(data, absent, entries)]


def test_present_items_in_printed_order_with_their_paths():
    data = {"評価書番号": 3, "評価書名": "名", "基本情報": {"他の評価実施機関": "ー"}}
    assert walk(data) == [("評価書番号", ("評価書番号",), 3), ("評価書名", ("評価書名",), "名"),
                          ("基本情報", ("基本情報",), {"他の評価実施機関": "ー"}),
                          ("他の評価実施機関", ("基本情報", "他の評価実施機関"), "ー")]


def test_absent_items_are_reported_once_at_their_own_path_and_not_entered():
    missing = [path for _, path, value in walk({"基本情報": {"他の評価実施機関": "ー"}}, Absent.MISSING)
               if value is ABSENT]
    assert ("評価書名",) in missing and ("基本情報", "個人番号の利用") in missing
    assert not any(path[:2] == ("基本情報", "個人番号の利用") and len(path) > 2 for path in missing)
    assert [path for _, path, value in walk({"基本情報": {}}, Absent.MISSING) if path[0] == "基本情報"] == \
        [("基本情報",)]                  # an empty mapping is blank as a whole, like 基本情報: (null)


def test_a_risk_written_blank_is_blank_as_a_whole():
    data = _file({})
    data["特定個人情報ファイル"][0]["リスク対策"] = {"特定個人情報の使用": {"リスク1": None, "リスク2": {}}}
    missing = [path[2:] for _, path, value in walk(data, Absent.MISSING) if value is ABSENT]
    assert not [path for path in missing if "リスク1" in path or "リスク2" in path]
    assert ("リスク対策", "特定個人情報の使用", "その他のリスク及びそのリスクに対する措置") in missing


def test_group_entries_are_walked_with_their_index_and_visited_once_each_on_request():
    data = _file({"特定個人情報の提供・移転": {"提供先": [{"名称": "甲", "時期・頻度": "随時"}, "不正な値"]}})
    assert [path[-3:] for key, path, _ in walk(data) if key == "時期・頻度"] == [("提供先", 0, "時期・頻度")]
    entries = [visit for visit in SHAPE.visit(data, entries=True) if visit.entry]
    assert [visit.path[-2:] for visit in entries] == [("特定個人情報ファイル", 0), ("提供先", 0)] * 1 + \
        [("特定個人情報ファイル", 0)] * (len(SHAPE.files.slots) - 1)   # the file once per per-file part


def test_the_counts_of_provision_are_the_only_derived_item_with_a_key():
    """Other derived items (ファイル名, 委託しない …) have no key and are never visited."""
    without = _file({"特定個人情報の提供・移転": {"提供先": []}})
    written = _file({"特定個人情報の提供・移転": {"提供・移転の有無": {"提供を行っている": 5}}})
    derived = [(visit.slot.key, visit.value) for visit in SHAPE.visit(without, Absent.MISSING) if visit.item.derive]
    assert derived == [("提供・移転の有無", ABSENT)]                 # optional: complete.py does not ask for it
    assert [value for key, _, value in walk(written) if key == "提供・移転の有無"] == [{"提供を行っている": 5}]


def test_blank_mode_visits_every_printed_item_with_its_printed_path():
    """変更箇所 entries see absent items as blank; the path is the printed one (label cells included)."""
    trails = {" ".join(visit.trail) for visit in SHAPE.visit(_file({}), Absent.BLANK)}
    assert "Ⅱ 特定個人情報ファイルの概要 ３．特定個人情報の入手・使用 ④使用の主体 使用部署" in trails
    assert "Ⅱ 特定個人情報ファイルの概要 ２．基本情報 ③対象となる本人の範囲 ※ その必要性" not in trails
    assert "Ⅱ 特定個人情報ファイルの概要 ２．基本情報 ③対象となる本人の範囲 その必要性" in trails


def test_labels_and_sub_rows_sit_beside_their_item_in_the_same_mapping():
    basics = SHAPE.at(("特定個人情報ファイル", "特定個人情報ファイルの概要", "基本情報"))
    assert basics.holds is Holds.MAPPING
    keys = [slot.key for slot in basics.slots]
    assert keys.index("対象となる本人の範囲") + 1 == keys.index("その必要性")
    assert SHAPE.at(("特定個人情報ファイル", "特定個人情報ファイルの概要", "特定個人情報の入手・使用", "使用部署"))
    assert SHAPE.at(("特定個人情報ファイル", "特定個人情報ファイルの概要", "特定個人情報の入手・使用", "使用の主体")) is None


def test_the_facts_of_the_threshold_are_a_key_that_is_not_printed():
    facts = SHAPE.at(("しきい値判断",))
    assert facts is not None and not facts.printed and facts.optional
    assert [slot.key for slot in facts.slots] == ["取扱者数", "重大事故"]


def test_contents_are_the_parts_in_printed_order():
    assert FORMS[("全項目評価書", "平成30年5月")].contents[:3] == (
        "Ⅰ　基本情報", "（別添１）　事務の内容", "Ⅱ　特定個人情報ファイルの概要")
    assert FORM.contents[-1] == "（別添２）　変更箇所"
