"""変更箇所 from history: replaying a seed's own published rows, and the --write round trip."""
from __future__ import annotations

import copy
import difflib
import re
import shutil
import subprocess
import sys
import unicodedata

import pytest
from conftest import ROOT

from generator.check.entries import Locator, entries
from generator.forms import FILES, Form, Kind
from generator.forms.shape import shape
from generator.history.changes import compare
from generator.history.versions import read_version
from generator.wareki import is_blank, parse

SPECS = ROOT / "specs"
EMPTY = {"記載なし", "（記載なし）", "未記載", "（追加）", "追加", "なし"}


def fold(text) -> str:
    """Compare texts as the fidelity test does: NFKC, no white space or punctuation."""
    text = unicodedata.normalize("NFKC", str(text or "")).replace("[○]", "")
    return "".join(ch for ch in text if unicodedata.category(ch)[0] not in "PZCS")


def _data_path(data: dict, key: tuple) -> tuple:
    """An entry key as a path into the spec data (files by name, repeated entries by number)."""
    path: list = []
    steps = list(key)
    while steps:
        step = steps.pop(0)
        if step == "file":
            name = steps.pop(0)
            path += [FILES, next(i for i, f in enumerate(data[FILES]) if f.get("特定個人情報ファイル名") == name)]
        elif isinstance(step, int):
            path.append(step - 1)
        else:
            path.append(step)
    return tuple(path)


def _set(data: dict, path: tuple, value) -> None:
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


def _get(data: dict, path: tuple):
    node = data
    for step in path:
        node = node[step]
    return node


BOX = re.compile(r"\[\s*([○〇O]?)\s*\]\s*([^\[]+)")


def _typed(item, text: str):
    """A published 変更前/変更後 cell as the spec would hold it."""
    if is_blank(text) or text.strip() in EMPTY:
        return [] if item.kind is Kind.CHECKS else None
    if item.kind is Kind.CHECKS:
        boxes = BOX.findall(text)           # [○]自己点検 [ ]外部監査, or a plain list 紙、専用線
        named = [label for mark, label in boxes if mark] if boxes else [text]
        folded = [fold(label) for label in named]
        return [check.key for check in item.checks.checks
                if any(fold(check.text) in label or label in fold(check.text) for label in folded if label)]
    return text


def _merged(rows: list[dict]) -> list[dict]:
    """One logical change split over rows with the same date and 項目 (旭川市 保管場所) as one row."""
    merged: list[dict] = []
    for row in rows:
        last = merged[-1] if merged else None
        if last and (last["変更日"], last["項目"]) == (row.get("変更日"), row.get("項目")):
            for column in ("変更前の記載", "変更後の記載"):
                parts = [str(part) for part in (last[column], row.get(column)) if not is_blank(part) and str(part) not in EMPTY]
                last[column] = "\n".join(parts) or None
        else:
            merged.append(dict(row))
    return merged


def _item_for(form: Form, data: dict, path: tuple):
    return next((visit.item for visit in shape(form).visit(data) if visit.path == path), None)


def replay(stem: str, day: str):
    """Rebuild the spec as it was just after and just before ``day`` by undoing its own published
    rows (newest first), then compute the rows between the two."""
    version, errors = read_version(SPECS / f"{stem}.yaml", SPECS)
    assert not errors
    form, data = version.form, version.data
    index, target = entries(form, data), parse(day)
    located = []
    for row in _merged(data["変更箇所"]):
        key, when = Locator(index)(str(row.get("項目") or "")), parse(str(row.get("変更日") or ""))
        path = _data_path(data, key) if key else None
        item = _item_for(form, data, path) if path else None
        if when is not None and item is not None and item.kind in (Kind.TEXT, Kind.CHOICE, Kind.CHECKS, Kind.DATE):
            located.append((when, key, path, item, row))
    after = copy.deepcopy(data)
    for when, _, path, item, row in reversed(located):          # undo the later revisions
        if when > target:
            _set(after, path, _typed(item, str(row.get("変更前の記載") or "")))
    usable = [(key, path, item, row) for when, key, path, item, row in located if when == target
              and fold(_as_text(_get(after, path))) == fold(_typed_text(item, row.get("変更後の記載")))]
    before = copy.deepcopy(after)
    for _, path, item, row in reversed(usable):
        _set(before, path, _typed(item, str(row.get("変更前の記載") or "")))
    published = [row for row in _merged(data["変更箇所"]) if parse(str(row.get("変更日") or "")) == target]
    return compare(form, before, after), usable, published, index


def _typed_text(item, text) -> str:
    return _as_text(_typed(item, str(text or "")))


def _as_text(value) -> str:
    if isinstance(value, list):
        return " ".join(str(next(iter(v))) if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else str(value)


@pytest.mark.parametrize("stem, day", [("いわき市/国民年金事務", "令和6年5月24日"),
                                       ("旭川市/国民年金に関する事務", "令和5年11月6日")])
def test_replayed_history_covers_the_published_rows(stem, day):
    computed, usable, published, index = replay(stem, day)
    by_item = {}
    for row in computed:
        by_item.setdefault(fold(row.item), []).append(fold(row.after))
    covered = [row for key, _, item, row in usable
               if fold(_typed_text(item, row["変更後の記載"])) in by_item.get(fold(index[key].path), [])]
    print(f"{stem} {day}: {len(published)} published rows, {len(usable)} replayable, {len(covered)} covered, "
          f"{len(computed)} computed")
    assert len(usable) >= len(published) // 2, "most of the published rows of the date must be replayable"
    assert len(covered) == len(usable)


def test_write_appends_rows_and_changes_nothing_else(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SPECS, project / "specs")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "v1"],
                   cwd=project, check=True)
    spec = project / "specs" / "旭川市" / "国民年金に関する事務.yaml"
    edited = spec.read_text(encoding="utf-8").replace("委託先名: 日本電気株式会社", "委託先名: 旭川情報株式会社")
    spec.write_text(edited, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "generator", "changes", "specs/旭川市/国民年金に関する事務.yaml",
                          "--from", "HEAD", "--write", "--date", "令和7年12月1日"], cwd=project,
                         capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    written = spec.read_text(encoding="utf-8")
    diff = [line for line in difflib.unified_diff(edited.splitlines(), written.splitlines(), lineterm="", n=0)
            if not line.startswith(("---", "+++", "@@"))]
    assert diff and all(line.startswith("+") for line in diff), diff
    assert "旭川情報株式会社" in "\n".join(diff) and "③委託先名" in "\n".join(diff)
    assert written.startswith(edited.rstrip("\n"))
    assert "# 推定" in written                      # comments survive
