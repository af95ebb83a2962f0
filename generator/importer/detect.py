"""Which form, in which revision, a document is: its title names the form (特定個人情報保護評価書
（重点項目評価書）), the label 「[平成30年５月　様式３]」 names the 様式 and revision, and the printed
wording only one revision has (5情報（氏名、氏名の振り仮名、性別、生年月日、住所）) names the revision.
What the document does not tell is refused, unless the options name it."""
from __future__ import annotations

from ..errors import SpecError
from ..forms import FORMS, Form, revisions
from .normal import fold
from .plan import Counts, visits


def detect(text: str, source: str, name: str | None = None, revision: str | None = None) -> Form | SpecError:
    """The form of the document whose text is ``text`` (``name``, ``revision``: the user's choice)."""
    folded = fold(text)
    name = name or _name(folded)
    if name is None:
        return SpecError(source, 0, 0, "様式を判別できません（表題「特定個人情報保護評価書（…評価書）」が見つかりません）",
                         hint="--form で様式を指定してください（" + "／".join(sorted({n for n, _ in FORMS})) + "）")
    if name not in {form for form, _ in FORMS}:
        return SpecError(source, 0, 0, f"様式「{name}」はありません", hint="様式: " + "／".join(sorted({n for n, _ in FORMS})))
    revision = revision or _revision(folded, name)
    if revision is None or (name, revision) not in FORMS:
        shown = f"「{revision}」はありません" if revision else "を判別できません"
        return SpecError(source, 0, 0, f"{name}の様式の版{shown}", hint="--revision で版を指定してください（"
                         + "／".join(revisions(name)) + "）")
    return FORMS[(name, revision)]


def _name(folded: str) -> str | None:
    """The form whose title is printed first, else whose 様式 number the version label names."""
    titles = sorted((folded.find(fold(form.title)), form.name) for form in FORMS.values() if fold(form.title) in folded)
    if titles:
        return titles[0][1]
    labels = [form.name for form in FORMS.values() if form.version_line and fold(form.version_line) in folded]
    return labels[0] if labels else None


def _revision(folded: str, name: str) -> str | None:
    """The revision with the most of its own wording printed; on a tie, the one whose version label
    is printed; None when nothing tells them apart."""
    names = revisions(name)
    if len(names) == 1:
        return names[0]
    own = _own_wording(name)
    scores = {revision: sum(text in folded for text in own[revision]) for revision in names}
    best = max(scores.values())
    leaders = [revision for revision in names if scores[revision] == best]
    if len(leaders) == 1 and best:
        return leaders[0]
    labelled = [revision for revision in leaders if FORMS[(name, revision)].version_line
                and fold(FORMS[(name, revision)].version_line) in folded]
    return labelled[0] if len(labelled) == 1 else None


def _own_wording(name: str) -> dict[str, set[str]]:
    """Per revision, the labels and box texts no other revision of the form prints."""
    printed = {revision: _printed(FORMS[(name, revision)]) for revision in revisions(name)}
    return {revision: texts - set().union(*(other for key, other in printed.items() if key != revision))
            for revision, texts in printed.items()}


def _printed(form: Form) -> set[str]:
    texts = set()
    for visit in visits(form, Counts()):
        item = visit.item
        texts.add(fold(item.printed_label))
        if item.checks is not None:
            texts |= {fold(check.text) for check in item.checks.checks}
    return {text for text in texts if len(text) >= 6}
