"""The live preview's HTTP server (stdlib ThreadingHTTPServer, 127.0.0.1 only).

Every page is made when it is asked for, from the files as they are: the spec read through
``build.read_spec`` with a fresh fragment library, the document rendered by the build's own HTML
renderer. So nothing can be stale, and a page shows exactly what `pia build` would write. The only
addresses served are the index, the event stream and the pages of the discovered specs: a request
cannot name a file, so none outside the specs folder can be reached.
"""
from __future__ import annotations

import errno
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from ..build import discover, library, outputs, read_spec, stem
from ..errors import SpecError, sorted_errors
from ..read.files import is_inside, read_file
from ..render import RENDERERS
from ..resources import template_folders
from .pages import href, index, problems, with_reload
from .watch import Changes, Watcher

HOST = "127.0.0.1"
KEEPALIVE = 10.0        # seconds between comments on an idle event stream: a closed page ends its thread
_BREAKS = re.compile(r"\r\n?|\n")     # YAML's line breaks, so excerpt lines are the errors' lines
_LISTEN = {errno.EADDRINUSE: "使用中です", errno.EACCES: "使う権限がありません", errno.EADDRNOTAVAIL: "使えません"}


def listen_reason(error: OSError) -> str:
    """Why the port cannot be listened on, in Japanese (the OS says it in English)."""
    return _LISTEN.get(error.errno, error.strerror or str(error))


class Preview:
    """The server, the watcher and what they share; ``run`` serves until Ctrl-C or SIGTERM."""

    def __init__(self, specs: Path, named: list[Path], port: int) -> None:
        self.specs, self.named = specs, named
        self.changes = Changes()
        self.watcher = Watcher(specs, template_folders(), named, self.changes)
        self.server = _Server((HOST, port), _Handler)          # OSError when the port is taken
        self.server.preview = self
        self._reading = threading.Lock()      # the YAML reader keeps state per process: one spec at a time
        self.watcher.start()                  # before the address is printed: a save from then on counts

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server.server_address[1]}/"

    def run(self) -> None:
        """Serve until interrupted (__main__ turns SIGTERM into KeyboardInterrupt, as Ctrl-C)."""
        try:
            self.server.serve_forever(poll_interval=0.2)
        except KeyboardInterrupt:
            pass
        finally:
            self.close()

    def close(self) -> None:
        self.changes.close()                  # open event streams end
        self.watcher.close()
        self.server.server_close()

    def page(self, address: str) -> bytes | None:
        """The page at ``address`` (unquoted), None when there is none."""
        count = self.changes.count            # taken first: a save while the page is made reloads it
        found = self._addresses()
        if address == "/":
            return index([stem(path, self.specs) for path, derived in found.values() if not derived],
                         self.specs.as_posix(), count)
        if address not in found:
            return None
        with self._reading:
            return self._spec_page(*found[address], count)

    def _addresses(self) -> dict[str, tuple[Path, bool]]:
        """Each spec by the address of its page (unquoted), and of the 基礎項目評価書 it may derive
        (its page as out/ holds it: <事務>.基礎項目評価書.html), discovered afresh."""
        found: dict[str, tuple[Path, bool]] = {}
        for path in discover(self.specs, self.named):
            for name, derived in zip(outputs(path, self.specs), (False, True)):
                found.setdefault(unquote(href(name)), (path, derived))
        return found

    def _spec_page(self, path: Path, derived: bool, count: int) -> bytes | None:
        fragments = library(self.specs)
        reading = read_spec(path, fragments, self.specs)
        errors = sorted_errors(reading.errors + fragments.errors)
        document = reading.basic if derived else reading.document
        if document is not None and all(error.warning for error in errors):
            return with_reload(RENDERERS["html"](document), count)
        if derived and reading.document is not None and all(error.warning for error in errors):
            return None                     # a 基礎-only spec derives no 基礎
        return problems(reading.source, errors, self._lines(path, reading.source, errors), count)

    def _lines(self, path: Path, source: str, errors: list[SpecError]) -> dict[str, list[str]]:
        """The lines of each file a problem is located in, read as the pipeline reads it: the spec
        where it was named, any other file (a fragment, a law) only inside the specs folder."""
        lines = {}
        for shown in sorted({error.path for error in errors if error.line}):
            file = path if shown == source else Path(shown)
            within = None if file is path and not is_inside(path, self.specs) else self.specs
            try:
                lines[shown] = _BREAKS.split(read_file(file, within).decode("utf-8", "replace"))
            except OSError:                   # gone, or refused: the problem is listed without its lines
                continue
        return lines


class _Server(ThreadingHTTPServer):
    daemon_threads = True                 # an open event stream never holds up the end
    preview: Preview

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):        # a page closed while it was sent: nothing to say
            print(f"内部エラー（不具合です）: {type(error).__name__}: {error}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        if not self._addressed_here():
            return self._send(403, "このプレビューは 127.0.0.1 の画面でだけ表示します")
        parts = urlsplit(self.path)
        if parts.path == "/events":
            return self._events(parts.query)
        try:
            page = self.server.preview.page(unquote(parts.path))
        except Exception as error:  # noqa: BLE001 - a bug is shown, and the preview keeps serving
            if os.environ.get("PIA_DEBUG"):
                raise
            return self._send(500, f"内部エラー（不具合です）: {type(error).__name__}: {error}")
        if page is None:
            return self._send(404, "このアドレスに仕様ファイルはありません（一覧: /）")
        self._send(200, page)

    def _addressed_here(self) -> bool:
        """Whether the request names this server: a page of another site whose name was pointed at
        127.0.0.1 (DNS rebinding) would send its own name and must not read the specs."""
        name, _, port = self.headers.get("Host", "").partition(":")
        return name in (HOST, "localhost") and (port or "80") == str(self.server.server_address[1])

    def _events(self, query: str) -> None:
        """Server-Sent Events: ``reload`` once a file is saved after the page's count."""
        changes = self.server.preview.changes
        since = parse_qs(query).get("since", [""])[0]
        seen = int(since) if since.isascii() and since.isdigit() and len(since) < 19 else changes.count
        self._head(200, "text/event-stream")
        try:
            while not changes.closed:
                if changes.wait_past(seen, KEEPALIVE) > seen:
                    self.wfile.write(b"data: reload\n\n")
                    return
                self.wfile.write(b": \n\n")   # a comment; writing to a closed page fails and ends this
        except ConnectionError:
            return

    def _send(self, status: int, body: bytes | str) -> None:
        content = body if isinstance(body, bytes) else body.encode("utf-8")
        self._head(status, "text/html" if isinstance(body, bytes) else "text/plain", len(content))
        self.wfile.write(content)

    def _head(self, status: int, kind: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Cache-Control", "no-store")       # back and forward show the files as they are now
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.end_headers()

    def log_message(self, format: str, *arguments) -> None:
        pass                                  # a line per request would bury the saves the terminal reports
