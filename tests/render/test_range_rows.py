"""The range header rows of the repeated blocks (「システム2～5」「委託事項6～10」 …), printed as the
published documents print them: each header of the form whether or not entries follow it, and the
entries of each range under its header, in HTML and DOCX (the PDF is the DOCX's: tests/pdf). The
ranges are the form model's (forms/shared.py RANGES), checked here against the seeds that print them."""
from __future__ import annotations

import re

import pytest
from conftest import ROOT
from seeds.test_fidelity import SEEDS
from textutil import docx_lines, html_lines

from generator.build import build
from generator.forms import FORMS, Kind

MINIMAL = ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml"   # 1 of each block
READERS = {"html": html_lines, "docx": docx_lines}
PUBLISHED = re.compile(r"^\s*(システム|委託事項|提供先|移転先)(\d+)[～~](\d+)\s*$", re.M)   # a seed's header row


def _rendered(tmp_path, text: str) -> dict[str, list[str]]:
    specs = tmp_path / "specs"
    (specs / "x").mkdir(parents=True)
    (specs / "x" / "spec.yaml").write_text(text, encoding="utf-8")
    result = build([specs / "x" / "spec.yaml"], specs, tmp_path / "out")
    assert not result.failed, [error.format() for error in result.errors]
    return {fmt: [line.strip() for line in read((tmp_path / "out" / f"x/spec.{fmt}").read_bytes())]
            for fmt, read in READERS.items()}


def _changes_start(seed: str) -> int:
    """Where a seed's 変更箇所 begins: its heading (the second 「変更箇所」, after the 項目一覧's), or its
    first 提出時期 cell where the extraction put rows before the heading (いわき市 国民年金事務)."""
    heading = seed.index("変更箇所", seed.index("変更箇所") + 1)
    timing = re.search(r"^\s*(事前|事後)\s*$|\t(事前|事後)\t", seed, re.M)
    return min(heading, timing.start() if timing else heading)


def _heads(lines: list[str], key: str) -> list[str]:
    """The block's title rows (移転先2) and range header rows (移転先2～5), in printed order."""
    return [line for line in lines if re.fullmatch(rf"{key}\d+(～\d+)?", line)]


def _three_transfers(text: str) -> str:
    """valid_minimal with three named 移転先 instead of one blank one."""
    start = text.index("          - 名称:   # 移転先n の表題")
    end = text.index("\n", text.index("時期・頻度", start)) + 1
    entry = text[start:end]
    named = "".join(entry.replace("名称:", f"名称: 移転先{name}課", 1) for name in "ABC")
    return text[:start] + named + text[end:]


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_one_system_and_one_consignment_print_every_range_header_after_them(tmp_path, fmt):
    lines = _rendered(tmp_path, MINIMAL.read_text(encoding="utf-8"))[fmt]
    for key in ("システム", "委託事項", "提供先", "移転先"):
        assert _heads(lines, key) == [f"{key}1", f"{key}2～5", f"{key}6～10", f"{key}11～15", f"{key}16～20"], key


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_three_transfers_print_under_their_range_headers(tmp_path, fmt):
    lines = _rendered(tmp_path, _three_transfers(MINIMAL.read_text(encoding="utf-8")))[fmt]
    assert _heads(lines, "移転先") == ["移転先1", "移転先2～5", "移転先2", "移転先3", "移転先6～10", "移転先11～15",
                                     "移転先16～20"]
    order = [lines.index(line) for line in ("移転先1", "移転先A課", "移転先2～5", "移転先2", "移転先B課", "移転先3",
                                            "移転先C課", "移転先6～10")]
    assert order == sorted(order), "each entry's title row and name under its range header"


def test_every_group_of_the_forms_has_the_ranges_up_to_its_limit():
    """様式3 and 様式4, both revisions: システム, 委託事項, 提供先 and 移転先, each 2～5 … 16～20, contiguous
    up to the 20 entries a spec may list; 様式2 has no repeated block."""
    for (name, revision), form in FORMS.items():
        groups = [item for _, item in form.printed_items if item.kind is Kind.GROUP]
        assert len(groups) == (0 if name == "基礎項目評価書" else 4), (name, revision)
        for group in groups:
            assert group.ranges == ((2, 5), (6, 10), (11, 15), (16, 20)) and group.max_repeat == 20, group.key


@pytest.mark.parametrize("stem", sorted(SEEDS))
def test_the_range_headers_a_seed_prints_are_the_forms_and_ours(built, seeds_dir, stem):
    """Every range header row a published document prints (before its 変更箇所, which quotes old
    text) is one of its form's, worded as the model words it, and printed in our HTML and DOCX."""
    seed = (seeds_dir / SEEDS[stem][0]).read_text(encoding="utf-8")
    printed = PUBLISHED.findall(seed[:_changes_start(seed)])
    document = built[stem]["document"]
    form = FORMS[(document.form_name, document.revision)]
    ranges = {item.range_heading(*span) for _, item in form.printed_items for span in item.ranges}
    for fmt, read in READERS.items():
        ours = {line.strip() for line in read(built[stem][fmt])}
        for key, first, last in printed:
            assert f"{key}{first}～{last}" in ranges & ours, (stem, fmt, key, first, last)
    print(f"{stem}: the seed prints {len(printed)} range headers: {printed}")
