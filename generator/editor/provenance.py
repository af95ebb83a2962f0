"""Where a form's labels and values come from, for people: the Markdown list of every label no
published document prints, and where the 基礎 of a 重点/全項目 spec takes each value (docs/kiso.md
holds both between markers; tests/unit/test_docs_kiso.py keeps them equal). Both are the form model's
own (Form.reconstructed, Item.taken), so they cannot drift from pia new or the build."""
from __future__ import annotations

from ..forms import FORMS, Form
from ..forms.basic import typed_in
from ..forms.shape import Absent, Holds, shape

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


DERIVED_START = "<!-- derived:start (generated: PIA_UPDATE_DOCS=1 pytest tests/unit/test_docs_kiso.py) -->"
DERIVED_END = "<!-- derived:end -->"
_ACROSS = {"lines": "（システムごとに1行）", "weakest": "（ファイルが複数なら、最も後の選択肢の答え）",
           "every": "（すべてのファイルがそうであるときにチェック）", "any": "（いずれかのファイルがチェックした枠）"}
_HOW = {"level": "（同じ評価の段階を述べる選択肢）", "renamed": "（様式名を「基礎項目評価書」に）",
        "provision": "（どのファイルにも提供先・移転先がないとき）", "checked": "（常にチェック）"}


def derivations_markdown() -> str:
    """The 基礎 of a 重点/全項目 spec item by item: where a 様式3 and a 様式4 spec hold each value
    (the model's Taken), or 「基礎項目評価書: に書く」 (the part)."""
    basic = FORMS[("重点項目評価書", "平成30年5月")].basic
    sources = [FORMS[(name, "平成30年5月")] for name in ("重点項目評価書", "全項目評価書")]
    rows = [f"**{basic.title}（{basic.number}、{basic.revision}）を重点項目評価書・全項目評価書から作るとき**", "",
            "| 印字位置 | 重点項目評価書（様式3）の仕様ファイル | 全項目評価書（様式4）の仕様ファイル |", "|---|---|---|"]
    for visit in shape(basic).visit({}, Absent.BLANK):
        if visit.slot.holds is not Holds.MAPPING:
            cells = (" ／ ".join(visit.trail), *(_origin(form, visit) for form in sources))
            rows.append("| " + " | ".join(cell.replace("|", "｜") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


def _origin(form: Form, visit) -> str:
    taken, where = visit.item.taken, typed_in(form, (form.basic.name, *visit.path))
    if where and not taken.default:
        return f"{where}{_HOW.get(taken.how, '') or _ACROSS.get(taken.across, '')}"
    if where:
        return f"{where}。基礎項目評価書: に書けば、その記載"
    return "基礎項目評価書: に書く"
