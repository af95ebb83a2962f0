"""The machinery of the defect corpus (cases.py): build a small project folder for a case, run one
``pia`` command in a child process under hard bounds, and observe what it did.

A case folder holds ``project/`` (the working folder: specs/, out/), ``outside/`` (files beyond the
project, which a spec must never get printed) and ``tmp/`` (the child's TMPDIR, so a leftover
``pia-*`` folder is seen per case even when cases run side by side).

The child runs ``python -m generator`` with the repository root on PYTHONPATH (nothing here imports
the generator, so the corpus does not depend on its module layout), with an address-space limit of
1 GiB and a wall-clock bound of 20 s. Both are safety nets: a hang or a memory bomb fails its case
instead of stalling the suite. Run as root, the child loses CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH,
so file modes mean for it what they mean for a user (a spec with mode 000 is unreadable).
"""
from __future__ import annotations

import ctypes
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "scenarios" / "valid_minimal" / "specs" / "x" / "spec.yaml").read_text(encoding="utf-8")
SPEC = "specs/x/spec.yaml"
MEMORY = 1 << 30            # 1 GiB of address space
WALL = 20.0                 # seconds
OUTSIDE = "@OUTSIDE@"       # in a file's text or an argument: the absolute path of the case's outside/ folder
PROJECT = "@PROJECT@"       # in an argument: the absolute path of the project
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# Never in any output: a traceback, the internal-error message, an English exception class name.
ALWAYS_FORBIDDEN = (r"Traceback \(most recent call last\)", r"内部エラー",
                    r"\b(?:[A-Z][a-z0-9]+)+(?:Error|Exception)\b")
LEFTOVER = re.compile(r"^(?:\.pia-staging-.*|pia-.*|\..*\.tmp|.*\.tmp)$")


# ---- what a case folder holds ---------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    """A symbolic link to ``target``; ``@OUTSIDE@`` in it is the case's outside/ folder."""

    target: str


@dataclass(frozen=True)
class Fifo:
    """A named pipe (mkfifo): opening it for reading blocks until a writer comes."""


@dataclass(frozen=True)
class Folder:
    """An empty folder."""


@dataclass(frozen=True)
class Mode:
    """A file with ``content`` and permission bits ``mode`` (0o000: unreadable)."""

    content: str | bytes
    mode: int


def replace(old: str, new: str, text: str = BASE, count: int = 1) -> str:
    """``text`` with the first ``count`` occurrences of ``old`` replaced (``old`` must be there)."""
    assert old in text, old
    return text.replace(old, new, count)


def where(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """1-based line and column (in characters) of the ``occurrence``-th ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def located(path: str, line: int | None = None, column: int | None = None, *phrases: str,
            level: str = "エラー") -> str:
    """A regex for one message line: ``path:line:col: エラー: …`` in Japanese, holding ``phrases``
    (literally, in any order). ``None`` for line or column: any number."""
    line_part = r"\d+" if line is None else str(line)
    column_part = r"\d+" if column is None else str(column)
    ahead = "".join(f"(?=.*{re.escape(phrase)})" for phrase in phrases)
    return (rf"^{re.escape(path)}:{line_part}:{column_part}: {level}: {ahead}"
            r".*[\u3040-\u30ff\u4e00-\u9fff]")


# ---- a case ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Then:
    """A command run after the case's own, in the same project, and its expected status."""

    command: tuple[str, ...]
    status: int
    stderr: tuple[str, ...] = ()


@dataclass(frozen=True)
class Case:
    id: str
    kind: str                                   # the defect class (cases.CLASSES)
    defects: tuple[str, ...]                    # issue 14's numbers ("1" … "34") and findings ("F1" … "F4")
    files: Mapping[str, Any]                    # project-relative path → str | bytes | Link | Fifo | Folder | Mode
    command: tuple[str, ...] = ("build",)
    status: int | tuple[int, ...] = 1
    stderr: tuple[str, ...] = ()                # regexes (re.M), each must match somewhere in stderr
    stdout: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()                # regexes that must match neither stdout nor stderr
    secret: str | None = None                   # text from outside/ that must appear nowhere
    outside: Mapping[str, Any] = field(default_factory=dict)
    git: bool = False                           # git init and commit the project before ``later``
    later: Mapping[str, Any] = field(default_factory=dict)
    built: tuple[str, ...] | None = ()          # stems that must be in out/ (DOCX and HTML), nothing else; None: see check
    texts: tuple[str, ...] = ()                 # texts each built document holds (HTML escaped)
    writes: tuple[str, ...] = ()                # project files the command may change; all others stay
    located_only: bool = False                  # every stderr line is a located message or the count
    then: tuple[Then, ...] = ()
    check: Callable[[Observed], None] | None = None
    env: Mapping[str, str] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None # after the files are made (and committed), before the run
    wall: float = WALL


@dataclass
class Observed:
    case: Case
    folder: Path
    status: int | None                          # None: stopped by the wall-clock bound
    stdout: str
    stderr: str
    seconds: float
    before: dict[str, bytes]
    followups: list[tuple[Then, int | None, str, str]] = field(default_factory=list)

    @property
    def project(self) -> Path:
        return self.folder / "project"

    @property
    def tmp(self) -> Path:
        return self.folder / "tmp"

    def describe(self) -> str:
        status = f"stopped after {self.seconds:.0f} s (wall-clock bound)" if self.status is None else self.status
        return (f"[{self.case.id}] status {status} in {self.seconds:.1f} s\n--- stdout ---\n{self.stdout[-3000:]}"
                f"\n--- stderr ---\n{self.stderr[-3000:]}")


# ---- making the folder ----------------------------------------------------------------------

def materialise(root: Path, entries: Mapping[str, Any], outside: Path) -> None:
    for name, content in entries.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.is_file():
            path.unlink()
        if isinstance(content, Link):
            os.symlink(content.target.replace(OUTSIDE, str(outside)), path)
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, Folder):
            path.mkdir(parents=True, exist_ok=True)
        elif isinstance(content, Mode):
            _write(path, content.content, outside)
            path.chmod(content.mode)
        else:
            _write(path, content, outside)


