"""The form models: one ``Form`` per 様式 and revision, looked up by the names a spec gives."""
from __future__ import annotations

from . import form2, form2_risks, form3, form3_risks, form4, form4_risks
from .dsl import annex, belief
from .items import BASIC, FILE_NAME, FILES, FOCUSED, FULL, Check, CheckLayout, Form, Item, Kind, Options
from .shared import しきい値判断, 変更箇所

# Further annexes a body appends after 変更箇所 (別添4/別添5 tables, 別紙): not in 項目一覧.
ATTACHMENTS = annex("", "添付資料", kind=Kind.ATTACHMENTS)


def _form2(revision: form2.Revision) -> Form:
    """様式2 基礎項目評価書: 様式3's cover (no 承認日), no 項目一覧, Ⅰ, Ⅱ, Ⅲ, Ⅳ, Ⅴ, （別添）変更箇所.
    No part is printed per file, and the しきい値判断 facts are printed (Ⅱ): no unprinted ones."""
    later = (form2_risks.リスク対策(), form2_risks.開示請求()) if revision.risks else ()
    return Form(
        name="基礎項目評価書", number="様式2", revision=revision.name, version_line=revision.version_line,
        version_confirmed=revision.version_confirmed, title=form2.TITLE, cover=form2.COVER, level=BASIC,
        listed=False, common=(form2.関連情報(revision),), per_file=(),
        closing=(form2.しきい値判断項目(), form2.しきい値判断結果(), *later,
                 変更箇所_基礎(), ATTACHMENTS),
    )


def 変更箇所_基礎() -> Item:
    """（別添）変更箇所: 様式3/4's columns; the annex's number is reconstructed (refresh.md §1.2)."""
    return belief(変更箇所("（別添）　"), "refresh.md §1.2 の再構成（列は様式3/4 と同じとみる）", whole=True)


def _form3(revision: form3.Revision, basic: Form) -> Form:
    """様式3 重点項目評価書: cover, Ⅰ, per file (Ⅱ, 別添１, Ⅲ), Ⅳ, Ⅴ, 別添２; ``basic``: the 基礎項目評価書
    built beside it from the same spec."""
    return Form(
        name="重点項目評価書", number="様式3", revision=revision.name, basic=basic,
        version_line=revision.version_line, since=revision.since, title=form3.TITLE, cover=form3.COVER,
        level=FOCUSED, threshold=しきい値判断(), common=(form3.基本情報(),),
        per_file=(form3.概要(revision), annex("（別添１）　", "特定個人情報ファイル記録項目"),
                  form3_risks.リスク対策(revision)),
        closing=(form3_risks.開示請求(), form3_risks.評価実施手続(),
                 変更箇所("（別添２）　"), ATTACHMENTS),
    )


def _form4(revision: form3.Revision, basic: Form) -> Form:
    """様式4 全項目評価書: cover, Ⅰ, 別添1, per file (Ⅱ, 別添2, Ⅲ), Ⅳ, Ⅴ, Ⅵ, 別添3; ``basic`` as for 様式3."""
    return Form(
        name="全項目評価書", number="様式4", revision=revision.name, basic=basic,
        version_line=revision.version_line, since=revision.since, title=form4.TITLE, cover=form4.COVER,
        level=FULL, threshold=しきい値判断(), common=(form4.基本情報(), form4.事務の内容()),
        per_file=(form4.概要(revision), annex("（別添２）　", "特定個人情報ファイル記録項目"),
                  form4_risks.リスク対策(revision)),
        closing=(form4_risks.その他のリスク対策(), form4_risks.開示請求(), form4_risks.評価実施手続(),
                 変更箇所("（別添３）　"), ATTACHMENTS),
    )


_BASIC = {revision.name: _form2(revision) for revision in form2.REVISIONS}
BASIC_REVISION = "平成30年5月"     # the 様式2 of the 基礎 a 重点/全項目 spec derives (the one with Ⅳ)

FORMS: dict[tuple[str, str], Form] = {
    **{("基礎項目評価書", name): form for name, form in _BASIC.items()},
    **{("重点項目評価書", revision.name): _form3(revision, _BASIC[BASIC_REVISION]) for revision in form3.REVISIONS},
    **{("全項目評価書", revision.name): _form4(revision, _BASIC[BASIC_REVISION]) for revision in form4.REVISIONS},
}


def form_names() -> list[str]:
    return sorted({name for name, _ in FORMS})


def revisions(name: str) -> list[str]:
    return [revision for form, revision in FORMS if form == name]


__all__ = ["FILES", "FILE_NAME", "FORMS", "Check", "CheckLayout", "Form", "Item", "Kind", "Options", "form_names", "revisions"]
