"""Dataset -> Markdown pages. Views (sorting, grouping, links, citations) are built here in
Python; the Jinja templates in templates/ only print them. No validation happens here."""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from .dataset import Dataset
from .export import DOWNLOAD_DIR, Download
from .geo import load_world
from .history import FIRST_YEAR, Chronology
from .models import MAP_GROUPS, REGION_NAMES, Framework, Membership, Milestone, Name, PartialDate, Partner
from .urls import parse_web_address

TEMPLATES = Path(__file__).parent / "templates"
LATEST_MILESTONES_ON_HOME = 6
STATUS_LABELS = {"active": "Active", "suspended": "Suspended", "dormant": "Dormant", "replaced": "Replaced"}

# Characters that Markdown or HTML would act on. Data text is plain text, so each becomes a
# numeric entity: it shows as itself but can never open a tag, a link, emphasis or a table cell.
_MD_SPECIAL_CHARS = "\\`*_{}[]<>#!|~^&"
_MD_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in _MD_SPECIAL_CHARS})
_HAS_MD_SPECIAL = re.compile(f"[{re.escape(_MD_SPECIAL_CHARS)}]")
# What makes a line a list item, a rule or a heading underline when a text starts a line:
# "1. ", "1) ", "- ", "+ ", "===". The marker's last character becomes an entity.
_LINE_START = re.compile(r"[0-9]+[.)](?=\s|$)|[-+=](?=[\s=-]|$)")
# Python-Markdown's footnotes extension puts the list of sources where it first finds this
# marker (templates/_macros.md.j2 writes it under "Sources"); in data text it must not match.
FOOTNOTES_MARKER = "///Footnotes Go Here///"


_MARKUP = re.compile(r"[<>{}\[\]`*_#|\\]")


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown, the data file it comes from, and the
    page's metadata (title, search tags and boost, hidden parts of the layout).

    The metadata is handed to MkDocs as a dict, never as YAML front matter in the Markdown:
    a value that YAML cannot round-trip would make MkDocs drop the front matter silently and
    render it as Markdown."""

    src_uri: str
    markdown: str
    source_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def md(text: str | None) -> str:
    """Escape plain text for any place in Markdown, table cells included (newlines fold)."""
    if text is None:
        return ""
    text = " ".join(text.split())
    # Few texts hold any of these; a search is three times faster than translate on the rest.
    if _HAS_MD_SPECIAL.search(text):
        text = text.translate(_MD_SPECIAL)
    if FOOTNOTES_MARKER in text:
        text = text.replace(FOOTNOTES_MARKER, "&#47;" + FOOTNOTES_MARKER[1:])
    start = _LINE_START.match(text)
    if start:
        end = start.end()
        text = f"{text[: end - 1]}&#{ord(text[end - 1])};{text[end:]}"
    return text


def tab_title(text: str) -> str:
    """The page title for the browser tab and the search index.

    Material prints `page.title | striptags`, and striptags turns entities back into markup, so
    escaping is not enough there: look-alike characters replace < > & instead."""
    return " ".join(text.split()).translate(_TITLE_LOOK_ALIKES)


_TITLE_LOOK_ALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})


def entity_meta(title: str, *, boost: float, tags: list[str] | None = None) -> dict[str, Any]:
    """Metadata of a framework, partner or milestone page."""
    meta: dict[str, Any] = {"title": tab_title(title), "search": {"boost": boost}}
    if tags is not None:
        meta["tags"] = tags
    return meta


@functools.lru_cache(maxsize=65536)  # pure; each name is folded on many pages
def fold(text: str) -> str:
    """'Bahreïn' -> 'Bahrein': search does not fold accents, so pages carry both forms."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def human_date(value: PartialDate | None, unknown: str = "date not recorded") -> str:
    return value.human() if value else unknown


