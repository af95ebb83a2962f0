"""Legal amendments as data: the 2024 番号法 amendment and the 5情報 revision replayed on the いわき市
国民年金 spec (published 令和6年5月24日, before both) give the rows 旭川市 published on 令和7年12月1日."""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from conftest import ROOT
from running import pia

from generator.build import build, discover
from generator.check.entries import Locator, entries
from generator.history.versions import read_version

AMENDMENTS = ["2024-05-27-番号法改正.yaml", "2025-05-26-5情報.yaml"]
IWAKI, ASAHIKAWA = "specs/いわき市/国民年金事務.yaml", "specs/旭川市/国民年金に関する事務.yaml"


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "specs", project / "specs")
    return project


def _amend(project: Path, *extra: str) -> None:
    for amendment in AMENDMENTS:
        run = pia(project, "amend", f"specs/amendments/{amendment}", IWAKI, "--date", "令和7年12月1日", *extra)
        assert run.returncode == 0, run.stderr


def test_replayed_amendments_give_the_rows_asahikawa_published(tmp_path):
    project = _project(tmp_path)
    _amend(project)
    version, errors = read_version(project / IWAKI, project / "specs")
    assert not errors and version.form.revision == "平成30年5月（5情報）"
    ours = [row for row in version.data["変更箇所"] if row["変更日"] == "令和7年12月1日"]
    theirs, _ = read_version(ROOT / ASAHIKAWA, ROOT / "specs")
    published = [row for row in theirs.data["変更箇所"]
                 if row["変更日"] == "令和7年12月1日" and row["提出時期に係る説明"] == "法改正に伴う軽微な改正"]
    assert len(ours) == len(published) == 2
    locate_ours = Locator(entries(version.form, version.data))
    locate_theirs = Locator(entries(theirs.form, theirs.data))
    for mine, published_row in zip(ours, published):
        mine_key, their_key = locate_ours(mine["項目"]), locate_theirs(published_row["項目"])
        assert mine_key[-2:] == their_key[-2:] or mine_key[-1] == "主な記録項目" and their_key[-1] == "記録される項目"
        assert mine["提出時期"] == published_row["提出時期"] == "事後"
        assert mine["提出時期に係る説明"] == published_row["提出時期に係る説明"]
    law_before, law_after = ours[0]["変更前の記載"], ours[0]["変更後の記載"]
    assert "別表第一の31の項" in law_before and "別表第46項" in law_after           # as 旭川市's row
    assert "別表第1の31の項" in published[0]["変更前の記載"] and "別表第46項" in published[0]["変更後の記載"]
    assert "4情報" in ours[1]["変更前の記載"] and "5情報" in ours[1]["変更後の記載"]
    assert published[1]["変更前の記載"] == "4情報" and published[1]["変更後の記載"] == "5情報"


def test_amended_spec_renders_the_current_wording(tmp_path):
    project = _project(tmp_path)
    _amend(project)
    run = pia(project, "build", IWAKI)
    assert run.returncode == 0, run.stderr
    page = (project / "out" / "いわき市" / "国民年金事務.html").read_text(encoding="utf-8")
    assert "別表第46項" in page and "[ ○ ] 5情報（氏名、氏名の振り仮名、性別、生年月日、住所）" in page
    assert "[ ○ ] 4情報" not in page


def test_the_git_diff_holds_only_the_intended_lines_and_the_new_rows(tmp_path):
    project = _project(tmp_path)
    before = (project / IWAKI).read_text(encoding="utf-8")
    _amend(project)
    after = (project / IWAKI).read_text(encoding="utf-8")
    removed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]
    # 法令上の根拠 cites specs/laws/: the new 公表日 selects the new wording, the spec line stays.
    assert sorted(line[2:].strip() for line in removed) == sorted([
        "様式の版: 平成30年5月", "公表日: 令和6年5月24日", "- 4情報（氏名、性別、生年月日、住所）"])
    # two rows of the 重点項目評価書, and the 基礎項目評価書's 法令上の根拠 row in its part (issue 16)
    assert after.count("提出時期に係る説明: 法改正に伴う軽微な改正") == 3
    assert ("\n基礎項目評価書:\n  変更箇所:\n    - 変更日: 令和7年12月1日\n"
            "      項目: Ⅰ 関連情報 ３．個人番号の利用 法令上の根拠\n") in after
    assert "# 推定" in after                             # comments survive


