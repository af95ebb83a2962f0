"""The 基礎項目評価書 of a 重点/全項目 spec (issue 16, part 2): each 様式2 item names the 様式3/4 item it
is derived from, or is the 基礎's own, written in the spec's 基礎項目評価書 part; the derived data is a
valid 様式2 spec; values combine across files as the form model says."""
from __future__ import annotations

import copy

import pytest
from conftest import ROOT

from generator.build import Stage, discover, library, read_spec
from generator.check.located import validate
from generator.forms import FORMS, Kind
from generator.forms.basic import basic
from generator.forms.shape import Absent, Holds, shape
from generator.read.load import LoadedFile

BASIC = FORMS[("基礎項目評価書", "平成30年5月")]
SOURCES = [form for form in FORMS.values() if form.basic is not None]
DERIVED = ROOT / "tests" / "scenarios" / "kiso_derived" / "specs"


def _read(path, specs):
    reading = read_spec(path, library(specs), specs, Stage.VALIDATE)
    assert reading.form is not None, [error.format() for error in reading.errors]
    return reading.form, reading.data


def _value_slots(form):
    return [visit for visit in shape(form).visit({}, Absent.BLANK) if visit.slot.holds is not Holds.MAPPING]


def test_every_source_path_names_an_item_of_a_focused_or_full_form():
    """A typo in a Taken path would silently make an item the 基礎's own: each path is a 様式3/4 item."""
    for _, item in BASIC.printed_items:
        for path in item.taken.paths if item.taken else ():
            found = [form for form in SOURCES if shape(form).at(tuple(path.split("/"))) is not None]
            assert found, (item.key, path)


@pytest.mark.parametrize("form", SOURCES, ids=lambda form: f"{form.name}-{form.revision}")
def test_every_basic_value_is_derived_or_the_basics_own(form):
    """Each value of the 様式2 model either names an item of this form, or is a key of the part."""
    part = shape(form).at((BASIC.name,))
    assert part is not None and part.optional and part.basic
    own = {visit.path for visit in shape(form).visit({}, Absent.BLANK) if visit.path[:1] == (BASIC.name,)}
    for visit in _value_slots(BASIC):
        taken = visit.item.taken
        derived = taken is not None and (not taken.paths or any(
            shape(form).at(tuple(path.split("/"))) for path in taken.paths))
        in_part = (BASIC.name, *visit.path) in own
        assert derived or in_part, visit.path
        assert not (derived and in_part) or taken.default, visit.path        # typed once, or a default


def test_a_full_assessment_has_no_audit_boxes_to_take():
    """様式4 prints 監査 as two choices (Ⅳ１①②), not 様式2's boxes: Ⅳ８ is the 基礎's own there."""
    full, focused = FORMS[("全項目評価書", "平成30年5月")], FORMS[("重点項目評価書", "平成30年5月")]
    key = (BASIC.name, "リスク対策", "監査", "実施の有無")
    assert shape(full).at(key) is not None and shape(focused).at(key) is None


@pytest.mark.parametrize("path", [path for path in discover(ROOT / "specs")] + [DERIVED / "x" / "spec.yaml"],
                         ids=lambda path: path.parent.name + "/" + path.stem)
def test_the_derived_basic_is_a_valid_basic_spec(path):
    form, data = _read(path, path.parents[1])
    found = basic(form, data)
    if form.basic is None:
        assert found is None
        return
    loaded = LoadedFile.parse(path, "derived", "{}")
    checked, normalised, errors = validate(loaded, copy.deepcopy(found.data))
    assert checked is BASIC and not [error for error in errors if not error.warning]
    assert normalised == found.data                     # no width variant to correct either


def test_values_combine_across_files_as_the_model_says():
    """kiso_derived has two files: the least assured answer, boxes every file checks (接続しない,
    委託しない) or any file checks (監査), the part's own values, and the document's levels."""
    form, data = _read(DERIVED / "x" / "spec.yaml", DERIVED)
    risks = basic(form, data).data["リスク対策"]
    assert risks["特定個人情報の入手"]["目的外の入手が行われるリスクへの対策は十分か"] == "課題が残されている"
    assert risks["特定個人情報の保管・消去"]["特定個人情報の漏えい・滅失・毀損リスクへの対策は十分か"] == "十分である"
    assert risks["従業者に対する教育・啓発"]["従業者に対する教育・啓発"] == "十分に行っている"
    assert risks["情報提供ネットワークシステムとの接続"]["接続しない"] == ["提供"]
    assert risks["特定個人情報ファイルの取扱いの委託"]["委託しない"] == ["委託しない"]
    assert risks["特定個人情報の提供・移転"]["提供・移転しない"] == ["提供・移転しない"]
    assert risks["監査"]["実施の有無"] == ["自己点検", "内部監査"]
    assert risks["提出する特定個人情報保護評価書の種類"] == "基礎項目評価書及び重点項目評価書"


def test_the_part_gives_the_basics_own_values_and_a_blank_keeps_the_default():
    form, data = _read(DERIVED / "x" / "spec.yaml", DERIVED)
    derived = basic(form, data).data
    work = derived["関連情報"]["特定個人情報ファイルを取り扱う事務"]
    assert work["事務の概要"] == "児童扶養手当の認定と支給"            # the part's
    assert derived["しきい値判断項目"]["対象人数"]["いつ時点の計数か"] == "令和7年4月1日"
    blank = copy.deepcopy(data)
    blank["基礎項目評価書"]["関連情報"]["特定個人情報ファイルを取り扱う事務"]["事務の概要"] = None
    assert basic(form, blank).data["関連情報"]["特定個人情報ファイルを取り扱う事務"]["事務の概要"] == \
        data["基本情報"]["特定個人情報ファイルを取り扱う事務"]["事務の内容"]
    assert derived["評価書名"] == "児童扶養手当事務　基礎項目評価書" and derived["公表日"] == data["公表日"]


def test_a_choice_keeps_its_text_or_takes_the_option_of_the_same_number():
    """様式3 対象人数 「1,000人未満」 is 様式2's first option, 「1,000人未満（任意実施）」."""
    form, data = _read(DERIVED / "x" / "spec.yaml", DERIVED)
    data = copy.deepcopy(data)
    data["基本情報"]["特定個人情報ファイルを取り扱う事務"]["対象人数"] = "1,000人未満"
    counted = basic(form, data).data["しきい値判断項目"]["対象人数"]
    assert counted["評価対象の事務の対象人数は何人か"] == "1,000人未満（任意実施）"


def test_each_value_is_located_where_the_spec_types_it():
    form, data = _read(DERIVED / "x" / "spec.yaml", DERIVED)
    found = basic(form, data)
    assert found.origin(("関連情報", "特定個人情報ファイルを取り扱う事務", "事務の名称")) == \
        ("基本情報", "特定個人情報ファイルを取り扱う事務", "事務の名称")
    assert found.origin(("リスク対策", "特定個人情報の入手", "目的外の入手が行われるリスクへの対策は十分か")) == \
        ("特定個人情報ファイル", 0, "リスク対策", "特定個人情報の入手", "リスク", "リスクへの対策は十分か")
    assert found.origin(("しきい値判断項目", "対象人数", "いつ時点の計数か")) == \
        ("基礎項目評価書", "しきい値判断項目", "対象人数", "いつ時点の計数か")
    assert found.origin(("変更箇所", 0, "変更日")) == ("基礎項目評価書", "変更箇所", 0, "変更日")
    assert all(item.kind is not Kind.DERIVED or not item.taken for _, item in BASIC.printed_items)
