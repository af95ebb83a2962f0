"""The command line with wrong input: a Japanese message and a non-zero status, never an internal
error (status 3 is kept for bugs)."""
from __future__ import annotations

import pytest
from conftest import ROOT

from generator.__main__ import main

SPEC = str(ROOT / "specs" / "旭川市" / "国民年金に関する事務.yaml")


@pytest.mark.parametrize("arguments, status, message", [
    (["changes", "/nonexistent/old.yaml", SPEC], 1,
     "/nonexistent/old.yaml:1:1: エラー: ファイルを読み込めません: ファイルがありません"),
    (["changes", SPEC], 2, "エラー: 「pia changes OLD.yaml NEW.yaml」か「pia changes SPEC --from REV」で指定してください"),
    (["schema", "--write", "/proc/pia-no-such-folder"], 1, "エラー: /proc/pia-no-such-folder/"),
    (["amend", "/nonexistent/amendment.yaml"], 1, "/nonexistent/amendment.yaml:1:1: エラー: ファイルを読み込めません"),
    (["new", "--form", "全項目評価書", "--revision", "令和9年"], 2, "エラー: 様式の版「令和9年」はありません"),
])
def test_wrong_input_gets_a_message_and_a_status(capsys, arguments, status, message):
    assert main(arguments) == status
    stderr = capsys.readouterr().err
    assert stderr.startswith(message), stderr
    assert "内部エラー" not in stderr


def test_a_missing_specs_folder_is_an_error_not_an_empty_build(capsys, tmp_path):
    for command in (["build"], ["check"], ["diff", "--from", "HEAD"]):
        assert main([*command, "--specs-dir", str(tmp_path / "ない")]) == 2
        assert capsys.readouterr().err.startswith(f"エラー: 仕様フォルダ {(tmp_path / 'ない').as_posix()} がありません")


def test_an_output_folder_that_cannot_be_written_is_an_error(capsys, tmp_path):
    out = tmp_path / "out"
    out.write_text("a file, not a folder", encoding="utf-8")
    assert main(["build", "--specs-dir", str(ROOT / "specs"), "--out", str(out), "--jobs", "1"]) == 1
    assert "エラー: 出力フォルダに書き出せません: " in capsys.readouterr().err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]          # no staging folder left behind


@pytest.mark.parametrize("arguments", [["build", "--jobs", "0"], ["build", "--jobs", "-1"], ["bench", "--count", "0"]])
def test_counts_must_be_positive(capsys, arguments):
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    assert "1以上の整数を指定してください" in capsys.readouterr().err


def test_a_new_spec_is_on_the_newest_revision_unless_one_is_named(capsys):
    assert main(["new", "--form", "全項目評価書"]) == 0
    assert "様式の版: 平成30年5月（5情報）\n" in capsys.readouterr().out
    assert main(["new", "--form", "全項目評価書", "--revision", "平成30年5月"]) == 0
    assert "様式の版: 平成30年5月\n" in capsys.readouterr().out


