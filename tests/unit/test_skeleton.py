"""`pia new`: the blank spec of every form and revision lists every item, so that filling in the
required items is all a check asks for; the optional counts of 提供・移転の有無 are shown commented out."""
from __future__ import annotations

import re

import pytest

from generator.build import check
from generator.forms import FORMS
from generator.skeleton import skeleton

REQUIRED = re.compile(r"^(\s*)(評価書番号|評価書名|個人のプライバシー等の権利利益の保護の宣言|評価実施機関名|公表日|事務の名称"
                      r"|- 特定個人情報ファイル名):(.*)$", re.M)
FILLED = {"公表日": "令和7年1月6日", "評価書番号": "1"}


def _fill(match: re.Match) -> str:
    key = match.group(2).removeprefix("- ")
    return f"{match.group(1)}{match.group(2)}: {FILLED.get(key, 'テスト')}{match.group(3)}"


@pytest.mark.parametrize("form", sorted(FORMS), ids=["-".join(key) for key in sorted(FORMS)])
def test_a_filled_in_blank_spec_passes_the_check(tmp_path, form):
    text = skeleton(FORMS[form])
    path = tmp_path / "specs" / "x" / "spec.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(REQUIRED.sub(_fill, text), encoding="utf-8")
    blank = check([path], tmp_path / "specs")
    assert [error.message for error in blank.errors if not error.warning] == []

    counts = re.sub(r"^(\s*)# (提供・移転の有無: \{.*?\}).*$", r"\1\2", path.read_text(encoding="utf-8"), flags=re.M)
    counts = counts.replace(": 件数", ": 3")
    assert "提供・移転の有無: {提供を行っている: 3, 移転を行っている: 3}" in counts
    path.write_text(counts, encoding="utf-8")
    uncommented = check([path], tmp_path / "specs")
    assert [error.message for error in uncommented.errors if not error.warning] == []
    cells = [cell for part in uncommented.documents[0].parts for row in part.rows for line in row.grid for cell in line]
    assert "[ ○ ] 提供を行っている （ 3 ） 件" in cells
