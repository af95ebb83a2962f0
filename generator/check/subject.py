"""A validated spec as the rules (rules.py, thresholds.py, basic.py) see it: its keys visited once
along the form's shape, found by key or by role (a meaning the form model names, not a wording).

The 基礎 of a 重点/全項目 spec is a subject of its own (``basic``): its 様式2 data, located in the
spec where each value is typed (Basic.origin), with the level of the documents built beside it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from ..errors import SpecError
from ..forms import Form
from ..forms.basic import Basic, basic
from ..forms.shape import Visit, shape
from ..read.load import LoadedFile, position


@dataclass(frozen=True)
class Subject:
    spec: LoadedFile
    form: Form
    data: dict
    built: int | None = None                          # the level of the documents built for the 事務
    origin: Callable[[tuple], tuple] | None = None    # a path of ``data`` → where the spec holds it

    @cached_property
    def visits(self) -> tuple[Visit, ...]:
        """Every key, but those of the 基礎項目評価書 part: the 基礎's own subject checks them."""
        return tuple(visit for visit in shape(self.form).visit(self.data) if not visit.slot.basic)

    @property
    def level(self) -> int:
        """The assessment the 事務 gets: this document's, or the 重点/全項目 beside a derived 基礎."""
        return self.form.level if self.built is None else self.built

    @cached_property
    def derived(self) -> Basic | None:
        """The 基礎 of a 重点/全項目 spec (forms/basic.py); None for 様式2."""
        return basic(self.form, self.data)

    @cached_property
    def basic(self) -> Subject | None:
        """The derived 基礎 as a subject of the rules, located in this spec."""
        found = self.derived
        return found and Subject(self.spec, found.form, found.data, found.level, found.origin)

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
        return (self.spec.display, *position(self.spec.data, self.origin(path) if self.origin else path))


def texts(value: Any) -> list[str]:
    """The non-blank strings inside a value (a mapping of risks, a list of parts …)."""
    if isinstance(value, dict):
        return [text for inner in value.values() for text in texts(inner)]
    if isinstance(value, list):
        return [text for inner in value for text in texts(inner)]
    return [] if value is None or str(value).strip() == "" else [str(value)]
