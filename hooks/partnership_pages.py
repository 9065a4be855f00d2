"""MkDocs hook: check the project and add the pages generated from data/. The only code that
knows MkDocs; everything else lives in the MkDocs-free package hooks/partnerships/.

What the hook promises, whatever the data, files or settings hold:

- every check runs in on_config, before MkDocs touches the site folder, and it is the same
  function that `python -m partnerships check` runs;
- the site is built into a staging folder beside site_dir and moved into place only once the
  build has finished with no error and, in strict mode, no warning: a failed build leaves the
  previous site byte for byte;
- under `mkdocs serve`, a data problem does not stop the server: it keeps serving the last
  good pages with the problems listed in a banner, and reloads once they are fixed;
- the site's other editions (mkdocs.yml, extra.editions: French, from mkdocs-fr.yml) are built
  by the same command, into <site_dir>/<lang>/, from the data checked once, before the new
  site replaces the old: `mkdocs build` and `mkdocs serve` give both languages.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import CountHandler

from partnerships import DataError, Prepared, Project, make_environment, paused_gc, placeholder_site, prepare_site
from partnerships.editions import handwritten_pages, root_from
from partnerships.language import LANGUAGES, SOURCE_LANGUAGE, Language, read_catalogue
from partnerships.render import set_language

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

# "mkdocs", or "properdocs" when its fork runs this hook through its mkdocs alias.
GENERATOR = CountHandler.__module__.partition(".")[0]
log = logging.getLogger(f"{GENERATOR}.hooks.partnership_pages")


@dataclass
class _State:
    """What the hook keeps between events, and between the builds of one `mkdocs serve`
    (MkDocs imports a hook once per process and never reloads it)."""

    command: str = "build"
    dirty: bool = False
    templates: dict[str, jinja2.Environment] = field(default_factory=dict)  # by language, compiled once per process
    lang: Language | None = None  # the language of the edition being built
    last_good: Prepared | None = None
    prepared: Prepared | None = None
    highlighted: Page | None = None  # the section index marked active for the page being rendered
    target: Path | None = None  # the site_dir MkDocs was given
    staging: Path | None = None  # where this build is written instead
    edition_of: Prepared | None = None  # set while another edition of the same build is built from this one


_state = _State()
_last_good: dict[str, Prepared] = {}  # by language, for `mkdocs serve`


def on_startup(*, command: str, dirty: bool) -> None:
    _state.command, _state.dirty = command, dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Plugins' on_config ran first: the offline plugin has already turned directory URLs off.
    # None of them writes into site_dir before on_post_build, when it is the staging folder.
    project = Project.at(_project_root(config), docs_dir=Path(config.docs_dir))
    code = config.theme.get("language", SOURCE_LANGUAGE)
    if code not in LANGUAGES:
        raise PluginError(f"theme.language is {code!r}; the site has editions in {', '.join(LANGUAGES)} only")
    config.extra["data_problems"] = []
    with paused_gc():
        try:
            lang, problems = read_catalogue(code)
            _state.lang = lang
            if problems:
                raise DataError(problems)
            env = _state.templates.get(code) or make_environment(lang)
            set_language(env, lang)  # a fresh catalogue each build: `mkdocs serve` shows a translator's edit
            _state.templates[code], _state.lang = env, lang
            checked = _state.edition_of.checked if _state.edition_of else None
            prepared = prepare_site(
                project,
                environ=os.environ,
                directory_urls=config.use_directory_urls,
                env=env,
                lang=lang,
                checked=checked,
            )
        except DataError as error:
            if _state.command != "serve":
                raise PluginError(error.report()) from None
            prepared = _keep_serving(config, error, code)
        else:
            _last_good[code] = prepared
    _state.prepared = prepared
    config.extra["search_names"] = prepared.site.search_names  # read by overrides/partials/search.html
    config.extra["interface"] = prepared.site.interface  # read by overrides/ and, through them, partnerships.js
    settings = prepared.settings
    if settings.edit_url_template:
        config.edit_uri_template = settings.edit_url_template
    _link_editions(config, code, settings.site_url)
    if settings.site_url:
        config.site_url = settings.site_url + root_from(SOURCE_LANGUAGE, code)
    if settings.repo_url:
        # MkDocs names the repository while it validates mkdocs.yml, before this hook runs.
        config.repo_url, config.repo_name = settings.repo_url, settings.repo_name
    if prepared.notices:
        log.info(
            "partnership_pages: %d notices about data/, such as plain http:// sources; "
            "`python -m partnerships check` lists them",
            len(prepared.notices),
        )
    _stage(config)
    return config


def _link_editions(config: MkDocsConfig, code: str, site_url: str | None) -> None:
    """What the language switch and the hreflang links of every page need: each edition's
    name, language, and root relative to this edition's root (and absolute, when the site's
    address is known). overrides/partials/alternate.html adds the page's own path."""
    editions = config.extra.get("editions") or {}
    config.extra["edition_links"] = [
        {
            "lang": other,
            "name": str((editions.get(other) or {}).get("name", other)),
            "relative": root_from(code, other),
            "absolute": site_url + root_from(SOURCE_LANGUAGE, other) if site_url else None,
            "current": other == code,
        }
        for other in LANGUAGES
        if other == code or other in editions
    ]


