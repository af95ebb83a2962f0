"""Specs to validate and ways to break them, shared by the validator agreement tests
(tests/unit/test_jsonschema.py: cerberus against the JSON Schema; test_validator.py: the fast path
for list items against cerberus alone)."""
from __future__ import annotations

from functools import cache
from pathlib import Path

from conftest import ROOT
from ruamel.yaml import YAML

from generator.build import discover
from generator.read.fragments import Library
from generator.read.load import load_yaml
from generator.read.resolve import resolve


def samples() -> list[tuple[str, Path]]:
    specs = discover(ROOT / "specs")
    scenarios = sorted((ROOT / "tests" / "scenarios").glob("*/specs/x/*.yaml"))
    return [(path.relative_to(ROOT).as_posix(), path) for path in specs + scenarios]


MUTATIONS = {
    "as_is": lambda d: None,
    "unknown_key": lambda d: d.__setitem__("評価書番合", 1),
    "missing_required": lambda d: d.pop("評価書名"),
    "null_required": lambda d: d.__setitem__("評価書名", None),
    "boolean_text": lambda d: d.__setitem__("特記事項", True),
    "text_list": lambda d: d.__setitem__("特記事項", ["一行目", 2, None]),
    "choice_not_an_option": lambda d: d["基本情報"]["特定個人情報ファイルを取り扱う事務"].__setitem__("対象人数", "多い"),
    "choice_as_list": lambda d: d["基本情報"]["特定個人情報ファイルを取り扱う事務"].__setitem__("対象人数", ["1万人未満"]),
    "files_empty": lambda d: d.__setitem__("特定個人情報ファイル", []),
    "file_as_string": lambda d: d.__setitem__("特定個人情報ファイル", ["ファイル"]),
    "section_null": lambda d: d["基本情報"].__setitem__("個人番号の利用", None),
    "section_as_text": lambda d: d["基本情報"].__setitem__("個人番号の利用", "番号法"),
    "unknown_check": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手方法", ["紙媒体"]),
    "detail_on_detail_box": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手元", [{"その他": "窓口"}]),
    "detail_on_plain_box": lambda d: d["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]["特定個人情報の入手・使用"]
    .__setitem__("入手方法", [{"紙": "原本"}]),
    "bad_submission": lambda d: d.__setitem__("変更箇所", [{"変更日": "令和6年5月24日", "提出時期": "事中"}]),
    # list items, where cerberus's own per-item validation is skipped for plainly valid items
    "row_unknown_column": lambda d: _row(d).__setitem__("備考", "追記"),
    "row_boolean_cell": lambda d: _row(d).__setitem__("変更前の記載", False),
    "row_nested_list_cell": lambda d: _row(d).__setitem__("変更後の記載", [["入れ子"]]),
    "row_date_as_list": lambda d: _row(d).__setitem__("変更日", ["令和6年5月24日"]),
    "row_float_cell": lambda d: _row(d).__setitem__("項目", 1.5),
    "row_as_text": lambda d: _rows(d).append("行"),
    "row_null": lambda d: _rows(d).append(None),
    "row_empty": lambda d: _rows(d).append({}),
    "table_row_too_long": lambda d: _table(d).append(["列"] * 7),
    "table_cell_mapping": lambda d: _table(d)[0].__setitem__(1, {"列": 1}),
    "table_cell_boolean": lambda d: _table(d)[0].__setitem__(1, True),
    "table_row_null": lambda d: _table(d).append(None),
    "table_row_as_text": lambda d: _table(d).append("行"),
    "check_null": lambda d: _checks(d).append(None),
    "check_number": lambda d: _checks(d).append(1),
    "check_detail_list": lambda d: _checks(d).append({"その他": ["窓口"]}),
    "check_two_details": lambda d: _checks(d).append({"その他": "窓口", "紙": None}),
    "text_nested_list": lambda d: d.__setitem__("特記事項", [["一行目"]]),
    "text_list_with_mapping": lambda d: d.__setitem__("特記事項", ["一行目", {"二": "行目"}]),
    "group_entry_unknown_key": lambda d: _consignments(d)[0].__setitem__("備考", "追記"),
    "group_entry_null": lambda d: _consignments(d).append(None),
    "group_entry_as_text": lambda d: _consignments(d).append("委託"),
    "file_null": lambda d: d["特定個人情報ファイル"].append(None),
    # II-5 提供・移転の有無: optional counts per box
    "counts_given": lambda d: _provision(d).__setitem__("提供・移転の有無", {"提供を行っている": 58}),
    "counts_zero": lambda d: _provision(d).__setitem__("提供・移転の有無", {"提供を行っている": 0}),
    "counts_boolean": lambda d: _provision(d).__setitem__("提供・移転の有無", {"移転を行っている": True}),
    "counts_text": lambda d: _provision(d).__setitem__("提供・移転の有無", {"移転を行っている": "58件"}),
    "counts_unknown_box": lambda d: _provision(d).__setitem__("提供・移転の有無", {"行っていない": 1}),
    "counts_as_list": lambda d: _provision(d).__setitem__("提供・移転の有無", ["提供を行っている"]),
    # the 基礎項目評価書 part: its own items, and one the 基礎 takes from the document (typed twice)
    "basic_own_date": lambda d: _basic(d).__setitem__("公表日", "令和7年1月6日"),
    "basic_count_date_as_list": lambda d: _basic(d).__setitem__("しきい値判断項目",
                                                                {"対象人数": {"いつ時点の計数か": ["令和7年"]}}),
    "basic_typed_twice": lambda d: _basic(d).__setitem__("評価実施機関名", "テスト市長"),
    "basic_as_text": lambda d: d.__setitem__("基礎項目評価書", "基礎"),
}


def _rows(data: dict) -> list:
    """The 変更箇所 rows, one added when there are none."""
    if not data.get("変更箇所"):
        data["変更箇所"] = [{"変更日": "令和6年5月24日", "項目": "Ⅰ１", "提出時期": "事後"}]
    return data["変更箇所"]


def _row(data: dict) -> dict:
    return _rows(data)[-1]


def _table(data: dict) -> list:
    """The rows of the first annex table, one added when there is none."""
    if not data.get("添付資料"):
        data["添付資料"] = [{"見出し": "【別添】", "表": {"列": ["項番", "名称"], "行": [["1", "名称"]]}}]
    return data["添付資料"][0]["表"]["行"]


def _overview(data: dict) -> dict:
    return data["特定個人情報ファイル"][0]["特定個人情報ファイルの概要"]


def _checks(data: dict) -> list:
    section = _overview(data)["特定個人情報の入手・使用"]
    if not isinstance(section.get("入手元"), list):
        section["入手元"] = []
    return section["入手元"]


def _provision(data: dict) -> dict:
    return _overview(data)["特定個人情報の提供・移転"]


def _consignments(data: dict) -> list:
    """The first file's 委託事項, one added when there is none."""
    section = _overview(data)["特定個人情報ファイルの取扱いの委託"]
    if not section.get("委託事項"):
        section["委託事項"] = [{"名称": "委託"}]
    return section["委託事項"]


def _basic(data: dict) -> dict:
    """The 基礎項目評価書 part of a 重点/全項目 spec (issue 16), made when there is none."""
    if not isinstance(data.get("基礎項目評価書"), dict):
        data["基礎項目評価書"] = {}
    return data["基礎項目評価書"]


@cache
def loaded(path: Path):
    loaded, errors = load_yaml(path)
    if loaded is None:
        return None
    resolved, problems = resolve(loaded, Library(path.parents[1] / "fragments"))
    if errors or problems or not isinstance(resolved.data, dict):
        return None
    return resolved.data, YAML(typ="safe").load(path.read_text(encoding="utf-8"))
