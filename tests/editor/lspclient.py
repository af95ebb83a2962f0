"""A small LSP client over stdio (JSON-RPC 2.0 with Content-Length framing), enough to drive
yaml-language-server as VS Code's YAML extension does: initialize, settings, open, diagnostics,
hover and completion. Every wait is bounded, so a stuck server fails a test instead of hanging it.
"""
from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class ServerError(RuntimeError):
    """The server answered a request with an error, died, or did not answer in time."""


class LanguageServer:
    """One server process. Use as a context manager: the process is always ended on exit."""

    def __init__(self, command: list[str], root: Path, timeout: float = 30.0):
        self.root = root
        self.timeout = timeout
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, cwd=root)
        self._next_id = 0
        self._lock = threading.Lock()
        self._responses: dict[int, queue.Queue] = {}
        self._diagnostics: dict[str, list[dict]] = {}
        self._published: dict[str, int] = {}          # uri → how many times diagnostics came
        self._changed = threading.Condition()
        self.settings: dict[str, Any] = {}
        self.configured = threading.Event()           # the server has pulled the settings
        self.log: list[str] = []                      # window/logMessage and stderr lines
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    # -- framing ---------------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8")
        with self._lock:
            if self.process.poll() is not None:
                raise ServerError(f"the server has exited (code {self.process.returncode})")
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while True:                                    # headers, up to the empty line
                line = stream.readline()
                if not line:
                    self._closed()
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if length is None:
                continue
            self._dispatch(json.loads(stream.read(length).decode("utf-8")))

    def _drain_stderr(self) -> None:
        for line in self.process.stderr:
            self.log.append(line.decode("utf-8", "replace").rstrip())

    def _closed(self) -> None:
        for waiting in list(self._responses.values()):
            waiting.put({"error": {"message": "the server closed its output"}})
        with self._changed:
            self._changed.notify_all()

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" not in message:            # a response to us
            waiting = self._responses.get(message["id"])
            if waiting is not None:
                waiting.put(message)
        elif "id" in message:                                       # a request from the server
            self._answer(message)
        elif message.get("method") == "textDocument/publishDiagnostics":
            params = message["params"]
            with self._changed:
                self._diagnostics[params["uri"]] = params["diagnostics"]
                self._published[params["uri"]] = self._published.get(params["uri"], 0) + 1
                self._changed.notify_all()
        elif message.get("method") == "window/logMessage":
            self.log.append(message["params"].get("message", ""))

    def _answer(self, request: dict[str, Any]) -> None:
        """The server's own requests: settings (as VS Code answers them), and registrations."""
        method, result = request["method"], None
        if method == "workspace/configuration":
            result = [self._section(item.get("section")) for item in request["params"]["items"]]
        self._send({"id": request["id"], "result": result})
        if method == "workspace/configuration":
            self.configured.set()

    def _section(self, section: str | None) -> Any:
        value: Any = self.settings
        for part in (section or "").split(".") if section else ():
            value = value.get(part) if isinstance(value, dict) else None
        return value

    # -- requests and notifications --------------------------------------------------------
    def request(self, method: str, params: Any, timeout: float | None = None) -> Any:
        with self._lock:
            self._next_id += 1
            number = self._next_id
        waiting: queue.Queue = queue.Queue()
        self._responses[number] = waiting
        try:
            self._send({"id": number, "method": method, "params": params})
            try:
                answer = waiting.get(timeout=timeout or self.timeout)
            except queue.Empty:
                raise ServerError(f"{method}: no answer in {timeout or self.timeout} s") from None
        finally:
            del self._responses[number]
        if "error" in answer:
            raise ServerError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def initialize(self, settings: dict[str, Any]) -> dict[str, Any]:
        """initialize, initialized, then the settings as VS Code gives them: a change notification,
        answered by the server's pull (workspace/configuration), which is awaited, so that no
        document is opened (and checked) before the server has its schema mapping."""
        self.settings = settings
        uri = self.root.as_uri()
        result = self.request("initialize", {
            "processId": None, "rootUri": uri, "workspaceFolders": [{"uri": uri, "name": self.root.name}],
            "initializationOptions": {},
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {
                    "synchronization": {"didSave": True},
                    "publishDiagnostics": {"relatedInformation": True},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "completion": {"completionItem": {"snippetSupport": True,
                                                      "documentationFormat": ["markdown", "plaintext"]}}}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": settings})
        if not self.configured.wait(self.timeout):
            raise ServerError(f"the server did not ask for its settings in {self.timeout} s")
        return result

    # -- documents -------------------------------------------------------------------------
    def open(self, uri: str, text: str) -> None:
        with self._changed:
            self._published.pop(uri, None)
            self._diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": text}})

    def close(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def diagnostics(self, uri: str, settle: float = 1.0, timeout: float | None = None) -> list[dict]:
        """The diagnostics of ``uri``: waits for the first publication, then until none has come for
        ``settle`` seconds (the server may publish again once a schema has loaded)."""
        deadline = time.monotonic() + (timeout or self.timeout)
        with self._changed:
            while uri not in self._published:
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise ServerError(f"no diagnostics for {uri} in {timeout or self.timeout} s")
                self._changed.wait(left)
            while True:
                seen = self._published[uri]
                self._changed.wait(min(settle, max(deadline - time.monotonic(), 0.01)))
                if self._published[uri] == seen or time.monotonic() >= deadline:
                    return list(self._diagnostics[uri])

    def hover(self, uri: str, line: int, character: int) -> str:
        """The hover text at a position ('' when none)."""
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                     "position": {"line": line, "character": character}})
        if not result:
            return ""
        contents = result["contents"]
        parts = contents if isinstance(contents, list) else [contents]
        return "\n".join(part if isinstance(part, str) else part.get("value", "") for part in parts)

    def completion(self, uri: str, line: int, character: int) -> list[dict]:
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": {"line": line, "character": character}})
        if result is None:
            return []
        return result["items"] if isinstance(result, dict) else result

    # -- lifetime --------------------------------------------------------------------------
    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None, timeout=5)
                self.notify("exit", None)
                self.process.wait(timeout=5)
        except (ServerError, OSError, subprocess.TimeoutExpired):
            pass
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=5)
            for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
                if stream is not None:      # pytest turns the unclosed pipes' ResourceWarning into errors
                    stream.close()
