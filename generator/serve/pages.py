"""The pages of `pia serve` besides the documents themselves: the list of specs, and a spec's
problems at their lines. Every text from a spec or a file name is escaped: it is data.

Each page carries the reload script: an EventSource that reloads the page when the server says a
file was saved after the page was made (``count``, see watch.py).
"""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..errors import SpecError

EXCERPTS = 100          # errors shown with their lines; a hostile spec may have 20,000 (all are listed)
CONTEXT = 2             # lines shown before and after the one at fault

_STYLE = """body { font-family: "IPAexGothic", "Noto Sans CJK JP", sans-serif; margin: 2em auto; max-width: 60em; }
ol.problems li { margin: 0 0 .3em; } .error { color: #a00; } .warning { color: #850; }
pre { background: #f6f6f6; border: 1px solid #ccc; padding: .5em; overflow-x: auto; }
.number { color: #888; user-select: none; } .at { background: #fdd; display: inline-block; width: 100%; }
mark { background: #f99; }"""


def reload_script(count: int) -> str:
    return (f'<script>new EventSource("/events?since={count}").onmessage = '
            "function () { location.reload(); };</script>")


def with_reload(document: bytes, count: int) -> bytes:
    """The rendered document as `pia build` writes it, the reload script before ``</body>``."""
    head, body_end, tail = document.rpartition(b"</body>")
    script = reload_script(count).encode("utf-8")
    return head + script + body_end + tail if body_end else document + script


def href(stem: str) -> str:
    """The address of a spec's page: its path under the specs folder, as the build's output."""
    return "/" + quote(f"{stem}.html")


def index(stems: list[str], specs: str, count: int) -> bytes:
    items = "".join(f'<li><a href="{href(stem)}">{escape(stem)}</a></li>' for stem in stems)
    listing = f"<ul>{items}</ul>" if stems else f"<p>{escape(specs)} に仕様ファイルがありません。</p>"
    return _page("pia serve", f"<h1>仕様ファイル（{len(stems)}件）</h1>{listing}"
                 "<p>仕様ファイル・共通記載・テンプレートを保存すると、開いているページが読み込み直されます。</p>", count)


def problems(source: str, errors: list[SpecError], lines: dict[str, list[str]], count: int) -> bytes:
    """Every problem of a spec as ``file:line:col: エラー: …``, then the first ``EXCERPTS`` with the
    lines they are at (``lines``: each file's text by its shown path, when it could be read)."""
    failed = sum(not error.warning for error in errors)
    summary = (f"<h1>{escape(source)}</h1><p>エラー {failed}件、警告 {len(errors) - failed}件。"
               "直して保存すると、このページは読み込み直されます。</p>")
    listed = "".join(f'<li class="{_level(error)}"><a href="#p{number}">{escape(error.format())}</a></li>'
                     for number, error in enumerate(errors, 1))
    shown = [(number, error) for number, error in enumerate(errors, 1) if error.line and error.path in lines]
    excerpts = "".join(_excerpt(number, error, lines[error.path]) for number, error in shown[:EXCERPTS])
    rest = f"<p>ほか{len(shown) - EXCERPTS}件の行は省略しました。</p>" if len(shown) > EXCERPTS else ""
    return _page(f"エラー: {source}", f'{summary}<ol class="problems">{listed}</ol>{excerpts}{rest}', count)


def _excerpt(number: int, error: SpecError, lines: list[str]) -> str:
    """The line at fault with ``CONTEXT`` lines around it, numbered; from its column on marked."""
    first, last = max(1, error.line - CONTEXT), min(len(lines), error.line + CONTEXT)
    rows = []
    for line in range(first, last + 1):
        text = lines[line - 1]
        if line == error.line:
            cut = max(0, min(error.column - 1, len(text)))
            shown = f'<span class="at">{escape(text[:cut])}<mark>{escape(text[cut:]) or " "}</mark></span>'
        else:
            shown = escape(text)
        rows.append(f'<span class="number">{line:>5} </span>{shown}')
    return (f'<section id="p{number}"><h2 class="{_level(error)}">{escape(error.format())}</h2>'
            f'<pre>{chr(10).join(rows)}</pre></section>')


def _level(error: SpecError) -> str:
    return "warning" if error.warning else "error"


def _page(title: str, body: str, count: int) -> bytes:
    return (f'<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n'
            f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n{reload_script(count)}\n</body>\n</html>\n"
            ).encode()