def _keep_serving(config: MkDocsConfig, error: DataError, code: str) -> Prepared:
    """Under `mkdocs serve`: the last good pages, or a placeholder, with the problems in a banner."""
    for line in error.report().splitlines():
        log.info("partnership_pages: %s", line)  # info: a warning would stop a strict serve
    config.extra["data_problems"] = [str(problem) for problem in error.problems]
    if code in _last_good:
        log.info("partnership_pages: serving the last good version of the generated pages until then")
        return _last_good[code]
    # No good build yet: a placeholder home page, and the links to the missing pages reported,
    # not counted as warnings, so that the server starts and shows the problems.
    for validation in (config.validation.nav, config.validation.links):
        validation.not_found = logging.INFO
    config.validation.links.anchors = config.validation.links.unrecognized_links = logging.INFO
    return placeholder_site(env=_state.templates.get(code), lang=_state.lang)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    assert _state.prepared is not None, "on_config runs first"
    site = _state.prepared.site
    docs = os.path.relpath(config.docs_dir, _project_root(config)).replace(os.sep, "/")
    _choose_handwritten(files, config, docs)
    for file in files.documentation_pages():
        if file.generated_by is None:
            file.edit_uri = quote(f"{docs}/{file.src_uri}")  # edit links are relative to the repository root
    for page in site.pages:
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = quote(page.source_file) if page.source_file else None  # the YAML file behind the page
        files.append(file)
    for download in [*site.downloads, *site.assets]:
        files.append(File.generated(config, download.src_uri, content=download.content))
    log.info("partnership_pages: %d pages and %d downloads generated from data/", len(site.pages), len(site.downloads))
    return files


def _choose_handwritten(files: Files, config: MkDocsConfig, docs: str) -> None:
    """This edition's hand-written pages: about.fr.md served as about.md in French, left out
    in English (editions.py). A page with no twin in the other language fails the build."""
    assert _state.lang is not None, "on_config runs first"
    pages = [file for file in files if file.src_uri.endswith(".md")]
    chosen, problems = handwritten_pages([file.src_uri for file in pages], _state.lang.code, docs=docs)
    if problems:
        report = DataError(problems).report()
        if _state.command != "serve":
            raise PluginError(report)
        log.info("partnership_pages: %s", report)
    by_uri = {file.src_uri: file for file in pages}
    for uri in sorted(chosen.left_out):
        files.remove(by_uri[uri])
    for address, uri in chosen.served_at.items():
        translated = File.generated(config, address, abs_src_path=by_uri[uri].abs_src_path)
        translated.edit_uri = quote(f"{docs}/{uri}")
        files.append(translated)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Generated pages carry their metadata here rather than as YAML front matter, which MkDocs
    # drops silently when it does not parse (and then renders as Markdown).
    assert _state.prepared is not None, "on_config runs first"
    meta = _state.prepared.site.meta_by_uri.get(page.file.src_uri)
    if meta is not None and page.file.generated_by is not None:
        if page.meta:
            raise PluginError(
                f"{page.file.src_uri}: a generated page must not start with front matter; fix its template"
            )
        page.meta = dict(meta)
    elif _state.lang is not None:
        # A hand-written page gets the spacing of its language too (the generated ones have it).
        markdown = _state.lang.typography(markdown)
    return markdown


