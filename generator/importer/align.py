"""Which printed label stands where: the longest common subsequence of the plan's labels and the
labels found in the document (Hunt–Szymanski: a longest increasing subsequence over the matching
pairs). Labels that repeat (リスクへの対策は十分か, 法令上の根拠 …) are placed by the unique ones
around them — part and section headings, group titles — so a label lost to OCR, or one the plan
lacks, shifts nothing else.
"""
from __future__ import annotations

from bisect import bisect_left


def align(planned: list[str], found: list[str]) -> dict[int, int]:
    """The pairs (index in ``planned`` → index in ``found``) of a longest common subsequence."""
    where: dict[str, list[int]] = {}
    for index, label in enumerate(found):
        where.setdefault(label, []).append(index)
    pairs = [(i, j) for i, label in enumerate(planned) for j in reversed(where.get(label, ()))]
    return dict(_increasing(pairs))


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A longest chain of ``pairs`` increasing in both indices (for each planned index the found
    indices come in descending order, so one planned label takes at most one found label)."""
    tails: list[int] = []          # the smallest found index ending a chain of each length
    ends: list[int] = []           # the pair ending it
    before: list[int] = []         # for each pair, the pair before it in its chain (-1: none)
    for number, (_, found) in enumerate(pairs):
        length = bisect_left(tails, found)
        if length == len(tails):
            tails.append(found)
            ends.append(number)
        else:
            tails[length], ends[length] = found, number
        before.append(ends[length - 1] if length else -1)
    chain, at = [], ends[-1] if ends else -1
    while at >= 0:
        chain.append(pairs[at])
        at = before[at]
    return chain[::-1]