def date_span(start: PartialDate, end: PartialDate | None) -> str:
    if end is None or end == start:
        return start.human()
    if start.year == end.year and start.month == end.month and start.day and end.day:
        return f"{start.day}–{end.human()}"
    return f"{start.human()} – {end.human()}"


class Citations:
    """Numbers each source the first time a page cites it; renders as Markdown footnotes."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}

    def __call__(self, sources: Iterable[str]) -> str:
        marks = []
        for url in sources:
            number = self._numbers.setdefault(url, len(self._numbers) + 1)
            marks.append(f"[^{number}]")
        # A comma keeps [^2][^3] from reading as footnote 23.
        return "<sup>,</sup>".join(marks)

    def listing(self) -> list[dict[str, Any]]:
        return [{"number": n, "url": _href(url), "label": md(_label(url))} for url, n in self._numbers.items()]


def _href(url: str) -> str:
    # Markdown link targets end at ')' or a space; percent-encode both.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def _label(url: str) -> str:
    # The host a browser will open, in Unicode, and the path (urls.py; accepted URLs only).
    return parse_web_address(url).label


def link(from_uri: str, to_uri: str, text: str) -> str:
    """A relative Markdown link, so MkDocs checks it in --strict builds."""
    return f"[{md(text)}]({relative(from_uri, to_uri)})"


def relative(from_uri: str, to_uri: str) -> str:
    """posixpath.relpath for page URIs, without its filesystem calls (it runs ~10 times a page)."""
    from_dir, to_dir = from_uri.rpartition("/")[0], to_uri.rpartition("/")[0]
    if from_dir == to_dir:
        return to_uri.rpartition("/")[2]
    if not from_dir:
        return to_uri
    if to_uri.startswith(from_dir + "/"):
        return to_uri[len(from_dir) + 1 :]
    return "../" * (from_dir.count("/") + 1) + to_uri  # correct, if not always the shortest


def uri(kind: str, entity_id: str) -> str:
    return f"{kind}/{entity_id}.md"


class _ViewEnvironment(jinja2.Environment):
    """Templates read views, which are dicts, as `page.title`. Jinja tries the attribute first
    and catches an AttributeError on each of those lookups, half a million at 10,000 records;
    reading the key first is ten times faster. A key named like a dict method (`items`) wins
    over the method, which is what a template reading a view means."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def make_environment() -> jinja2.Environment:
    """Templates read from files, compiled in memory, undefined names failing loudly.

    Compiled templates are never cached on disk: a cache file in the work tree would be code
    that the next build runs. An environment kept between `mkdocs serve` rebuilds compiles each
    template once and, with auto_reload, again only when its file changes."""
    env = _ViewEnvironment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        auto_reload=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,  # the output is Markdown; text is escaped by the `md` filter
    )
    env.filters["md"] = md
    env.filters["html"] = markupsafe.escape
    return env


# --- Pages --------------------------------------------------------------------------------------


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
    # Overview pages say how recent their records are (templates/_macros.md.j2: overview_footer).
    env.globals["reviewed"] = _review_span(dataset)
    chronology = Chronology.of(dataset)
    pages = [
        render_home(dataset, env=env),
        render_frameworks_index(dataset, env=env),
        render_partners_index(dataset, env=env, today=today, chronology=chronology),
        render_matrix(dataset, env=env, today=today, chronology=chronology),
        render_timeline(dataset, env=env),
        render_map(dataset, env=env, today=today, chronology=chronology, directory_urls=directory_urls),
        render_data_page(dataset, env=env, downloads=downloads),
    ]
    pages += [render_framework(f, dataset=dataset, env=env) for f in dataset.frameworks]
    pages += [render_partner(p, dataset=dataset, env=env) for p in dataset.partners]
    pages += [render_milestone(m, dataset=dataset, env=env) for m in dataset.milestones]
    return pages


def _frameworks_in_order(dataset: Dataset) -> list[Framework]:
    # Oldest first, as a reader meets them in history; undated (PatG) last.
    return sorted(
        dataset.frameworks,
        key=lambda f: (f.launched.date is None, f.launched.date.first_day if f.launched.date else dt.date.max, f.id),
    )


