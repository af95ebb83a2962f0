"""`pia serve` as its user meets it: a child process in a copy of the repository's specs and
templates, its pages opened in real headless Chromium (driven over the DevTools protocol,
tests/browser.py), files saved as an editor saves them, and the open page watched until it shows
the new text.

Without Chromium the browser tests are skipped, except in CI (CI set), where .ci/run installs it
and they fail. The time from a save to the new text in the page is printed (``pytest -s``).
"""
from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from browser import Browser
from conftest import ROOT
from running import pia

from generator.build import discover
from generator.pdf import chromium

SPEC = "旭川市/国民年金に関する事務"
TITLE = "国民年金に関する事務 重点項目評価書"          # its 評価書名, the page's <title>
START, STOP, SAVED = 60.0, 10.0, 20.0                  # seconds: the server starts, ends, shows a save
DATA_FOLDERS = ("fragments", "laws", "amendments")     # specs/ folders that hold no spec
SCRIPT = re.compile(rb'<script>new EventSource\("/events\?since=(\d+)"\)[^<]*</script>')


@dataclass
class Served:
    process: subprocess.Popen
    url: str

    def page(self, stem: str = SPEC) -> str:
        return self.url + quote(f"{stem}.html")


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder: the repository's specs and templates (templates/ here is the one used)."""
    for folder in ("specs", "templates"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def start(project: Path, *arguments: str) -> Served:
    """``pia serve --port 0`` in ``project``, once it has printed the address it listens on."""
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0", *arguments], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)})
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(START)
    found = re.search(r"http://127\.0\.0\.1:\d+/", lines[0] if lines else "")
    if found is None:
        stop(process)
        pytest.fail(f"pia serve printed no address in {START} s: {lines} {process.stderr.read()}")
    return Served(process, found.group())


def stop(process: subprocess.Popen, how: int = signal.SIGTERM) -> tuple[int, str]:
    """End the server as a user would (SIGTERM, or SIGINT for Ctrl-C); killed if it does not end."""
    if process.poll() is None:
        process.send_signal(how)
    try:
        _, stderr = process.communicate(timeout=STOP)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate(timeout=STOP)
        pytest.fail(f"pia serve did not end in {STOP} s after signal {how}: {stderr}")
    return process.returncode, stderr


@pytest.fixture
def served(project):
    server = start(project)
    yield server
    stop(server.process)


@pytest.fixture(scope="module")
def browser():
    binary = chromium()
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("chromium must be installed (CI is set: .ci/run installs it)")
        pytest.skip("chromium is not installed")
    with Browser(binary) as opened:
        yield opened


def save(path: Path, old: str, new: str) -> float:
    """Replace the one ``old`` in the file with ``new`` as an editor saves (a new file renamed over
    the old one); the moment it was saved."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is in {path} {text.count(old)} times"
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text.replace(old, new), encoding="utf-8")
    saved = time.perf_counter()
    os.replace(temporary, path)
    return saved


def shows(text: str) -> str:
    return f"document.body !== null && document.body.innerText.includes({text!r})"


EDITS = {   # what is saved: the file (under the project), the text replaced, the text then on the page
    "spec": (f"specs/{SPEC}.yaml", "事務の名称: 国民年金に関する事務", "事務の名称: 国民年金に関する事務（保存の確認）"),
    "fragment": ("specs/fragments/ガバメントクラウド.yaml", "設置場所のセキュリティ対策はクラウド事業者が実施する。",
                 "設置場所のセキュリティ対策はクラウド事業者が実施する（共通記載の保存の確認）。"),
    "template": ("templates/html/document.html.j2", "<body>", "<body>\n<p>テンプレートの保存の確認</p>"),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_saved_file_reloads_the_open_page(browser, served, project, edit):
    file, old, new = EDITS[edit]
    browser.navigate(served.page())
    assert browser.evaluate("document.title") == TITLE
    expected = re.sub(r"<[^>]+>|\n|^事務の名称: ", "", new)
    assert not browser.evaluate(f"document.body.innerText.includes({expected!r})")
    saved = save(project / file, old, new)
    browser.wait_for(shows(expected), timeout=SAVED)
    print(f"\npia serve: {edit} saved → new text in the page: {time.perf_counter() - saved:.3f} s")


def test_a_spec_with_errors_shows_each_at_its_line_then_the_document_again(browser, served, project):
    browser.navigate(served.page())
    spec = project / "specs" / f"{SPEC}.yaml"
    line = spec.read_text(encoding="utf-8").splitlines().index("    事務の名称: 国民年金に関する事務") + 2
    save(spec, "    事務の名称: 国民年金に関する事務\n", "    事務の名称: 国民年金に関する事務\n    <b>謎の項目</b>: 1\n")
    message = f"specs/{SPEC}.yaml:{line}:5: エラー: 「<b>謎の項目</b>」という項目は"
    browser.wait_for(shows(message), timeout=SAVED)
    assert browser.evaluate("document.querySelector('b')") is None            # spec text is escaped, never markup
    excerpt = browser.evaluate("document.querySelector('section pre').innerText")
    assert f"{line - 1:>5} " in excerpt and f"{line:>5}     <b>謎の項目</b>: 1" in excerpt, excerpt
    assert browser.evaluate("document.querySelector('section pre mark').innerText") == "<b>謎の項目</b>: 1"
    save(spec, "    <b>謎の項目</b>: 1\n", "")
    browser.wait_for(f"document.title === {TITLE!r}", timeout=SAVED)


def test_a_page_is_the_built_document_and_nothing_else_is_served(served, project):
    built = pia(project, "build", f"specs/{SPEC}.yaml")
    assert built.returncode == 0, built.stderr
    status, page = _get(served, quote(f"/{SPEC}.html"))
    assert status == 200 and len(SCRIPT.findall(page)) == 1
    assert SCRIPT.sub(b"", page) == (project / "out" / f"{SPEC}.html").read_bytes()
    status, basic = _get(served, quote(f"/{SPEC}.基礎項目評価書.html"))       # the 基礎 it derives (issue 16)
    assert status == 200 and SCRIPT.sub(b"", basic) == (project / "out" / f"{SPEC}.基礎項目評価書.html").read_bytes()
    assert _get(served, quote("/赤磐市/保育料の決定事務.基礎項目評価書.html"))[0] == 404    # 基礎-only: none
    status, index = _get(served, "/")
    assert status == 200 and index.count(b'<li><a href="/') == len(discover(project / "specs"))
    assert quote(f"/{SPEC}.html").encode() in index
    for address in (f"/specs/{SPEC}.yaml", f"/{SPEC}.yaml", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                    "/..%2f..%2fetc%2fpasswd", "/fragments/ガバメントクラウド.html", "/laws/番号法.html",
                    f"//{project}/specs/{SPEC}.yaml", "/out/" + f"{SPEC}.html"):
        assert _get(served, quote(address, safe="/%"))[0] == 404, address
    assert _get(served, "/", host="attacker.example")[0] == 403        # a rebound DNS name reads nothing


def test_a_page_opened_before_a_restart_reloads_when_its_stream_reconnects(served):
    stream = http.client.HTTPConnection("127.0.0.1", _port(served), timeout=STOP)
    try:
        stream.request("GET", "/events?since=12")       # a count handed out by an earlier server
        response = stream.getresponse()
        assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"
        assert response.fp.readline() == b"data: reload\n"
    finally:
        stream.close()


def test_a_spec_named_outside_the_specs_folder_is_the_only_one_served(project):
    draft = project / "下書き" / "x.yaml"
    draft.parent.mkdir()
    draft.write_text((project / "specs" / f"{SPEC}.yaml").read_text(encoding="utf-8")
                     .replace("様式: 重点項目評価書", "様式: 重点項目評価", 1), encoding="utf-8")
    server = start(project, "下書き/x.yaml")
    try:
        status, index = _get(server, "/")
        assert status == 200 and index.count(b'<li><a href="/') == 1 and b'href="/x.html"' in index
        status, page = _get(server, "/x.html")
        assert status == 200 and "下書き/x.yaml:5:5: エラー: 「様式」の値「重点項目評価」は選択肢にありません" in page.decode()
        assert '<span class="number">    5 </span><span class="at">様式: <mark>重点項目評価</mark>' in page.decode()
        assert _get(server, quote(f"/{SPEC}.html"))[0] == 404
    finally:
        stop(server.process)


def _get(served: Served, address: str, host: str | None = None) -> tuple[int, bytes]:
    """A request as written (http.client normalises nothing): its status and body."""
    connection = http.client.HTTPConnection("127.0.0.1", _port(served), timeout=STOP)
    try:
        connection.putrequest("GET", address, skip_host=host is not None)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _port(served: Served) -> int:
    return int(served.url.rsplit(":", 1)[1].strip("/"))


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM"])
def test_a_signal_ends_it_cleanly_with_a_page_open(project, how):
    before = sorted(project.rglob("*"))
    server = start(project)
    since = SCRIPT.search(_get(server, "/")[1]).group(1).decode()
    stream = http.client.HTTPConnection("127.0.0.1", _port(server), timeout=STOP)
    stream.request("GET", f"/events?since={since}")     # an open page's event stream, waiting
    assert stream.getresponse().status == 200
    status, stderr = stop(server.process, how)
    stream.close()
    assert status == 0 and "Traceback" not in stderr and stderr.strip().endswith("プレビューを終了しました"), stderr
    assert sorted(project.rglob("*")) == before                     # no temporary file left behind


def test_it_listens_on_127_0_0_1_only(project):
    run = pia(project, "serve", "--host", "0.0.0.0", timeout=STOP * 3)
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == ("pia serve: エラー: --host: 「0.0.0.0」では公開しません。"
                                           "プレビューは 127.0.0.1 だけで待ち受けます")


def test_a_port_in_use_is_an_error_not_a_traceback(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = pia(project, "serve", "--port", str(port), timeout=STOP * 3)
    assert run.returncode == 1
    assert run.stderr.startswith(f"エラー: ポート {port} は使用中です"), run.stderr