def test_dry_run_changes_no_file(tmp_path):
    project = _project(tmp_path)
    files = {path: path.read_bytes() for path in (project / "specs").rglob("*.yaml")}
    for amendment in AMENDMENTS:
        run = pia(project, "amend", f"specs/amendments/{amendment}", "--dry-run", "--date", "令和7年12月1日")
        assert "+++ specs/いわき市/国民年金事務.yaml" in run.stdout
    assert {path: path.read_bytes() for path in (project / "specs").rglob("*.yaml")} == files


def test_an_amendment_rebuilds_exactly_the_amended_documents(tmp_path):
    project = _project(tmp_path)
    specs = project / "specs"
    paths = discover(specs)
    assert not build(paths, specs, project / "out").failed
    _amend(project)
    again = build(paths, specs, project / "out")
    assert sorted(again.rebuilt) == [(specs / "いわき市" / "国民年金事務.yaml").as_posix()]
    assert again.rebuilt[(specs / "いわき市" / "国民年金事務.yaml").as_posix()] == "仕様ファイルの変更"


def test_a_fragment_update_is_an_amendment_too(tmp_path):
    """アプリケーション開発事業者等 → ASP又はガバメントクラウド運用管理補助者, for the specs pinned to the
    old wording: their fragment arguments are dropped, the build rebuilds exactly them and says so."""
    project = _project(tmp_path)
    specs = project / "specs"
    paths = discover(specs)
    assert not build(paths, specs, project / "out").failed
    pinned = sorted(path.as_posix() for path in paths if "アプリケーション開発事業者等" in path.read_text(encoding="utf-8"))
    assert pinned
    run = pia(project, "amend", "specs/amendments/2024-ガバメントクラウド文言.yaml", "--date", "令和7年12月1日")
    assert run.returncode == 0, run.stderr
    again = build(paths, specs, project / "out")
    assert sorted(again.rebuilt) == pinned
    page = (project / "out" / "いわき市" / "国民年金事務.html").read_text(encoding="utf-8")
    assert "委託を受けるASP又はガバメントクラウド運用管理補助者が責任を有する" in page
    version, _ = read_version(specs / "いわき市" / "国民年金事務.yaml", specs)
    rows = [row for row in version.data["変更箇所"] if row["変更日"] == "令和7年12月1日"]
    assert rows and all(row["提出時期"] == "事前" for row in rows)
    history = [row for row in version.data["変更箇所"] if row["変更日"] == "令和6年5月24日"]
    assert any("アプリケーション開発事業者等" in str(row["変更後の記載"]) for row in history)   # history untouched
    assert any("アプリケーション開発事業者等" in row["変更前の記載"] and
               "ASP又はガバメントクラウド運用管理補助者" in row["変更後の記載"] for row in rows)


def test_a_basic_assessment_keeps_its_revision(tmp_path):
    """The 5情報 revision is one of 様式3/4's: a 平成30年5月 基礎項目評価書 is left as it is (it has no
    主な記録項目 either), not moved to a revision its 様式 lacks."""
    project = _project(tmp_path)
    spec = project / "specs" / "テスト町" / "児童手当.yaml"
    spec.parent.mkdir()
    shutil.copy(ROOT / "tests" / "scenarios" / "kiso_valid" / "specs" / "x" / "spec.yaml", spec)
    before = spec.read_bytes()
    run = pia(project, "amend", "specs/amendments/2025-05-26-5情報.yaml", "specs/テスト町/児童手当.yaml",
              "--date", "令和7年12月1日")
    assert run.returncode == 0 and "要確認" not in run.stdout + run.stderr, run.stdout + run.stderr
    assert spec.read_bytes() == before
