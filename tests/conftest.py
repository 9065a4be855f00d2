"""Shared fixtures: a writable copy of the fixture dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURE_DATA


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the valid fixture dataset that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target
