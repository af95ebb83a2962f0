"""Where the tool's own files are: the templates (a project's own templates/ first, else the ones
shipped beside the package). Looked up when asked, never at import time, so the working folder a
command runs in decides (tests and `pia` run from different folders)."""
from __future__ import annotations

from pathlib import Path

SHIPPED = Path(__file__).resolve().parents[1] / "templates"


def templates() -> Path:
    """The templates folder: ./templates when it holds a Word template, else the shipped one."""
    project = Path.cwd() / "templates"
    return project if (project / "docx" / "document.docx").is_file() else SHIPPED
