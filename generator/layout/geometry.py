"""Page and table geometry of the printed forms (A4, mm): the one source of the column widths the
Word template is built with (tools/make_docx_template.py) and the HTML page lays out by."""
from __future__ import annotations

FONT = "ＭＳ 明朝"
SHADE = "D9D9D9"
PAGE_MARGIN_MM = 12
FORM_WIDTHS = (30, 26, 70, 60)          # label | sub-label | value | ＜選択肢＞  (186 mm)
CHANGE_WIDTHS = (22, 34, 46, 46, 14, 24)   # the 変更箇所 columns, in the form's order


def percentages(widths: tuple[float, ...]) -> tuple[int, ...]:
    """Whole percentages of the table width that add up to 100 (largest remainders round up), for
    the HTML page's column widths."""
    total = sum(widths)
    exact = [100 * width / total for width in widths]
    whole = [int(share) for share in exact]
    for index in sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])[:100 - sum(whole)]:
        whole[index] += 1
    return tuple(whole)
