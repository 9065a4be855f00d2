"""MkDocs hook: validate data/ and add its pages to the site. The only code that knows MkDocs.

Everything else lives in the MkDocs-free package hooks/partnerships/ (load -> models ->
checks -> render), so another generator would only need a new version of this file.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from partnerships import DataError, Download, Page, build_site, load_dataset, paused_gc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.partnership_pages")

# Pages and downloads rendered in on_config wait here for on_files. MkDocs imports a hook once
# per process (`mkdocs serve` does not reload it), so on_config replaces both on every build.
_pending: list[Page] = []
_downloads: list[Download] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # on_config runs before MkDocs empties site/, so bad data aborts with the last good site intact.
    root = _project_root(config)
    today = _build_date()
    with paused_gc():
        try:
            dataset = load_dataset(root / "data", today=today)
        except DataError as error:
            raise PluginError(error.report()) from None
        # Plugins' on_config ran first: the offline plugin has already turned directory URLs off.
        site = build_site(
            dataset, today=today, directory_urls=config.use_directory_urls, template_cache=root / ".cache" / "templates"
        )
    _pending[:] = site.pages
    _downloads[:] = site.downloads
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
    for download in _downloads:
        files.append(File.generated(config, download.src_uri, content=download.content))
    log.info("partnership_pages: %d pages and %d downloads generated from data/", len(_pending), len(_downloads))
    return files


def _build_date() -> dt.date:
    # SOURCE_DATE_EPOCH (reproducible-builds.org) is also what MkDocs reads for its own date
    # stamp, so one variable pins both and two builds of the same data are byte-identical.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date() if epoch else dt.date.today()


def _project_root(config: MkDocsConfig) -> Path:
    # config_file_path is relative when mkdocs is run with -f.
    return Path(config.config_file_path).resolve().parent
