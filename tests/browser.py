"""A small Chrome DevTools Protocol client: real headless Chromium, driven over its websocket as
Puppeteer does (one page target, attached in flat mode), enough to open a page and read its DOM.
Every wait is bounded, so a stuck browser fails a test instead of hanging it.
"""
from __future__ import annotations

import contextlib
import json
import queue
import subprocess
import tempfile
import threading
import time
from typing import Any

from websockets.sync.client import connect

FLAGS = ("--headless=new", "--remote-debugging-port=0", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", "--mute-audio")
LISTENING = "DevTools listening on "


class BrowserError(RuntimeError):
    """Chromium did not start, answered a command with an error, or did not answer in time."""


class Browser:
    """One Chromium with a throw-away profile and one page. Use as a context manager: the process is
    always ended and its profile removed on exit."""

    def __init__(self, binary: str, timeout: float = 30.0):
        self.timeout = timeout
        self._profile = tempfile.TemporaryDirectory(prefix="pia-chromium-", ignore_cleanup_errors=True)
        self.process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self._profile.name}", "about:blank"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        text=True, errors="replace")
        self.log: list[str] = []                      # Chromium's stderr
        self._lines: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self._next_id = 0
        self._open = contextlib.ExitStack()
        try:
            # entered as a context manager, as websockets ≥ 17.1 asks (else a DeprecationWarning)
            self.socket = self._open.enter_context(connect(self._endpoint(), max_size=None, proxy=None,
                                                           compression=None, open_timeout=timeout, ping_interval=None))
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        except BaseException:
            self.close()
            raise

    def _drain(self) -> None:
        for line in self.process.stderr:
            self.log.append(line.rstrip())
            self._lines.put(line)

    def _endpoint(self) -> str:
        """The browser's websocket address, which Chromium prints on stderr once it listens."""
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line.startswith(LISTENING):
                return line[len(LISTENING):].strip()
        raise BrowserError(f"Chromium printed no DevTools address in {self.timeout} s: {self.log[-5:]}")

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """One command and its result; the events that arrive meanwhile are not needed and dropped."""
        self._next_id += 1
        number = self._next_id
        message = {"id": number, "method": method, "params": params} | ({"sessionId": session} if session else {})
        self.socket.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                answer = json.loads(self.socket.recv(timeout=left))
            except TimeoutError:
                break
            if answer.get("id") == number:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})
        raise BrowserError(f"{method}: no answer in {self.timeout} s")

    def navigate(self, url: str) -> None:
        """Open ``url`` in the page and wait until it has loaded."""
        result = self.call("Page.navigate", self.session, url=url)
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate", self.session, expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError(details.get("exception", {}).get("description") or details.get("text"))
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float | None = None, every: float = 0.02) -> Any:
        """The expression's value once it is truthy, polled every ``every`` seconds. A page that is
        reloading has no context to evaluate in for a moment: that error is waited out too."""
        deadline = time.monotonic() + (timeout or self.timeout)
        last: Any = None
        while time.monotonic() < deadline:
            try:
                last = self.evaluate(expression)
            except BrowserError as error:
                last = error
            if last and not isinstance(last, BrowserError):
                return last
            time.sleep(every)
        raise BrowserError(f"not true in {timeout or self.timeout} s: {expression} (last: {last!r})")

    def close(self) -> None:
        try:
            self._open.close()
        finally:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout=5)
            self._reader.join(timeout=5)          # at the end of Chromium's stderr, now it has exited
            self.process.stderr.close()
            self._profile.cleanup()

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