def _write(path: Path, content: str | bytes, outside: Path) -> None:
    if isinstance(content, str):
        content = content.replace(OUTSIDE, str(outside)).encode("utf-8", errors="surrogatepass")
    path.write_bytes(content)


def git(project: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=pia", "-c", "user.email=pia@example.invalid",
                    "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *arguments],
                   cwd=project, check=True, capture_output=True, env=_git_env(project))


def _git_env(project: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(project.parent), "GIT_CONFIG_NOSYSTEM": "1"}


def prepare(case: Case, folder: Path) -> None:
    project, outside, tmp = folder / "project", folder / "outside", folder / "tmp"
    for path in (project, outside, tmp):
        path.mkdir(parents=True, exist_ok=True)
    materialise(outside, case.outside, outside)
    materialise(project, case.files, outside)
    if case.git:
        git(project, "init", "-q")
        git(project, "add", "-A")
        git(project, "commit", "-q", "-m", "before")
    materialise(project, case.later, outside)
    if case.setup is not None:
        case.setup(project)


# ---- running --------------------------------------------------------------------------------

def environment(folder: Path, extra: Mapping[str, str] = {}) -> dict[str, str]:
    return {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TMPDIR": str(folder / "tmp"),
            "HOME": str(folder), "LC_ALL": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1",
            "GIT_CONFIG_NOSYSTEM": "1", **extra}


_libc = ctypes.CDLL(None, use_errno=True)
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def bounded() -> None:
    """In the child before exec: the memory cap, its own process group, and (as root) no
    permission-bypassing capabilities."""
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    if os.geteuid() == 0:
        for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
            if _libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def pia(project: Path, arguments: tuple[str, ...], env: Mapping[str, str], wall: float = WALL,
        started: Callable[[subprocess.Popen], None] | None = None) -> tuple[int | None, str, str, float]:
    """Run ``pia ARGUMENTS`` in ``project``; (status or None when stopped, stdout, stderr, seconds)."""
    begin = time.monotonic()
    child = subprocess.Popen([sys.executable, "-m", "generator", *arguments], cwd=project, env=dict(env),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             preexec_fn=bounded, start_new_session=True)
    if started is not None:
        started(child)
    try:
        out, err = child.communicate(timeout=wall)
        status: int | None = child.returncode
    except subprocess.TimeoutExpired:
        stop(child)
        out, err = child.communicate()
        status = None
    return status, out.decode("utf-8", "backslashreplace"), err.decode("utf-8", "backslashreplace"), \
        time.monotonic() - begin


def stop(child: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Signal the child's process group (it has its own session): the child and its workers only."""
    try:
        os.killpg(child.pid, sig)
    except ProcessLookupError:
        pass


def snapshot(project: Path) -> dict[str, bytes]:
    """The bytes of every regular file of the project (not .git, not out/)."""
    files = {}
    for path in _walk(project):
        relative = path.relative_to(project).as_posix()
        if relative.split("/")[0] in {".git", "out"}:
            continue
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode) and mode & stat.S_IRUSR:
            files[relative] = path.read_bytes()
    return files


def _walk(root: Path):
    """Every path under ``root``, not following symbolic links, not failing on unreadable folders."""
    for folder, names, files in os.walk(root, followlinks=False):
        for name in names + files:
            yield Path(folder) / name


def run(case: Case, folder: Path) -> Observed:
    prepare(case, folder)
    env = environment(folder, case.env)
    before = snapshot(folder / "project")
    command = tuple(argument.replace(PROJECT, str(folder / "project")).replace(OUTSIDE, str(folder / "outside"))
                    for argument in case.command)
    status, out, err, seconds = pia(folder / "project", command, env, case.wall)
    observed = Observed(case, folder, status, out, err, seconds, before)
    for then in case.then:
        observed.followups.append((then, *pia(folder / "project", then.command, env, case.wall)[:3]))
    return observed


def leftovers(observed: Observed) -> list[str]:
    """Temporary or staging files left in the project (out/ included) or in the child's TMPDIR."""
    found = [path.relative_to(observed.folder).as_posix() for root in (observed.project, observed.tmp)
             for path in _walk(root) if ".git" not in path.relative_to(root).parts[:1]
             and LEFTOVER.match(path.name)]
    return sorted(found)
