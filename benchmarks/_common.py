"""Shared helpers for the benchmark scripts: where the gold sets are, how a run is
described (command, commit, date) and how figures are written as JSON.

Benchmarks are scripts, not tests. Each prints its figures and the exact command that
produced them, and writes them as JSON with ``--json PATH``.
"""

from __future__ import annotations

import datetime as dt
import json
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
# The gold sets live beside the project, never inside it (DESIGN.md section 5).
GOLD_DIR = (REPO_ROOT / ".." / "shared" / "gold").resolve()

# Exit status of a benchmark whose gold set is absent: not an error.
SKIPPED = 0


def gold_path(*parts: str) -> Path:
    return GOLD_DIR.joinpath(*parts)


def require_gold(path: Path, name: str) -> bool:
    """True when ``path`` exists; otherwise print why the benchmark is skipped."""
    if path.exists():
        return True
    print(f"SKIPPED {name}: gold data not found at {path} "
          "(the gold sets are read by path from ../shared/gold and never copied in)")
    return False


def command_line() -> str:
    """The command that ran this script, as a user would type it from the repo root."""
    script = Path(sys.argv[0]).resolve()
    try:
        shown = str(script.relative_to(REPO_ROOT))
    except ValueError:
        shown = str(script)
    python = ".venv/bin/python" if (REPO_ROOT / ".venv").exists() else "python"
    return " ".join([python, shlex.quote(shown), *map(shlex.quote, sys.argv[1:])])


def git_commit() -> str:
    """Short commit hash of HEAD, with ``+dirty`` when the working tree has changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain"], cwd=REPO_ROOT,
                                capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if status.strip() else "")


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def run_info() -> dict[str, str]:
    return {"command": command_line(), "commit": git_commit(), "date": now()}


def write_json(path: str | None, figures: dict[str, Any]) -> None:
    if not path:
        return
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False, sort_keys=False) + "\n",
                   encoding="utf-8")
    print(f"figures written to {out}")


def ratio(num: int | float, den: int | float) -> float | None:
    return num / den if den else None


def fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"
