"""The editor support, tested against the real YAML language server (yaml-language-server, what
VS Code's YAML extension runs), driven over stdio LSP with this repository's .vscode/settings.json.

The server comes from npm: .ci/run installs the version pinned in .ci/node/package.json (and its
lock file) into .ci/node/node_modules; set YAML_LANGUAGE_SERVER to the server's bin script (or an
executable) to try another one. Without Node or the server the tests are skipped, except in CI
(CI set), where they fail.

Each file's diagnostic count is printed at the end of the module (figures for a closing note).
"""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from lspclient import LanguageServer, ServerError

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
DATA_FOLDERS = ("fragments", "laws", "amendments")        # specs/ folders that hold no spec
PACKAGE = ROOT / ".ci" / "node"
INSTALLED = PACKAGE / "node_modules" / "yaml-language-server"
TIMEOUT = 60.0                                            # any one answer; a stuck server fails

SHOWCASE = sorted(path for path in SPECS.glob("*/*.yaml") if path.parent.name not in DATA_FOLDERS)
DATA_FILES = sorted(path for folder in DATA_FOLDERS for path in (SPECS / folder).rglob("*.yaml"))
FIGURES: dict[str, str] = {}                              # file → what the server said of it


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: .ci/run installs it, so the editor tests must run)")
    pytest.skip(reason)


def _command() -> list[str]:
    given = os.environ.get("YAML_LANGUAGE_SERVER")
    script = Path(given) if given else INSTALLED / "bin" / "yaml-language-server"
    if not script.is_file():
        _unavailable(f"{script} is missing: npm ci --prefix .ci/node (or set YAML_LANGUAGE_SERVER)")
    if os.access(script, os.X_OK) and not script.read_bytes().startswith(b"#!/usr/bin/env node"):
        return [str(script), "--stdio"]
    node = shutil.which("node")
    if node is None:
        _unavailable("Node.js is not installed (node is not on PATH)")
    return [node, str(script), "--stdio"]


def _version(command: list[str]) -> str:
    for parent in Path(command[-2]).resolve().parents:
        manifest = parent / "package.json"
        if manifest.is_file() and json.loads(manifest.read_text(encoding="utf-8")).get("name") == "yaml-language-server":
            return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    return "unknown"


