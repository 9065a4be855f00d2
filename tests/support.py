"""Constants shared by the tests (a plain module: conftest files are not meant to be imported)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
TODAY = dt.date(2026, 11, 27)
# What `mkdocs build` reads: copy these to build the real site somewhere else.
PROJECT_FILES = ("mkdocs.yml", "mkdocs-offline.yml", "docs", "hooks", "data", "overrides")

# The generator the build tests run: mkdocs, or its maintained fork properdocs (CI runs both).
SITE_GENERATOR = os.environ.get("SITE_GENERATOR", "mkdocs")


def build_command(*args: str) -> list[str]:
    """`<generator> build --strict ...` run with this Python, as an editor would run it."""
    return [sys.executable, "-m", SITE_GENERATOR, "build", "--strict", *args]
