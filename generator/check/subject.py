"""A validated spec as the rules (rules.py, thresholds.py) see it: its keys visited once along the
form's shape, found by key or by role (a meaning the form model names, not a wording)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import SpecError
from ..forms import Form
from ..forms.shape import Visit, shape
from ..read.load import LoadedFile, position


@dataclass(frozen=True)
class Subject:
    spec: LoadedFile
    form: Form
    data: dict

    @cached_property
    def visits(self) -> tuple[Visit, ...]:
        return tuple(shape(self.form).visit(self.data))

    def find(self, key: str) -> Iterator[Visit]:
        """The visits of items keyed ``key``."""
        return (visit for visit in self.visits if visit.slot.key == key)

    def printed_items(self) -> Iterator[Visit]:
        """The visits of the document's own items: not a 変更箇所 row's cells, which quote old text."""
        found = shape(self.form)
        return (visit for visit in self.visits if not found.quoted(visit.path))

    def role(self, role: str) -> Iterator[Visit]:
        """The visits of items with ``role`` (forms/items.py: INCIDENT, HEARING …)."""
        return (visit for visit in self.visits if visit.item.role == role)

    def error(self, path: tuple, message: str, item: str = "", hint: str = "", warning: bool = False) -> SpecError:
        """A finding located at the value at ``path``."""
        return SpecError(*self.where(path), message, item=item, hint=hint, warning=warning)

    def where(self, path: tuple) -> tuple[str, int, int]:
        """The file, line and column of the value at ``path``."""
        return (self.spec.display, *position(self.spec.data, path))


def texts(value: Any) -> list[str]:
    """The non-blank strings inside a value (a mapping of risks, a list of parts …)."""
    if isinstance(value, dict):
        return [text for inner in value.values() for text in texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in texts(inner)]
    return [] if value is None or str(value).strip() == "" else [str(value)]
