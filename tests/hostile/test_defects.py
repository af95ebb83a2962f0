"""The defect corpus of issue 14 (cases.py): every case runs one ``pia`` command in a child process
(harness.py: 20 s wall clock, 1 GiB of address space) and must end exactly as the case says.

Cases are independent, so they run side by side (conftest.py starts every selected case when the
session's first hostile test starts); each test here waits for its own.
"""
from __future__ import annotations

import re
import zipfile

import pytest
from cases import CASES, CLASSES
from harness import ALWAYS_FORBIDDEN, JAPANESE, Observed, leftovers
from lxml import etree
from lxml import html as lxml_html

from generator.forms.basic import SUFFIX

BY_ID = {case.id: case for case in CASES}
MESSAGE = re.compile(r"^\S.*?:\d+:\d+: (?:エラー|警告): .*[\u3040-\u30ff\u4e00-\u9fff]")
COUNT = re.compile(r"^\d+件のエラー、\d+件の警告$")


def test_the_corpus_covers_every_defect_and_is_large_enough():
    covered = {defect for case in CASES for defect in case.defects}
    assert covered >= {str(n) for n in range(1, 35)} | {"F1", "F2", "F3", "F4"}
    assert len(CASES) >= 100 and len(BY_ID) == len(CASES)
    assert {case.kind for case in CASES} <= set(CLASSES)


@pytest.mark.parametrize("case_id", [case.id for case in CASES])
def test_case(case_id, results):
    observed: Observed = results[case_id].result()
    case = observed.case
    shown = observed.describe()
    expected = case.status if isinstance(case.status, tuple) else (case.status,)
    assert observed.status is not None, f"did not finish within {case.wall:.0f} s\n{shown}"
    assert observed.status in expected, shown
    for pattern in ALWAYS_FORBIDDEN + case.forbid:
        for stream in (observed.stdout, observed.stderr):
            found = re.search(pattern, stream, re.M)
            assert found is None, f"forbidden {found.group(0)!r}\n{shown}"
    for pattern in case.stderr:
        assert re.search(pattern, observed.stderr, re.M), f"stderr lacks /{pattern}/\n{shown}"
    for pattern in case.stdout:
        assert re.search(pattern, observed.stdout, re.M), f"stdout lacks /{pattern}/\n{shown}"
    if observed.status != 0:
        assert JAPANESE.search(observed.stderr + observed.stdout), f"no Japanese message\n{shown}"
    if case.located_only:
        for line in observed.stderr.splitlines():
            assert MESSAGE.match(line) or COUNT.match(line), f"not a located message: {line!r}\n{shown}"
    assert not leftovers(observed), f"left behind: {leftovers(observed)}\n{shown}"
    _outputs(observed, shown)
    _inputs(observed, shown)
    if case.secret is not None:
        _nowhere(observed, case.secret, shown)
    for then, status, out, err in observed.followups:
        assert status == then.status, f"then `pia {' '.join(then.command)}`: {status}\n{out}\n{err}\n{shown}"
        for pattern in then.stderr:
            assert re.search(pattern, err, re.M), f"then: stderr lacks /{pattern}/\n{err}"
    if case.check is not None:
        case.check(observed)


def _outputs(observed: Observed, shown: str) -> None:
    """out/ holds exactly the built documents (and the build record); each is well formed. A case
    whose outputs depend on which of its allowed outcomes happens (built=None) checks them itself."""
    if observed.case.built is None:
        return
    out = observed.project / "out"
    present = sorted(path.relative_to(out).as_posix() for path in out.rglob("*")
                     if path.is_file() and path.name != ".pia-cache.json") if out.is_dir() else []
    # a 重点/全項目 spec's 基礎項目評価書 is written beside its document (issue 16)
    wanted = sorted(f"{stem}{kind}.{suffix}" for stem in observed.case.built for kind in ("", SUFFIX)
                    for suffix in ("docx", "html"))
    assert present == wanted, f"out/ holds {present}, expected {wanted}\n{shown}"
    for stem in observed.case.built:
        docx_text = well_formed_docx(out / f"{stem}.docx")
        page = (out / f"{stem}.html").read_text(encoding="utf-8")
        page_text = lxml_html.fromstring(page).text_content()
        for text in observed.case.texts:
            assert text in docx_text, f"{stem}.docx lacks {text!r}"
            assert text in page_text, f"{stem}.html lacks {text!r}"
            if "<" in text:
                assert text not in page, f"{stem}.html holds {text!r} unescaped"


def well_formed_docx(path) -> str:
    """Every XML part of the DOCX parses, python-docx opens it; its paragraphs' and cells' text."""
    import docx
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))         # raises on a part that is not well formed
    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _inputs(observed: Observed, shown: str) -> None:
    """Every project file stays as it was, except those the case lets the command write."""
    from harness import snapshot
    after = snapshot(observed.project)
    for name, content in observed.before.items():
        if name in observed.case.writes:
            continue
        assert after.get(name) == content, f"{name} was changed or removed\n{shown}"


def _nowhere(observed: Observed, secret: str, shown: str) -> None:
    assert secret not in observed.stdout and secret not in observed.stderr, f"{secret!r} was printed\n{shown}"
    out = observed.project / "out"
    for path in out.rglob("*") if out.is_dir() else []:
        if path.is_file():
            data = path.read_bytes()
            assert secret.encode() not in data, f"{secret!r} is in {path.name}"
            if path.suffix == ".docx":
                with zipfile.ZipFile(path) as archive:
                    assert not any(secret.encode() in archive.read(n) for n in archive.namelist()), path.name


def test_the_spec_format_says_to_quote_a_bare_dash():
    """Finding 2: `備考: -` is a YAML list entry; docs/spec-format.md tells staff to write `"-"`."""
    from harness import ROOT
    text = (ROOT / "docs" / "spec-format.md").read_text(encoding="utf-8")
    assert re.search(r"""["'`]"-"["'`]|`'-'`""", text), "docs/spec-format.md does not say to quote a bare dash"
