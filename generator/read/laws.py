"""The law-citation catalogue (specs/laws/, then the standard library's): citations as data, with their wording per period.

A spec cites by key (``{法令: 番号法/国民年金_別表}``) and prints the wording in force on its
公表日, so an amendment of the law is one new period in the catalogue, not an edit of every spec::

    国民年金_別表:
      説明: 番号法 第9条第1項 別表（国民年金法による年金である給付の支給等に関する事務）
      文言:
        - 施行日: 平成27年10月5日
          本文: …別表第一の31の項
        - 施行日: 令和6年5月27日
          本文: …別表第46項
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ..errors import SpecError
from ..wareki import parse
from .files import is_relative_name
from .shelf import FileCheck, Shelf
from .text import shorten

CITATION = "法令"


class Catalogue:
    """specs/laws/*.yaml, then the standard library's (shelf.py), read lazily, one file at a time;
    each file is checked when first read (by ``check``, which the pipeline gives:
    check/datafiles.py) and its problems join ``errors`` (the fragment library's, reported with the
    specs')."""

    def __init__(self, root: Path, errors: list[SpecError] | None = None, check: FileCheck | None = None,
                 standard: Path | None = None):
        self.errors = errors if errors is not None else []
        self.shelf = Shelf((root, standard) if standard is not None else (root,), self.errors, check, "法令")

    def wording(self, key: str, on: date | None) -> tuple[Any, str]:
        """The wording of citation ``key`` in force on ``on`` (a text, or its lines); or None and
        why not."""
        stem, _, entry = key.rpartition("/")
        if not is_relative_name(stem):
            return None, f"法令の名前「{shorten(key)}」が不正です（specs/laws/ の「ファイル名/項目名」で指定してください）"
        found = self.shelf.entry(stem, entry)
        definition = found[0] if found else None
        if stem in self.shelf.broken and definition is None:
            return None, f"法令「{key}」の法令ファイル specs/laws/{stem}.yaml に誤りがあります"
        if not isinstance(definition, dict):
            return None, f"法令「{key}」が specs/laws/ にありません"
        periods = [(parse(str(period.get("施行日") or "")), period.get("本文"))
                   for period in definition.get("文言") or [] if isinstance(period, dict)]
        in_force = [(start, text) for start, text in periods if start and (on is None or start <= on)]
        if not in_force:
            return None, f"法令「{key}」に公表日時点で効力のある文言がありません"
        return max(in_force, key=lambda period: period[0])[1], ""

    def read_all(self) -> None:
        """Read (and so check) every catalogue file, cited or not."""
        self.shelf.read_all()
