"""The defect corpus of issue 14, as data: one ``Case`` per reproduction, organised by defect class.

Each case is a small project (specs/x/spec.yaml from tests/scenarios/valid_minimal, plus fragments,
laws, amendments, symbolic links, FIFOs as needed), one ``pia`` command and its exact expected
outcome. Line and column numbers are computed from the text each case builds (harness.where), so
they stay right when a case is edited.

Where the wording of a future fix is not decided, a case asserts the stable part: the status, the
location ``specs/x/spec.yaml:LINE:COL``, a Japanese message holding the phrase any fix must hold (the
offending key, the code point, the fragment), and — always — no 内部エラー, no traceback, no English
exception class name, nothing written for a broken spec, no temporary or staging file left.
"""
from __future__ import annotations

import re
import signal
import subprocess
import time
from pathlib import Path

from harness import BASE, SPEC, Case, Fifo, Folder, Link, Mode, Observed, Then, environment, located, pia, replace, stop, where

CLASSES = ("confinement", "budgets", "crashes", "wrong-output", "cli", "judged-wrongly")
CASES: list[Case] = []


def case(**fields) -> None:
    CASES.append(Case(**fields))


def spec(text: str = BASE, **more) -> dict:
    return {SPEC: text, **more}


def at(path: str, text: str, needle: str, *phrases: str, occurrence: int = 1, column: bool = True,
       level: str = "エラー") -> str:
    """The located-message regex for ``needle``'s position in ``text`` (its column too, unless not)."""
    line, col = where(text, needle, occurrence)
    return located(path, line, col if column else None, *phrases, level=level)


def any_of(paths: tuple[str, ...], *phrases: str) -> str:
    """A located Japanese error in any of ``paths`` (line and column any), holding ``phrases``."""
    ahead = "".join(f"(?=.*{re.escape(phrase)})" for phrase in phrases)
    return (r"^(?:" + "|".join(map(re.escape, paths)) + rf"):\d+:\d+: エラー: {ahead}"
            r".*[\u3040-\u30ff\u4e00-\u9fff]")


def other(number: int = 2, text: str = BASE) -> str:
    """The valid spec under another 評価書番号 (a second spec beside specs/x/spec.yaml)."""
    return replace("評価書番号: 1", f"評価書番号: {number}", text)


# ---- shared inputs ------------------------------------------------------------------------

FRAGMENTS = """\
挨拶:
  引数: {団体名: null}
  本文: '{団体名}の措置'
見出し付き:
  引数: {見出し: ＜既定の見出し＞}
  本文: "{見出し}\\n本文の段落"
"""
LAW = """\
利用:
  文言:
    - 施行日: 平成27年10月5日
      本文: 番号法第9条第1項別表第一の31の項
"""
OUTSIDE_LAW = """\
漏えい:
  文言:
    - 施行日: 平成27年10月5日
      本文: OUTSIDE-SECRET-LAW
"""
OUTSIDE_FRAGMENT = "秘密:\n  本文: OUTSIDE-SECRET-FRAGMENT\n"
SECRET_LAW, SECRET_FRAGMENT = "OUTSIDE-SECRET-LAW", "OUTSIDE-SECRET-FRAGMENT"
STORAGE = "        保管場所:"               # Ⅱ６ 保管場所, line 82: where references go
BASIS = "    法令上の根拠:"                  # Ⅰ４ 法令上の根拠, line 21: where citations go
CITED = replace(BASIS, "    法令上の根拠: 番号法第9条第1項別表第一の31の項")   # what the amendment replaces
AMENDMENT = """\
名称: テスト改正
施行日: 令和6年5月27日
置換:
  - 項目: [個人番号の利用/法令上の根拠]
    前: 別表第一の31の項
    後: 別表第46項
変更箇所:
  提出時期: 事後
  提出時期に係る説明: 法改正に伴う軽微な改正
"""
ROW = """変更箇所:
  - 変更日: 令和6年5月24日
    項目: 評価書名
    変更前の記載: 旧
    変更後の記載: 新
    提出時期: 事後
    提出時期に係る説明:
"""
WITH_ROW = replace("変更箇所:   # （別添２）　変更箇所\n", ROW, CITED)
AMEND_FILE = "specs/amendments/a.yaml"
LAW_FILE, FRAGMENT_FILE = "specs/laws/番号.yaml", "specs/fragments/標準.yaml"


def storage(value: str, text: str = BASE) -> str:
    return replace(STORAGE, f"{STORAGE} {value}", text)


def basis(value: str, text: str = BASE) -> str:
    return replace(BASIS, f"{BASIS} {value}", text)


def fragments_and(text: str, **more) -> dict:
    return {SPEC: text, FRAGMENT_FILE: FRAGMENTS, **more}


def refused_or_ignored(path: str):
    """For a file nobody references: the build may ignore it (0) or report it (1, located at it);
    either way the valid spec is built and nothing crashes."""
    def check(observed: Observed) -> None:
        if observed.status == 1:
            assert re.search(located(path), observed.stderr, re.M), observed.describe()
        else:
            assert " エラー: " not in observed.stderr, observed.describe()
    return check


# =========================================================================================
# Confinement: nothing outside specs/ is read; no device, FIFO or loop is opened (1–5, 15, 17)
# =========================================================================================

text = basis("{法令: @OUTSIDE@/秘密/漏えい}")
case(id="law_absolute_path", kind="confinement", defects=("1",), files={SPEC: text},
     outside={"秘密.yaml": OUTSIDE_LAW}, secret=SECRET_LAW,
     stderr=(at(SPEC, text, "{法令:", "法令"),), located_only=True)
text = basis("{法令: ../../../outside/秘密/漏えい}")
case(id="law_parent_path", kind="confinement", defects=("1",), files={SPEC: text},
     outside={"秘密.yaml": OUTSIDE_LAW}, secret=SECRET_LAW,
     stderr=(at(SPEC, text, "{法令:", "法令"),), located_only=True)
text = storage("{共通記載: @OUTSIDE@/frag/秘密}")
case(id="fragment_absolute_path_real_file", kind="confinement", defects=("1",), files={SPEC: text},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     stderr=(at(SPEC, text, "{共通記載:", "共通記載"),), located_only=True)

text = basis("{法令: 外部/漏えい}")
case(id="law_symlink_absolute", kind="confinement", defects=("2",),
     files={SPEC: text, "specs/laws/外部.yaml": Link("@OUTSIDE@/秘密.yaml")},
     outside={"秘密.yaml": OUTSIDE_LAW}, secret=SECRET_LAW, stderr=(at(SPEC, text, "{法令:", "外部/漏えい"),))
case(id="law_symlink_relative", kind="confinement", defects=("2",),
     files={SPEC: text, "specs/laws/外部.yaml": Link("../../../outside/秘密.yaml")},
     outside={"秘密.yaml": OUTSIDE_LAW}, secret=SECRET_LAW, stderr=(at(SPEC, text, "{法令:", "外部/漏えい"),))
text = basis("{法令: 外部/秘密/漏えい}")
case(id="law_symlink_folder", kind="confinement", defects=("2",),
     files={SPEC: text, "specs/laws/外部": Link("@OUTSIDE@/lawdir")},
     outside={"lawdir/秘密.yaml": OUTSIDE_LAW}, secret=SECRET_LAW,
     stderr=(at(SPEC, text, "{法令:", "外部/秘密/漏えい"),))
case(id="law_symlink_uncited_check", kind="confinement", defects=("2",), command=("check",),
     files={SPEC: BASE, "specs/laws/外部.yaml": Link("@OUTSIDE@/秘密.yaml")},
     outside={"秘密.yaml": "OUTSIDE-SECRET-KEY: 1\n"}, secret="OUTSIDE-SECRET-KEY",
     stderr=(located("specs/laws/外部.yaml"),), located_only=True)
text = basis("{法令: 別名/利用}")
case(id="law_symlink_inside_is_valid", kind="confinement", defects=("2",), status=0,
     files={SPEC: text, LAW_FILE: LAW, "specs/laws/別名.yaml": Link("番号.yaml")},
     built=("x/spec",), texts=("番号法第9条第1項別表第一の31の項",))

