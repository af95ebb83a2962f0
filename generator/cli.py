"""The command line of ``pia``: its commands, arguments and help texts (Japanese, for the people who
run it). __main__ carries the commands out and reports; nothing here reads a spec."""
from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from . import __version__
from .build import OUT, SPECS
from .forms import form_names
from .wareki import parse


class Parser(argparse.ArgumentParser):
    """argparse speaking Japanese, as every other message of pia does: its errors, the usage
    line and the headings (exit status 2, as argparse's). Subcommands get the same class."""

    def __init__(self, *arguments, add_help: bool = True, **options) -> None:
        super().__init__(*arguments, add_help=False, formatter_class=_Formatter, **options)
        self._positionals.title, self._optionals.title = "引数", "オプション"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="この説明を表示して終わる")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: エラー: {japanese(message)}\n")


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, "使い方: " if prefix is None else prefix)


_ARGUMENT = r"argument (?P<name>.+?): "
_MESSAGES = (   # argparse's messages (Python 3.10–3.13), the first that matches; else shown as it is
    (r"argument command: invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
     "「{value}」というコマンドはありません（コマンド: {choices}）"),
    (_ARGUMENT + r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)",
     "「{name}」の値「{value}」は選択肢にありません（選択肢: {choices}）"),
    (_ARGUMENT + r"invalid int value: (?P<value>.+)", "「{name}」の値「{value}」は整数ではありません"),
    (_ARGUMENT + r"invalid \S+ value: (?P<value>.+)", "「{name}」の値「{value}」は正しくありません"),
    (_ARGUMENT + r"expected one argument", "「{name}」の後に値を一つ指定してください"),
    (_ARGUMENT + r"expected at most one argument", "「{name}」の値は一つまでです"),
    (_ARGUMENT + r"expected at least one argument", "「{name}」の後に値を一つ以上指定してください"),
    (_ARGUMENT + r"expected (?P<count>\d+) arguments?", "「{name}」の後に値を{count}個指定してください"),
    (_ARGUMENT + r"ignored explicit argument (?P<value>.+)", "「{name}」は値をとりません（「{value}」）"),
    (_ARGUMENT + r"not allowed with argument (?P<other>.+)", "「{name}」と「{other}」は一緒に指定できません"),
    (r"the following arguments are required: (?P<names>.+)", "次の引数を指定してください: {names}"),
    (r"one of the arguments (?P<names>.+) is required", "次のどれかを指定してください: {names}"),
    (r"unrecognized arguments: (?P<words>.+)", "この引数は使えません: {words}"),
    (r"ambiguous option: (?P<name>\S+?)(=.*)? could match (?P<names>.+)", "「{name}」では次のどれか決められません: {names}"),
    (_ARGUMENT + r"(?P<message>.+)", "{name}: {message}"),      # ours (ArgumentTypeError): Japanese already
)


def japanese(message: str) -> str:
    """argparse's English ``message`` in Japanese (argparse has no Japanese catalogue)."""
    for pattern, text in _MESSAGES:
        found = re.fullmatch(pattern, message, re.DOTALL)
        if found:
            return text.format(**{key: _shown(key, value) for key, value in found.groupdict().items()})
    return message


def _shown(key: str, value: str) -> str:
    """A part of argparse's message as ours write it: values unquoted, our list separators."""
    if key == "choices":
        return "／".join(map(_unquote, _split(value)))
    if key == "names":
        return "、".join(f"「{name}」" for name in _split(value))
    return _unquote(value) if key == "value" else value


def _split(names: str) -> list[str]:
    return [name for name in re.split(r",\s*|\s+", names) if name]


def _unquote(text: str) -> str:
    """A value as the user typed it (argparse shows its repr: '基礎項目評価書')."""
    try:
        return ast.literal_eval(text) if text[:1] in "'\"" and text else text
    except (ValueError, SyntaxError):
        return text


