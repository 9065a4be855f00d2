"""MkDocs hook: validate data/ and add its pages to the site. The only code that knows MkDocs.

Everything else lives in the MkDocs-free package hooks/partnerships/ (load -> models ->
checks -> render), so another generator would only need a new version of this file.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from partnerships import DataError, Page, build_pages, load_dataset

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.partnership_pages")

# Pages rendered in on_config wait here for on_files. MkDocs imports a hook once per process
# (`mkdocs serve` does not reload it), so on_config replaces the list on every build.
_pending: list[Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # on_config runs before MkDocs empties site/, so bad data aborts with the last good site intact.
    root = _project_root(config)
    try:
        dataset = load_dataset(root / "data", today=dt.date.today())
    except DataError as error:
        raise PluginError(error.report()) from None
    _pending[:] = build_pages(dataset)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    root = _project_root(config)
    docs = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    for file in files.documentation_pages():
        file.edit_uri = f"{docs}/{file.src_uri}"  # edit links are relative to the repository root
    for page in _pending:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{docs}/{page.src_uri} is generated from data/; remove the hand-written file")
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.source_file  # the YAML file behind the page; None for index pages
        files.append(file)
    log.info("partnership_pages: %d pages generated from data/", len(_pending))
    return files


def _project_root(config: MkDocsConfig) -> Path:
    # config_file_path is relative when mkdocs is run with -f.
    return Path(config.config_file_path).resolve().parent
