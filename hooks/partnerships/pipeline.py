"""The whole flow, in order:

1. load: read data/<kind>/*.yaml with a strict YAML loader (load.py);
2. models: validate each record against the single schema (models.py);
3. checks: cross-record rules (checks.py); any problem so far raises one DataError;
4. render: Markdown pages from templates (render.py) and downloadable files (export.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .checks import all_problems
from .dataset import Dataset
from .export import Download, build_downloads
from .load import KINDS, load_records
from .models import Framework, Milestone, Partner, to_models
from .problems import DataError
from .render import Page, make_environment, render_pages


def load_dataset(data_dir: Path, *, today: dt.date) -> Dataset:
    """Load and check data/; raise DataError listing every problem found."""
    records, problems = load_records(data_dir)

    entries, model_problems = to_models(records)
    # Every file counts as known, even one that failed to parse: its own problem is reported once.
    known_ids = {kind: {file.stem for file in (data_dir / kind).glob("*.yaml")} for kind in KINDS}
    problems += model_problems
    problems += all_problems(entries, known_ids=known_ids, today=today)
    if problems:
        raise DataError(problems)
    models = [model for _, model in entries]
    return Dataset(
        frameworks=tuple(m for m in models if isinstance(m, Framework)),
        partners=tuple(m for m in models if isinstance(m, Partner)),
        milestones=tuple(m for m in models if isinstance(m, Milestone)),
    )


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run a build step with Python's cyclic garbage collector off.

    Loading and rendering allocate hundreds of thousands of small objects and free none of
    them in cycles; the collector's repeated scans were a quarter of the hook's time at
    10,000 records (bench/profile_hook.py). Reference counting still frees memory as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Site:
    """Everything generated from data/: pages to add to the site and files to copy into it."""

    pages: list[Page]
    downloads: list[Download]


def build_site(
    dataset: Dataset, *, today: dt.date, directory_urls: bool = True, template_cache: Path | None = None
) -> Site:
    """Render every generated page and download; one template environment per build."""
    downloads = build_downloads(dataset)
    env = make_environment(cache_dir=template_cache)
    pages = render_pages(dataset, env=env, today=today, downloads=downloads, directory_urls=directory_urls)
    return Site(pages=pages, downloads=downloads)


def build_pages(dataset: Dataset, *, today: dt.date, directory_urls: bool = True) -> list[Page]:
    """The generated pages alone."""
    return build_site(dataset, today=today, directory_urls=directory_urls).pages
