"""The HTML as the public reads it (JIS X 8341-3:2016, WCAG 2.x AA): axe-core in real headless
Chromium finds no violation of any of its rules on any showcase document, and the markup the issue
asks for is there (no spacer ``th``, ``scope`` on every header cell, one ``main``, every form table
labelled by its part).

axe-core comes from npm: .ci/run installs the version pinned in .ci/node/package.json (and its lock
file) into .ci/node/node_modules; set AXE_CORE to another axe.min.js to try it. It is injected into
every page through the DevTools protocol (tests/browser.py), and one Chromium audits every document.
Every rule axe has is run, best-practice and AAA included; the experimental ones are run and printed
but do not fail the test (they are heuristics axe itself does not yet stand by). Without Chromium or
axe-core the browser test is skipped, except in CI (CI set), where it fails.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from browser import Browser
from conftest import ROOT
from lxml import html
from showcase import derived

from generator.build import SPECS, discover, stem
from generator.forms.basic import SUFFIX
from generator.pdf import chromium

AXE = Path(os.environ.get("AXE_CORE") or ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js")
SHOWCASE = sorted(stem(path, ROOT / SPECS) for path in discover(ROOT / SPECS))
SHOWCASE += derived(SHOWCASE)                  # and the 基礎 beside each 重点/全項目 (issue 16)
EVERY_RULE = "{rules: Object.fromEntries(axe.getRules().map(rule => [rule.ruleId, {enabled: true}]))}"
AUDIT = f"""axe.run(document, {EVERY_RULE}).then(result => ({{
  version: axe.version,
  violations: result.violations.map(rule => ({{id: rule.id, tags: rule.tags, help: rule.help,
    nodes: rule.nodes.map(node => node.target.join(" "))}})),
  passes: result.passes.length}}))"""


@pytest.fixture(scope="module")
def browser():
    """One Chromium for every audit, with axe-core injected into each page it opens."""
    binary = chromium()
    missing = "Chromium" if binary is None else f"axe-core ({AXE}: npm ci --prefix .ci/node)" if not AXE.is_file() else ""
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} is missing (CI is set: .ci/run installs it, so the audit must run)")
        pytest.skip(f"{missing} is missing")
    with Browser(binary, timeout=120) as opened:
        opened.call("Page.enable", opened.session)
        opened.call("Page.addScriptToEvaluateOnNewDocument", opened.session, source=AXE.read_text(encoding="utf-8"))
        yield opened


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory) -> dict[str, Path]:
    """Each showcase document's HTML as a file (axe audits a page as it is opened from disk)."""
    folder = tmp_path_factory.mktemp("a11y")
    pages = {name: entry["html"] for name, entry in built.items()}
    pages.update({name + SUFFIX: entry["basic"]["html"] for name, entry in built.items() if "basic" in entry})
    for name, page in pages.items():
        (folder / f"{name}.html").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.html").write_bytes(page)
    return {name: folder / f"{name}.html" for name in pages}


@pytest.mark.parametrize("name", SHOWCASE)
def test_axe_core_finds_no_violation_of_any_rule(browser, pages, name):
    browser.navigate(pages[name].resolve().as_uri())
    result = browser.evaluate(AUDIT)
    failing = [rule for rule in result["violations"] if "experimental" not in rule["tags"]]
    trial = {rule["id"]: len(rule["nodes"]) for rule in result["violations"] if rule not in failing}
    counts = {rule["id"]: len(rule["nodes"]) for rule in failing}
    print(f"{name}: axe-core {result['version']}: {sum(counts.values())} violations {counts}, "
          f"{result['passes']} rules passed; experimental rules' findings (not failing): {trial or 'none'}")
    assert not failing, "\n".join(f"{rule['id']}: {len(rule['nodes'])} ({rule['help']}), e.g. {rule['nodes'][:3]}"
                                  for rule in failing)


def _entry(built, name: str) -> dict:
    """The built document ``name``: a spec's own, or the 基礎 it derives (<事務>.基礎項目評価書)."""
    own = name.removesuffix(SUFFIX)
    return built[own]["basic"] if own != name else built[name]


@pytest.mark.parametrize("name", SHOWCASE)
def test_header_cells_have_scope_and_text_and_the_page_one_main(built, name):
    page = html.fromstring(_entry(built, name)["html"])
    cells = page.xpath("//th")
    assert cells and all(cell.get("scope") in ("row", "col") for cell in cells)
    assert not [cell for cell in cells if not cell.text_content().strip()], "a spacer cell is a td"
    main = page.xpath("//main")
    assert len(main) == 1 and not page.xpath("//body/*[not(self::main)]")


@pytest.mark.parametrize("name", SHOWCASE)
def test_each_table_of_a_part_is_labelled_by_the_part(built, name):
    """Form, 変更箇所 and annex tables: labelled by the part's heading (and the file it is of, in a
    document of several files), as the document model titles the part."""
    page, document = html.fromstring(_entry(built, name)["html"]), _entry(built, name)["document"]
    tables = page.xpath("//section[starts-with(@id, 'part-')]//table[not(@role='presentation')]")
    assert len(tables) >= sum(part.kind in ("table", "changes") for part in document.parts)
    for table in tables:
        section = table.xpath("ancestor::section[1]")[0]
        part = document.parts[int(section.get("id").removeprefix("part-")) - 1]
        label = " ".join(page.get_element_by_id(id).text_content() for id in table.get("aria-labelledby").split())
        assert label == " ".join(filter(None, (part.title + (f"　{part.note}" if part.note else ""), part.subtitle)))


def test_the_audit_can_fail(browser, tmp_path):
    """The check itself sees a violation: a page with an empty header cell and no main."""
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html lang="ja"><head><title>t</title></head><body><h1>t</h1>'
                    "<table><tr><th></th><td>a</td></tr></table></body></html>", encoding="utf-8")
    browser.navigate(page.resolve().as_uri())
    found = {rule["id"] for rule in browser.evaluate(AUDIT)["violations"]}
    assert {"empty-table-header", "landmark-one-main", "region"} <= found, json.dumps(sorted(found))
