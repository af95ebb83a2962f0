"""Sessions: `nox -s build` regenerates every document into out/, `nox -s tests` runs the tests."""
import nox

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True


@nox.session
def build(session: nox.Session) -> None:
    """Render every spec under specs/ (or those given after --) into out/ as DOCX and HTML."""
    session.install("-e", ".")
    session.run("pia", "build", *session.posargs)


@nox.session
def check(session: nox.Session) -> None:
    """Validate every spec (or those given after --) without writing anything."""
    session.install("-e", ".")
    session.run("pia", "check", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Preview the specs in a browser on 127.0.0.1, reloaded on every save (`-- --port 0` for a free port)."""
    session.install("-e", ".")
    session.run("pia", "serve", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (unit tests, scenarios, and the seed documents end to end)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff, and the layered import contract (pyproject.toml [tool.importlinter]): the pipeline's
    imports run one way (forms → read → check → layout → render → write → build), features use it
    and are never used by it, and no package has an import cycle."""
    session.install("-e", ".", "ruff>=0.6", "import-linter>=2.1")
    session.run("ruff", "check", "generator", "tests", "tools")
    session.run("lint-imports")


@nox.session
def diff(session: nox.Session) -> None:
    """Print the rendered documents' text diff against the merge base with main (for PR review).

    `nox -s diff -- --from REV` compares with another revision.
    """
    session.install("-e", ".")
    arguments = list(session.posargs)
    if "--from" not in arguments:
        base = session.run("git", "merge-base", "HEAD", "origin/main", external=True, silent=True,
                           success_codes=[0, 1, 128]) or ""
        arguments = ["--from", base.strip() or "HEAD", *arguments]
    session.run("pia", "diff", *arguments)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark: 1,000 synthetic specs cold, no-op and after a fragment change; DOCX vs plain docxtpl;
    a one-spec `pia check` (median of 15 runs) against bare `python -c pass`.

    `nox -s bench -- --count 200` for a shorter run; `nox -s bench -- --check-only` for the check alone.
    """
    session.install("-e", ".")
    session.run("pia", "bench", *session.posargs)


@nox.session
def pdf(session: nox.Session) -> None:
    """Render every spec and convert it to PDF for publication (needs LibreOffice; see README)."""
    session.install("-e", ".[pdf]")
    session.run("pia", "build", "--pdf", *session.posargs)
