"""Where a form's labels come from, for people: the Markdown list of every label no published
document prints (docs/kiso.md holds it between markers; tests/unit/test_docs_kiso.py keeps the two
equal). The list is the form model's own (Form.reconstructed), so it cannot drift from pia new."""
from __future__ import annotations

from ..forms import FORMS, Form

START, END = "<!-- reconstructed:start (generated: PIA_UPDATE_DOCS=1 pytest tests/unit/test_docs_kiso.py) -->", \
    "<!-- reconstructed:end -->"


def reconstructed_markdown() -> str:
    """One table per form and revision with reconstructed labels, in printed order."""
    forms = [form for _, form in sorted(FORMS.items()) if form.reconstructed or not form.version_confirmed]
    return "\n\n".join(_table(form) for form in forms) + "\n"


def _table(form: Form) -> str:
    head = [f"**{form.title}（{form.number}、{form.revision}）**: 再構成 {len(form.reconstructed)} 項目"
            + ("" if form.version_confirmed else f"、版の表記「{form.version_line}」も再構成"), "",
            "| 印字位置 | 項目名 | 再構成したもの | 根拠 |", "|---|---|---|---|"]
    return "\n".join(head + [_row(above, item) for above, item in form.reconstructed])


def _row(above: tuple[str, ...], item) -> str:
    what = "・".join(word for word, doubtful in (("項目名", not item.confirmed),
                                                 ("選択肢", item.options is not None and not item.options.confirmed)) if doubtful)
    sources = [item.source] + ([item.options.source] if item.options and item.options.source != item.source else [])
    cells = (" ／ ".join(above) or "—", item.printed_label.replace("\n", " "), what, "。".join(filter(None, sources)))
    return "| " + " | ".join(cell.replace("|", "｜") for cell in cells) + " |"
