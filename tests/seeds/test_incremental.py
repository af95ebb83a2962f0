"""Parallel and incremental builds give the same bytes as a serial clean build; a fragment change
rebuilds exactly the specs that use it, and says which fragment."""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

from generator.build import build, discover


def _files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


def test_parallel_incremental_build_equals_serial_clean_build(tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    paths = discover(specs)
    first = build(paths, specs, tmp_path / "incremental", jobs=2)
    assert not first.failed and len(first.rebuilt) == len(paths) >= 4
    again = build(paths, specs, tmp_path / "incremental", jobs=2)
    assert again.skipped == paths and not again.rebuilt and not again.written

    fragment = specs / "fragments" / "中間サーバー.yaml"
    text = fragment.read_text(encoding="utf-8")
    changed = text.replace("中間サーバー・プラットフォームをデータセンターに構築し",
                           "中間サーバー・プラットフォームを専用のデータセンターに構築し", 1)
    assert changed != text
    fragment.write_text(changed, encoding="utf-8")
    users = [path for path in paths if "中間サーバー/" in path.read_text(encoding="utf-8")]
    third = build(paths, specs, tmp_path / "incremental", jobs=2)
    assert sorted(third.rebuilt) == sorted(p.as_posix() for p in users)
    assert all("共通記載「中間サーバー/" in reason for reason in third.rebuilt.values())
    assert len(third.skipped) == len(paths) - len(users) >= 3

    clean = build(paths, specs, tmp_path / "clean", jobs=1)
    assert not clean.failed
    assert _files(tmp_path / "incremental") == _files(tmp_path / "clean")