text = storage("{共通記載: 外部/秘密}")
case(id="fragment_symlink_absolute", kind="confinement", defects=("3",),
     files={SPEC: text, "specs/fragments/外部.yaml": Link("@OUTSIDE@/frag.yaml")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     stderr=(at(SPEC, text, "{共通記載:", "外部/秘密"),))
case(id="fragment_symlink_relative", kind="confinement", defects=("3",),
     files={SPEC: text, "specs/fragments/外部.yaml": Link("../../../outside/frag.yaml")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     stderr=(at(SPEC, text, "{共通記載:", "外部/秘密"),))
text = storage("{共通記載: 外部dir/frag/秘密}")
case(id="fragment_symlink_folder", kind="confinement", defects=("3",),
     files={SPEC: text, "specs/fragments/外部dir": Link("@OUTSIDE@/fragdir")},
     outside={"fragdir/frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     stderr=(at(SPEC, text, "{共通記載:", "外部dir/frag/秘密"),))
text = storage("{共通記載: frag/秘密}")
case(id="fragments_folder_is_symlink_outside", kind="confinement", defects=("3",),
     files={SPEC: text, "specs/fragments": Link("@OUTSIDE@/fragdir")},
     outside={"fragdir/frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     stderr=(at(SPEC, text, "{共通記載:", "frag/秘密"),))
case(id="spec_symlink_outside", kind="confinement", defects=("3",),
     files={SPEC: BASE, "specs/y/spec.yaml": Link("@OUTSIDE@/spec.yaml")},
     outside={"spec.yaml": replace("特記事項:", "特記事項: OUTSIDE-SECRET-SPEC", other(2))},
     secret="OUTSIDE-SECRET-SPEC", built=("x/spec",), stderr=(located("specs/y/spec.yaml", 1, 1),))

case(id="fragment_dev_zero_unused", kind="confinement", defects=("4",), status=(0, 1),
     files={SPEC: BASE, "specs/fragments/zero.yaml": Link("/dev/zero")}, built=("x/spec",),
     check=refused_or_ignored("specs/fragments/zero.yaml"))
case(id="spec_dev_zero", kind="confinement", defects=("4",),
     files={SPEC: BASE, "specs/y/zero.yaml": Link("/dev/zero")}, built=("x/spec",),
     stderr=(located("specs/y/zero.yaml", 1, 1),), located_only=True)
case(id="spec_dev_urandom", kind="confinement", defects=("4",),
     files={SPEC: BASE, "specs/y/random.yaml": Link("/dev/urandom")}, built=("x/spec",),
     stderr=(located("specs/y/random.yaml", 1, 1),), located_only=True)
case(id="spec_dev_zero_check", kind="confinement", defects=("4",), command=("check",),
     files={SPEC: BASE, "specs/y/zero.yaml": Link("/dev/zero")},
     stderr=(located("specs/y/zero.yaml", 1, 1),), located_only=True)
text = basis("{法令: zero/利用}")
case(id="law_dev_zero_cited", kind="confinement", defects=("4",),
     files={SPEC: text, "specs/laws/zero.yaml": Link("/dev/zero")},
     stderr=(at(SPEC, text, "{法令:", "zero/利用"),))
case(id="law_dev_zero_check", kind="confinement", defects=("4",), command=("check",),
     files={SPEC: BASE, "specs/laws/zero.yaml": Link("/dev/zero")},
     stderr=(located("specs/laws/zero.yaml", 1, 1),), located_only=True)
case(id="amendment_dev_zero_check", kind="confinement", defects=("4",), command=("check",),
     files={SPEC: BASE, "specs/amendments/zero.yaml": Link("/dev/zero")},
     stderr=(located("specs/amendments/zero.yaml", 1, 1),), located_only=True)
case(id="amend_with_dev_zero", kind="confinement", defects=("4",),
     command=("amend", "specs/amendments/zero.yaml", "--date", "令和7年1月10日"),
     files={SPEC: WITH_ROW, "specs/amendments/zero.yaml": Link("/dev/zero")},
     stderr=(located("specs/amendments/zero.yaml", 1, 1),))
text = storage("{共通記載: 大/挨拶}")
case(id="fragment_oversized_used", kind="confinement", defects=("4",),
     files={SPEC: text, "specs/fragments/大.yaml": "挨拶:\n  本文: '" + "あ" * 700_000 + "'\n"},
     stderr=(located("specs/fragments/大.yaml", 1, 1, "大きすぎ"), at(SPEC, text, "{共通記載:", "大/挨拶")),
     located_only=True)
case(id="changes_old_is_a_device", kind="confinement", defects=("4",),
     command=("changes", "specs/y/zero.yaml", SPEC), files={SPEC: BASE, "specs/y/zero.yaml": Link("/dev/zero")},
     stderr=(located("specs/y/zero.yaml", 1, 1),))

case(id="spec_fifo", kind="confinement", defects=("5",), files={SPEC: BASE, "specs/x/fifo.yaml": Fifo()},
     built=("x/spec",), stderr=(located("specs/x/fifo.yaml", 1, 1),), located_only=True)
case(id="spec_fifo_named", kind="confinement", defects=("5",), command=("build", "specs/x/fifo.yaml"),
     files={SPEC: BASE, "specs/x/fifo.yaml": Fifo()}, stderr=(located("specs/x/fifo.yaml", 1, 1),),
     located_only=True)
case(id="spec_fifo_check", kind="confinement", defects=("5",), command=("check",),
     files={SPEC: BASE, "specs/x/fifo.yaml": Fifo()}, stderr=(located("specs/x/fifo.yaml", 1, 1),),
     located_only=True)
case(id="fragment_fifo_unused", kind="confinement", defects=("5",), status=(0, 1),
     files={SPEC: BASE, "specs/fragments/pipe.yaml": Fifo()}, built=("x/spec",),
     check=refused_or_ignored("specs/fragments/pipe.yaml"))
text = storage("{共通記載: pipe/挨拶}")
case(id="fragment_fifo_used", kind="confinement", defects=("5",),
     files={SPEC: text, "specs/fragments/pipe.yaml": Fifo()}, stderr=(at(SPEC, text, "{共通記載:", "pipe/挨拶"),))
case(id="law_fifo_check", kind="confinement", defects=("5",), command=("check",),
     files={SPEC: BASE, "specs/laws/pipe.yaml": Fifo()}, stderr=(located("specs/laws/pipe.yaml", 1, 1),),
     located_only=True)
case(id="amendment_fifo_check", kind="confinement", defects=("5",), command=("check",),
     files={SPEC: BASE, "specs/amendments/pipe.yaml": Fifo()},
     stderr=(located("specs/amendments/pipe.yaml", 1, 1),), located_only=True)
case(id="build_cache_is_fifo", kind="confinement", defects=("5",), status=0,
     files={SPEC: BASE, "out/.pia-cache.json": Fifo()}, built=("x/spec",))
case(id="amend_spec_fifo", kind="confinement", defects=("5", "9"),
     command=("amend", AMEND_FILE, "specs/x/fifo.yaml", "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: WITH_ROW, AMEND_FILE: AMENDMENT, "specs/x/fifo.yaml": Fifo()},
     stderr=(r"^specs/x/fifo\.yaml:\d+:\d+: (?:エラー|要確認): .*[\u3040-\u30ff\u4e00-\u9fff]",))
case(id="spec_is_a_folder", kind="confinement", defects=("5",),
     files={SPEC: BASE, "specs/y/dir.yaml/readme.txt": "not a spec\n"}, built=("x/spec",),
     stderr=(located("specs/y/dir.yaml", 1, 1),), forbid=(r"Is a directory",), located_only=True)
case(id="spec_dangling_symlink", kind="confinement", defects=("15",),
     files={SPEC: BASE, "specs/y/gone.yaml": Link("nowhere.yaml")}, built=("x/spec",),
     stderr=(located("specs/y/gone.yaml", 1, 1),), forbid=(r"No such file",), located_only=True)

case(id="spec_symlink_to_itself", kind="confinement", defects=("15",),
     files={SPEC: BASE, "specs/y/self.yaml": Link("self.yaml")}, built=("x/spec",),
     stderr=(located("specs/y/self.yaml", 1, 1),), located_only=True)
case(id="spec_symlink_loop_of_two", kind="confinement", defects=("15",),
     files={SPEC: BASE, "specs/y/a.yaml": Link("b.yaml"), "specs/y/b.yaml": Link("a.yaml")}, built=("x/spec",),
     stderr=(located("specs/y/a.yaml", 1, 1), located("specs/y/b.yaml", 1, 1)), located_only=True)
case(id="spec_symlink_to_itself_check", kind="confinement", defects=("15",), command=("check",),
     files={SPEC: BASE, "specs/y/self.yaml": Link("self.yaml")},
     stderr=(located("specs/y/self.yaml", 1, 1),), located_only=True)
case(id="fragment_symlink_to_itself_unused", kind="confinement", defects=("15",), status=(0, 1),
     files={SPEC: BASE, "specs/fragments/self.yaml": Link("self.yaml")}, built=("x/spec",),
     check=refused_or_ignored("specs/fragments/self.yaml"))
text = storage("{共通記載: self/挨拶}")
case(id="fragment_symlink_to_itself_used", kind="confinement", defects=("15",),
     files={SPEC: text, "specs/fragments/self.yaml": Link("self.yaml")},
     stderr=(at(SPEC, text, "{共通記載:", "self/挨拶"),))


def diff_refused(path: str):
    """`pia diff`/`changes` against a revision holding a link out of the tree: it is not followed;
    the command either leaves the unused file out (0) or reports it, naming it (1)."""
    def check(observed: Observed) -> None:
        if observed.status == 1:
            assert path in observed.stderr, observed.describe()
    return check


case(id="diff_committed_absolute_symlink", kind="confinement", defects=("17",), command=("diff", "--from", "HEAD"),
     status=(0, 1), git=True, files={SPEC: BASE, "specs/fragments/外部.yaml": Link("@OUTSIDE@/frag.yaml")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     check=diff_refused("specs/fragments/外部.yaml"))
case(id="diff_committed_escaping_symlink", kind="confinement", defects=("17",), command=("diff", "--from", "HEAD"),
     status=(0, 1), git=True, files={SPEC: BASE, "specs/fragments/外部.yaml": Link("../../../outside/frag.yaml")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     check=diff_refused("specs/fragments/外部.yaml"))
case(id="changes_committed_absolute_symlink", kind="confinement", defects=("17",),
     command=("changes", SPEC, "--from", "HEAD"), status=(0, 1), git=True,
     files={SPEC: BASE, "specs/fragments/外部.yaml": Link("@OUTSIDE@/frag.yaml")},
     later={SPEC: replace("特記事項:", "特記事項: 追記")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT,
     check=diff_refused("specs/fragments/外部.yaml"))
text = storage("{共通記載: 外部/秘密}")
case(id="diff_committed_symlink_used", kind="confinement", defects=("17",), command=("diff", "--from", "HEAD"),
     git=True, files={SPEC: text, "specs/fragments/外部.yaml": Link("@OUTSIDE@/frag.yaml")},
     outside={"frag.yaml": OUTSIDE_FRAGMENT}, secret=SECRET_FRAGMENT, stderr=(r"specs/x/spec\.yaml",))
case(id="diff_committed_inside_symlink_is_valid", kind="confinement", defects=("17",), status=0,
     command=("diff", "--from", "HEAD"), git=True,
     files={SPEC: storage("{共通記載: 別名/見出し付き}"), FRAGMENT_FILE: FRAGMENTS,
            "specs/fragments/別名.yaml": Link("標準.yaml")},
     later={SPEC: replace("特記事項:", "特記事項: 追記", storage("{共通記載: 別名/見出し付き}"))},
     stdout=(r"^\+追記$",))


# =========================================================================================
# Budgets: a small file never costs minutes or gigabytes (6–9)
# =========================================================================================

LEVELS = ["b0:\n  本文: 爆発する文字列0123456789\n"]
LEVELS += [f"b{i}:\n  本文: [" + ", ".join([f"{{共通記載: 爆発/b{i - 1}}}"] * 10) + "]\n" for i in range(1, 8)]
text = storage("{共通記載: 爆発/b7}")
case(id="fragment_expansion_bomb", kind="budgets", defects=("6",),
     files={SPEC: text, "specs/fragments/爆発.yaml": "".join(LEVELS)},
     stderr=(at(SPEC, text, "{共通記載:", "爆発/b7"),), located_only=True)
text = storage("[" + ", ".join(["{共通記載: 広/x}"] * 20) + "]")
case(id="fragment_expansion_wide", kind="budgets", defects=("6",),
     files={SPEC: text, "specs/fragments/広.yaml": "y:\n  本文: '" + "い" * 10_000 + "'\nx:\n  本文: ["
            + ", ".join(["{共通記載: 広/y}"] * 1000) + "]\n"},
     stderr=(at(SPEC, text, "[{共通記載:", "広/x", column=False),), located_only=True)
text = storage("{共通記載: 増幅/p, 引数: {a: '" + "う" * 200_000 + "'}}")
case(id="fragment_placeholder_amplification", kind="budgets", defects=("6",),
     files={SPEC: text, "specs/fragments/増幅.yaml": "p:\n  引数: {a: null}\n  本文: '" + "{a}" * 2000 + "'\n"},
     stderr=(at(SPEC, text, "{共通記載:", "増幅/p"),), located_only=True)

BIG = "&big '" + "え" * 200_000 + "'"
text = replace("特記事項:", "特記事項: [" + BIG + ", " + ", ".join(["*big"] * 1500) + "]")
case(id="alias_characters", kind="budgets", defects=("7",), files={SPEC: text},
     stderr=(at(SPEC, text, "[&big", column=False),), located_only=True)
case(id="alias_characters_check", kind="budgets", defects=("7",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "[&big", column=False),), located_only=True)
text = replace("変更箇所:", "変更箇所: [{変更日: 令和6年5月24日, 変更前の記載: " + BIG + "}, "
               + ", ".join(["{変更日: 令和6年5月24日, 変更前の記載: *big, 変更後の記載: *big}"] * 750) + "]\n旧変更箇所:")
text = text.replace("\n旧変更箇所:", "", 1)
case(id="alias_characters_in_change_rows", kind="budgets", defects=("7",), files={SPEC: text},
     stderr=(at(SPEC, text, "[{変更日:", column=False),), located_only=True)
text = storage("[{共通記載: 標準/挨拶, 引数: {団体名: " + BIG + "}}, "
               + ", ".join(["{共通記載: 標準/挨拶, 引数: {団体名: *big}}"] * 1500) + "]")
case(id="alias_characters_through_arguments", kind="budgets", defects=("7",), files=fragments_and(text),
     stderr=(at(SPEC, text, "[{共通記載:", column=False),), located_only=True)


def unknown_keys(count: int) -> str:
    return BASE + "".join(f"未知{index:05d}: x\n" for index in range(count))


text = unknown_keys(6000)
case(id="unknown_keys_6000", kind="budgets", defects=("8",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "未知00000:", "未知00000"), at(SPEC, text, "未知05999:", "未知05999"),
             r"^6000件のエラー、0件の警告$"), located_only=True)
text = unknown_keys(20000)
case(id="unknown_keys_20000", kind="budgets", defects=("8",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "未知19999:", "未知19999"), r"^20000件のエラー、0件の警告$"), located_only=True)
text = replace("        入手方法:   # ②入手方法", "        入手方法:\n"
               + "".join(f"          - 未知の方法{index:04d}\n" for index in range(4000)) + "       #")
case(id="unknown_checks_4000", kind="budgets", defects=("8",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "未知の方法0000", "未知の方法0000"), at(SPEC, text, "未知の方法3999", "未知の方法3999"),
             r"^4000件のエラー、0件の警告$"), located_only=True)
text = replace("変更箇所:   # （別添２）　変更箇所\n", "変更箇所:\n"
               + "  - {変更日: 令和6年5月24日, 備考欄: x}\n" * 4000)
case(id="change_rows_unknown_column_4000", kind="budgets", defects=("8",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "備考欄", "備考欄"), at(SPEC, text, "備考欄", "備考欄", occurrence=4000),
             r"^4000件のエラー、0件の警告$"), located_only=True)
law = "".join(f"項目{index:04d}: 1\n" for index in range(6000))
case(id="law_file_6000_broken_entries", kind="budgets", defects=("8",), command=("check",),
     files={SPEC: BASE, "specs/laws/多.yaml": law},
     stderr=(at("specs/laws/多.yaml", law, "1", occurrence=1, column=False),
             at("specs/laws/多.yaml", law, "項目5999", column=False), r"^6000件のエラー、0件の警告$"),
     located_only=True)


def laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


AMEND_REFUSED = r"^specs/x/spec\.yaml:\d+:\d+: (?:エラー|要確認): .*[\u3040-\u30ff\u4e00-\u9fff]"
case(id="amend_billion_laughs_dry_run", kind="budgets", defects=("9",),
     command=("amend", AMEND_FILE, "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: WITH_ROW + laughs(), AMEND_FILE: AMENDMENT}, stderr=(AMEND_REFUSED,))
merges = "m0: &m0 {k0: 1, k1: 2}\n" + "".join(
    f"m{i}: &m{i} {{<<: *m{i - 1}, x{i}: *m{i - 1}, y{i}: *m{i - 1}}}\n" for i in range(1, 13))
case(id="amend_merge_key_bomb", kind="budgets", defects=("9",),
     command=("amend", AMEND_FILE, "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: WITH_ROW + merges, AMEND_FILE: AMENDMENT}, stderr=(AMEND_REFUSED,))
case(id="amend_oversized_spec", kind="budgets", defects=("9",),
     command=("amend", AMEND_FILE, "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: replace("特記事項:", "特記事項: '" + "お" * 1_100_000 + "'", WITH_ROW), AMEND_FILE: AMENDMENT},
     stderr=(r"^specs/x/spec\.yaml:1:1: (?:エラー|要確認): .*大きすぎ",))
text = WITH_ROW + "評価書名: 二つ目\n"
case(id="amend_duplicate_key", kind="budgets", defects=("9",),
     command=("amend", AMEND_FILE, "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: text, AMEND_FILE: AMENDMENT}, forbid=(r"found duplicate key",),
     stderr=(r"^specs/x/spec\.yaml:%d:\d+: (?:エラー|要確認): .*二度" % where(text, "評価書名: 二つ目")[0],))
text = replace("    事務の名称: テスト事務", "\t事務の名称: テスト事務", WITH_ROW)
case(id="amend_tab_indent", kind="budgets", defects=("9",),
     command=("amend", AMEND_FILE, "--date", "令和7年1月10日", "--dry-run"),
     files={SPEC: text, AMEND_FILE: AMENDMENT}, forbid=(r"found character",),
     stderr=(r"^specs/x/spec\.yaml:%d:\d+: (?:エラー|要確認): .*タブ" % where(text, "\t事務の名称")[0],))
case(id="changes_billion_laughs_old", kind="budgets", defects=("9",), command=("changes", "old.yaml", SPEC),
     files={SPEC: BASE, "old.yaml": BASE + laughs()}, stderr=(located("old.yaml", 1, 1),), located_only=True)
case(id="diff_billion_laughs_at_head", kind="budgets", defects=("9",), command=("diff", "--from", "HEAD"), git=True,
     files={SPEC: BASE + laughs()}, later={SPEC: BASE},
     stderr=(r"^(?:HEAD:)?specs/x/spec\.yaml(?:@HEAD| \(HEAD\)|（HEAD）)?:1:1: エラー: .*[\u3040-\u30ff\u4e00-\u9fff]",),
     forbid=(r"pia-[a-z0-9_]{6,}",))


# =========================================================================================
# Crashes (内部エラー) on valid or plainly wrong input (10–14, 16, 18–20)
# =========================================================================================

def amended(*needles: str):
    def check(observed: Observed) -> None:
        written = (observed.project / SPEC).read_text(encoding="utf-8")
        for needle in needles:
            assert needle in written, f"{needle!r} not in the amended spec\n{written[-800:]}"
    return check


AMEND = ("amend", AMEND_FILE, "--date", "令和7年1月10日")
for name, table in (("blank", "変更箇所:   # （別添２）　変更箇所\n"), ("null", "変更箇所: ~\n"), ("empty", "変更箇所: []\n")):
    text = replace("変更箇所:   # （別添２）　変更箇所\n", table, CITED)
    case(id=f"amend_changes_table_{name}", kind="crashes", defects=("10",), command=AMEND, status=0,
         files={SPEC: text, AMEND_FILE: AMENDMENT}, writes=(SPEC,), then=(Then(("check",), 0),),
         stdout=(r"変更箇所に1行",), check=amended("別表第46項", "公表日: 令和7年1月10日", "変更日: 令和7年1月10日"))
case(id="amend_changes_table_blank_dry_run", kind="crashes", defects=("10",), command=AMEND + ("--dry-run",),
     status=0, files={SPEC: CITED, AMEND_FILE: AMENDMENT}, stdout=(r"^\+.*別表第46項", r"^\+公表日: 令和7年1月10日"))
text = replace("変更箇所:   # （別添２）　変更箇所\n", "変更箇所:\n", replace("特記事項:", "特記事項: 旧"))
case(id="changes_write_blank_table", kind="crashes", defects=("10",), status=0,
     command=("changes", "old.yaml", SPEC, "--write"), files={SPEC: replace("特記事項:", "特記事項: 新"), "old.yaml": text},
     writes=(SPEC,), then=(Then(("check",), 0),), check=amended("変更後の記載: 新"))


def amendment(rule: str) -> str:
    return f"名称: テスト改正\n施行日: 令和6年5月27日\n{rule}"


for name, rule, _needle in (
        ("after_blank", "置換:\n  - 項目: [個人番号の利用/法令上の根拠]\n    前: 別表第一の31の項\n    後:\n", "後:"),
        ("after_list", "置換:\n  - 項目: [個人番号の利用/法令上の根拠]\n    前: 別表第一の31の項\n    後: [a, b]\n", "後:"),
        ("before_integer", "置換:\n  - 項目: [評価書番号]\n    前: 1\n    後: 2\n", "前:"),
        ("before_list", "置換:\n  - 項目: [個人番号の利用/法令上の根拠]\n    前: [別表第一の31の項]\n    後: 別表第46項\n", "前:"),
        ("after_integer", "置換:\n  - 項目: [個人番号の利用/法令上の根拠]\n    前: 別表第一の31の項\n    後: 46\n", "後:"),
        ("fragment_argument_list", "共通記載の引数:\n  - 共通記載: 標準/見出し付き\n    名前: 見出し\n    前: 旧\n    後: [a, b]\n", "後:")):
    # The fix gives each a meaning (history/amendments.py): a number matches its digits, lines are
    # joined, a blank 後 deletes 前; the amended spec must then pass the check.
    text = amendment(rule)
    case(id=f"amendment_{name}", kind="crashes", defects=("11",), command=AMEND, status=0,
         files={SPEC: storage("{共通記載: 標準/見出し付き, 引数: {見出し: 旧}}", WITH_ROW), FRAGMENT_FILE: FRAGMENTS,
                AMEND_FILE: text}, writes=(SPEC,), then=(Then(("check",), 0),))
text = amendment("チェックの置換:\n  - 項目: [主な記録項目]\n    前: 1\n    後: 2\n")
case(id="amendment_check_rename_integer", kind="crashes", defects=("11",), command=AMEND,
     files={SPEC: WITH_ROW, AMEND_FILE: text}, stderr=(at(AMEND_FILE, text, "前: 1", column=False),), located_only=True)

for name, parameters in (("list", "[団体名]"), ("string", "団体名"), ("integer", "3")):
    fragments = FRAGMENTS.replace("引数: {団体名: null}", f"引数: {parameters}")
    text = storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}")
    case(id=f"fragment_parameters_{name}", kind="crashes", defects=("12",), files={SPEC: text, FRAGMENT_FILE: fragments},
         stderr=(at(FRAGMENT_FILE, fragments, parameters, "引数"),))
fragments = FRAGMENTS.replace("引数: {団体名: null}", "引数: {団体名: [甲, 乙]}")
case(id="fragment_default_is_a_list", kind="crashes", defects=("12", "23"),
     files={SPEC: storage("{共通記載: 標準/挨拶}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, "[甲, 乙]", column=False),), forbid=(r"\['",))
fragments = FRAGMENTS.replace("挨拶:\n  引数: {団体名: null}\n  本文: '{団体名}の措置'\n", "挨拶: [a, b]\n")
text = storage("{共通記載: 標準/挨拶}")
case(id="fragment_entry_is_a_list", kind="crashes", defects=("12",), files={SPEC: text, FRAGMENT_FILE: fragments},
     stderr=(at(SPEC, text, "{共通記載:", "標準/挨拶"),))

for name, entry in (("date_key", "他:\n  本文: y\n  2024-05-24: y\n"),
                    ("top_level_date_key", "2024-05-24:\n  本文: y\n"), ("integer_key", "他:\n  本文: y\n  12: y\n")):
    case(id=f"fragment_unused_{name}", kind="crashes", defects=("13",), status=0,
         files={SPEC: BASE, FRAGMENT_FILE: FRAGMENTS + entry}, built=("x/spec",), then=(Then(("check",), 0),))
fragments = FRAGMENTS + "他:\n  本文: y\n  ? [a, b]\n  : y\n"   # a list as a key is no YAML a spec repository means
case(id="fragment_unused_complex_key", kind="crashes", defects=("13",), command=("check",),
     files={SPEC: BASE, FRAGMENT_FILE: fragments}, stderr=(at(FRAGMENT_FILE, fragments, "? [a, b]", column=False),))
case(id="law_uncited_date_key_build", kind="crashes", defects=("13",), status=(0, 1),
     files={SPEC: BASE, "specs/laws/日付.yaml": LAW + "  2024-05-24: y\n"}, built=("x/spec",),
     check=refused_or_ignored("specs/laws/日付.yaml"))
text = basis("{法令: 番号/利用}")
case(id="fragment_date_key_with_citation", kind="crashes", defects=("13",), status=0,
     files={SPEC: text, LAW_FILE: LAW, FRAGMENT_FILE: FRAGMENTS + "他:\n  本文: y\n  2024-05-24: y\n"},
     built=("x/spec",), texts=("番号法第9条第1項別表第一の31の項",))

text = replace("特記事項:", '特記事項: "A\\uD800B"')
case(id="lone_surrogate_text", kind="crashes", defects=("14",), files={SPEC: text},
     stderr=(at(SPEC, text, '"A', "U+D800"),), located_only=True)
text = replace("特記事項:", '特記事項: "A\\uDC00B"')
case(id="lone_low_surrogate_text", kind="crashes", defects=("14",), files={SPEC: text},
     stderr=(at(SPEC, text, '"A', "U+DC00"),), located_only=True)
text = storage('{共通記載: 標準/挨拶, 引数: {団体名: "\\uD800"}}')
case(id="lone_surrogate_argument", kind="crashes", defects=("14",), files=fragments_and(text),
     stderr=(at(SPEC, text, "{共通記載:", "U+D800", column=False),), located_only=True)
law = LAW.replace("本文: 番号法第9条第1項別表第一の31の項", '本文: "番号法\\uD800"')
case(id="lone_surrogate_law_text", kind="crashes", defects=("14",),
     files={SPEC: basis("{法令: 番号/利用}"), LAW_FILE: law},
     stderr=(at(LAW_FILE, law, '"番号法', "U+D800", column=False),))
fragments = FRAGMENTS.replace("本文: '{団体名}の措置'", '本文: "{団体名}の\\uDBFF措置"')
case(id="lone_surrogate_fragment_text", kind="crashes", defects=("14",),
     files={SPEC: storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, '"{団体名}の', "U+DBFF", column=False),))
text = BASE + '"\\uD800キー": x\n'
case(id="lone_surrogate_key", kind="crashes", defects=("14",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, '"\\uD800', column=False),), located_only=True)
text = replace("変更箇所:   # （別添２）　変更箇所\n", '変更箇所:\n  - {変更日: 令和6年5月24日, 変更後の記載: "\\uD800"}\n')
case(id="lone_surrogate_change_row", kind="crashes", defects=("14",), files={SPEC: text},
     stderr=(at(SPEC, text, '"\\uD800"', "U+D800"),), located_only=True)
text = replace("特記事項:", '特記事項: "A\\U0001F600B"')
case(id="astral_character_is_valid", kind="crashes", defects=("14",), status=0, files={SPEC: text},
     built=("x/spec",), texts=("A\U0001F600B",))

case(id="changes_outside_specs", kind="crashes", defects=("16",), command=("changes", "elsewhere/spec.yaml", "--from", "HEAD"),
     status=(1, 2), git=True, files={SPEC: BASE, "elsewhere/spec.yaml": BASE},
     stderr=(r"elsewhere/spec\.yaml.*[\u3040-\u30ff\u4e00-\u9fff]",))
case(id="diff_outside_specs", kind="crashes", defects=("16",), command=("diff", "--from", "HEAD", "elsewhere/spec.yaml"),
     status=(1, 2), git=True, files={SPEC: BASE, "elsewhere/spec.yaml": BASE},
     stderr=(r"elsewhere/spec\.yaml.*[\u3040-\u30ff\u4e00-\u9fff]",))
case(id="changes_outside_specs_absolute", kind="crashes", defects=("16",),
     command=("changes", "@OUTSIDE@/spec.yaml", "--from", "HEAD"), status=(1, 2), git=True,
     files={SPEC: BASE}, outside={"spec.yaml": BASE}, stderr=(r"spec\.yaml.*[\u3040-\u30ff\u4e00-\u9fff]",))
case(id="changes_not_a_repository", kind="crashes", defects=("16",), command=("changes", SPEC, "--from", "HEAD"),
     status=2, files={SPEC: BASE}, stderr=(r"^エラー: git",))
case(id="changes_unknown_revision", kind="crashes", defects=("16",), command=("changes", SPEC, "--from", "nosuchrev"),
     status=2, git=True, files={SPEC: BASE}, stderr=(r"^エラー: git",))
case(id="changes_spec_new_since_revision", kind="crashes", defects=("16",), command=("changes", "specs/y/spec.yaml", "--from", "HEAD"),
     status=1, git=True, files={SPEC: BASE}, later={"specs/y/spec.yaml": other(2)},
     stderr=(r"^specs/y/spec\.yaml:\d+:\d+: エラー: ",))

for name, content in (("list", "[]"), ("null", "null"), ("string", '"x"'), ("number", "12"),
                      ("record_not_a_mapping", '{"x/spec": "text"}'), ("records_list", '{"x/spec": []}'),
                      ("record_missing_fields", '{"x/spec": {"spec": "abc"}}')):
    case(id=f"build_cache_{name}", kind="crashes", defects=("18",), status=0,
         files={SPEC: BASE, "out/.pia-cache.json": content}, built=("x/spec",))

LONG = "長" * 5000
for command in ("build", "check"):
    text = storage(f"{{共通記載: {LONG}/挨拶}}")
    case(id=f"fragment_name_5000_{command}", kind="crashes", defects=("19",), command=(command,), files=fragments_and(text),
         stderr=(at(SPEC, text, "{共通記載:", "共通記載"),), forbid=(r"出力フォルダ",), located_only=True)
    text = basis(f"{{法令: {LONG}/利用}}")
    case(id=f"law_name_5000_{command}", kind="crashes", defects=("19",), command=(command,),
         files={SPEC: text, LAW_FILE: LAW}, stderr=(at(SPEC, text, "{法令:", "法令"),), forbid=(r"出力フォルダ",),
         located_only=True)
text = storage("{共通記載: " + "名" * 90 + "/挨拶}")
case(id="fragment_file_name_over_255_bytes", kind="crashes", defects=("19",), files=fragments_and(text),
     stderr=(at(SPEC, text, "{共通記載:", "共通記載"),), forbid=(r"出力フォルダ",), located_only=True)
text = basis("{法令: 番号/" + LONG + "}")
case(id="law_entry_name_5000", kind="crashes", defects=("19",), files={SPEC: text, LAW_FILE: LAW},
     stderr=(at(SPEC, text, "{法令:", "法令"),), located_only=True)

case(id="bench_without_specs_folder", kind="crashes", defects=("20",), command=("bench", "--count", "2"), status=1,   # no spec to synthesise from: an error of the specs
     files={"README.txt": "no specs here\n"}, stderr=(r"specs",))
case(id="bench_empty_specs_folder", kind="crashes", defects=("20",), command=("bench", "--count", "2"), status=1,   # no spec to synthesise from: an error of the specs
     files={"specs": Folder()}, stderr=(r"仕様",))
case(id="bench_only_fragments", kind="crashes", defects=("20",), command=("bench", "--count", "2"), status=1,   # no spec to synthesise from: an error of the specs
     files={FRAGMENT_FILE: FRAGMENTS}, stderr=(r"仕様",))
case(id="bench_broken_spec", kind="crashes", defects=("20",), command=("bench", "--count", "2"), status=1,
     files={SPEC: replace("様式: 重点項目評価書", "様式: 計画管理書")},
     stderr=(r"^エラー: 合成した仕様ファイルにエラーがあり",))
case(id="bench_project_without_the_shipped_fragment", kind="crashes", defects=("20",), command=("bench", "--count", "2"),
     status=0, files={SPEC: BASE}, stdout=(r"^cold build", r"^peak RSS"), wall=60)


# =========================================================================================
# Wrong output with exit 0 (21–32)
# =========================================================================================

for code in ("FFFE", "FFFF"):
    text = replace("特記事項:", f'特記事項: "A\\u{code}B"')
    case(id=f"noncharacter_{code.lower()}_text", kind="wrong-output", defects=("21",), files={SPEC: text},
         stderr=(at(SPEC, text, '"A', f"U+{code}"),), located_only=True)
text = replace("評価書名: テスト事務　重点項目評価書", '評価書名: "テスト\\uFFFE事務"')
case(id="noncharacter_title", kind="wrong-output", defects=("21",), files={SPEC: text},
     stderr=(at(SPEC, text, '"テスト', "U+FFFE"),), located_only=True)
text = storage('{共通記載: 標準/挨拶, 引数: {団体名: "甲\\uFFFE"}}')
case(id="noncharacter_argument", kind="wrong-output", defects=("21",), files=fragments_and(text),
     stderr=(at(SPEC, text, "{共通記載:", "U+FFFE", column=False),), located_only=True)
law = LAW.replace("本文: 番号法第9条第1項別表第一の31の項", '本文: "番号法\\uFFFF"')
case(id="noncharacter_law_text", kind="wrong-output", defects=("21",),
     files={SPEC: basis("{法令: 番号/利用}"), LAW_FILE: law},
     stderr=(at(LAW_FILE, law, '"番号法', "U+FFFF", column=False),))
fragments = FRAGMENTS.replace("本文: '{団体名}の措置'", '本文: "{団体名}の\\uFFFE措置"')
case(id="noncharacter_fragment_text", kind="wrong-output", defects=("21",),
     files={SPEC: storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, '"{団体名}の', "U+FFFE", column=False),))
text = replace("変更箇所:   # （別添２）　変更箇所\n", '変更箇所:\n  - {変更日: 令和6年5月24日, 項目: "\\uFFFF"}\n')
case(id="noncharacter_change_row", kind="wrong-output", defects=("21",), files={SPEC: text},
     stderr=(at(SPEC, text, '"\\uFFFF"', "U+FFFF"),), located_only=True)
text = replace("特記事項:", "特記事項: A\ufffeB")
case(id="noncharacter_raw_in_file", kind="wrong-output", defects=("21", "30"), files={SPEC: text},
     stderr=(at(SPEC, text, "A\ufffe", column=False),), located_only=True)
for name, escaped, shown in (("replacement_character", "\\uFFFD", "\ufffd"), ("private_use", "\\uE000", "\ue000"),
                             ("c1_control_next_line", "\\u0085", "\u0085")):
    text = replace("特記事項:", f'特記事項: "A{escaped}B"')
    case(id=f"{name}_is_valid", kind="wrong-output", defects=("21",), status=0, files={SPEC: text},
         built=("x/spec",), texts=(f"A{shown}B",) if name != "c1_control_next_line" else ())
text = replace("特記事項:", """特記事項: '<w:t>&amp;</w:t> "q" <script>alert(1)</script> ]]>'""")
case(id="markup_in_text_is_escaped", kind="wrong-output", defects=("21",), status=0, files={SPEC: text},
     built=("x/spec",), texts=('<w:t>&amp;</w:t> "q" <script>alert(1)</script> ]]>',))

for name, value, tag in (("set", "!!set {a, b}", "!!set"), ("binary", "!!binary aGVsbG8=", "!!binary"),
                         ("python_name", "!!python/name:os.system", "!!python/name:os.system"),
                         ("python_object", "!!python/object:os.system {}", "!!python/object:os.system"),
                         ("custom", "!custom x", "!custom"), ("omap", "!!omap [{a: b}]", "!!omap"),
                         ("pairs", "!!pairs [{a: b}]", "!!pairs")):
    text = replace("評価書番号: 1", f"評価書番号: {value}")
    case(id=f"tag_{name}", kind="wrong-output", defects=("22",), files={SPEC: text},
         stderr=(at(SPEC, text, value, tag),), located_only=True)
text = replace("特記事項:", "特記事項: !custom 本文")
case(id="tag_custom_on_text", kind="wrong-output", defects=("22",), files={SPEC: text},
     stderr=(at(SPEC, text, "!custom", "!custom"),), located_only=True)
text = replace("基本情報:   # Ⅰ", "基本情報: !custom   # Ⅰ")
case(id="tag_custom_on_mapping", kind="wrong-output", defects=("22",), files={SPEC: text},
     stderr=(at(SPEC, text, "!custom", "!custom", column=False),), located_only=True)
text = storage("{共通記載: 標準/挨拶, 引数: {団体名: !!set {a}}}")
case(id="tag_set_in_argument", kind="wrong-output", defects=("22",), files=fragments_and(text),
     stderr=(at(SPEC, text, "{共通記載:", "!!set", column=False),), located_only=True)
fragments = FRAGMENTS.replace("本文: '{団体名}の措置'", "本文: !custom '{団体名}の措置'")
case(id="tag_custom_in_fragment", kind="wrong-output", defects=("22",),
     files={SPEC: storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, "!custom", "!custom", column=False),))
text = replace("評価書番号: 1", "評価書番号: !!str 001")
case(id="tag_str_is_valid", kind="wrong-output", defects=("22",), status=0, files={SPEC: text}, built=("x/spec",))


def same_bytes_under_another_hash_seed(observed: Observed) -> None:
    """A second build into out2/ under another PYTHONHASHSEED gives byte-identical files."""
    env = environment(observed.folder, {"PYTHONHASHSEED": "2"})
    status, out, err, _ = pia(observed.project, ("build", "--out", "out2"), env)
    assert status == 0, out + err
    for path in (observed.project / "out").rglob("*.*"):
        if path.suffix in (".docx", ".html"):
            twin = observed.project / "out2" / path.relative_to(observed.project / "out")
            assert twin.read_bytes() == path.read_bytes(), f"{path.name} differs between hash seeds"


text = storage("[{共通記載: 標準/挨拶, 引数: {団体名: 甲}}, {共通記載: 標準/見出し付き}]",
               replace("特記事項:", "特記事項: [一行目, 二行目]"))
case(id="outputs_do_not_depend_on_hash_seed", kind="wrong-output", defects=("22",), status=0,
     files=fragments_and(text), env={"PYTHONHASHSEED": "1"}, built=("x/spec",),
     texts=("甲の措置", "本文の段落"), check=same_bytes_under_another_hash_seed)

for name, value in (("list", "[a, b]"), ("mapping", "{a: b}"), ("boolean", "true"), ("float", "1.5"),
                    ("date", "2024-05-24"), ("null_for_required", "null")):
    text = storage(f"{{共通記載: 標準/挨拶, 引数: {{団体名: {value}}}}}")
    case(id=f"argument_{name}", kind="wrong-output", defects=("23",), files=fragments_and(text),
         stderr=(at(SPEC, text, "{共通記載:", "団体名", column=False),), forbid=(r"\['", r"True", r"\{'a'"),
         located_only=True)
text = storage("{共通記載: 標準/挨拶, 引数: {団体名: 12}}")
case(id="argument_integer_is_valid", kind="wrong-output", defects=("23",), status=0, files=fragments_and(text),
     built=("x/spec",), texts=("12の措置",))


def law_list_joined_or_refused(observed: Observed) -> None:
    """A law 本文 written as a list: its parts on their own lines (as a spec text's list), or a
    located error in the law file; never Python's list repr."""
    if observed.status == 0:
        page = (observed.project / "out" / "x" / "spec.html").read_text(encoding="utf-8")
        assert "第一項" in page and "第二項" in page, page[-2000:]
        assert "['" not in page and "[&#39;" not in page, "the law text is printed as a Python list"
    else:
        assert not (observed.project / "out" / "x").exists(), "nothing may be written for a broken spec"
        assert re.search(located(LAW_FILE), observed.stderr, re.M), observed.describe()


law = LAW.replace("本文: 番号法第9条第1項別表第一の31の項", "本文: [第一項, 第二項]")
case(id="law_text_as_list", kind="wrong-output", defects=("23",), status=(0, 1),
     files={SPEC: basis("{法令: 番号/利用}"), LAW_FILE: law}, built=None, check=law_list_joined_or_refused)
law = LAW.replace("本文: 番号法第9条第1項別表第一の31の項", "本文: {a: b}")
case(id="law_text_as_mapping", kind="wrong-output", defects=("23",), files={SPEC: basis("{法令: 番号/利用}"), LAW_FILE: law},
     stderr=(at(LAW_FILE, law, "{a: b}", column=False),))

DATE_HINT = "は実在する和暦の日付ではありません"
for name, day in (("reiwa", "令和0年5月1日"), ("showa", "昭和0年12月25日"), ("heisei", "平成0年1月8日"),
                  ("full_width", "令和０年5月1日"), ("reiwa_before_its_first_day", "令和元年4月30日"),
                  ("showa_64_after_its_last_day", "昭和64年1月8日")):
    text = replace("公表日: 令和6年5月24日", f"公表日: {day}")
    case(id=f"era_{name}_publication", kind="wrong-output", defects=("24",), files={SPEC: text},
         stderr=(re.escape(f"{SPEC}:9:6: エラー: 公表日「{day}」{DATE_HINT}（例: 令和6年5月24日（月までの日付は 平成28年1月））"),),
         located_only=True)
text = replace("        保有開始日:", "        保有開始日: 令和0年1月")
case(id="era_year_zero_month_precision", kind="wrong-output", defects=("24",), files={SPEC: text},
     stderr=(at(SPEC, text, "令和0年1月", "保有開始日「令和0年1月」" + DATE_HINT),), located_only=True)
text = replace("変更箇所:   # （別添２）　変更箇所\n", "変更箇所:\n  - {変更日: 令和0年5月1日, 項目: 評価書名}\n")
case(id="era_year_zero_change_date", kind="wrong-output", defects=("24",), files={SPEC: text},
     stderr=(at(SPEC, text, "令和0年5月1日", "変更日「令和0年5月1日」" + DATE_HINT),), located_only=True)
law = LAW.replace("平成27年10月5日", "令和0年5月1日")
case(id="era_year_zero_law", kind="wrong-output", defects=("24",), command=("check",), files={SPEC: BASE, LAW_FILE: law},
     stderr=(at(LAW_FILE, law, "令和0年5月1日", "施行日「令和0年5月1日」" + DATE_HINT),), located_only=True)
text = AMENDMENT.replace("令和6年5月27日", "令和0年5月1日")
case(id="era_year_zero_amendment", kind="wrong-output", defects=("24",), command=("check",),
     files={SPEC: BASE, AMEND_FILE: text},
     stderr=(at(AMEND_FILE, text, "令和0年5月1日", "施行日「令和0年5月1日」" + DATE_HINT),), located_only=True)
text = replace("公表日: 令和6年5月24日", "公表日: 平成31年4月30日")
case(id="era_last_day_of_heisei_is_valid", kind="wrong-output", defects=("24",), status=0, files={SPEC: text},
     built=("x/spec",))
text = replace("公表日: 令和6年5月24日", "公表日: 令和元年5月1日")
case(id="era_first_day_of_reiwa_is_valid", kind="wrong-output", defects=("24",), status=0, files={SPEC: text},
     built=("x/spec",))

for name, day in (("impossible", "令和7年2月30日"), ("year_zero", "令和0年5月1日"), ("words", "明日"),
                  ("western", "2025-01-10")):
    case(id=f"amend_date_{name}", kind="wrong-output", defects=("25",), status=2,
         command=("amend", AMEND_FILE, "--date", day), files={SPEC: WITH_ROW, AMEND_FILE: AMENDMENT},
         stderr=(re.escape(day) + r".*[\u3040-\u30ff\u4e00-\u9fff]|[\u3040-\u30ff\u4e00-\u9fff].*" + re.escape(day),))
case(id="amend_date_impossible_dry_run", kind="wrong-output", defects=("25",), status=2,
     command=("amend", AMEND_FILE, "--date", "令和7年2月30日", "--dry-run"), files={SPEC: WITH_ROW, AMEND_FILE: AMENDMENT},
     stderr=(r"令和7年2月30日",), forbid=(r"^\+",))
OLD = replace("特記事項:", "特記事項: 旧", WITH_ROW)
NEW = replace("特記事項:", "特記事項: 新", WITH_ROW)
for name, extra in (("write", ("--write",)), ("print", ())):
    case(id=f"changes_date_impossible_{name}", kind="wrong-output", defects=("25",), status=2,
         command=("changes", "old.yaml", SPEC, "--date", "令和7年2月30日", *extra), files={SPEC: NEW, "old.yaml": OLD},
         stderr=(r"令和7年2月30日",), forbid=(r"変更日: 令和7年2月30日",))

fragments = FRAGMENTS
for name, reference, phrase in (
        ("misspelt_arguments", "{共通記載: 標準/見出し付き, 引き数: {見出し: 新しい見出し}}", "引き数"),
        ("body_beside_reference", "{共通記載: 標準/見出し付き, 本文: 追加の段落}", "本文"),
        ("description_beside_reference", "{共通記載: 標準/見出し付き, 説明: 注記}", "説明"),
        ("unknown_key_in_list_part", "[前文, {共通記載: 標準/見出し付き, 引数: {見出し: 甲}, 備考: x}]", "備考")):
    text = storage(reference)
    case(id=f"reference_{name}", kind="wrong-output", defects=("26",), files=fragments_and(text),
         stderr=(at(SPEC, text, "共通記載", phrase, column=False),), located_only=True)
fragments = FRAGMENTS + "入れ子:\n  本文: [{共通記載: 標準/見出し付き, 引き数: {見出し: 甲}}]\n"
case(id="reference_misspelt_arguments_in_fragment", kind="wrong-output", defects=("26",),
     files={SPEC: storage("{共通記載: 標準/入れ子}"), FRAGMENT_FILE: fragments},
     stderr=(any_of((SPEC, FRAGMENT_FILE), "引き数"),))
text = basis("{法令: 番号/利用, 引数: x}")
case(id="citation_with_extra_key", kind="wrong-output", defects=("26",), files={SPEC: text, LAW_FILE: LAW},
     stderr=(at(SPEC, text, "{法令:", column=False),), located_only=True)


def annex(table: str) -> str:
    return BASE + "添付資料:\n  - 見出し: 別添\n    表:\n" + table


for name, table, needle, occurrence in (
        ("row_longer_than_columns", "      列: [a, b]\n      行:\n        - [1, 2, 3, 4]\n", "[1, 2, 3, 4]", 1),
        ("second_row_longer", "      列: [a, b]\n      行:\n        - [1, 2]\n        - [1, 2, 3]\n", "[1, 2, 3]", 1),
        ("flow_rows", "      列: [a, b]\n      行: [[1, 2], [5, 6, 7]]\n", "[5, 6, 7]", 1)):
    text = annex(table)
    case(id=f"annex_{name}", kind="wrong-output", defects=("27",), files={SPEC: text},
         stderr=(at(SPEC, text, needle, column=False, occurrence=occurrence),), located_only=True)
text = annex("      列: [a, b, c, d, e, f, g]\n")
case(id="annex_seven_columns", kind="wrong-output", defects=("27",), files={SPEC: text},
     stderr=(at(SPEC, text, "[a, b", column=False),), located_only=True)
text = annex("      列: [項番, 名称]\n      行:\n        - [1, 甲課]\n")
case(id="annex_table_is_valid", kind="wrong-output", defects=("27",), status=0, files={SPEC: text},
     built=("x/spec",), texts=("甲課",))

for name, escaped, code in (("vertical_tab", "\\x0b", "000B"), ("escape", "\\x1b[31m", "001B"),
                            ("delete", "\\x7f", "007F"), ("start_of_heading", "\\x01", "0001")):
    text = storage(f'{{共通記載: 標準/挨拶, 引数: {{団体名: "a{escaped}b"}}}}')
    case(id=f"argument_control_{name}", kind="wrong-output", defects=("28",), files=fragments_and(text),
         stderr=(at(SPEC, text, "{共通記載:", f"U+{code}", column=False),), located_only=True)
fragments = FRAGMENTS.replace("本文: '{団体名}の措置'", '本文: "{団体名}の\\x0b措置"')
case(id="fragment_text_control", kind="wrong-output", defects=("28",),
     files={SPEC: storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, '"{団体名}の', "U+000B", column=False),))
fragments = FRAGMENTS.replace("引数: {見出し: ＜既定の見出し＞}", '引数: {見出し: "＜既定\\x0b＞"}')
case(id="fragment_default_control", kind="wrong-output", defects=("28",),
     files={SPEC: storage("{共通記載: 標準/見出し付き}"), FRAGMENT_FILE: fragments},
     stderr=(at(FRAGMENT_FILE, fragments, '"＜既定', "U+000B", column=False),))
law = LAW.replace("本文: 番号法第9条第1項別表第一の31の項", '本文: "番号法\\x01第9条"')
case(id="law_text_control", kind="wrong-output", defects=("28",),
     files={SPEC: basis("{法令: 番号/利用}"), LAW_FILE: law},
     stderr=(at(LAW_FILE, law, '"番号法', "U+0001", column=False),))
text = replace("特記事項:", '特記事項: "A\\x0bB"')
case(id="text_control_is_refused", kind="wrong-output", defects=("28",), files={SPEC: text},
     stderr=(at(SPEC, text, '"A', "U+000B"),), located_only=True)
case(id="control_character_message_names_no_fragment", kind="wrong-output", defects=("28",), files={SPEC: text},
     stderr=(at(SPEC, text, '"A', "U+000B"),), forbid=(r"「共通記載」",), located_only=True)

for name, second in (("dot_slash", "./specs/x/spec.yaml"), ("dot_dot", "specs/x/../x/spec.yaml"),
                     ("absolute", "@PROJECT@/specs/x/spec.yaml")):
    case(id=f"same_spec_twice_{name}", kind="wrong-output", defects=("29",), status=0,
         command=("build", SPEC, second), files={SPEC: BASE}, built=("x/spec",), forbid=(r"重複",))
case(id="same_spec_twice_check", kind="wrong-output", defects=("29",), status=0,
     command=("check", SPEC, "./specs/x/spec.yaml"), files={SPEC: BASE}, forbid=(r"重複",))
case(id="two_specs_same_number", kind="wrong-output", defects=("29",), command=("check",),
     files={SPEC: BASE, "specs/y/spec.yaml": BASE},
     stderr=(re.escape("specs/y/spec.yaml:4:8: エラー: 評価書番号「1」は specs/x/spec.yaml と重複しています"),))

for name, raw, code in (("vertical_tab", "\x0b", "000B"), ("escape", "\x1b", "001B"), ("delete", "\x7f", "007F"),
                        ("backspace", "\x08", "0008")):
    text = replace("特記事項:", f'特記事項: "A{raw}B"')
    case(id=f"raw_{name}_in_file", kind="wrong-output", defects=("30",), files={SPEC: text},
         stderr=(at(SPEC, text, f"A{raw}", f"U+{code}", column=False),), forbid=(r"ReaderError",), located_only=True)
text = replace("特記事項:   # 特記事項", "特記事項:   # 特記\x1b事項")
case(id="raw_escape_in_comment", kind="wrong-output", defects=("30",), files={SPEC: text},
     stderr=(at(SPEC, text, "特記\x1b", "U+001B", column=False),), located_only=True)
text = replace("評価書番号: 1", "評価書番号: " + "9" * 5000)
case(id="integer_of_5000_digits", kind="wrong-output", defects=("30",), files={SPEC: text},
     stderr=(at(SPEC, text, "9999"),), forbid=(r"ValueError",), located_only=True)
text = storage("{共通記載: 標準/挨拶, 引数: {団体名: " + "8" * 5000 + "}}")
case(id="integer_of_5000_digits_in_argument", kind="wrong-output", defects=("30",), files=fragments_and(text),
     stderr=(at(SPEC, text, "8888", column=False),), located_only=True)
text = BASE + "7" * 5000 + ": x\n"
case(id="integer_key_of_5000_digits", kind="wrong-output", defects=("30",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "7777", column=False),), located_only=True)

case(id="unreadable_spec_build", kind="wrong-output", defects=("31",),
     files={SPEC: BASE, "specs/y/locked.yaml": Mode(other(2), 0o000)}, built=("x/spec",),
     stderr=(located("specs/y/locked.yaml", 1, 1),), forbid=(r"出力フォルダ",), located_only=True)
case(id="unreadable_spec_check", kind="wrong-output", defects=("31",), command=("check",),
     files={SPEC: BASE, "specs/y/locked.yaml": Mode(other(2), 0o000)},
     stderr=(located("specs/y/locked.yaml", 1, 1),), located_only=True)
text = storage("{共通記載: 標準/挨拶, 引数: {団体名: 甲}}")
case(id="unreadable_fragment_file", kind="wrong-output", defects=("31",),
     files={SPEC: text, FRAGMENT_FILE: Mode(FRAGMENTS, 0o000)},
     stderr=(located(FRAGMENT_FILE, 1, 1), at(SPEC, text, "{共通記載:", "標準/挨拶")), forbid=(r"出力フォルダ",))
text = basis("{法令: 番号/利用}")
case(id="unreadable_law_file", kind="wrong-output", defects=("31",),
     files={SPEC: text, LAW_FILE: Mode(LAW, 0o000)},
     stderr=(at(SPEC, text, "{法令:", "番号/利用"),), forbid=(r"出力フォルダ",))

FORGED = r"^::(?:error|warning|notice|debug|group|endgroup|add-mask|stop-commands)\b(?! file=specs/x/spec\.yaml,)"
for name, command in (("github", ("check", "--format", "github")), ("text", ("check",)),
                      ("build_github", ("build", "--format", "github"))):
    text = replace("    対象人数:", '    対象人数: "x\\n::error file=evil.yaml,line=1::injected"')
    case(id=f"workflow_command_in_value_{name}", kind="wrong-output", defects=("32",), command=command, files={SPEC: text},
         stderr=(at(SPEC, text, '"x', "対象人数"),), forbid=(FORGED, r"^::error file=evil"))
text = BASE + '"k\\n::warning file=evil.yaml::injected": 1\n'
case(id="workflow_command_in_key", kind="wrong-output", defects=("32",), command=("check", "--format", "github"),
     files={SPEC: text}, stderr=(at(SPEC, text, '"k', column=False),), forbid=(FORGED, r"^::warning file=evil"))
case(id="workflow_command_in_file_name", kind="wrong-output", defects=("32",), command=("check", "--format", "github"),
     files={"specs/x/a\n::error file=evil.yaml::x.yaml": replace("様式: 重点項目評価書", "様式: 計画管理書")},
     stderr=(r"エラー: ",), forbid=(r"^::(?:error|warning)\b(?! file=specs/x/a%0A)", r"^::error file=evil"))
text = BASE + '"\\e[2J\\e]0;pwned\\a": 1\n'
case(id="terminal_escape_in_key", kind="wrong-output", defects=("32",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, '"\\e', column=False),), forbid=("\x1b", "\x07"))
text = replace("    対象人数:", '    対象人数: "\\e[31m赤\\e[0m"')
case(id="terminal_escape_in_choice", kind="wrong-output", defects=("32",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, '"\\e', column=False),), forbid=("\x1b",))


# =========================================================================================
# The command line: Japanese messages, the right status, nothing left behind (33, 34)
# =========================================================================================

ENGLISH_USAGE = (r"invalid choice", r"\berror: ", r"the following arguments are required", r"unrecognized arguments",
                 r"expected one argument", r"invalid .* value")
for name, command in (("new_unknown_form", ("new", "--form", "計画管理書")), ("unknown_command", ("frobnicate",)),
                      ("jobs_zero", ("build", "--jobs", "0")), ("diff_without_from", ("diff",)),
                      ("unknown_option", ("build", "--bogus")), ("changes_without_files", ("changes",)),
                      ("form_without_value", ("new", "--form")), ("format_unknown", ("check", "--format", "json")),
                      ("bench_count_words", ("bench", "--count", "たくさん"))):
    case(id=f"cli_{name}", kind="cli", defects=("33",), command=command, status=2, files={SPEC: BASE},
         stderr=(r"[\u3040-\u30ff\u4e00-\u9fff]",), forbid=ENGLISH_USAGE)
case(id="cli_no_command", kind="cli", defects=("33",), command=(), status=2, files={SPEC: BASE},
     forbid=(r"^usage:", r"^positional arguments:", r"^options:"))
case(id="cli_version", kind="cli", defects=("33",), command=("--version",), status=0, files={SPEC: BASE},
     stdout=(r"^pia \S+",))
case(id="cli_new_unknown_revision", kind="cli", defects=("33",), command=("new", "--revision", "令和9年"), status=2,
     files={SPEC: BASE}, stderr=(r"^エラー: 様式の版「令和9年」はありません",))
case(id="cli_specs_dir_missing", kind="cli", defects=("33",), command=("check", "--specs-dir", "nowhere"), status=2,
     files={SPEC: BASE}, stderr=(r"^エラー: 仕様フォルダ nowhere がありません",))
case(id="cli_changes_one_file_without_revision", kind="cli", defects=("33",), command=("changes", SPEC), status=2,
     files={SPEC: BASE}, stderr=(r"^エラー: 「pia changes OLD\.yaml NEW\.yaml」",))

MANY = {f"specs/m/{index:02d}.yaml": other(index + 1) for index in range(40)}


def interrupted(sig: int, first_build: bool):
    """Start `pia build`, and send ``sig`` to it and its workers as soon as its staging folder holds
    files (a rebuild after touching every spec when ``first_build``)."""
    def setup(project: Path) -> None:
        env = environment(project.parent)
        if first_build:
            status, out, err, _ = pia(project, ("build",), env, wall=120)
            assert status == 0, out + err
            for name in MANY:
                path = project / name
                path.write_text(path.read_text(encoding="utf-8").replace("特記事項:", "特記事項: 改訂", 1), encoding="utf-8")
        sent = []

        def watch(child: subprocess.Popen) -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and child.poll() is None:
                if any(any(folder.rglob("*.docx")) for folder in project.glob(".pia-staging-*")) or \
                        any(any(folder.rglob("*.docx")) for folder in (project / "out").glob(".pia-staging-*")):
                    stop(child, sig)
                    sent.append(sig)
                    return
                time.sleep(0.005)

        pia(project, ("build",), env, wall=120, started=watch)
        assert sent, "the build ended before its staging folder was seen: nothing was interrupted"
    return setup


case(id="staging_left_by_sigkill_is_removed", kind="cli", defects=("34",), status=0, files=dict(MANY),
     setup=interrupted(signal.SIGKILL, first_build=True), built=tuple(f"m/{index:02d}" for index in range(40)),
     wall=60)
case(id="sigterm_during_build_leaves_no_staging", kind="cli", defects=("34",), command=("check", "specs/m/00.yaml"),
     status=0, files=dict(MANY), setup=interrupted(signal.SIGTERM, first_build=False), wall=60)
case(id="sigint_during_build_leaves_no_staging", kind="cli", defects=("34",), command=("check", "specs/m/00.yaml"),
     status=0, files=dict(MANY), setup=interrupted(signal.SIGINT, first_build=False), wall=60)


# =========================================================================================
# Valid input judged wrongly (the four findings)
# =========================================================================================

LATER = replace("公表日: 令和6年5月24日", "公表日: 令和7年1月10日")      # after the 番号法 amendment
for name, citation in (("ordinance_arabic", "テスト市個人情報保護条例第3条第2項(別表第2の7及び36の項)"),
                       ("ordinance_kanji", "テスト市個人番号の利用に関する条例別表第二の3の項"),
                       ("other_law", "住民基本台帳法第30条の9別表第一")):
    case(id=f"repealed_table_{name}_is_not_warned", kind="judged-wrongly", defects=("F1",), status=0,
         files={SPEC: basis(citation, LATER)}, built=("x/spec",), texts=(citation,), forbid=(r"別表",))
for name, citation in (("short_name", "番号法別表第二の16の項"),
                       ("formal_name", "行政手続における特定の個人を識別するための番号の利用等に関する法律別表第一の31の項")):
    text = basis(citation, LATER)
    case(id=f"repealed_table_{name}_is_warned", kind="judged-wrongly", defects=("F1",), status=0,
         files={SPEC: text}, built=("x/spec",),
         stderr=(at(SPEC, text, citation, "法令上の根拠", "別表第", level="警告"),))

text = replace("      備考:   # ７．備考", "      備考: -")
case(id="bare_dash_says_to_quote_it", kind="judged-wrongly", defects=("F2",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "備考: -", '"-"', column=False),), forbid=(r"sequence entries",), located_only=True)
text = replace("    事務の内容:   # ②事務の内容", "    事務の内容: -")
case(id="bare_dash_in_another_item", kind="judged-wrongly", defects=("F2",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "事務の内容: -", '"-"', column=False),), forbid=(r"sequence entries",), located_only=True)
text = replace("      備考:   # ７．備考", "      備考: - 特になし")
case(id="dash_and_text_says_to_quote_it", kind="judged-wrongly", defects=("F2",), command=("check",), files={SPEC: text},
     stderr=(at(SPEC, text, "備考: -", "引用符", column=False),), forbid=(r"sequence entries",), located_only=True)
for name, value in (("quoted_dash", '"-"'), ("long_dash", "ー"), ("em_dash", "—")):
    case(id=f"{name}_is_valid", kind="judged-wrongly", defects=("F2",), status=0,
         files={SPEC: replace("      備考:   # ７．備考", f"      備考: {value}")}, built=("x/spec",))

FIVE = replace("様式の版: 平成30年5月", "様式の版: 平成30年5月（5情報）")
RULE = "ルールの内容及びルール遵守の確認方法:"
case(id="printed_label_of_the_5joho_revision", kind="judged-wrongly", defects=("F3",), status=0,
     files={SPEC: replace(RULE, "ルール内容及びルール遵守の確認方法:", FIVE)}, built=("x/spec",))
case(id="key_of_the_5joho_revision_is_valid", kind="judged-wrongly", defects=("F3",), status=0, files={SPEC: FIVE},
     built=("x/spec",))
HEADINGS = (("    特定個人情報の提供・移転:     # ５．特定個人情報の提供・移転（委託に伴うものを除く。）",
             "    特定個人情報の提供・移転（委託に伴うものを除く。）:"),
            ("    特定個人情報の入手:     # ２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
             "    特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）:"))
FULL = (Path(__file__).resolve().parents[1] / "scenarios" / "full_form_minimal" / "specs" / "x" / "spec.yaml").read_text(encoding="utf-8")
text = FULL
for old, new in HEADINGS:
    text = replace(old, new, text)
case(id="printed_headings_full_form", kind="judged-wrongly", defects=("F3",), status=0, files={SPEC: text},
     built=("x/spec",))
text = replace("      特定個人情報の提供・移転:   # ５．特定個人情報の提供・移転（委託に伴うものを除く。）",
               "      特定個人情報の提供・移転（委託に伴うものを除く。）:")
case(id="printed_headings_short_form", kind="judged-wrongly", defects=("F3",), status=0, files={SPEC: text},
     built=("x/spec",))


def never_fails_the_check(observed: Observed) -> None:
    """`pia amend` without --date: it may refuse (2, asking for the date, nothing written) or move
    公表日 and say so; either way the spec passes `pia check` afterwards."""
    if observed.status == 0:
        assert "公表日" in observed.stdout, observed.describe()
    else:
        assert observed.status == 2 and "--date" in observed.stderr, observed.describe()
        assert (observed.project / SPEC).read_bytes() == observed.before[SPEC]


case(id="amend_without_date", kind="judged-wrongly", defects=("F4",), command=("amend", AMEND_FILE), status=(0, 2),
     files={SPEC: WITH_ROW, AMEND_FILE: AMENDMENT}, writes=(SPEC,), then=(Then(("check",), 0),),
     check=never_fails_the_check)
case(id="amend_without_date_blank_table", kind="judged-wrongly", defects=("F4", "10"), command=("amend", AMEND_FILE),
     status=(0, 2), files={SPEC: CITED, AMEND_FILE: AMENDMENT}, writes=(SPEC,), then=(Then(("check",), 0),),
     check=never_fails_the_check)
case(id="amend_with_date_passes_the_check", kind="judged-wrongly", defects=("F4",), command=AMEND, status=0,
     files={SPEC: WITH_ROW, AMEND_FILE: AMENDMENT}, writes=(SPEC,), then=(Then(("check",), 0),),
     check=amended("公表日: 令和7年1月10日"))


def changes_never_fail_the_check(observed: Observed) -> None:
    if observed.status != 0:
        assert (observed.project / SPEC).read_bytes() == observed.before[SPEC]


case(id="changes_write_date_after_publication", kind="judged-wrongly", defects=("F4",), status=(0, 1, 2),
     command=("changes", "old.yaml", SPEC, "--date", "令和7年1月10日", "--write"), files={SPEC: NEW, "old.yaml": OLD},
     writes=(SPEC,), then=(Then(("check",), 0),), check=changes_never_fail_the_check)

case(id="valid_minimal_builds", kind="judged-wrongly", defects=("F3",), status=0, files={SPEC: BASE}, built=("x/spec",),
     then=(Then(("check",), 0), Then(("build",), 0)))
text = basis("{法令: 番号/利用}", storage("{共通記載: 標準/挨拶, 引数: {団体名: テスト市}}"))
case(id="valid_fragment_and_citation_build", kind="judged-wrongly", defects=("F1",), status=0,
     files={SPEC: text, FRAGMENT_FILE: FRAGMENTS, LAW_FILE: LAW}, built=("x/spec",),
     texts=("テスト市の措置", "番号法第9条第1項別表第一の31の項"))


# Every key of every form as its printed label: the blank spec `pia new` prints, with each key whose
# printed label (the comment, without numbering, ※ and notes) differs from it written as the label,
# must be judged exactly as the blank spec itself (the labels are accepted as the keys they print).
NOT_A_LABEL = ("を「- 」で", "ごとに「- 」", "の表題", "その他のリスク及び", "に伴うその他のリスク", "リスク：", "リスク１", "リスク２",
               "リスク３", "リスク４", "リスク５", "リスク６", "リスク７", "委託先による")
NUMBERING = re.compile(r"^(?:[①-⑳]|[０-９]+．|[Ⅰ-Ⅹ]+　|（別添[０-９0-9]?）　)")   # 様式2: （別添）
SKELETON_LINE = re.compile(r"^(\s*(?:- )?)([^#:\s][^:#]*?):(\s+)#\s*(.*)$")


def printed_label(comment: str) -> str:
    label = NUMBERING.sub("", comment)
    # after the label: its ※ and note, choices, the [BELIEF] mark and the 基礎項目評価書 part's notes
    return re.split(r"　(?:※|選択肢|チェック|和暦|【|\[BELIEF\]|任意:|空欄なら)", label)[0].strip().rstrip("※").strip()


def as_printed(skeleton: str) -> tuple[str, list[str]]:
    """The skeleton with every key written as its printed label; and those labels."""
    lines, labels = [], []
    for line in skeleton.split("\n"):
        match = SKELETON_LINE.match(line)
        if match:
            key, label = match.group(2), printed_label(match.group(4))
            qualified = "（" in key and label == key.split("（")[0]       # 具体的な管理方法（ユーザ認証の管理）
            if label != key and not qualified and not any(part in match.group(4) for part in NOT_A_LABEL):
                line = f"{match.group(1)}{label}:{match.group(3)}#{match.group(4)}"
                labels.append(label)
        lines.append(line)
    return "\n".join(lines), labels


def printed_keys(form: str, revision: str):
    def setup(project: Path) -> None:
        status, skeleton, err, _ = pia(project, ("new", "--form", form, "--revision", revision), environment(project.parent))
        assert status == 0, err
        printed, labels = as_printed(skeleton)
        assert labels, "no key of this form differs from its printed label: the case checks nothing"
        (project / "original.yaml").write_text(skeleton, encoding="utf-8")
        (project / SPEC).parent.mkdir(parents=True, exist_ok=True)
        (project / SPEC).write_text(printed, encoding="utf-8")
    return setup


def judged_as_the_original(observed: Observed) -> None:
    status, _, original, _ = pia(observed.project, ("check", "original.yaml"), environment(observed.folder))
    assert status == observed.status, observed.describe()

    def errors(stream: str, path: str) -> list[str]:
        return sorted(line.split(": ", 1)[1] for line in stream.splitlines() if line.startswith(path + ":") and " エラー: " in line)
    assert errors(observed.stderr, SPEC) == errors(original, "original.yaml"), observed.describe()


for form, revision in (("重点項目評価書", "平成30年5月"), ("重点項目評価書", "平成30年5月（5情報）"),
                       ("全項目評価書", "平成30年5月"), ("全項目評価書", "平成30年5月（5情報）")):
    code = ("form3" if form == "重点項目評価書" else "form4") + ("_5joho" if "5情報" in revision else "")
    case(id=f"printed_labels_as_keys_{code}", kind="judged-wrongly", defects=("F3",), command=("check", SPEC),
         status=1, files={}, setup=printed_keys(form, revision), check=judged_as_the_original)
