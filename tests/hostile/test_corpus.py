"""Hostile and broken input: each case runs `pia build` in a child process with a memory cap and a
time limit, and must end with status 1, located Japanese messages, no traceback, and nothing in out/.

Text that is merely unusual ({{ }}, {% %}, <script>, &) is valid input and renders literally: that is
tests/render/test_escaping.py. Here such text appears only where it is also an error (a key, a choice).
"""
from __future__ import annotations

import re
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml").read_text(encoding="utf-8")
FRAGMENTS = """\
挨拶:
  引数: {団体名: null}
  本文: '{団体名}の措置'
循環a:
  本文: [{共通記載: 標準/循環b}]
循環b:
  本文: [{共通記載: 標準/循環a}]
自己:
  本文: [{共通記載: 標準/自己}]
"""
LOCATED = re.compile(r"^specs/x/[^:]+\.yaml:\d+:\d+: エラー: .*[\u3040-\u30ff\u4e00-\u9fff]", re.M)
WARNING = re.compile(r"^specs/x/[^:]+\.yaml:\d+:\d+: 警告: ")
SUMMARY = re.compile(r"^\d+件のエラー、\d+件の警告$")
MEMORY = 1_500 * 1024 * 1024


def replace(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def append(text: str) -> str:
    return BASE + text


def laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\n特記事項: *a{levels}\n"


def merges(levels: int = 12) -> str:
    lines = ["m0: &m0 {k0: 1, k1: 2}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i-1}, x{i}: *m{i-1}, y{i}: *m{i-1}}}" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


CASES: dict[str, str | bytes] = {
    # YAML syntax
    "unclosed_quote": replace("評価書番号: 1", "評価書番号: '1"),
    "bad_indent": replace("  特定個人情報ファイルを取り扱う事務:", "   特定個人情報ファイルを取り扱う事務:"),
    "tab_indent": replace("    事務の名称: テスト事務", "\t事務の名称: テスト事務"),
    "duplicate_key_top": append("評価書名: 二つ目\n"),
    "duplicate_key_nested": replace("    事務の名称: テスト事務", "    事務の名称: テスト事務\n    事務の名称: 二度目"),
    "unclosed_bracket": replace("評価書番号: 1", "評価書番号: [1, 2"),
    "colon_in_plain_value": replace("評価書番号: 1", "評価書番号: a: b"),
    "two_documents": BASE + "---\n様式: 重点項目評価書\n",
    "bad_escape": replace("評価書番号: 1", '評価書番号: "\\xZZ"'),
    "stray_anchor": replace("評価書番号: 1", "評価書番号: *missing"),
    # encoding and size
    "empty_file": "",
    "only_comments": "# 何も書いていない\n",
    "binary_png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "latin1_bytes": "様式: caf\xe9\n".encode("latin-1", errors="replace").replace(b"?", b"\xe9"),
    "utf16": BASE.encode("utf-16"),
    "huge_file": append("特記事項2: '" + "あ" * 1_100_000 + "'\n"),
    "deep_nesting": append("深い: " + "[" * 3000 + "]" * 3000 + "\n"),
    # wrong types
    "top_level_list": "- 様式: 重点項目評価書\n",
    "top_level_scalar": "重点項目評価書\n",
    "form_missing": replace("様式: 重点項目評価書\n", ""),
    "form_unknown": replace("様式: 重点項目評価書", "様式: 計画管理書"),
    "revision_wrong": replace("様式の版: 平成30年5月", "様式の版: 令和元年"),
    "choice_as_list": replace("    対象人数:", "    対象人数: [1万人未満]"),
    "checks_as_string": replace("        入手方法:", "        入手方法: 紙"),
    "group_as_mapping": replace("        委託事項:", "        委託事項: {名称: 保守}\n        旧委託事項:"),
    "section_as_string": replace("  個人番号の利用:", "  個人番号の利用: 番号法\n  旧個人番号の利用:"),
    "name_as_mapping": replace("評価書名: テスト事務　重点項目評価書", "評価書名: {a: b}"),
    "files_empty": replace("特定個人情報ファイル:", "特定個人情報ファイル: []\n旧特定個人情報ファイル:"),
    "files_as_mapping": replace("特定個人情報ファイル:", "特定個人情報ファイル: {a: b}\n旧特定個人情報ファイル:"),
    "choice_as_number": replace("    対象人数:", "    対象人数: 3"),
    "text_as_boolean": replace("    事務の内容:", "    事務の内容: true"),
    "too_many_systems": replace("    システム:", "    システム: [" + ", ".join(["{}"] * 21) + "]\n    旧システム:"),
    # unknown keys and values
    "top_level_near_miss": replace("評価書番号: 1", "評価書番合: 1"),
    "nested_near_miss": replace("    事務の名称: テスト事務", "    事務の名前: テスト事務"),
    "unknown_check": replace("        入手方法:", "        入手方法: [紙媒体]"),
    "detail_on_plain_box": replace("        入手方法:", "        入手方法: [{紙: 原本}]"),
    "change_row_unknown_column": replace("変更箇所:", "変更箇所: [{変更日: 令和6年5月24日, 備考欄: x}]\n旧変更箇所:"),
    "submission_invalid": replace("変更箇所:", "変更箇所: [{変更日: 令和6年5月24日, 提出時期: 事中}]\n旧変更箇所:"),
    "template_syntax_in_key": replace("    事務の名称: テスト事務", "    '{{ 7*7 }}': テスト事務"),
    "template_syntax_as_choice": replace("    対象人数:", "    対象人数: '{% raw %}'"),
    "script_as_check": replace("        入手方法:", "        入手方法: ['<script>alert(1)</script>']"),
    # expansion bombs and cycles
    "billion_laughs": append(laughs()),
    "merge_key_bomb": append(merges()),
    "self_alias": append("自己: &s [1, *s]\n"),
    # fragments
    "fragment_parent_path": replace("        保管場所:", "        保管場所: {共通記載: ../../etc/passwd}"),
    "fragment_absolute_path": replace("        保管場所:", "        保管場所: {共通記載: /etc/passwd}"),
    "fragment_backslash": replace("        保管場所:", "        保管場所: {共通記載: '標準\\\\挨拶'}"),
    "fragment_missing_entry": replace("        保管場所:", "        保管場所: {共通記載: 標準/ない}"),
    "fragment_missing_file": replace("        保管場所:", "        保管場所: {共通記載: ない/挨拶}"),
    "fragment_cycle": replace("        保管場所:", "        保管場所: {共通記載: 標準/循環a}"),
    "fragment_self_cycle": replace("        保管場所:", "        保管場所: {共通記載: 標準/自己}"),
    "fragment_missing_parameter": replace("        保管場所:", "        保管場所: {共通記載: 標準/挨拶}"),
    "fragment_unknown_parameter": replace("        保管場所:",
                                          "        保管場所: {共通記載: 標準/挨拶, 引数: {団体名: 甲, 色: 赤}}"),
    "fragment_arguments_as_list": replace("        保管場所:", "        保管場所: {共通記載: 標準/挨拶, 引数: [甲]}"),
    "fragment_key_as_list": replace("        保管場所:", "        保管場所: {共通記載: [標準/挨拶]}"),
    # text that cannot be printed, and rules
    "control_character": replace("特記事項:", '特記事項: "A\\x01B"'),
    "nul_character": replace("特記事項:", '特記事項: "A\\0B"'),
    "impossible_date": replace("公表日: 令和6年5月24日", "公表日: 令和7年2月30日"),
    "consignment_contradiction": replace("        委託の有無:", "        委託の有無: 委託しない").replace(
        "          - 名称:", "          - 名称: 保守", 1),
    # II-5 提供・移転の有無: the optional counts
    "counts_negative": replace("        提供先:", "        提供・移転の有無: {提供を行っている: -3}\n        提供先:"),
    "counts_nested": replace("        提供先:", "        提供・移転の有無: {提供を行っている: {件数: [1, 2]}}\n        提供先:"),
    "counts_huge_key": replace("        提供先:", "        提供・移転の有無: {" + "あ" * 500 + ": 1}\n        提供先:"),
}


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def _prepare(tmp_path: Path, content: str | bytes) -> Path:
    spec = tmp_path / "specs" / "x" / "spec.yaml"
    spec.parent.mkdir(parents=True)
    (tmp_path / "specs" / "fragments").mkdir()
    (tmp_path / "specs" / "fragments" / "標準.yaml").write_text(FRAGMENTS, encoding="utf-8")
    spec.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return spec


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 50


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_input_is_refused_cleanly(tmp_path, name):
    _prepare(tmp_path, CASES[name])
    run = subprocess.run([sys.executable, "-m", "generator", "build", "--out", "out"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60, preexec_fn=_limit_memory,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "内部エラー" not in run.stderr, run.stderr
    assert LOCATED.search(run.stderr), run.stderr
    for line in run.stderr.splitlines():   # every message: located and in Japanese; then the count
        assert LOCATED.match(line) or WARNING.match(line) or SUMMARY.match(line), line
    assert not list((tmp_path / "out").rglob("*")), "nothing may be written for a broken spec"