def _partners_in_order(partners: Iterable[Partner]) -> list[Partner]:
    return sorted(partners, key=lambda p: fold(p.name.en).casefold())


def _aliases(*names: Name | None, extra: Sequence[str] = ()) -> list[str]:
    """Other names a reader may search for, each once, plus accent-free forms."""
    seen: list[str] = []
    for name in [*(n.fr for n in names if n), *extra]:
        for form in (name, fold(name) if name else None):
            if form and form not in seen:
                seen.append(form)
    return seen


def _search_terms(*names: Name | None, extra: Sequence[str] = ()) -> list[str]:
    """Search tags: Material's search weighs tags far above titles, so a search for a name,
    acronym or other spelling lists the entity's own page first. They are not shown."""
    terms = [n.en for n in names if n] + _aliases(*names, extra=extra)
    # Only plain words: anything markup-like stays out of the search index.
    plain = [term for term in terms if not _MARKUP.search(term)]
    return list(dict.fromkeys(plain))


def _current(membership: Membership) -> bool:
    return membership.until is None


def _since_until(membership: Membership) -> str:
    since = human_date(membership.since, "date not recorded")
    return f"{since} – {membership.until.human()}" if membership.until else f"since {since}"


def _milestone_rows(milestones: Iterable[Milestone], *, from_uri: str) -> list[dict[str, str]]:
    return [
        {"date": date_span(m.date, m.end_date), "link": link(from_uri, uri("milestones", m.id), m.title.en)}
        for m in milestones
    ]


def render_framework(framework: Framework, *, dataset: Dataset, env: jinja2.Environment) -> Page:
    here = uri("frameworks", framework.id)
    cite = Citations()
    members = dataset.members_of(framework.id)
    current = [(p, m) for p, m in members if _current(m)]
    former = [(p, m) for p, m in members if not _current(m)]
    view = {
        "title": framework.name.en + (f" ({framework.acronym.en})" if framework.acronym else ""),
        "name_fr": framework.name.fr,
        "acronym_fr": framework.acronym.fr if framework.acronym else None,
        "aliases": _aliases(framework.name, framework.acronym, extra=framework.aliases),
        # Built in reading order, so that source numbers grow down the page.
        "description": md(framework.description.text.en) + cite(framework.description.sources),
        "status": STATUS_LABELS[framework.status.value],
        "status_since": framework.status.since.human() if framework.status.since else None,
        "status_text": md(framework.status.text.en) + cite(framework.status.sources),
        "replaced_by": link(
            here, uri("frameworks", framework.replaced_by), dataset.framework_by_id[framework.replaced_by].name.en
        )
        if framework.replaced_by
        else None,
        "replaces": [
            link(here, uri("frameworks", f.id), f.name.en) for f in dataset.frameworks if f.replaced_by == framework.id
        ],
        "launched": human_date(framework.launched.date, "no single founding date"),
        "launched_text": md(framework.launched.event.en) + cite(framework.launched.sources),
        "predecessor": _predecessor(framework, cite),
        "current": [
            {
                "link": link(here, uri("partners", p.id), p.name.en),
                "region": REGION_NAMES[p.region].en,
                "since": human_date(m.since),
                "remark": _remark(m, cite),
            }
            for p, m in sorted(current, key=lambda pm: fold(pm[0].name.en))
        ],
        "former": [
            {
                "link": link(here, uri("partners", p.id), p.name.en),
                "since": human_date(m.since),
                "until": m.until.human() if m.until else "",
                "reason": md(m.end_reason.en if m.end_reason else "") + cite(m.sources),
            }
            for p, m in sorted(
                former, key=lambda pm: (pm[1].until.first_day if pm[1].until else dt.date.max, fold(pm[0].name.en))
            )
        ],
        "notes": [md(n.text.en) + cite(n.sources) for n in framework.notes],
        "milestones": _milestone_rows(dataset.milestones_of("frameworks", framework.id), from_uri=here),
        "reviewed": framework.reviewed.human(),
    }
    markdown = env.get_template("framework.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(
        view["title"], boost=3, tags=_search_terms(framework.name, framework.acronym, extra=framework.aliases)
    )
    return Page(here, markdown, f"data/frameworks/{framework.id}.yaml", meta)


