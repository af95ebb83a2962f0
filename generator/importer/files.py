"""What each 特定個人情報ファイル prints outside its items: its name (Ⅱ １．特定個人情報ファイル名, a
derived row) and its block of the per-file annex (（別添１） 記録項目: one title, then per file a
subtitle 「（n）name」 and a box when the document has several files)."""
from __future__ import annotations

import re

from ..forms import FILE_NAME, FILES
from .locate import Located
from .normal import fold, key
from .plan import HEADING, VALUE
from .reading import Draft, value_text
from .values import read_text

_SUBTITLE = re.compile(r"^\((\d+)\)")


def read_files(draft: Draft) -> None:
    """Each file's name, and its block of every per-file annex."""
    located = draft.located
    for number in range(located.counts.files):
        name = _name(located, number)
        draft.put((FILES, number, FILE_NAME), read_text(name), found=name is not None)
    for index, anchor in enumerate(located.anchors):
        if anchor.kind == VALUE and len(anchor.path) == 3 and anchor.path[0] == FILES:
            text = _annex_block(located, index, anchor.path[1])
            draft.put(anchor.path, read_text(text), found=text is not None)


def _name(located: Located, number: int) -> str | None:
    """The value printed under the first 特定個人情報ファイル名 after the file's Ⅱ title."""
    heading = next((index for index, anchor in enumerate(located.anchors)
                    if anchor.kind == HEADING and anchor.path[:2] == (FILES, number)), None)
    start = located.matches.get(heading) if heading is not None else None
    if start is None:
        return None
    found = next((field for field in located.fields[start + 1:start + 4] if field.key == key(FILE_NAME)), None)
    return value_text(located, found) if found is not None else None


def _annex_block(located: Located, index: int, number: int) -> str | None:
    """The box of file ``number`` under the annex title (found for whichever file it matched)."""
    anchor = located.anchors[index]
    same = [other for other, candidate in enumerate(located.anchors)
            if candidate.kind == VALUE and candidate.path[0] == FILES and candidate.path[2:] == anchor.path[2:]]
    title = next((located.field(other) for other in same if other in located.matches), None)
    if title is None:
        return None
    if located.counts.files == 1:
        return value_text(located, title)
    rows = located.sheet.rows[title.row + 1:located.next_label(title.row)]
    block = _block(rows, number)
    if not located.sheet.structured:
        return "\n".join("\n".join(row.cells) for row in block) or None
    return block[0].cells[0] if block else None


def _block(rows, number: int) -> tuple:
    """The rows after the subtitle 「（number+1）…」, up to the next subtitle."""
    starts = [at for at, row in enumerate(rows) if row.cells and _SUBTITLE.match(fold(row.cells[0]))]
    own = [at for at in starts if int(_SUBTITLE.match(fold(rows[at].cells[0])).group(1)) == number + 1]
    if not own:
        return ()
    end = next((at for at in starts if at > own[0]), len(rows))
    return tuple(rows[own[0] + 1:end])