def on_page_context(context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    # A generated page is kept out of the navigation (mkdocs.yml, not_in_nav), so the sidebar
    # would show no section as the reader's. Its folder's index page (partners/index.md for a
    # partner) is marked active while it is rendered: the sidebar highlights that section.
    if page not in nav.pages:
        folder_index = posixpath.join(posixpath.dirname(page.file.src_uri), "index.md")
        section = next((p for p in nav.pages if p.file.src_uri == folder_index), None)
        if section is not None:
            section.active = True
            _state.highlighted = section
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _state.highlighted is not None:
        _state.highlighted.active = False
        _state.highlighted = None
    return output


def _stage(config: MkDocsConfig) -> None:
    # A dirty build updates the site in place by design (MkDocs's --dirty); every other build
    # is written beside it first. Another edition is written into the first one's staging
    # folder, which moves into place with it.
    if _state.dirty or _state.edition_of is not None:
        return
    target = Path(config.site_dir)
    staging = target.with_name(f".{target.name}.building")
    _remove(staging)
    staging.mkdir(parents=True)
    _state.target, _state.staging = target, staging
    config.site_dir = str(staging)


@event_priority(-100)  # last: after the search and offline plugins have written into the site
def on_post_build(*, config: MkDocsConfig) -> None:
    first_edition = _state.edition_of is None and _state.lang is not None and _state.lang.code == SOURCE_LANGUAGE
    if first_edition and not _strict_warnings():
        _build_other_editions(config)
    target, staging = _state.target, _state.staging
    if target is None or staging is None:
        return
    _state.staging = None
    config.site_dir = str(target)  # for what runs after the build (gh-deploy)
    if _strict_warnings():
        # MkDocs aborts right after this event ("Aborted with N warnings in strict mode!").
        _remove(staging)
        return
    previous = target.with_name(f".{target.name}.previous")
    _remove(previous)
    if target.exists() or target.is_symlink():
        target.rename(previous)
    staging.rename(target)
    _remove(previous)
    log.info("partnership_pages: the new build replaced %s", target)


def _build_other_editions(config: MkDocsConfig) -> None:
    """Each edition that mkdocs.yml's extra.editions names with a config file, built into
    <site_dir>/<lang>/ from the data this build has checked. Its failure fails this build."""
    global _state
    outer = _state
    editions = config.extra.get("editions") or {}
    for code, edition in editions.items():
        if code == SOURCE_LANGUAGE or edition is None:  # `fr: null`: a build without that edition
            continue
        if code not in LANGUAGES or not isinstance(edition, dict) or not isinstance(edition.get("config"), str):
            raise PluginError(f"extra.editions.{code}: give a language of {', '.join(LANGUAGES)} and its `config` file")
        config_file = _project_root(config) / edition["config"]
        _state = _State(command=outer.command, dirty=outer.dirty, templates=outer.templates, edition_of=outer.prepared)
        try:
            other = load_config(str(config_file), site_dir=str(Path(config.site_dir) / code), strict=config.strict)
            log.info("partnership_pages: building the %s edition from %s", code, edition["config"])
            build(other, dirty=outer.dirty)
        finally:
            _state = outer


def on_build_error(*, error: Exception) -> None:
    if _state.staging is not None:
        _remove(_state.staging)
        _state.staging = None


def _strict_warnings() -> bool:
    # In strict mode MkDocs counts warnings with a CountHandler on its logger and aborts after
    # on_post_build if there are any; reading that same counter keeps the two in step.
    handlers = logging.getLogger(GENERATOR).handlers
    return any(isinstance(handler, CountHandler) and handler.get_counts() for handler in handlers)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _project_root(config: MkDocsConfig) -> Path:
    # config_file_path is relative when mkdocs is run with -f.
    return Path(config.config_file_path).resolve().parent
