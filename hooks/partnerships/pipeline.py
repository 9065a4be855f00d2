"""The whole flow, in order:

1. settings: the environment's settings (settings.py);
2. load: data/<kind>/*.yaml, its layout, bytes and strict YAML (load.py);
3. models: each record against the single schema (models.py, validate.py);
4. checks: cross-record rules (checks.py); any problem so far raises one DataError;
5. render: Markdown pages from templates (render.py) and downloadable files (export.py),
   then the check that no generated file would replace a hand-written one.

`prepare_site` runs all of it. The MkDocs hook and `python -m partnerships check` both call
it, before anything is written, so they always agree on what is wrong.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .checks import all_problems
from .dataset import Dataset
from .export import Download, build_downloads
from .interface import interface_strings
from .language import Language, untranslated
from .load import load_records
from .map_page import STYLESHEET as MAP_STYLESHEET
from .map_page import map_stylesheet
from .models import Ally, Framework, Milestone, Partner, Source
from .problems import DataError, Problem
from .render import make_environment, render_pages, set_language
from .settings import Settings, read_settings
from .sources import plain_http_sources, uncited_sources
from .validate import to_models
from .views import Page, search_names


@dataclass(frozen=True)
class Project:
    """Where a site's parts are. `root` is the folder of mkdocs.yml; paths in messages are
    shown relative to it."""

    root: Path
    data_dir: Path
    docs_dir: Path

    @classmethod
    def at(cls, root: Path, *, data_dir: Path | None = None, docs_dir: Path | None = None) -> Project:
        return cls(root=root, data_dir=data_dir or root / "data", docs_dir=docs_dir or root / "docs")

    def shown(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.as_posix()


@dataclass(frozen=True)
class Checked:
    """A dataset that passed every check, and what is worth telling its editors anyway."""

    dataset: Dataset
    notices: list[Problem] = field(default_factory=list)


def check_data(data_dir: Path, *, today: dt.date, shown_root: Path | None = None) -> Checked:
    """Load and check data/; raise DataError listing every problem found."""
    loaded = load_records(data_dir, shown_root=shown_root)
    entries, model_problems = to_models(loaded.records)
    # Every file counts as known, even one that failed to parse: its own problem is reported once.
    problems = loaded.problems + model_problems + all_problems(entries, known_ids=loaded.ids, today=today)
    if problems:
        raise DataError(problems)
    models = [model for _, model in entries]
    dataset = Dataset(
        frameworks=tuple(m for m in models if isinstance(m, Framework)),
        partners=tuple(m for m in models if isinstance(m, Partner)),
        allies=tuple(m for m in models if isinstance(m, Ally)),
        milestones=tuple(m for m in models if isinstance(m, Milestone)),
        sources=tuple(m for m in models if isinstance(m, Source)),
    )
    return Checked(dataset=dataset, notices=[*plain_http_sources(entries), *uncited_sources(entries)])


def load_dataset(data_dir: Path, *, today: dt.date) -> Dataset:
    """The checked dataset alone."""
    return check_data(data_dir, today=today).dataset


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Run a build step with Python's cyclic garbage collector off.

    Loading and rendering allocate many small objects and free none of them in cycles; the
    collector's repeated scans were a large share of the hook's time on big datasets
    (bench/profile_hook.py). Reference counting still frees memory as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(frozen=True)
class Site:
    """Everything generated from data/: pages to add to the site, files to copy into it and
    offer for download, assets the pages use (the map's colours), and the names the search
    suggests pages for."""

    pages: list[Page]
    downloads: list[Download]
    assets: list[Download] = field(default_factory=list)
    search_names: str = ""  # views.search_names: for the search's suggestions, on every page
    interface: dict[str, Any] = field(default_factory=dict)  # interface.py: the theme's and the script's strings

    @functools.cached_property
    def meta_by_uri(self) -> dict[str, dict[str, Any]]:
        """Each page's metadata, by the page's src_uri."""
        return {page.src_uri: page.meta for page in self.pages}


@dataclass(frozen=True)
class Prepared:
    """A site ready to hand to MkDocs, what it was built from, and notices for editors."""

    dataset: Dataset
    site: Site
    settings: Settings
    notices: list[Problem]
    checked: Checked | None = None


def prepare_site(
    project: Project,
    *,
    environ: Mapping[str, str],
    directory_urls: bool = True,
    env: jinja2.Environment | None = None,
    lang: Language | None = None,
    checked: Checked | None = None,
) -> Prepared:
    """Everything that can fail a build because of data, file layout or settings, checked
    before anything is written. Raises one DataError listing every problem.

    `lang`: the edition's language, its catalogue read (language.read_catalogue). `checked`:
    the data as another edition of the same build has just checked it, not read again."""
    settings, problems = read_settings(environ)
    if checked is None:
        try:
            checked = check_data(project.data_dir, today=settings.today, shown_root=project.root)
        except DataError as error:
            raise DataError([*problems, *error.problems]) from None
    if problems:
        raise DataError(problems)
    site = build_site(checked.dataset, today=settings.today, directory_urls=directory_urls, env=env, lang=lang)
    collisions = check_generated_paths(site, project=project)
    if collisions:
        raise DataError(collisions)
    return Prepared(dataset=checked.dataset, site=site, settings=settings, notices=checked.notices, checked=checked)


def build_site(
    dataset: Dataset,
    *,
    today: dt.date,
    directory_urls: bool = True,
    env: jinja2.Environment | None = None,
    lang: Language | None = None,
) -> Site:
    """Render every generated page and download, in `lang` (English by default). A string the
    pages need that the language's catalogue does not translate fails the build."""
    lang = lang or Language("en")
    lang.missing.clear()
    downloads = build_downloads(dataset, today=today)
    env = env or make_environment(lang)
    pages = render_pages(dataset, env=env, today=today, downloads=downloads, directory_urls=directory_urls, lang=lang)
    interface = interface_strings(lang)
    if lang.missing:
        raise DataError([untranslated(lang, message) for message in sorted(lang.missing)])
    assets = [Download(MAP_STYLESHEET, map_stylesheet(), "the map's colours")]
    names = search_names(dataset, directory_urls=directory_urls, lang=lang)
    return Site(pages=pages, downloads=downloads, assets=assets, search_names=names, interface=interface)


def build_pages(
    dataset: Dataset, *, today: dt.date, directory_urls: bool = True, lang: Language | None = None
) -> list[Page]:
    """The generated pages alone."""
    return build_site(dataset, today=today, directory_urls=directory_urls, lang=lang).pages


def check_generated_paths(site: Site, *, project: Project) -> list[Problem]:
    """A hand-written file in docs/ where a generated page or download goes would silently
    lose to it, or replace it; both are refused."""
    docs = project.docs_dir
    handwritten = {p.relative_to(docs).as_posix() for p in docs.rglob("*")} if docs.is_dir() else set()
    problems = []
    for uri, source in [(p.src_uri, p.source_file) for p in site.pages] + [
        (d.src_uri, None) for d in [*site.downloads, *site.assets]
    ]:
        for candidate in _same_output(uri):
            if candidate in handwritten:
                origin = f"from {source}" if source else "from data/"
                message = f"{uri} is generated {origin}; remove or rename the hand-written file"
                problems.append(Problem(project.shown(docs / candidate), 0, "", message))
    return problems


def _same_output(uri: str) -> list[str]:
    # MkDocs writes partners/x.md and partners/x/index.md to the same place, and takes a
    # folder's README.md as its index.md.
    if uri.endswith("/index.md") or uri == "index.md":
        return [uri, uri.removesuffix("index.md") + "README.md"]
    if uri.endswith(".md"):
        return [uri, uri.removesuffix(".md") + "/index.md"]
    return [uri]


def placeholder_site(*, env: jinja2.Environment | None = None, lang: Language | None = None) -> Prepared:
    """What `mkdocs serve` shows when the data has not been valid once since it started: a
    home page that says so (the problems are listed in the banner of every page)."""
    lang = lang or Language("en")
    env = env or make_environment(lang)
    set_language(env, lang)
    page = Page(
        "index.md", env.get_template("placeholder.md.j2").render(), meta={"title": lang.t("The data has problems")}
    )
    settings = Settings(today=dt.date.today(), edit_url_template=None)
    site = Site(pages=[page], downloads=[], interface=interface_strings(lang))
    return Prepared(dataset=Dataset((), (), ()), site=site, settings=settings, notices=[])
