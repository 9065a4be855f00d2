"""Shared fixtures: a writable copy of the fixture dataset, and the real site built once per
session (online and offline editions) for every test that reads a built site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support import FIXTURE_DATA, PUBLISHED_SETTINGS, build_real_site


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the valid fixture dataset that a test may break."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site as published (with PUBLISHED_SETTINGS), built once per session; tests only read it."""
    return build_real_site("mkdocs.yml", tmp_path_factory.mktemp("site"), settings=PUBLISHED_SETTINGS)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline edition (mkdocs-offline.yml), built once per session with no settings."""
    return build_real_site("mkdocs-offline.yml", tmp_path_factory.mktemp("site-offline"))
