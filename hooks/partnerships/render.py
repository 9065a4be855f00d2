"""Dataset -> Markdown pages: the Jinja environment, and every generated page in one list.

The views are built in Python (entity_pages.py, overview_pages.py, map_page.py,
sources_page.py) as frozen dataclasses of escaped Markdown; the templates in templates/ only
print their attributes. No validation happens here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
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
from .language import Language
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


def make_environment(lang: Language | None = None) -> jinja2.Environment:
    """Templates read from files, compiled in memory, undefined names failing loudly, their
    text in the edition's language (`{% trans %}` and `_()`, through `lang`'s catalogue).

    Compiled templates are never cached on disk: a cache file in the work tree would be code
    that the next build runs. An environment kept between `mkdocs serve` rebuilds compiles each
    template once and, with auto_reload, again only when its file changes."""
    lang = lang or Language("en")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; the views hold text escaped by markup.py
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True  # a paragraph over several lines is one message
    set_language(env, lang)
    return env


def set_language(env: jinja2.Environment, lang: Language) -> None:
    """The templates' `_()` and `{% trans %}` now speak `lang`."""
    env.install_gettext_callables(lang.gettext, lang.ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.globals["lang"] = lang.code


def render_pages(
    dataset: Dataset,
    *,
    env: jinja2.Environment,
    today: dt.date,
    downloads: Sequence[Download],
    directory_urls: bool = True,
    lang: Language | None = None,
) -> list[Page]:
    """Every generated page of the site, in `lang` (English by default; `env` must be made for
    the same language). `directory_urls` tells how raw HTML links (the map's) must be written:
    MkDocs rewrites Markdown links itself, not links inside inline SVG."""
    lang = lang or Language("en")
    chronology = Chronology.of(dataset, today=today)
    reviewed = review_of(dataset, lang)  # overview pages say how recent their records are
    common = {"env": env, "lang": lang}
    pages = [
        render_home(dataset, chronology=chronology, reviewed=reviewed, **common),
        render_frameworks_index(dataset, chronology=chronology, reviewed=reviewed, **common),
        render_partners_index(dataset, chronology=chronology, reviewed=reviewed, **common),
        render_matrix(dataset, chronology=chronology, reviewed=reviewed, **common),
        render_timeline(dataset, reviewed=reviewed, **common),
        render_map(
            dataset,
            chronology=chronology,
            world=load_world(),
            directory_urls=directory_urls,
            reviewed=reviewed,
            **common,
        ),
        render_data_page(dataset, downloads=downloads, reviewed=reviewed, **common),
    ]
    footnotes = Footnotes(dataset.source_by_id, lang)  # a source's entry is written once per edition
    pages += [
        render_framework(f, dataset=dataset, chronology=chronology, footnotes=footnotes, **common)
        for f in dataset.frameworks
    ]
    pages += [
        render_partner(p, dataset=dataset, chronology=chronology, footnotes=footnotes, **common)
        for p in dataset.partners
    ]
    pages += [render_milestone(m, dataset=dataset, footnotes=footnotes, **common) for m in dataset.milestones]
    pages.append(render_allies(dataset, footnotes=footnotes, **common))
    pages.append(render_sources_page(dataset, reviewed=reviewed, **common))
    if lang.translated:
        pages = [replace(page, markdown=lang.typography(page.markdown)) for page in pages]
    return pages