def _predecessor(framework: Framework, cite: Citations) -> dict[str, str] | None:
    if framework.predecessor is None:
        return None
    predecessor = framework.predecessor
    return {
        "name": md(predecessor.name.en),
        "created": human_date(predecessor.created, ""),
        "text": md(predecessor.text.en) + cite(predecessor.sources),
    }


def _remark(membership: Membership, cite: Citations) -> str:
    parts = []
    if membership.suspended:
        suspension = membership.suspended
        parts.append(
            f"**Suspended since {suspension.since.human()}**: {md(suspension.text.en)}{cite(suspension.sources)}"
        )
    if membership.note:
        parts.append(md(membership.note.en))
    return " ".join(parts) + cite(membership.sources)


def render_partner(partner: Partner, *, dataset: Dataset, env: jinja2.Environment) -> Page:
    here = uri("partners", partner.id)
    cite = Citations()
    memberships = sorted(
        partner.memberships, key=lambda m: (m.since.first_day if m.since else dt.date.min, m.framework)
    )
    current = [m for m in memberships if _current(m)]
    view = {
        "title": partner.name.en,
        "name_fr": partner.name.fr,
        "aliases": _aliases(partner.name, extra=partner.aliases),
        "iso": partner.iso,
        "kind": "State" if partner.type == "state" else "International organisation",
        "region": REGION_NAMES[partner.region].en,
        "summary": _partner_summary(partner, current, dataset),
        "accession": {
            "date": partner.nato_accession.date.human(),
            "text": md(partner.nato_accession.text.en if partner.nato_accession.text else "")
            + cite(partner.nato_accession.sources),
        }
        if partner.nato_accession
        else None,
        "memberships": [
            {
                "link": link(here, uri("frameworks", m.framework), dataset.framework_by_id[m.framework].name.en),
                "since": human_date(m.since),
                "until": m.until.human() if m.until else "—",
                "remark": (md(m.end_reason.en) + ". " if m.end_reason else "") + _remark(m, cite),
            }
            for m in memberships
        ],
        "notes": [md(n.text.en) + cite(n.sources) for n in partner.notes],
        "milestones": _milestone_rows(dataset.milestones_of("partners", partner.id), from_uri=here),
        "reviewed": partner.reviewed.human(),
    }
    markdown = env.get_template("partner.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view["title"], boost=3, tags=_search_terms(partner.name, extra=[partner.iso, *partner.aliases]))
    return Page(here, markdown, f"data/partners/{partner.id}.yaml", meta)


def _partner_summary(partner: Partner, current: list[Membership], dataset: Dataset) -> str:
    names = [dataset.short_name[m.framework] for m in current]
    parts = []
    if partner.nato_accession:
        parts.append(f"NATO Ally since {partner.nato_accession.date.human()}; a former partner.")
    if names:
        parts.append(f"Takes part today in: {md(', '.join(names))}.")
    suspended = [dataset.short_name[m.framework] for m in current if m.suspended]
    if suspended:
        parts.append(f"Cooperation suspended in: {md(', '.join(suspended))}.")
    return " ".join(parts)


def render_milestone(milestone: Milestone, *, dataset: Dataset, env: jinja2.Environment) -> Page:
    here = uri("milestones", milestone.id)
    cite = Citations()
    view = {
        "title": milestone.title.en,
        "title_fr": milestone.title.fr,
        "date": date_span(milestone.date, milestone.end_date),
        "precision": milestone.date.precision,
        "summary": md(milestone.summary.en) + cite(milestone.sources),
        "frameworks": [
            link(here, uri("frameworks", f), dataset.framework_by_id[f].name.en) for f in milestone.frameworks
        ],
        "partners": [
            link(here, uri("partners", p), dataset.partner_by_id[p].name.en)
            for p in sorted(milestone.partners, key=lambda i: fold(dataset.partner_by_id[i].name.en))
        ],
        "seed": md(milestone.seed.en) if milestone.seed else None,
        "reviewed": milestone.reviewed.human(),
    }
    markdown = env.get_template("milestone.md.j2").render(page=view, sources=cite.listing())
    return Page(here, markdown, f"data/milestones/{milestone.id}.yaml", entity_meta(milestone.title.en, boost=2))


def _review_span(dataset: Dataset) -> dict[str, str] | None:
    reviewed = [r.reviewed for r in (*dataset.frameworks, *dataset.partners, *dataset.milestones)]
    return {"oldest": min(reviewed).human(), "newest": max(reviewed).human()} if reviewed else None


# --- Index pages --------------------------------------------------------------------------------


def _framework_rows(dataset: Dataset, *, from_uri: str) -> list[dict[str, Any]]:
    rows = []
    for framework in _frameworks_in_order(dataset):
        members = dataset.members_of(framework.id)
        rows.append(
            {
                "link": link(from_uri, uri("frameworks", framework.id), framework.name.en),
                "acronym": md(framework.acronym.en) if framework.acronym else "—",
                "launched": human_date(framework.launched.date, "—"),
                "status": STATUS_LABELS[framework.status.value]
                + (f" ({framework.status.since.human()})" if framework.status.since else ""),
                "current": sum(1 for _, m in members if _current(m)),
                "former": len(
                    {p.id for p, m in members if not _current(m)} - {p.id for p, m in members if _current(m)}
                ),
            }
        )
    return rows


def render_frameworks_index(dataset: Dataset, *, env: jinja2.Environment) -> Page:
    here = "frameworks/index.md"
    view = {"rows": _framework_rows(dataset, from_uri=here)}
    return Page(here, env.get_template("frameworks_index.md.j2").render(page=view))


def render_partners_index(dataset: Dataset, *, env: jinja2.Environment, today: dt.date, chronology: Chronology) -> Page:
    here = "partners/index.md"
    rows = []
    for partner in _partners_in_order(dataset.partners):
        current = [m for m in partner.memberships if _current(m)]
        current_ids = {m.framework for m in current}
        former = [m for m in partner.memberships if not _current(m) and m.framework not in current_ids]
        rows.append(
            {
                "link": _history_link(here, partner, chronology=chronology),
                "region": REGION_NAMES[partner.region].en,
                "current": _framework_links(here, current, dataset),
                "former": _framework_links(here, former, dataset),
                "ally": partner.nato_accession.date.year if partner.nato_accession else "",
            }
        )
    view = {"rows": rows, "count": len(rows), "years": _years(today)}
    return Page(here, env.get_template("partners_index.md.j2").render(page=view))


def _history_link(here: str, partner: Partner, *, chronology: Chronology) -> str:
    """The partner's link, carrying its membership periods for the browser's history view.
    A backslash keeps the token's | from ending the Markdown table cell."""
    ally = partner.nato_accession.date.year if partner.nato_accession else ""
    periods = chronology.periods(partner.memberships).replace("|", "\\|")
    return (
        link(here, uri("partners", partner.id), partner.name.en) + f'{{: data-periods="{periods}" data-ally="{ally}" }}'
    )


def _framework_links(here: str, memberships: Iterable[Membership], dataset: Dataset) -> str:
    ids = dict.fromkeys(m.framework for m in memberships)
    links = [link(here, uri("frameworks", f), dataset.short_name[f]) + f'{{: data-framework="{f}" }}' for f in ids]
    return ", ".join(links) or "—"


def _years(today: dt.date) -> list[int]:
    return list(range(today.year, FIRST_YEAR - 1, -1))


def render_matrix(dataset: Dataset, *, env: jinja2.Environment, today: dt.date, chronology: Chronology) -> Page:
    here = "matrix.md"
    frameworks = _frameworks_in_order(dataset)
    column_of = {f.id: index for index, f in enumerate(frameworks)}
    rows = []
    for partner in _partners_in_order(dataset.partners):
        # Most cells are empty: fill only a partner's own columns (the grid is partners x frameworks).
        by_framework: dict[str, list[Membership]] = {}
        for membership in partner.memberships:
            by_framework.setdefault(membership.framework, []).append(membership)
        cells = [""] * len(frameworks)
        for framework_id, memberships in by_framework.items():
            cells[column_of[framework_id]] = _matrix_cell(memberships, chronology=chronology)
        rows.append({"link": _history_link(here, partner, chronology=chronology), "cells": " | ".join(cells)})
    columns = [{"link": link(here, uri("frameworks", f.id), dataset.short_name[f.id])} for f in frameworks]
    view = {"columns": columns, "rows": rows, "years": _years(today)}
    # The framework columns need the full width of the window.
    return Page(here, env.get_template("matrix.md.j2").render(page=view), meta={"hide": ["navigation", "toc"]})


def _matrix_cell(memberships: list[Membership], *, chronology: Chronology) -> str:
    """One span per membership period; the browser rewrites its text for another year."""
    spans = []
    for m in sorted(memberships, key=lambda m: m.since.first_day if m.since else dt.date.min):
        since = str(m.since.year) if m.since else "?"
        if m.until:
            text, state = f"{since}–{m.until.year}", "former"
        elif m.suspended:
            text, state = f"{since} (suspended)", "suspended"
        else:
            text, state = since, "member"
        token = chronology.token(m).replace("|", "&#124;")  # a bare | would end the table cell
        spans.append(f'<span class="period" data-state="{state}" data-period="{token}">{text}</span>')
    return " ".join(spans)


def render_timeline(dataset: Dataset, *, env: jinja2.Environment) -> Page:
    here = "milestones/index.md"
    ordered = sorted(dataset.milestones, key=lambda m: (m.date.first_day, m.id))
    years = [
        {
            "year": year,
            "milestones": [
                {
                    "date": date_span(m.date, m.end_date),
                    "link": link(here, uri("milestones", m.id), m.title.en)
                    + f'{{: data-frameworks="{" ".join(m.frameworks)}" }}',
                    "frameworks": ", ".join(dataset.short_name[f] for f in m.frameworks),
                }
                for m in group
            ],
        }
        for year, group in groupby(ordered, key=lambda m: m.date.year)
    ]
    filters = [
        {"id": f.id, "label": md(f"{f.name.en} ({dataset.short_name[f.id]})" if f.acronym else f.name.en)}
        for f in _frameworks_in_order(dataset)
    ]
    view = {"years": years, "count": len(ordered), "frameworks": filters}
    return Page(here, env.get_template("timeline.md.j2").render(page=view))


def render_home(dataset: Dataset, *, env: jinja2.Environment) -> Page:
    here = "index.md"
    latest = sorted(dataset.milestones, key=lambda m: (m.date.first_day, m.id), reverse=True)[
        :LATEST_MILESTONES_ON_HOME
    ]
    current_partners = [p for p in dataset.partners if any(_current(m) for m in p.memberships)]
    view = {
        "frameworks": _framework_rows(dataset, from_uri=here),
        "latest": _milestone_rows(latest, from_uri=here),
        "partner_count": len(dataset.partners),
        "current_partner_count": len(current_partners),
        "framework_count": len(dataset.frameworks),
        "milestone_count": len(dataset.milestones),
    }
    meta = {"title": "NATO's partnerships", "search": {"boost": 0.5}}
    return Page(here, env.get_template("home.md.j2").render(page=view), meta=meta)


# --- Map and data pages -------------------------------------------------------------------------


def html_href(from_uri: str, to_uri: str, *, directory_urls: bool) -> str:
    """The URL MkDocs will give `to_uri`, relative to the page built from `from_uri`.

    Only for raw HTML (the SVG map), which MkDocs does not rewrite: partners/x.md becomes
    partners/x/ with directory URLs and partners/x.html without (the offline edition)."""

    def built(src: str) -> str:
        stem = src.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"

    source, target = built(from_uri), built(to_uri)
    base = source if source.endswith("/") or source == "" else posixpath.dirname(source)
    return posixpath.relpath(target or ".", base or ".") + ("/" if target.endswith("/") else "")


def map_group_labels(dataset: Dataset) -> dict[str, str]:
    """Legend text for each map colour; framework groups are named after their frameworks."""
    labels = {"ally": "NATO Ally, formerly a partner"}
    for group in MAP_GROUPS:
        names = [f.name.en for f in _frameworks_in_order(dataset) if f.map_group == group]
        if names:
            labels[group] = " / ".join(names)
    labels |= {
        "suspended": "Partnership suspended",
        "other": "Other frameworks only",
        "former": "Former partner",
        "none": "Not a partner",
    }
    return labels


def render_map(
    dataset: Dataset, *, env: jinja2.Environment, today: dt.date, chronology: Chronology, directory_urls: bool
) -> Page:
    here = "map.md"
    world = load_world()
    labels = map_group_labels(dataset)
    shown, unmapped = [], []
    groups: dict[str, list[str]] = {group: [] for group in labels}
    for partner in _partners_in_order(dataset.partners):
        group = chronology.group_in(partner, today.year)
        groups[group].append(link(here, uri("partners", partner.id), partner.name.en))
        shape, marker = world.shapes.get(partner.iso), world.markers.get(partner.iso)
        if shape is None and marker is None:
            unmapped.append(link(here, uri("partners", partner.id), partner.name.en))
            continue
        shown.append(
            {
                "iso": partner.iso,
                "name": partner.name.en,
                "label": f"{partner.name.en}: {labels[group]}",
                "href": html_href(here, uri("partners", partner.id), directory_urls=directory_urls),
                "group": group,
                "periods": chronology.periods(partner.memberships),
                "ally": partner.nato_accession.date.year if partner.nato_accession else "",
                "d": shape,
                "marker": marker if shape is None or partner.iso in world.markers else None,
            }
        )
    partner_isos = {p.iso for p in dataset.partners}
    view = {
        "view_box": world.view_box,
        "background": [d for iso, d in sorted(world.shapes.items()) if iso not in partner_isos],
        "partners": shown,
        "legend": [{"group": g, "label": labels[g]} for g in labels if groups[g] or g in MAP_GROUPS],
        "groups_in_order": " ".join(MAP_GROUPS),
        "lists": [{"label": labels[g], "links": groups[g]} for g in labels if groups[g] and g != "none"],
        "unmapped": unmapped,
        "years": _years(today),
        "source": world.source,
        "licence": world.licence,
    }
    return Page(here, env.get_template("map.md.j2").render(page=view), meta={"title": "World map"})


def render_data_page(dataset: Dataset, *, env: jinja2.Environment, downloads: Sequence[Download]) -> Page:
    here = "data.md"
    downloads = [
        {
            "link": link(here, d.src_uri, d.src_uri.removeprefix(f"{DOWNLOAD_DIR}/")),
            "description": d.description,
            "size": f"{len(d.content.encode()) / 1024:.0f} KB",
        }
        for d in downloads
    ]
    view = {
        "downloads": downloads,
        "frameworks": len(dataset.frameworks),
        "partners": len(dataset.partners),
        "memberships": sum(len(p.memberships) for p in dataset.partners),
        "milestones": len(dataset.milestones),
    }
    return Page(here, env.get_template("data.md.j2").render(page=view))
