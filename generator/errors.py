"""Errors as values: every problem found in a spec, with where it is and what to do.

Each pipeline step returns ``SpecError``s instead of raising; ``__main__`` prints them all, sorted,
in one place. Messages are Japanese because the people who fix specs read Japanese.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class SpecError:
    """One problem in one spec file, at 1-based ``line`` and ``column`` (0 when unknown)."""

    path: str
    line: int
    column: int
    message: str
    item: str = ""
    hint: str = ""
    warning: bool = False

    def format(self) -> str:
        """``file:line:col: エラー: message（hint）``, the shape editors and CI link to."""
        level = "警告" if self.warning else "エラー"
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return _one_line(f"{where}: {level}: {self.text}")

    @property
    def text(self) -> str:
        """The message with its item and hint, without the location."""
        item = f"「{self.item}」" if self.item and self.item not in self.message else ""
        hint = f"（{self.hint}）" if self.hint else ""
        return f"{item}{self.message}{hint}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command: shown on the line of the pull request."""
        level = "warning" if self.warning else "error"
        where = f"file={_escape(self.path, True)}" + (f",line={self.line},col={self.column}" if self.line else "")
        return f"::{level} {where},title=pia::{_escape(self.text, False)}"

    # Factories: one per kind of problem, so wording lives in one place.

    @classmethod
    def yaml_syntax(cls, path: str, line: int, column: int, problem: str) -> SpecError:
        return cls(path, line, column, f"YAMLの書式に誤りがあります: {problem}",
                   hint="インデントや引用符、コロンの後の空白を確認してください")

    @classmethod
    def unreadable(cls, path: str, reason: str) -> SpecError:
        return cls(path, 1, 1, f"ファイルを読み込めません: {reason}")

    @classmethod
    def unknown_key(cls, path: str, line: int, column: int, key: str, suggestion: str | None,
                    within: str = "様式") -> SpecError:
        hint = f"もしかして「{suggestion}」" if suggestion else f"{within}にない項目です"
        return cls(path, line, column, f"「{key}」という項目は{within}にありません", item=key, hint=hint)

    @classmethod
    def not_a_date(cls, path: str, line: int, column: int, key: str, value: object,
                   example: str = "令和6年5月24日") -> SpecError:
        return cls(path, line, column, f"{key}「{value}」は実在する和暦の日付ではありません", item=key, hint=f"例: {example}")

    @classmethod
    def missing(cls, path: str, line: int, column: int, item: str) -> SpecError:
        return cls(path, line, column, f"「{item}」を記載してください", item=item)

    @classmethod
    def not_an_option(cls, path: str, line: int, column: int, item: str, value: str,
                      options: tuple[str, ...], suggestion: str | None) -> SpecError:
        hint = "選択肢: " + "／".join(options)
        if suggestion:
            hint += f"。もしかして「{suggestion}」"
        return cls(path, line, column, f"「{item}」の値「{value}」は選択肢にありません", item=item, hint=hint)

    @classmethod
    def wrong_type(cls, path: str, line: int, column: int, item: str, expected: str) -> SpecError:
        return cls(path, line, column, f"「{item}」には{expected}を記載してください", item=item)

    @classmethod
    def fragment(cls, path: str, line: int, column: int, message: str, hint: str = "") -> SpecError:
        return cls(path, line, column, message, item="共通記載", hint=hint)


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the user typed it: relative to ``root`` (the working folder) when inside it."""
    absolute, folder = Path(os.path.abspath(path)), Path(os.path.abspath(root or Path.cwd()))
    try:                    # lexical: a symlink is shown as named, and a symlink loop cannot break it
        return absolute.relative_to(folder).as_posix()
    except ValueError:
        return path.as_posix()


def _escape(text: str, property_value: bool) -> str:
    """GitHub's escaping of workflow command data (and of property values, which also escape : and ,)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


class GitError(Exception):
    """A git command failed (unknown revision, not a repository …): history/versions.py raises it,
    __main__ reports it; here so that __main__ knows it without importing the history commands."""


def sorted_errors(errors) -> list[SpecError]:
    """Errors first, then warnings; each by file and line; each once (a broken fragment file is
    found by every process that reads it)."""
    return sorted(set(errors), key=lambda e: (e.warning, e.path, e.line, e.column, e.message))


_BREAKS = {ord("\n"): "\\n", ord("\r"): "\\r"} | {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]
                                                   if code not in (0x09, 0x0A, 0x0D)}


def _one_line(text: str) -> str:
    """A message on one line: a value quoted in it (a 対象人数 holding a line break and
    ``::error …``) must not start a line of its own, which a CI runner would read as a command."""
    return text.translate(_BREAKS)
