"""`pia init` (generator/repository.py) and a repository's own templates (resources.py)."""
from __future__ import annotations

import json
import shutil

from conftest import ROOT
from ruamel.yaml import YAML
from running import pia_without_crash

from generator import __version__
from generator.build import build, discover
from generator.editor.jsonschema import schema_files
from generator.repository import DISTRIBUTION, Refusal, init

EXPECTED = ["README.md", "specs/甲市/README.md", ".vscode/settings.json", ".github/workflows/pia.yml",
            ".pre-commit-config.yaml", ".gitignore", *[f"schemas/{name}" for name in schema_files()]]


def test_init_writes_the_repository_files(tmp_path):
    written = init(tmp_path / "repo", "甲市")
    assert [path.relative_to(tmp_path / "repo").as_posix() for path in written] == EXPECTED
    assert "甲市" in (tmp_path / "repo" / "specs" / "甲市" / "README.md").read_text(encoding="utf-8")


def test_its_editor_settings_are_this_repositorys(tmp_path):
    """One mapping of the schemas: the one this repository's own language-server test drives."""
    init(tmp_path, "甲市")
    assert json.loads((tmp_path / ".vscode" / "settings.json").read_text(encoding="utf-8")) == \
        json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for name, text in schema_files().items():
        assert (tmp_path / "schemas" / name).read_text(encoding="utf-8") == text


def test_the_workflow_installs_this_version_and_posts_the_diff(tmp_path):
    init(tmp_path, "甲市")
    workflow = YAML(typ="safe").load((tmp_path / ".github" / "workflows" / "pia.yml").read_text(encoding="utf-8"))
    steps = [step.get("run", "") for step in workflow["jobs"]["check-and-diff"]["steps"]]
    assert f'pip install "{DISTRIBUTION}=={__version__}"' in steps
    assert "pia check --format github" in steps
    assert any(step.startswith("pia diff --from") for step in steps) and any("gh pr comment" in step for step in steps)
    assert workflow["on"]["pull_request"]["paths"] == ["specs/**", "templates/**"]


def test_the_pre_commit_config_uses_this_repositorys_hook(tmp_path):
    init(tmp_path, "甲市")
    config = YAML(typ="safe").load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert config["repos"][0]["rev"] == f"v{__version__}"
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == [hook["id"] for hook in hooks]


def test_nothing_is_overwritten_and_a_bad_name_is_refused(tmp_path):
    (tmp_path / ".gitignore").write_text("mine\n", encoding="utf-8")
    refused = init(tmp_path, "甲市")
    assert isinstance(refused, Refusal) and ".gitignore" in refused.message
    assert sorted(path.name for path in tmp_path.iterdir()) == [".gitignore"]
    for name in ("../乙市", "", ".git", "甲\x07市"):
        assert isinstance(init(tmp_path / "x", name), Refusal)
    assert not (tmp_path / "x").exists()


def test_the_command_prints_what_it_made_in_japanese(tmp_path):
    done = pia_without_crash(tmp_path, "init", "新しい", "--団体", "甲市")
    assert done.returncode == 0 and "作成: 新しい/specs/甲市/README.md" in done.stdout
    again = pia_without_crash(tmp_path, "init", "新しい", "--団体", "甲市")
    assert again.returncode == 1 and again.stderr.startswith("エラー: 既にあるファイルは上書きしません")
    usage = pia_without_crash(tmp_path, "init")
    assert usage.returncode == 2 and "--団体" in usage.stderr


def test_an_own_template_replaces_the_shipped_one_with_a_warning(tmp_path, monkeypatch):
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    (tmp_path / "templates" / "html").mkdir(parents=True)
    own = (ROOT / "templates" / "html" / "document.html.j2").read_text(encoding="utf-8")
    (tmp_path / "templates" / "html" / "document.html.j2").write_text(own.replace("<body", "<!-- 独自 --><body", 1),
                                                                     encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = build(discover(specs)[:1], specs, tmp_path / "out", jobs=1)
    assert [error.format() for error in result.errors if "テンプレート" in error.message] == [
        "templates/html/document.html.j2: 警告: 標準のテンプレートを置き換えています（様式の改訂はこのファイルに反映されません）"]
    html = next((tmp_path / "out").rglob("*.html")).read_text(encoding="utf-8")
    assert "<!-- 独自 -->" in html
    assert next((tmp_path / "out").rglob("*.docx")).is_file()        # the shipped Word template still serves
