"""Fragment resolution: parameters, dropped heading lines, nesting, confinement, cycles."""
from __future__ import annotations

from generator.read.fragments import Library
from generator.read.load import load_yaml
from generator.read.resolve import resolve


def _resolve(tmp_path, spec: str, fragments: str):
    (tmp_path / "fragments").mkdir()
    (tmp_path / "fragments" / "標準.yaml").write_text(fragments, encoding="utf-8")
    (tmp_path / "spec.yaml").write_text(spec, encoding="utf-8")
    loaded, errors = load_yaml(tmp_path / "spec.yaml")
    assert not errors
    return resolve(loaded, Library(tmp_path / "fragments"))


FRAGMENTS = """\
措置:
  引数: {見出し: ＜共通の措置＞, 団体名: null}
  本文: |-
    {見出し}
    {団体名}は{団体名}の規程に従う。{ここは引数ではない}
組合せ:
  本文:
    - 前文
    - 共通記載: 標準/措置
      引数: {団体名: 乙市}
"""


def test_parameters_fill_placeholders_and_text_stays_literal(tmp_path):
    resolved, errors = _resolve(tmp_path, "a:\n  共通記載: 標準/措置\n  引数: {団体名: '{{ 7*7 }}'}\n", FRAGMENTS)
    assert not errors
    assert resolved.data["a"] == "＜共通の措置＞\n{{ 7*7 }}は{{ 7*7 }}の規程に従う。{ここは引数ではない}"
    assert resolved.used == {"標準/措置"}


def test_an_empty_heading_drops_its_line(tmp_path):
    resolved, _ = _resolve(tmp_path, "a:\n  - 共通記載: 標準/措置\n    引数: {見出し: '', 団体名: 甲市}\n", FRAGMENTS)
    assert resolved.data["a"] == ["甲市は甲市の規程に従う。{ここは引数ではない}"]


def test_fragments_include_fragments(tmp_path):
    resolved, errors = _resolve(tmp_path, "a:\n  共通記載: 標準/組合せ\n", FRAGMENTS)
    assert not errors
    assert resolved.data["a"].startswith("前文\n＜共通の措置＞\n乙市は")
    assert resolved.used == {"標準/組合せ", "標準/措置"}


def test_paths_outside_the_folder_are_refused(tmp_path):
    for index, key in enumerate(("../標準/措置", "/etc/passwd", "標準/../../x")):
        folder = tmp_path / f"case{index}"
        folder.mkdir()
        _, errors = _resolve(folder, f"a:\n  共通記載: '{key}'\n", FRAGMENTS)
        assert len(errors) == 1 and "不正" in errors[0].message, key


LAWS = """\
国民年金:
  文言:
    - 施行日: 平成27年10月5日
      本文: 番号法別表第一の31の項
    - 施行日: 令和6年5月27日
      本文: 番号法別表第46項
"""


def _cite(tmp_path, published: str):
    (tmp_path / "laws").mkdir(exist_ok=True)
    (tmp_path / "laws" / "番号法.yaml").write_text(LAWS, encoding="utf-8")
    return _resolve(tmp_path, f"公表日: {published}\n根拠:\n  - {{法令: 番号法/国民年金}}\n", FRAGMENTS)


def test_a_citation_prints_the_wording_in_force_on_the_publication_date(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    before, errors = _cite(tmp_path / "a", "令和6年5月24日")
    assert not errors and before.data["根拠"] == ["番号法別表第一の31の項"]
    after, errors = _cite(tmp_path / "b", "令和6年5月27日")
    assert not errors and after.data["根拠"] == ["番号法別表第46項"]
    assert after.used == {"法令:番号法/国民年金"}


def test_a_citation_before_any_wording_or_unknown_is_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    _, errors = _cite(tmp_path / "a", "平成26年4月1日")
    assert [e.message for e in errors] == ["法令「番号法/国民年金」に公表日時点で効力のある文言がありません"]


def test_a_fragment_used_again_is_expanded_once_per_arguments_and_its_errors_reported_at_each_use(tmp_path):
    """resolve.expansion keeps a use's text; the same entry with other values is expanded again,
    and one that failed is not kept (each use is told)."""
    spec = ("a:\n  - 共通記載: 標準/措置\n    引数: {団体名: 甲市}\n  - 共通記載: 標準/措置\n    引数: {団体名: 乙市}\n"
            "  - 共通記載: 標準/措置\n    引数: {団体名: 甲市}\n"
            "b:\n  - 共通記載: 標準/壊れた\n  - 共通記載: 標準/壊れた\n")
    resolved, errors = _resolve(tmp_path, spec, FRAGMENTS + "壊れた:\n  本文: \"\\a\"\n")
    first, second, third = resolved.data["a"]
    assert "甲市は甲市" in first and "乙市は乙市" in second and third == first
    assert [error.line for error in errors] == [9, 10]
