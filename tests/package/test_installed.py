"""The wheel as a municipality gets it (issue 15): built from this checkout, installed into a fresh
venv outside it, used in an empty folder made by `pia init`, with a showcase spec copied in and no
fragment, law or template file of its own — the standard library in the wheel supplies them."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from conftest import ROOT

SPEC = "旭川市/国民年金に関する事務"
PLAIN = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}


def run(command: list[str], cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    """A command in ``cwd`` with nothing of the checkout on its path; its output as text."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=PLAIN)
    assert "Traceback" not in done.stderr and "内部エラー" not in done.stderr, done.stderr
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv with the wheel of this checkout installed (not editable)."""
    work = tmp_path_factory.mktemp("wheel")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(ROOT)], work)
    assert built.returncode == 0, built.stderr
    wheel = next((work / "dist").glob("mynumber_pia-*.whl"))
    venv.create(work / "venv", with_pip=True)
    bin_folder = work / "venv" / "bin"
    done = run([str(bin_folder / "pip"), "install", "-q", str(wheel)], work)
    assert done.returncode == 0, done.stderr
    return bin_folder


@pytest.fixture(scope="module")
def repository(installed, tmp_path_factory) -> Path:
    """`pia init` in an empty folder, the showcase spec copied in: nothing else."""
    folder = tmp_path_factory.mktemp("municipality") / "評価書"
    done = run([str(installed / "pia"), "init", str(folder), "--団体", "旭川市"], folder.parent)
    assert done.returncode == 0, done.stderr
    shutil.copyfile(ROOT / "specs" / f"{SPEC}.yaml", folder / "specs" / f"{SPEC}.yaml")
    return folder


def test_the_installed_package_is_the_wheel_not_this_checkout(installed, repository):
    where = run([str(installed / "python"), "-c", "import generator.resources as r; print(r.standard('fragments'))"],
                repository)
    assert str(installed.parent) in where.stdout and str(ROOT) not in where.stdout


def test_the_copied_spec_checks_without_errors_from_the_standard_library(installed, repository):
    assert not (repository / "specs" / "fragments").exists() and not (repository / "specs" / "laws").exists()
    done = run([str(installed / "pia"), "check"], repository)
    print(done.stderr)
    assert done.returncode == 0 and "エラー:" not in done.stderr, done.stderr
    assert "1件の仕様ファイルに問題はありません" in done.stdout or "0件のエラー" in done.stderr


def test_build_makes_the_documents_this_repository_makes(installed, repository, built):
    done = run([str(installed / "pia"), "build"], repository)
    assert done.returncode == 0, done.stderr
    for suffix in ("docx", "html"):
        made = (repository / "out" / f"{SPEC}.{suffix}").read_bytes()
        assert made == built[SPEC][suffix], f"{suffix} differs from this repository's"
    print(f"identical: out/{SPEC}.docx, out/{SPEC}.html")


def test_pia_new_writes_a_modeline_that_resolves(installed, repository):
    done = run([str(installed / "pia"), "new", "--form", "全項目評価書"], repository)
    schema = re.search(r"\$schema=(\S+)", done.stdout).group(1)
    assert (repository / "specs" / "旭川市" / schema).resolve().is_file(), schema


def test_diff_after_a_commit_and_an_edit(installed, repository):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.jp"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "初版"]):
        assert run(git + command, repository).returncode == 0
    spec = repository / "specs" / f"{SPEC}.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("年金給付", "年金の給付", 1), encoding="utf-8")
    done = run([str(installed / "pia"), "diff", "--from", "HEAD"], repository)
    assert done.returncode == 0, done.stderr
    assert "年金の給付" in done.stdout and "年金給付" in done.stdout, done.stdout
    print(done.stdout[:600])


def test_init_refuses_to_overwrite_and_names_the_files(installed, repository):
    done = run([str(installed / "pia"), "init", str(repository), "--団体", "旭川市"], repository)
    assert done.returncode == 1 and "既にあるファイルは上書きしません" in done.stderr and ".gitignore" in done.stderr


def test_the_pre_commit_hook_checks_the_changed_specs(installed, repository):
    """pre-commit itself runs this repository's .pre-commit-hooks.yaml (try-repo: the checkout as
    it is, installed by pre-commit in its own environment)."""
    assert run([str(installed / "pip"), "install", "-q", "pre-commit>=3"], repository).returncode == 0
    if not (repository / ".git").exists():
        assert run(["git", "init", "-q"], repository).returncode == 0
    bad = repository / "specs" / "旭川市" / "誤り.yaml"
    bad.write_text("様式: 重点項目評価書\n様式の版: 平成30年5月\n未知の項目: 1\n", encoding="utf-8")
    hook = [str(installed / "pre-commit"), "try-repo", str(ROOT), "pia-check", "--files"]
    good = run([*hook, f"specs/{SPEC}.yaml"], repository)
    broken = run([*hook, "specs/旭川市/誤り.yaml"], repository)
    bad.unlink()
    assert good.returncode == 0 and "Passed" in good.stdout, good.stdout + good.stderr
    assert broken.returncode == 1 and "specs/旭川市/誤り.yaml:3:1: エラー:" in broken.stdout, broken.stdout


def test_bench_runs_on_the_repositorys_own_specs(installed, repository):
    """Issue 15 found `pia bench` ending in 内部エラー outside this repository."""
    done = run([str(installed / "pia"), "bench", "--count", "4", "--runs", "3"], repository)
    assert done.returncode == 0, done.stderr
    assert "one-spec pia check" in done.stdout
