"""The one check of every text that reaches a document (spec values, fragment 引数 and bodies, law
本文): characters XML 1.0 forbids (control characters, U+FFFE, U+FFFF) and lone surrogates would
make a Word file that Word cannot open, or an encoding error; they are refused, located."""
from __future__ import annotations

import re

# XML 1.0 Char excludes C0 controls but tab and line feed (YAML turns CR into LF), U+FFFE/U+FFFF
# and the surrogates; DEL is allowed by XML but never meant in a spec. C1 (U+0085 NEL …) is text.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> str | None:
    """Why ``text`` cannot be printed, or None."""
    found = FORBIDDEN.search(text)
    if found is None:
        return None
    code = ord(found.group(0))
    kind = "サロゲート文字" if 0xD800 <= code <= 0xDFFF else "文書に使えない文字" if code >= 0xFFFE else "制御文字"
    return f"{kind}（U+{code:04X}）が含まれています"


HINT = "見えない文字を削除してください"


def shorten(text: str, limit: int = 60) -> str:
    """A name as a message quotes it: a 5,000-character 共通記載 name is cut, not printed whole."""
    return text if len(text) <= limit else text[:limit] + "…"
