"""The edge: parse arguments, run the pipeline, print every error in one place, return the status.

Exit status: 0 success, 1 errors in the specs, 2 wrong usage, 3 an internal error (a bug: the
message says so instead of printing a traceback, unless PIA_DEBUG is set).

A command imports the modules only it uses when it runs (history, editor, PDF, progress bar): a
one-spec `pia check` loads the pipeline and nothing else (tests/unit/test_quick_check.py).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import time
from pathlib import Path

from . import cli
from .build import Result, amendment_file, build, check, discover
from .build import outputs as outputs_of
from .errors import GitError, SpecError, display_path


def main(argv: list[str] | None = None) -> int:
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)      # cleaned up like Ctrl-C: no staging folder left
    parser = cli.parser({"build": _build, "check": _check, "new": _new, "changes": _changes, "diff": _diff,
                         "amend": _amend, "bench": _bench, "schema": _schema, "init": _init,
                         "serve": _serve, "import": _import})
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help()
        return 2
    specs = getattr(arguments, "specs_dir", None)
    if specs is not None and not specs.is_dir():
        print(f"エラー: 仕様フォルダ {specs.as_posix()} がありません（--specs-dir で指定してください）", file=sys.stderr)
        return 2
    try:
        return arguments.run(arguments)
    except KeyboardInterrupt:
        print("中断しました", file=sys.stderr)
        return 130
    except GitError as error:
        print(f"エラー: git の操作に失敗しました: {error}", file=sys.stderr)
        return 2
    except Exception as error:  # noqa: BLE001 - the one place that turns bugs into a status
        if os.environ.get("PIA_DEBUG"):
            raise
        print(f"内部エラー（不具合です）: {type(error).__name__}: {error}", file=sys.stderr)
        return 3


def _terminated(signum, frame) -> None:
    raise KeyboardInterrupt


def _changes(arguments) -> int:
    """Candidate 変更箇所 rows between two versions; appended to the spec with --write."""
    from .history.review import read_pair
    missing = [SpecError.unreadable(display_path(path), "ファイルがありません") for path in arguments.files
               if not path.is_file()]
    if missing:
        _report(Result(errors=missing))
        return 1
    if len(arguments.files) == 2:
        pair, errors = read_pair(arguments.files[1], arguments.specs_dir, None, None, old_file=arguments.files[0])
    elif len(arguments.files) == 1 and arguments.old_rev:
        pair, errors = read_pair(arguments.files[0], arguments.specs_dir, arguments.old_rev, arguments.new_rev)
    else:
        print("エラー: 「pia changes OLD.yaml NEW.yaml」か「pia changes SPEC --from REV」で指定してください",
              file=sys.stderr)
        return 2
    if errors or pair.old is None or pair.new is None:
        _report(Result(errors=errors or [SpecError(pair.name, 1, 1, "比較する二つの版を読み込めません")]))
        return 1
    return _put_rows(arguments, pair)


def _put_rows(arguments, pair) -> int:
    """The rows on standard output, or appended to the new version: never dated after the 公表日 of
    the document that lists them (its own, or its 基礎項目評価書's)."""
    from .history.review import change_tables, tables_yaml
    found = change_tables(pair, arguments.date)        # the document's, and its 基礎項目評価書's
    late = arguments.write and next((table.published for table in found if (table.rows or not table.at)
                                     and _after_publication(arguments.date, {"公表日": table.published})), None)
    if late:
        print(f"エラー: 変更日「{arguments.date}」が {pair.name} の公表日（{late}）より後です"
              "（追記すると pia check を通りません。公表日を改めてから追記してください）", file=sys.stderr)
        return 2
    if any(table.rows for table in found) and arguments.write and arguments.new_rev is None:
        return _append(pair.name, found)
    if any(table.rows for table in found):
        sys.stdout.write(tables_yaml(found))
    else:
        print("変更箇所はありません", file=sys.stderr)
    return 0


def _append(name: str, found: list) -> int:
    """Each table's rows appended to the spec (the 基礎's in its part), and how many."""
    from .history.append import append_rows
    from .write import write_reason
    try:
        append_rows(Path(name), found)
    except OSError as error:
        print(f"エラー: {name} に書き込めません: {write_reason(error)}", file=sys.stderr)
        return 1
    counts = "、".join(f"{'の'.join((*table.at, '変更箇所'))}に{len(table.rows)}行" for table in found if table.rows)
    print(f"{name} の{counts}を追記しました", file=sys.stderr)
    return 0


def _after_publication(date: str | None, data: dict) -> str | None:
    """The spec's 公表日 when ``date`` (a 変更日 to write) is later: pia check refuses such a row."""
    from .wareki import parse
    published = str(data.get("公表日") or "")
    day, current = parse(date or ""), parse(published)
    return published if day and current and day > current else None


def _diff(arguments) -> int:
    """The printed text that differs between a revision and now, item by item (Markdown)."""
    from .history.review import read_pair, text_diff
    paths = discover(arguments.specs_dir, arguments.specs)
    errors, output = [], []
    for path in paths:
        pair, problems = read_pair(path, arguments.specs_dir, arguments.old_rev, arguments.new_rev)
        errors += problems
        if not problems:          # else a version that could not be read would show as all added
            output.append(text_diff(pair))
    _report(Result(errors=errors))
    text = "\n".join(block for block in output if block)
    sys.stdout.write(text or "評価書の記載に差分はありません\n")
    return 1 if errors else 0


def _amend(arguments) -> int:
    """Apply an amendment to every spec it concerns; report the specs that need a person."""
    arguments.amendment = amendment_file(arguments.amendment, arguments.specs_dir)
    from .history.amend import amend
    from .history.amendments import load_amendment
    amendment, errors = load_amendment(arguments.amendment)
    if amendment is None:
        _report(Result(errors=errors or [SpecError(arguments.amendment.as_posix(), 1, 1, "改正ファイルを読めません")]))
        return 1
    unresolved = 0
    for path in discover(arguments.specs_dir, arguments.specs):
        outcome = amend(amendment, path, arguments.specs_dir, arguments.date)
        for problem in outcome.problems:
            _needs_a_person(problem.path, problem.line, problem.column, problem.text)
        unresolved += bool(outcome.problems) or (outcome.text is not None and not _apply(outcome, arguments.dry_run))
    if unresolved:
        print(f"{unresolved}件の仕様ファイルは自動では直せませんでした（上の「要確認」）", file=sys.stderr)
    return 1 if unresolved else 0


def _apply(outcome, dry_run: bool) -> bool:
    """Say what the amendment changes in one spec, then show the diff or write the file; False
    when the file cannot be written (a read-only folder)."""
    from .history.amend import diff as amend_diff
    from .write import write_atomic, write_reason
    for change in outcome.changes:
        print(f"{outcome.path.as_posix()}: {change}")
    for table in outcome.tables:
        if table.rows or not table.at:
            print(f"{outcome.path.as_posix()}: {'の'.join((*table.at, '変更箇所'))}に{len(table.rows)}行")
    if dry_run:
        sys.stdout.write(amend_diff(outcome))
        return True
    try:
        write_atomic(outcome.path, outcome.text.encode("utf-8"))
    except OSError as error:
        _needs_a_person(display_path(outcome.path), 0, 0, f"書き込めません: {write_reason(error)}")
        return False
    return True


def _needs_a_person(path: str, line: int, column: int, text: str) -> None:
    """One spec left alone, as ``file:line:col: 要確認: …`` (the location when known)."""
    print(f"{path}:{line}:{column}: 要確認: {text}" if line else f"{path}: 要確認: {text}", file=sys.stderr)


def _bench(arguments) -> int:
    from .bench import run_bench, run_import_bench  # only the benchmark needs it
    if arguments.import_only:
        figures = run_import_bench(arguments.out)
    else:
        figures = run_bench(arguments.count, jobs=arguments.jobs, runs=arguments.runs, check_only=arguments.check_only)
    if figures.error:
        print(f"エラー: {figures.error}", file=sys.stderr)
        return 1
    for line in figures.lines:
        print(line)
    if figures.failed:
        print("エラー: 合成した仕様ファイルにエラーがあり、数値は当てになりません", file=sys.stderr)
    return 1 if figures.failed else 0


def _serve(arguments) -> int:
    """The live preview, until Ctrl-C or SIGTERM: its address first, on a line of its own."""
    from .serve.preview import Preview, listen_reason  # only the preview needs the HTTP server and watchfiles
    try:
        preview = Preview(arguments.specs_dir, arguments.specs, arguments.port)
    except OSError as error:
        print(f"エラー: ポート {arguments.port} は{listen_reason(error)}"
              "（--port で別の番号を指定してください。0 なら空いている番号）", file=sys.stderr)
        return 1
    print(f"プレビュー: {preview.url} （Ctrl-C で終了）", flush=True)
    preview.run()
    print("プレビューを終了しました", file=sys.stderr)
    return 0


def _schema(arguments) -> int:
    """The combined JSON Schema on standard output, or every schema file written into a folder."""
    from .editor.jsonschema import combined, dumps, schema_files
    from .write import write_atomic
    if arguments.write is None:
        sys.stdout.write(dumps(combined()))
        return 0
    for name, content in schema_files().items():
        try:
            write_atomic(arguments.write / name, content.encode("utf-8"))
        except OSError as error:
            print(f"エラー: {(arguments.write / name).as_posix()} に書き出せません: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"書き出し: {(arguments.write / name).as_posix()}")
    return 0


def _init(arguments) -> int:
    """A spec repository for one 団体, ready to commit; nothing overwritten."""
    from .repository import Refusal, init
    from .write import write_reason
    try:
        written = init(arguments.folder, arguments.organisation)
    except OSError as error:
        print(f"エラー: {arguments.folder.as_posix()} に書き出せません: {write_reason(error)}", file=sys.stderr)
        return 1
    if isinstance(written, Refusal):
        print(f"エラー: {written.message}", file=sys.stderr)
        return 1
    for path in written:
        print(f"作成: {path.as_posix()}")
    print(f"次に: cd {arguments.folder.as_posix()}; git init; "
          f"pia new --form 重点項目評価書 > specs/{arguments.organisation}/○○事務.yaml")
    return 0


def _import(arguments) -> int:
    """A draft spec from a published document: YAML on standard output or into -o; the summary
    (items filled, marked 要確認, not found) on standard error."""
    from .editor.jsonschema import file_name
    from .importer.run import import_document  # only import reads PDFs (pdfplumber)
    if arguments.output is not None and arguments.output.exists():
        print(f"エラー: {arguments.output.as_posix()} は既にあります（上書きしません）", file=sys.stderr)
        return 1
    imported = import_document(arguments.file, arguments.form, arguments.revision,
                               schema=lambda form: "../../schemas/" + file_name(form.name, form.revision))
    if isinstance(imported, SpecError):
        _report(Result(errors=[imported]))
        return 1
    if not _put_draft(arguments.output, imported.text):
        return 1
    print(f"{imported.form.name}（{imported.form.revision}）: 記入 {imported.filled} 項目、要確認 {imported.marked} 項目、"
          f"見つからない {imported.missing} 項目", file=sys.stderr)
    return 0


def _put_draft(output: Path | None, text: str) -> bool:
    """The draft on standard output, or written to ``output``; False when it cannot be written."""
    from .write import write_atomic, write_reason
    if output is None:
        sys.stdout.write(text)
        return True
    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as error:
        print(f"エラー: {output.as_posix()} に書き込めません: {write_reason(error)}", file=sys.stderr)
        return False
    return True


def _new(arguments) -> int:
    """A blank spec of the form, in its newest revision unless one is named (a new spec is written
    for today's form: 5情報 since 令和7年5月26日)."""
    from .editor.jsonschema import file_name
    from .editor.skeleton import skeleton
    from .forms import FORMS, revisions
    revision = arguments.revision or revisions(arguments.form)[-1]
    form = FORMS.get((arguments.form, revision))
    if form is None:
        print(f"エラー: 様式の版「{revision}」はありません（選択肢: "
              + "／".join(revisions(arguments.form)) + "）", file=sys.stderr)
        return 2
    sys.stdout.write(skeleton(form, "../../schemas/" + file_name(form.name, form.revision)))
    return 0


def _build(arguments) -> int:
    from .pdf import missing_tools
    from .progress import progress_bar
    paths = discover(arguments.specs_dir, arguments.specs)
    started = time.perf_counter()
    try:
        with progress_bar(len(paths)) as progress:
            result = build(paths, arguments.specs_dir, arguments.out, jobs=arguments.jobs, progress=progress)
    except OSError as error:     # out/ (or the folder beside it, for staging) cannot be written
        where = error.filename or arguments.out
        print(f"エラー: 出力フォルダに書き出せません: {where}: {error.strerror or error}", file=sys.stderr)
        return 1
    if arguments.pdf:
        result.errors += missing_tools() or _publish_pdfs(paths, arguments, result)
    _report(result, arguments.format)
    _report_rebuilt(result)
    failed = len({error.path for error in result.errors if not error.warning} & set(result.rebuilt))   # specs only
    print(f"生成 {len(result.rebuilt) - failed}件、変更なしで省略 {len(result.skipped)}件、"
          f"エラー {failed}件（{len(result.written)}ファイル更新、{time.perf_counter() - started:.1f}秒）")
    return 1 if result.failed else 0


def _publish_pdfs(paths: list[Path], arguments, result: Result) -> list:
    """PDFs of the documents written now or lacking one; page-1 PNGs of PDF and HTML beside them."""
    from .pdf import convert, first_page_png, html_screenshot
    failed = {error.path for error in result.errors if not error.warning}
    outputs = [arguments.out / f"{name}.docx" for path in paths if display_path(path) not in failed
               for name in outputs_of(path, arguments.specs_dir)]          # a 基礎項目評価書 beside its 重点/全項目
    stale = [docx for docx in outputs if docx.is_file() and (docx in result.written or not docx.with_suffix(".pdf").is_file())]
    for pdf in convert(stale, arguments.jobs):
        print(f"PDF: {pdf.as_posix()}")
    for docx in outputs:
        _refresh(docx.with_suffix(".pdf"), first_page_png)
        _refresh(docx.with_suffix(".html"), html_screenshot)
    lacking = [docx for docx in outputs if docx.is_file() and not docx.with_suffix(".pdf").is_file()]
    return [SpecError(docx.as_posix(), 1, 1, "PDF に変換できませんでした", hint="LibreOffice の出力を確認してください")
            for docx in lacking]


def _refresh(source: Path, picture) -> None:
    """Page 1 of ``source`` as <name>.png beside it, when missing or older than the source."""
    png = source.with_name(source.name + ".png")
    if source.is_file() and (not png.is_file() or png.stat().st_mtime < source.stat().st_mtime):
        picture(source)


def _report_rebuilt(result: Result) -> None:
    """Which specs were rebuilt and why (a fragment change names the fragment)."""
    reasons: dict[str, list[str]] = {}
    for spec, reason in result.rebuilt.items():
        reasons.setdefault(reason, []).append(spec)
    for reason, specs in sorted(reasons.items()):
        shown = "、".join(specs[:5]) + (f" ほか{len(specs) - 5}件" if len(specs) > 5 else "")
        print(f"再生成（{reason}）: {shown}")


def _check(arguments) -> int:
    whole = not arguments.specs           # the whole folder: its law and amendment files too
    result = check(discover(arguments.specs_dir, arguments.specs), arguments.specs_dir, data_files=whole)
    _report(result, arguments.format)
    if not result.errors:
        print(f"{len(result.documents)}件の仕様ファイルに問題はありません")
    return 1 if result.failed else 0


def _report(result: Result, fmt: str = "text") -> None:
    """Every error and warning, sorted, then the counts; with ``github``, also as annotations."""
    for error in result.errors:
        print(error.format(), file=sys.stderr)
        if fmt == "github":
            print(error.annotation())
    errors = sum(not error.warning for error in result.errors)
    warnings = len(result.errors) - errors
    if errors or warnings:
        print(f"{errors}件のエラー、{warnings}件の警告", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