def vscode_settings(root: Path) -> dict:
    """.vscode/settings.json as VS Code hands it to a server that asks for a section: the dotted
    keys nested ("yaml.schemas" → {"yaml": {"schemas": …}}), over the YAML extension's defaults;
    schema paths made absolute against the workspace folder. The schema store is off: the test
    must not depend on the network, and no file here should need it."""
    flat = json.loads((root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    settings: dict = {"yaml": {"validate": True, "hover": True, "completion": True, "format": {"enable": True},
                               "schemaStore": {"enable": False}}}
    for key, value in flat.items():
        if key.startswith("["):
            settings[key] = value
            continue
        *sections, name = key.split(".")
        place = settings
        for section in sections:
            place = place.setdefault(section, {})
        place[name] = value
    schemas = settings["yaml"].get("schemas", {})
    settings["yaml"]["schemas"] = {(key if re.match(r"^[a-z][a-z0-9+.-]+:", key) else (root / key).resolve().as_uri()):
                                   value for key, value in schemas.items()}
    return settings


@pytest.fixture(scope="module")
def server():
    command = _command()
    FIGURES["(server)"] = f"yaml-language-server {_version(command)}: {' '.join(command)}"
    with LanguageServer(command, ROOT, timeout=TIMEOUT) as running:
        try:
            running.initialize(vscode_settings(ROOT))
        except ServerError as error:
            pytest.fail(f"yaml-language-server did not start: {error}\n" + "\n".join(running.log[-20:]))
        yield running


class _Figures:
    """Prints FIGURES in pytest's closing summary, whatever the capture mode."""

    @staticmethod
    def pytest_terminal_summary(terminalreporter):
        if FIGURES:
            terminalreporter.write_sep("-", "yaml-language-server figures")
            for name, figure in FIGURES.items():
                terminalreporter.write_line(f"{name}: {figure}")


@pytest.fixture(scope="module", autouse=True)
def _print_figures(request):
    if not request.config.pluginmanager.has_plugin("editor-figures"):
        request.config.pluginmanager.register(_Figures(), "editor-figures")


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


@pytest.fixture(scope="module")
def diagnostics(server) -> dict[Path, list[dict]]:
    """Every showcase spec and data file opened as it is on disk, and what the server says."""
    for path in SHOWCASE + DATA_FILES:
        server.open(_uri(path), path.read_text(encoding="utf-8"))
    found = {path: server.diagnostics(_uri(path)) for path in SHOWCASE + DATA_FILES}
    for path, problems in found.items():
        FIGURES[path.relative_to(ROOT).as_posix()] = (f"{len(problems)} diagnostics"
                                                     + "".join(f"\n    {_describe(p)}" for p in problems[:3]))
    return found


def _describe(diagnostic: dict) -> str:
    start = diagnostic["range"]["start"]
    message = " ".join(diagnostic["message"].split())
    return f"{start['line'] + 1}:{start['character'] + 1} {message[:200]}"


def _probe(server, near: Path, text: str, name: str) -> str:
    """A document that is not on disk, in ``near``'s folder (so the same settings and modeline
    apply), opened with ``text``; its URI."""
    uri = _uri(near.with_name(f"{near.stem}.{name}.yaml"))
    server.open(uri, text)
    return uri


def _line_of(lines: list[str], pattern: str) -> int:
    for number, line in enumerate(lines):
        if re.match(pattern, line):
            return number
    raise AssertionError(f"no line matches {pattern!r}")


@pytest.mark.parametrize("path", SHOWCASE + DATA_FILES, ids=lambda p: p.relative_to(SPECS).as_posix())
def test_no_diagnostics(diagnostics, path):
    problems = diagnostics[path]
    assert not problems, f"{path.relative_to(ROOT)}: " + "; ".join(_describe(p) for p in problems)


def test_every_kind_of_file_is_checked():
    assert SHOWCASE and all((SPECS / folder).is_dir() for folder in DATA_FOLDERS)
    assert all(any(path.parent.name == folder for path in DATA_FILES) for folder in DATA_FOLDERS)


@pytest.mark.parametrize("path", SHOWCASE, ids=lambda p: p.relative_to(SPECS).as_posix())
def test_hover_shows_the_printed_label(server, diagnostics, path):
    lines = path.read_text(encoding="utf-8").splitlines()
    number = _line_of(lines, r"^\s+事務の名称:")
    text = server.hover(_uri(path), number, lines[number].index("事務の名称") + 2)
    FIGURES[f"{path.relative_to(ROOT).as_posix()} hover 事務の名称"] = repr(text[:80])
    assert "①事務の名称" in text


def test_completion_offers_a_deleted_key(server):
    path = SPECS / "いわき市" / "国民年金事務.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = _line_of(lines, r"^\s+事務の名称:")
    indent = re.match(r"^\s*", lines[number]).group(0)
    lines[number] = indent
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-deleted-key")
    labels = [item["label"] for item in server.completion(uri, number, len(indent))]
    FIGURES["completion where 事務の名称 was"] = f"{len(labels)} items: {labels[:6]}"
    assert "事務の名称" in labels
    assert "事務の内容" not in labels, "a key already present is offered again"


def test_completion_offers_the_choice_texts(server):
    path = SPECS / "いわき市" / "国民年金事務.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    number = _line_of(lines, r"^\s+リスクへの対策は十分か: \S")
    lines[number] = lines[number][:lines[number].index(":") + 2]
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-choice")
    labels = [item["label"] for item in server.completion(uri, number, len(lines[number]))]
    FIGURES["completion on リスクへの対策は十分か:"] = f"{labels}"
    assert {"特に力を入れている", "十分である", "課題が残されている"} <= set(labels)


def test_completion_in_the_basic_part_offers_only_what_the_basic_prints_itself(server):
    """A 重点 spec's 基礎項目評価書 part (issue 16): its own items and the defaults it may replace; not
    what the 基礎 takes from the document (評価実施機関名, リスク対策's answers)."""
    path = SPECS / "いわき市" / "国民年金事務.yaml"
    lines = path.read_text(encoding="utf-8").splitlines() + ["基礎項目評価書:", "  "]
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-basic-part")
    labels = [item["label"] for item in server.completion(uri, len(lines) - 1, 2)]
    FIGURES["completion in 基礎項目評価書:"] = f"{labels}"
    assert {"公表日", "評価書名", "関連情報", "しきい値判断項目", "リスク対策", "変更箇所"} <= set(labels)
    assert "評価実施機関名" not in labels and "開示請求、問合せ" not in labels
    lines[-1] = "  公表日: 令和6年5月24日"
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-basic-hover")
    assert "空欄ならこの評価書の記載から作る" in server.hover(uri, len(lines) - 1, 4)
    assert not server.diagnostics(uri)


def test_unknown_key_and_bad_choice_are_reported(server):
    path = SPECS / "いわき市" / "国民年金事務.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    choice = _line_of(lines, r"^\s+(?:対象人数|評価対象の事務の対象人数は何人か): \S")   # 様式3/4 Ⅰ１③, 様式2 Ⅱ１
    lines[choice] = lines[choice][:lines[choice].index(":") + 2] + "百万人"
    unknown = _line_of(lines, r"^評価書番号:")
    lines.insert(unknown, "未知の項目: 1")
    choice += 1
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-broken")
    problems = server.diagnostics(uri)
    FIGURES["broken spec (unknown key, bad choice)"] = (f"{len(problems)} diagnostics"
                                                       + "".join(f"\n    {_describe(p)}" for p in problems))
    lines_hit = {p["range"]["start"]["line"] for p in problems}
    assert unknown in lines_hit, "no diagnostic for the unknown key 未知の項目"
    assert choice in lines_hit, "no diagnostic for the choice 百万人"


@pytest.mark.parametrize("path", SHOWCASE, ids=lambda p: p.relative_to(SPECS).as_posix())
def test_a_spec_without_its_modeline_gets_the_spec_schema(server, path):
    """Without the `# yaml-language-server: $schema=…` line, .vscode/settings.json maps the spec
    schema (spec.schema.json), whose 様式 and 様式の版 choose the form's schema ($ref to its file)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# yaml-language-server: $schema=")
    lines = lines[1:]
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-no-modeline")
    problems = server.diagnostics(uri)
    choice = _line_of(lines, r"^\s+(?:対象人数|評価対象の事務の対象人数は何人か): \S")   # 様式3/4 Ⅰ１③, 様式2 Ⅱ１
    lines[choice] = lines[choice][:lines[choice].index(":") + 2] + "百万人"
    broken = _probe(server, path, "\n".join(lines) + "\n", "lsp-no-modeline-broken")
    reported = server.diagnostics(broken)
    FIGURES[f"{path.relative_to(ROOT).as_posix()} without modeline"] = (
        f"{len(problems)} diagnostics; with 対象人数: 百万人 {len(reported)}"
        + "".join(f"\n    {_describe(p)}" for p in (problems + reported)[:3]))
    assert not problems, "; ".join(_describe(p) for p in problems)
    assert choice in {p["range"]["start"]["line"] for p in reported}, "no diagnostic for the choice 百万人"


# Files that are not specs get a schema of their own: one with a misspelt key is reported.
MISSPELT = {"fragments": ("本文", "本分"), "laws": ("文言", "文書"), "amendments": ("施行日", "施行月")}


@pytest.mark.parametrize("folder", DATA_FOLDERS)
def test_data_files_have_their_own_schema(server, folder):
    path = next(path for path in DATA_FILES if path.parent.name == folder)
    lines = path.read_text(encoding="utf-8").splitlines()
    key, misspelt = MISSPELT[folder]
    number = _line_of(lines, rf"^\s*{key}:")
    lines[number] = lines[number].replace(f"{key}:", f"{misspelt}:", 1)
    uri = _probe(server, path, "\n".join(lines) + "\n", "lsp-broken")
    problems = server.diagnostics(uri)
    FIGURES[f"broken {folder} file"] = (f"{len(problems)} diagnostics"
                                        + "".join(f"\n    {_describe(p)}" for p in problems[:3]))
    assert problems, f"a {folder} file with {misspelt} for {key} gets no diagnostic"
    assert not any('"様式"' in p["message"] for p in problems), "the spec schema is applied to it"
