"""Dataset -> Markdown pages: the Jinja environment, and every generated page in one list.

The views are built in Python (entity_pages.py, overview_pages.py, map_page.py,
sources_page.py) as frozen dataclasses of escaped Markdown; the templates in templates/ only
print their attributes. No validation happens here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import jinja2

from .allies_page import render_allies
from .citations import Footnotes
from .data_page import render_data_page
from .dataset import Dataset
from .entity_pages import render_framework, render_milestone, render_partner
from .export import Download
from .geo import load_world
from .history import Chronology
from .map_page import render_map
from .overview_pages import (
    render_frameworks_index,
    render_home,
    render_matrix,
    render_partners_index,
    render_timeline,
)
from .sources_page import render_sources_page
from .views import Page, review_of

TEMPLATES = Path(__file__).parent / "templates"


def make_environment() -> jinja2.Environment:
    """Templates read from files, compiled in memory, undefined names failing loudly.

    Compiled templates are never cached on disk: a cache file in the work tree would be code
    that the next build runs. An environment kept between `mkdocs serve` rebuilds compiles each
    template once and, with auto_reload, again only when its file changes."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; the views hold text escaped by markup.py
    )
    return env


def render_pages(
    dataset: Dataset,
    *,
    env: jinja2.Environment,
    today: dt.date,
    downloads: Sequence[Download],
    directory_urls: bool = True,
) -> list[Page]:
    """Every generated page of the site. `directory_urls` tells how raw HTML links (the map's)
    must be written: MkDocs rewrites Markdown links itself, not links inside inline SVG."""
    chronology = Chronology.of(dataset, today=today)
    reviewed = review_of(dataset)  # overview pages say how recent their records are
    pages = [
        render_home(dataset, env=env, chronology=chronology, reviewed=reviewed),
        render_frameworks_index(dataset, env=env, chronology=chronology, reviewed=reviewed),
        render_partners_index(dataset, env=env, chronology=chronology, reviewed=reviewed),
        render_matrix(dataset, env=env, chronology=chronology, reviewed=reviewed),
        render_timeline(dataset, env=env, reviewed=reviewed),
        render_map(
            dataset,
            env=env,
            chronology=chronology,
            world=load_world(),
            directory_urls=directory_urls,
            reviewed=reviewed,
        ),
        render_data_page(dataset, env=env, downloads=downloads, reviewed=reviewed),
    ]
    footnotes = Footnotes(dataset.source_by_id)  # a source's entry is written once per build
    pages += [
        render_framework(f, dataset=dataset, chronology=chronology, footnotes=footnotes, env=env)
        for f in dataset.frameworks
    ]
    pages += [
        render_partner(p, dataset=dataset, chronology=chronology, footnotes=footnotes, env=env)
        for p in dataset.partners
    ]
    pages += [render_milestone(m, dataset=dataset, footnotes=footnotes, env=env) for m in dataset.milestones]
    pages.append(render_allies(dataset, footnotes=footnotes, env=env))
    pages.append(render_sources_page(dataset, env=env, reviewed=reviewed))
    return pages
