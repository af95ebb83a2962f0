"""`pia new`: the blank spec of every form and revision lists every item, so that filling in the
required items is all a check asks for; the optional counts of 提供・移転の有無 are shown commented out."""
from __future__ import annotations

import re

import pytest

from generator.build import check
from generator.editor.skeleton import skeleton
from generator.forms import FILE_NAME, FORMS, Form

FILLED = {"公表日": "令和7年1月6日", "評価書番号": "1"}


def _required(form: Form) -> set[str]:
    """The keys of the form's required items (cerberus's ``required``), and the file name."""
    found, items = {FILE_NAME}, list(form.cover + form.common + form.per_file + form.closing)
    while items:
        item = items.pop()
        found |= {item.key} if item.required else set()
        items += item.children + item.header_checks
    return found


def _fill(text: str, keys: set[str]) -> str:
    pattern = re.compile(r"^(\s*(?:- )?)(" + "|".join(map(re.escape, keys)) + r"):(.*)$", re.M)
    return pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}: {FILLED.get(m.group(2), 'テスト')}{m.group(3)}", text)


def _blank_spec(tmp_path, form: tuple[str, str]):
    path = tmp_path / "specs" / "x" / "spec.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(_fill(skeleton(FORMS[form]), _required(FORMS[form])), encoding="utf-8")
    return path


@pytest.mark.parametrize("form", sorted(FORMS), ids=["-".join(key) for key in sorted(FORMS)])
def test_a_filled_in_blank_spec_passes_the_check(tmp_path, form):
    path = _blank_spec(tmp_path, form)
    blank = check([path], tmp_path / "specs")
    assert [error.message for error in blank.errors if not error.warning] == []


# 様式2 prints no 提供・移転の有無, so its blank spec shows no counts.
COUNTED = [form for form in sorted(FORMS) if form[0] != "基礎項目評価書"]


@pytest.mark.parametrize("form", COUNTED, ids=["-".join(key) for key in COUNTED])
def test_the_counts_shown_commented_out_pass_uncommented(tmp_path, form):
    path = _blank_spec(tmp_path, form)
    counts = re.sub(r"^(\s*)# (提供・移転の有無: \{.*?\}).*$", r"\1\2", path.read_text(encoding="utf-8"), flags=re.M)
    counts = counts.replace(": 件数", ": 3")
    assert "提供・移転の有無: {提供を行っている: 3, 移転を行っている: 3}" in counts
    path.write_text(counts, encoding="utf-8")
    uncommented = check([path], tmp_path / "specs")
    assert [error.message for error in uncommented.errors if not error.warning] == []
    cells = [cell for part in uncommented.documents[0].parts for row in part.rows for line in row.grid for cell in line]
    assert "[ ○ ] 提供を行っている （ 3 ） 件" in cells
