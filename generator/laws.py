"""The law-citation catalogue (specs/laws/): citations as data, with their wording per period.

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

from .load import LoadedFile, load_yaml
from .wareki import parse

CITATION = "法令"


class Catalogue:
    """specs/laws/*.yaml, read lazily, one file at a time."""

    def __init__(self, root: Path):
        self.root = root
        self.files: dict[str, LoadedFile | None] = {}

    def wording(self, key: str, on: date | None) -> tuple[str | None, str]:
        """The wording of citation ``key`` in force on ``on``; or None and why not."""
        stem, _, entry = key.rpartition("/")
        definition = self._entries(stem).get(entry)
        if not isinstance(definition, dict):
            return None, f"法令「{key}」が specs/laws/ にありません"
        periods = [(parse(str(period.get("施行日") or "")), period.get("本文"))
                   for period in definition.get("文言") or [] if isinstance(period, dict)]
        in_force = [(start, text) for start, text in periods if start and (on is None or start <= on)]
        if not in_force:
            return None, f"法令「{key}」に公表日時点で効力のある文言がありません"
        return str(max(in_force, key=lambda period: period[0])[1]), ""

    def _entries(self, stem: str) -> dict[str, Any]:
        if stem not in self.files:
            path = self.root / f"{stem}.yaml"
            self.files[stem] = load_yaml(path)[0] if stem and ".." not in stem and path.is_file() else None
        loaded = self.files[stem]
        return loaded.plain if loaded is not None and isinstance(loaded.plain, dict) else {}