def parser(run: dict[str, Callable]) -> argparse.ArgumentParser:
    """The command line; ``run`` maps each command to the function that carries it out (__main__)."""
    top = Parser(prog="pia", description="特定個人情報保護評価書を仕様ファイルから生成します")
    top.add_argument("--version", action="version", version=f"pia {__version__}", help="版を表示して終わる")
    commands = top.add_subparsers(dest="command")
    for name, help_text in (("build", "評価書を out/ に生成する（DOCX と HTML）"),
                            ("check", "仕様ファイルを検査する（何も書き出さない）")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("specs", nargs="*", type=Path, help="仕様ファイル（省略時は specs/ のすべて）")
        command.add_argument("--specs-dir", type=Path, default=SPECS, help="仕様フォルダ（既定: specs）")
        command.add_argument("--format", choices=("text", "github"), default="text",
                             help="github: 問題を GitHub Actions の注釈としても出力する（プルリクエストの該当行に表示）")
        command.set_defaults(run=run[name])
    commands.choices["build"].add_argument("--out", type=Path, default=OUT, help="出力フォルダ（既定: out）")
    commands.choices["build"].add_argument("--jobs", type=positive, default=None, help="並列数（既定: CPU コア数）")
    commands.choices["build"].add_argument("--pdf", action="store_true",
                                           help="公表用の PDF も作る（LibreOffice が必要）と1ページ目の PNG")
    new = commands.add_parser("new", help="空の仕様ファイルを出力する（全項目を空欄で）")
    new.add_argument("--form", default="重点項目評価書", choices=form_names(), help="様式（既定: 重点項目評価書）")
    new.add_argument("--revision", help="様式の版（既定: 最新の版。例: 平成30年5月（5情報））")
    new.set_defaults(run=run["new"])
    changes = commands.add_parser("changes", help="二つの版を比べ、変更箇所の行の候補を出力する")
    changes.add_argument("files", nargs="+", type=Path, help="SPEC（--from と）、または OLD.yaml NEW.yaml")
    changes.add_argument("--from", dest="old_rev", help="比較元の git リビジョン")
    changes.add_argument("--to", dest="new_rev", help="比較先の git リビジョン（省略時は作業中のファイル）")
    changes.add_argument("--date", type=wareki_date, help="変更日（省略時は新しい版の公表日）")
    changes.add_argument("--write", action="store_true", help="行を新しい版の変更箇所に追記する")
    changes.add_argument("--specs-dir", type=Path, default=SPECS)
    changes.set_defaults(run=run["changes"])
    diff = commands.add_parser("diff", help="評価書の記載の差分を項目ごとに出力する（レビュー用）")
    diff.add_argument("specs", nargs="*", type=Path)
    diff.add_argument("--from", dest="old_rev", required=True, help="比較元の git リビジョン")
    diff.add_argument("--to", dest="new_rev", help="比較先の git リビジョン（省略時は作業中のファイル）")
    diff.add_argument("--specs-dir", type=Path, default=SPECS)
    diff.set_defaults(run=run["diff"])
    amend_command = commands.add_parser("amend", help="法改正・様式改訂（specs/amendments/）を仕様ファイルに適用する")
    amend_command.add_argument("amendment", type=Path, help="改正ファイル、または標準の改正の名前（例: 2025-05-26-5情報）")
    amend_command.add_argument("specs", nargs="*", type=Path, help="仕様ファイル（省略時は specs/ のすべて）")
    amend_command.add_argument("--dry-run", action="store_true", help="何も書き換えず、差分を表示する")
    amend_command.add_argument("--date", type=wareki_date,
                               help="変更箇所の変更日、公表日がこれより前なら新しい公表日（省略時は改正の施行日）")
    amend_command.add_argument("--specs-dir", type=Path, default=SPECS)
    amend_command.set_defaults(run=run["amend"])
    bench = commands.add_parser("bench", help="合成した仕様ファイルで生成の速さを、一件の pia check の速さとともに測る")
    bench.add_argument("--count", type=positive, default=1000, help="合成する仕様ファイルの数（既定: 1000）")
    bench.add_argument("--jobs", type=positive, default=None, help="並列数（既定: CPU コア数）")
    bench.add_argument("--runs", type=positive, default=15, help="一件の pia check を測る回数（既定: 15、中央値を表示）")
    bench.add_argument("--check-only", action="store_true", help="一件の pia check の時間だけを測る（生成は測らない）")
    bench.set_defaults(run=run["bench"])
    schema = commands.add_parser("schema", help="エディタ用の JSON Schema を出力する")
    schema.add_argument("--write", type=Path, metavar="DIR", help="全様式のスキーマを DIR に書き出す（例: schemas）")
    schema.set_defaults(run=run["schema"])
    init = commands.add_parser("init", help="団体の仕様リポジトリを作る（specs/、エディタ設定、CI、pre-commit）")
    init.add_argument("folder", nargs="?", type=Path, default=Path("."), help="作るフォルダ（既定: 今のフォルダ）")
    init.add_argument("--団体", dest="organisation", required=True, metavar="団体名",
                      help="団体名（例: ○○市）。specs/<団体名>/ を作る")
    init.set_defaults(run=run["init"])
    serve = commands.add_parser("serve", help="評価書をブラウザでプレビューする（保存すると読み込み直す）")
    serve.add_argument("specs", nargs="*", type=Path, help="仕様ファイル（省略時は specs/ のすべて）")
    serve.add_argument("--specs-dir", type=Path, default=SPECS, help="仕様フォルダ（既定: specs）")
    serve.add_argument("--host", type=loopback, default="127.0.0.1",
                       help="待ち受けるアドレス（127.0.0.1 だけ。他の機械からは見えない）")
    serve.add_argument("--port", type=port, default=8000, help="ポート番号（既定: 8000。0 なら空いている番号）")
    serve.set_defaults(run=run["serve"])
    return top


def positive(text: str) -> int:
    """A count of at least 1 (argparse reports the message)."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"1以上の整数を指定してください: {text}")
    return int(text)


def loopback(text: str) -> str:
    """127.0.0.1 (or localhost): the preview shows specs that may not be published yet."""
    if text not in ("127.0.0.1", "localhost"):
        raise argparse.ArgumentTypeError(f"「{text}」では公開しません。プレビューは 127.0.0.1 だけで待ち受けます")
    return "127.0.0.1"


def port(text: str) -> int:
    """A TCP port, 0 for one the system picks."""
    if not text.isascii() or not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"0から65535までの整数を指定してください: {text}")
    return int(text)


def wareki_date(text: str) -> str:
    """A real 和暦 date, kept as written (it is written into specs as given); checked before any
    spec is read, so an impossible one (令和7年2月30日) never reaches a file."""
    if parse(text) is None:
        raise argparse.ArgumentTypeError(f"「{text}」は実在する和暦の日付ではありません（例: 令和7年12月1日）")
    return text
