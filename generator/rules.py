"""Step 4: cross-field rules over a validated spec, each a small function returning SpecErrors.

Sources: research/ppc-rules.md §2 and form3-inventory §6 (derived values and validation rules).
"""
from __future__ import annotations

from typing import Callable, Iterator

from .errors import SpecError
from .forms import Form
from .load import LoadedFile, position
from .schema import FILES

Rule = Callable[[LoadedFile, Form, dict], Iterator[SpecError]]
_CONSIGNMENT = ("特定個人情報ファイルの概要", "特定個人情報ファイルの取扱いの委託")


def no_consignment_items(spec: LoadedFile, form: Form, data: dict) -> Iterator[SpecError]:
    """II-4: 委託しない ⇒ no 委託事項 (the （ n ） 件 count would contradict the choice)."""
    for index, file in enumerate(data.get(FILES) or []):
        section = ((file.get(_CONSIGNMENT[0]) or {}).get(_CONSIGNMENT[1])) or {}
        if section.get("委託の有無") == "委託しない" and section.get("委託事項"):
            path = (FILES, index, *_CONSIGNMENT, "委託事項")
            line, column = position(spec.data, path)
            yield SpecError(spec.display, line, column, "「委託しない」なのに委託事項が記載されています",
                            item="委託事項", hint="委託の有無を「委託する」にするか、委託事項を削除してください")


def unique_file_names(spec: LoadedFile, form: Form, data: dict) -> Iterator[SpecError]:
    """Ⅰ３ lists each 特定個人情報ファイル once; two files of one name cannot be told apart."""
    seen: set[str] = set()
    for index, file in enumerate(data.get(FILES) or []):
        name = str(file.get("特定個人情報ファイル名"))
        if name in seen:
            line, column = position(spec.data, (FILES, index, "特定個人情報ファイル名"))
            yield SpecError(spec.display, line, column, f"特定個人情報ファイル名「{name}」が重複しています",
                            item="特定個人情報ファイル名")
        seen.add(name)


RULES: tuple[Rule, ...] = (no_consignment_items, unique_file_names)


def check_rules(spec: LoadedFile, form: Form, data: dict) -> list[SpecError]:
    return [error for rule in RULES for error in rule(spec, form, data)]
