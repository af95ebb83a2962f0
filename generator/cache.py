"""Incremental builds: a document is rebuilt only when one of its inputs changed.

Inputs: the spec's bytes, the fragment entries it used (each hashed on its own, so changing one
entry rebuilds exactly the specs that use it), the templates, and the generator itself (form models
and code). The record lives in out/.pia-cache.json, beside the outputs it describes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__
from .read.files import Refused, read_file
from .read.load import load_yaml
from .resources import template_folders
from .write import write_atomic

CACHE = ".pia-cache.json"
GENERATOR = Path(__file__).resolve().parent


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


@cache
def base_fingerprint(formats: tuple[str, ...]) -> str:
    """The generator's code and form models, the templates, the output formats."""
    parts = [__version__.encode(), ",".join(formats).encode()]
    parts += [path.read_bytes() for path in sorted(GENERATOR.rglob("*.py"))]
    parts += [path.read_bytes() for root in template_folders() for path in sorted(root.rglob("*")) if path.is_file()]
    return digest(b"\0".join(parts))


def fragment_fingerprints(folders: tuple[Path, ...]) -> dict[str, str]:
    """``file/entry`` → hash of that entry's definition, for every fragment file; and
    ``法令:file/entry`` for the law catalogue beside the fragments (specs/laws). ``folders``: the
    project's fragments first, then the standard library's; the first defining an entry wins."""
    prints: dict[str, str] = {}
    for folder in reversed(folders):
        prints |= {**_entry_prints(folder, ""), **_entry_prints(folder.parent / "laws", "法令:")}
    return prints


def _entry_prints(folder: Path, prefix: str) -> dict[str, str]:
    prints: dict[str, str] = {}
    for path in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
        loaded, _ = load_yaml(path, within=folder)       # a broken file is reported where it is read
        stem = path.relative_to(folder).with_suffix("").as_posix()
        entries = loaded.plain if loaded is not None and isinstance(loaded.plain, dict) else {}
        for name, definition in entries.items():
            text = json.dumps(_canonical(definition), ensure_ascii=False, sort_keys=True)
            prints[f"{prefix}{stem}/{name}"] = digest(text.encode("utf-8", "surrogatepass"))
    return prints


def _canonical(value: Any) -> Any:
    """Data as JSON can hash it: every key a string (a fragment entry may hold a date as a key),
    every other value its text."""
    if isinstance(value, dict):
        return {str(key): _canonical(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_canonical(inner) for inner in value]
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


@dataclass
class Record:
    """What a spec's last successful build was made from."""

    spec: str
    base: str
    fragments: dict[str, str]
    outputs: list[str]
    organisation: str = ""
    number: str = ""


@dataclass
class BuildCache:
    path: Path
    records: dict[str, Record] = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> BuildCache:
        """The record of the last build; none (a full rebuild) when the file is missing, unreadable
        or of any shape but the one ``save`` writes (it is a file in out/, anyone can edit it)."""
        path = out / CACHE
        try:
            raw = json.loads(read_file(path, limit=64_000_000).decode("utf-8"))   # a FIFO or device: refused
            if not isinstance(raw, dict):
                raise ValueError("not a mapping of records")
            return cls(path, {name: _record(record) for name, record in raw.items()})
        except (Refused, OSError, ValueError, RecursionError):
            return cls(path)

    def save(self) -> None:
        data = {name: record.__dict__ for name, record in sorted(self.records.items())}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def stale_reason(self, name: str, spec_hash: str, base: str, fragments: dict[str, str],
                     out: Path) -> str | None:
        """Why the spec must be rebuilt, or None when its outputs are up to date."""
        record = self.records.get(name)
        if record is None:
            return "新規"
        if record.spec != spec_hash:
            return "仕様ファイルの変更"
        if record.base != base:
            return "生成系（様式・テンプレート）の変更"
        changed = sorted(key for key, value in record.fragments.items() if fragments.get(key) != value)
        if changed:
            return "共通記載「" + "」「".join(changed) + "」の変更"
        if not all((out / output).is_file() for output in record.outputs):
            return "出力ファイルがない"
        return None


_FIELDS = {"spec": str, "base": str, "fragments": dict, "outputs": list, "organisation": str, "number": str}
_REQUIRED = {"spec", "base", "fragments", "outputs"}


def _record(raw: object) -> Record:
    """A record as ``save`` writes it, its fields of their types; else ValueError."""
    if not isinstance(raw, dict) or not _REQUIRED <= raw.keys() <= _FIELDS.keys():
        raise ValueError("not a record")
    if not all(isinstance(raw[key], _FIELDS[key]) for key in raw):
        raise ValueError("a field of the wrong type")
    if not all(isinstance(key, str) and isinstance(value, str) for key, value in raw["fragments"].items()):
        raise ValueError("a fragment print that is not text")
    if not all(isinstance(output, str) and _inside_out(output) for output in raw["outputs"]):
        raise ValueError("an output that is not a file in out/")
    return Record(**raw)


def _inside_out(output: str) -> bool:
    """A record names files under out/ only (it checks they exist; never anything elsewhere)."""
    return bool(output) and not Path(output).is_absolute() and ".." not in Path(output).parts


def used_fingerprints(used: frozenset[str] | set[str], fragments: dict[str, str]) -> dict[str, Any]:
    return {key: fragments.get(key, "") for key in sorted(used)}


def files_version(folders: tuple[Path, ...]) -> tuple:
    """Names, sizes and modification times of the fragment and law files: a worker reads them
    afresh when this changes (the fragment library is kept per process)."""
    roots = [root for folder in folders for root in (folder, folder.parent / "laws") if root.is_dir()]
    return tuple((path.as_posix(), *_stamp(path)) for root in roots for path in sorted(root.rglob("*.yaml")))


def _stamp(path: Path) -> tuple[int, int]:
    """Size and modification time; a dangling link or a link loop has none (it is refused when read)."""
    try:
        found = path.stat()
    except (OSError, RuntimeError):
        return (-1, -1)
    return (found.st_size, found.st_mtime_ns)
