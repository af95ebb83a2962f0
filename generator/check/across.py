"""Checks across specs, once every spec is read: each 評価書番号 once per 評価実施機関, and no two
specs written to the same documents."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import SpecError, display_path
from ..read.load import load_yaml, position


@dataclass(frozen=True)
class Identity:
    """Who published a document under which 評価書番号 (for the cross-spec check)."""

    source: str
    organisation: str
    number: str


def duplicate_numbers(identities: list[Identity]) -> list[SpecError]:
    """評価書番号 is unique among the documents of one 評価実施機関 (it is the 計画管理書's number)."""
    seen: dict[tuple[str, str], Identity] = {}
    errors = []
    for identity in identities:
        key = (identity.organisation, identity.number)
        if key in seen:
            loaded, _ = load_yaml(Path(identity.source))     # read again only for the position
            line, column = position(loaded.data, ("評価書番号",)) if loaded else (1, 1)
            errors.append(SpecError(identity.source, line, column,
                                    f"評価書番号「{identity.number}」は {seen[key].source} と重複しています",
                                    item="評価書番号", hint=f"{identity.organisation}の評価書番号は評価書ごとに異なります"))
        seen.setdefault(key, identity)
    return errors


def collisions(paths: list[Path], outputs: Callable[[Path], tuple[str, ...]]) -> list[SpecError]:
    """Two specs that would be written to the same documents (x.yaml in two folders outside
    specs/; x.基礎項目評価書.yaml beside x.yaml, whose 基礎 goes there): an error naming both, on each."""
    seen: dict[str, list[Path]] = {}
    for path in paths:
        for name in outputs(path):
            seen.setdefault(name, []).append(path)
    clashes: dict[tuple[Path, ...], str] = {}       # each group of specs once, by the first name they share
    for name, group in seen.items():
        if len(group) > 1:
            clashes.setdefault(tuple(group), name)
    return [SpecError(display_path(path), 0, 0, f"出力先 {name}.docx / .html が "
                      + "、".join(display_path(other) for other in group) + " で重複しています",
                      hint="specs/ の下のフォルダに置くと、フォルダ名で区別されます")
            for group, name in clashes.items() for path in group]