def test_github_annotations_put_each_problem_on_its_line(capsys):
    """`pia check --format github`: the workflow command GitHub shows on the pull request's diff."""
    folder = ROOT / "tests" / "scenarios" / "bad_change_row" / "specs"
    assert main(["check", "--specs-dir", str(folder), "--format", "github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and all(line.startswith("::error file=") for line in out)
    assert "bad_change_row/specs/x/spec.yaml,line=167,col=11,title=pia::「提出時期」の値「事中」は選択肢にありません" in out[1]


def test_annotation_escapes_what_github_reads_as_syntax():
    from generator.errors import SpecError
    error = SpecError("specs/a,b:c.yaml", 3, 4, "100%\n二行目", warning=True)
    assert error.annotation() == "::warning file=specs/a%2Cb%3Ac.yaml,line=3,col=4,title=pia::100%25%0A二行目"


@pytest.mark.parametrize("arguments, message", [
    (["new", "--form", "計画管理書"],
     "pia new: エラー: 「--form」の値「計画管理書」は選択肢にありません（選択肢: 全項目評価書／基礎項目評価書／重点項目評価書）"),
    (["frobnicate"], "pia: エラー: 「frobnicate」というコマンドはありません"
                     "（コマンド: build／check／new／changes／diff／amend／bench／schema／import／init／serve）"),
    (["build", "--bogus"], "pia: エラー: この引数は使えません: --bogus"),
    (["diff"], "pia diff: エラー: 次の引数を指定してください: 「--from」"),
    (["changes"], "pia changes: エラー: 次の引数を指定してください: 「files」"),
    (["new", "--form"], "pia new: エラー: 「--form」の後に値を一つ指定してください"),
    (["build", "--pdf=1"], "pia build: エラー: 「--pdf」は値をとりません（「1」）"),
    (["amend", "a.yaml", "--d"], "pia amend: エラー: 「--d」では次のどれか決められません: 「--dry-run」、「--date」"),
    (["check", "--format", "json"], "pia check: エラー: 「--format」の値「json」は選択肢にありません（選択肢: text／github）"),
    (["bench", "--count", "x"], "pia bench: エラー: --count: 1以上の整数を指定してください: x"),
])
def test_argparse_speaks_japanese(capsys, arguments, message):
    """Issue 14 #33: every usage error, with the usage line, in Japanese; status 2."""
    with pytest.raises(SystemExit) as stopped:
        main(arguments)
    assert stopped.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("使い方: pia") and lines[-1] == message


def test_help_is_japanese(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["new", "--help"])
    assert stopped.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: pia new [-h]") and "\nオプション:\n  -h, --help            この説明を表示して終わる\n" in out


def test_an_unknown_argparse_message_is_shown_as_it_is():
    from generator.cli import japanese
    assert japanese("argument --x: invalid int value: '1.5'") == "「--x」の値「1.5」は整数ではありません"
    assert japanese("something new in Python 3.99") == "something new in Python 3.99"


@pytest.mark.parametrize("command", [["amend", "specs/amendments/2025-05-26-5情報.yaml"],
                                     ["changes", SPEC, SPEC, "--write"]])
@pytest.mark.parametrize("date", ["令和7年2月30日", "令和7年13月1日", "2025-12-01", ""])
def test_an_impossible_date_is_refused_before_anything_is_read(capsys, tmp_path, monkeypatch, command, date):
    """Issue 14 #25: --date is checked by the command line, so nothing is written."""
    monkeypatch.chdir(tmp_path)             # no specs/ here: a date that got through would fail otherwise
    with pytest.raises(SystemExit) as stopped:
        main([*command, "--date", date])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"pia {command[0]}: エラー: --date: 「{date}」は実在する和暦の日付ではありません（例: 令和7年12月1日）")


def test_changes_write_refuses_a_date_after_the_publication(capsys, tmp_path):
    """Rows dated after the new version's 公表日 would fail pia check: nothing is appended."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    text = (ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("事務の名称: テスト事務", "事務の名称: 試験事務"), encoding="utf-8")
    before = new.read_bytes()
    specs = ["--specs-dir", str(ROOT / "tests" / "scenarios" / "valid_minimal" / "specs")]
    assert main(["changes", str(old), str(new), "--date", "令和9年1月1日", "--write", *specs]) == 2
    assert capsys.readouterr().err == (f"エラー: 変更日「令和9年1月1日」が {new.as_posix()} の公表日（令和6年5月24日）より後です"
                                       "（追記すると pia check を通りません。公表日を改めてから追記してください）\n")
    assert new.read_bytes() == before
    assert main(["changes", str(old), str(new), "--date", "令和6年5月1日", "--write", *specs]) == 0
    assert "    変更日: 令和6年5月1日\n" in new.read_text(encoding="utf-8").replace("  - 変更日", "    変更日")
