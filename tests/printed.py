"""The labels a document must print, in order, computed from the form model alone (not from the
document model), so the renderers are checked against the form."""
from __future__ import annotations

from generator.forms import FILES, Form, Item, Kind


def printed_labels(form: Form, data: dict) -> list[str]:
    labels: list[str] = [form.title]
    for item in form.cover:
        labels.append(item.printed_label)
    for item in form.common:
        labels += _labels(item, data)
    files = data.get(FILES) or []
    for item in form.per_file:
        if item.kind is not Kind.PART:          # a per-file annex prints its heading once
            labels.append(item.printed_label)
            continue
        for file in files:
            labels += _labels(item, file)
    for item in form.closing:
        labels += _labels(item, data)
    return labels


def _labels(item: Item, mapping: dict) -> list[str]:
    if item.kind is Kind.ATTACHMENTS:   # each attachment prints its own 見出し instead
        return [str(entry["見出し"]) for entry in mapping.get(item.key) or []]
    inner = mapping.get(item.key) if item.nests else mapping
    labels = [item.printed_label] if item.kind is not Kind.GROUP else []
    if item.kind is Kind.GROUP:
        return _group_labels(item, mapping.get(item.key) or [{}])
    for child in item.header_checks:
        labels += [check.text for check in child.checks.checks]
    for child in item.children:
        labels += _labels(child, inner or {})
    return labels


def _group_labels(item: Item, entries: list[dict]) -> list[str]:
    """Entries 1…n, and each range header of the form (「移転先2～5」) above its range's entries."""
    heads = {first: f"{item.key}{first}～{last}" for first, last in item.ranges}
    labels: list[str] = []
    for number in range(1, max([len(entries), *heads]) + 1):
        labels += [heads[number]] if number in heads else []
        if number <= len(entries):
            labels.append(f"{item.key}{number}")
            for child in item.children:
                labels += _labels(child, entries[number - 1])
    return labels
