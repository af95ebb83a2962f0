"""The draft as YAML, written as ``pia new`` writes a spec (the ``$schema`` modeline, 様式 and 様式の版
first, every key of the form) with ruamel.yaml round-trip data, so comments sit on their items: a
value that needs a person carries ``# 要確認: <why>``, a text close to a standard fragment names it.
Text with line breaks is written as a literal block (``|-``), as staff write it."""
from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from ..forms import Form

CHECK = "要確認"


def dump(data: dict, form: Form, comments: dict[tuple, str], header: list[str]) -> str:
    """The YAML text of ``data``; ``comments`` by spec path, ``header`` the opening comment lines."""
    top = CommentedMap([("様式", form.name), ("様式の版", form.revision)])
    converted = _convert(data, (), comments, 0)
    for name, value in converted.items():
        top[name] = value
    _comment(converted, top)
    stream = io.StringIO()
    _yaml().dump(top, stream)
    return "".join(f"# {line}\n" if line else "\n" for line in header) + stream.getvalue()


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096                   # never re-wrap long Japanese lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _convert(value: Any, path: tuple, comments: dict[tuple, str], indent: int) -> Any:
    if isinstance(value, dict):
        mapping = CommentedMap()
        for name, inner in value.items():
            mapping[name] = _convert(inner, path + (name,), comments, indent + 2)
            if path + (name,) in comments:
                _note(mapping, name, comments[path + (name,)], indent)
        return mapping
    if isinstance(value, list):
        return CommentedSeq(_entry(inner, path + (index,), comments, indent + 2) for index, inner in enumerate(value))
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value)
    return value


def _entry(value: Any, path: tuple, comments: dict[tuple, str], indent: int) -> Any:
    """A list entry; a comment on a whole entry (a 変更箇所 row) goes on its first key."""
    converted = _convert(value, path, comments, indent)
    if path in comments and isinstance(converted, CommentedMap) and converted:
        converted.yaml_add_eol_comment(one_line(comments[path]), next(iter(converted)))
    return converted


def _note(mapping: CommentedMap, name: str, text: str, indent: int) -> None:
    """``# text`` after a short value, on the line before a block (a literal, a list, a mapping);
    after the first key of a list entry always (a line before it would split 「- 」 from its key)."""
    value, text = mapping[name], one_line(text)
    if isinstance(value, (LiteralScalarString, CommentedMap, CommentedSeq)) and len(mapping) > 1:
        mapping.yaml_set_comment_before_after_key(name, before=text, indent=indent)
    else:
        mapping.yaml_add_eol_comment(text, name)


def _comment(converted: CommentedMap, top: CommentedMap) -> None:
    """Comments made on the converted top mapping, carried onto the one written."""
    for name, tokens in converted.ca.items.items():
        top.ca.items[name] = tokens


def one_line(text: str, limit: int = 160) -> str:
    """A comment on one line (a line break in it would end the comment), not too long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def modeline(schema: str | None) -> list[str]:
    return [f"yaml-language-server: $schema={schema}"] if schema else []
