"""Shared fixtures: paths, a fixed 'today', and a writable copy of the fixture dataset."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the valid fixture dataset that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
