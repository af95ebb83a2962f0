"""A one-spec `pia check` loads the pipeline and nothing else (issue 15): no renderer, no feature
command, no progress bar, no process pool. Not a timing test: `nox -s bench -- --check-only` times
it; this guards what made it slow, which a new eager import would bring back unnoticed."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

SPEC = "specs/旭川市/国民年金に関する事務.yaml"
NOT_FOR_CHECK = ("docxtpl", "docx", "jinja2", "tqdm", "japanera", "concurrent.futures.process",
                 "generator.render", "generator.history", "generator.editor", "generator.pdf",
                 "generator.progress", "generator.batch", "generator.cache", "generator.bench")
RUN = """import json, sys
from generator.__main__ import main
status = main(["check", sys.argv[1]])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def _loaded_by_check() -> tuple[int, set[str]]:
    """The status of `pia check SPEC` in a new process, and every module it had loaded at the end."""
    run = subprocess.run([sys.executable, "-c", RUN, SPEC], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    found = json.loads(run.stdout.splitlines()[-1])
    return found["status"], set(found["modules"])


def test_check_of_one_spec_loads_no_renderer_feature_or_progress_bar():
    status, modules = _loaded_by_check()
    assert status == 0
    assert "generator.check.located" in modules                  # the check itself did run
    assert sorted(name for name in modules for heavy in NOT_FOR_CHECK if name == heavy or name.startswith(heavy + ".")) == []
    assert "cerberus" not in modules, "a plainly valid spec needs no cerberus (check/plain.py)"
