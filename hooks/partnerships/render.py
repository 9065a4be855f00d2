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

from .citations import Citations
from .dataset import Dataset
from .export import DOWNLOAD_DIR, Download
from .geo import load_world
from .history import FIRST_YEAR, Chronology, state_today, takes_part_today
from .markup import md, tab_title
from .models import MAP_GROUPS, REGION_NAMES, Framework, Membership, Milestone, Name, PartialDate, Partner

TEMPLATES = Path(__file__).parent / "templates"
LATEST_MILESTONES_ON_HOME = 6
# Sort keys for a missing date (PartialDate.order): unknown starts first, open ends last.
EARLIEST, LATEST = (0, 0, 0), (10_000, 0, 0)
STATUS_LABELS = {"active": "Active", "suspended": "Suspended", "dormant": "Dormant", "replaced": "Replaced"}

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
        key=lambda f: (f.launched.date is None, f.launched.date.order if f.launched.date else LATEST, f.id),
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
    cite = Citations(dataset.source_by_id)
    members = dataset.members_of(framework.id)
    view = {
        "title": framework.name.en + (f" ({framework.acronym.en})" if framework.acronym else ""),
        "name_fr": framework.name.fr,
        "acronym_fr": framework.acronym.fr if framework.acronym else None,
        "aliases": _aliases(framework.name, framework.acronym, extra=framework.aliases),
        # Built in reading order, so that source numbers grow down the page.
        "description": md(framework.description.text.en) + cite.fact(framework.description),
        "status": STATUS_LABELS[framework.status.value],
        "status_since": framework.status.since.human() if framework.status.since else None,
        "status_text": md(framework.status.text.en) + cite.fact(framework.status),
        "replaced_by": link(
            here, uri("frameworks", framework.replaced_by), dataset.framework_by_id[framework.replaced_by].name.en
        )
        if framework.replaced_by
        else None,
        "replaces": [
            link(here, uri("frameworks", f.id), f.name.en) for f in dataset.frameworks if f.replaced_by == framework.id
        ],
        "launched": human_date(framework.launched.date, "no single founding date"),
        "launched_text": md(framework.launched.event.en) + cite.fact(framework.launched),
        "predecessor": _predecessor(framework, cite),
        "groups": _member_groups(here, members, cite),
        "notes": [md(n.text.en) + cite.fact(n) for n in framework.notes],
        "milestones": _milestone_rows(dataset.milestones_of("frameworks", framework.id), from_uri=here),
        "reviewed": framework.reviewed.human(),
        "checked": cite.checked_sentence(),  # last: after every citation above
    }
    markdown = env.get_template("framework.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(
        view["title"], boost=3, tags=_search_terms(framework.name, framework.acronym, extra=framework.aliases)
    )
    return Page(here, markdown, f"data/frameworks/{framework.id}.yaml", meta)


# The sections of a framework page's member list, in reading order: (state, heading, empty text).
MEMBER_SECTIONS = (
    ("participates", "Partners taking part", "No partner takes part today."),
    ("suspended", "Partners whose cooperation is suspended", None),
    ("ally", "Former partners now NATO Allies", None),
    ("ended", "Former partners", None),
)


def _member_groups(here: str, members: list[tuple[Partner, Membership]], cite: Citations) -> list[dict[str, Any]]:
    groups = []
    for state, heading, empty in MEMBER_SECTIONS:
        rows = [(p, m) for p, m in members if state_today(p, m) == state]
        if not rows and empty is None:
            continue
        rows.sort(key=lambda pm: (pm[1].until.order if pm[1].until else LATEST, fold(pm[0].name.en)))
        groups.append(
            {
                "heading": heading,
                "empty": empty,
                "ended": state in ("ally", "ended"),
                "rows": [
                    {
                        "link": link(here, uri("partners", p.id), p.name.en),
                        "region": REGION_NAMES[p.region].en,
                        "since": human_date(m.since),
                        "until": m.until.human() if m.until else "",
                        "remark": _remark(m, cite),
                    }
                    for p, m in rows
                ],
            }
        )
    return groups


def _predecessor(framework: Framework, cite: Citations) -> dict[str, str] | None:
    if framework.predecessor is None:
        return None
    predecessor = framework.predecessor
    return {
        "name": md(predecessor.name.en),
        "created": human_date(predecessor.created, ""),
        "text": md(predecessor.text.en) + cite.fact(predecessor),
    }


def _remark(membership: Membership, cite: Citations) -> str:
    """Why it ended, its suspension and its note, then the membership's own sources."""
    parts = [md(membership.end_reason.en) + "."] if membership.end_reason else []
    if membership.suspended:
        suspension = membership.suspended
        parts.append(f"**Suspended since {suspension.since.human()}**: {md(suspension.text.en)}{cite.fact(suspension)}")
    if membership.note:
        parts.append(md(membership.note.en))
    elif membership.suspended and set(membership.sources) <= set(membership.suspended.sources):
        return " ".join(parts)  # the marks just printed already name every source
    marks = cite.fact(membership)
    # Marks right after the suspension's marks: a comma keeps [^2][^3] from reading as 23.
    joint = "<sup>,</sup>" if membership.suspended and not membership.note and marks.startswith("[^") else ""
    return " ".join(parts) + joint + marks


def render_partner(partner: Partner, *, dataset: Dataset, env: jinja2.Environment) -> Page:
    here = uri("partners", partner.id)
    cite = Citations(dataset.source_by_id)
    memberships = sorted(partner.memberships, key=lambda m: (m.since.order if m.since else EARLIEST, m.framework))
    view = {
        "title": partner.name.en,
        "name_fr": partner.name.fr,
        "aliases": _aliases(partner.name, extra=partner.aliases),
        "iso": partner.iso,
        "kind": "State" if partner.type == "state" else "International organisation",
        "region": REGION_NAMES[partner.region].en,
        "standing": _partner_summary(partner, memberships, dataset),
        "story": md(partner.summary.text.en) + cite.fact(partner.summary) if partner.summary else None,
        "accession": {
            "date": partner.nato_accession.date.human(),
            "text": md(partner.nato_accession.text.en if partner.nato_accession.text else "")
            + cite.fact(partner.nato_accession),
        }
        if partner.nato_accession
        else None,
        "memberships": [
            {
                "link": link(here, uri("frameworks", m.framework), dataset.framework_by_id[m.framework].name.en),
                "since": human_date(m.since),
                "until": m.until.human() if m.until else "—",
                "remark": _remark(m, cite),
            }
            for m in memberships
        ],
        "notes": [md(n.text.en) + cite.fact(n) for n in partner.notes],
        "milestones": _milestone_rows(dataset.milestones_of("partners", partner.id), from_uri=here),
        "reviewed": partner.reviewed.human(),
        "checked": cite.checked_sentence(),  # last: after every citation above
    }
    markdown = env.get_template("partner.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view["title"], boost=3, tags=_search_terms(partner.name, extra=[partner.iso, *partner.aliases]))
    return Page(here, markdown, f"data/partners/{partner.id}.yaml", meta)


def _partner_summary(partner: Partner, memberships: list[Membership], dataset: Dataset) -> str:
    """Where the partner stands today, in one line (history.state_today decides)."""
    states = [(m, state_today(partner, m)) for m in memberships]
    parts = []
    if partner.nato_accession:
        parts.append(f"NATO Ally since {partner.nato_accession.date.human()}; a former partner.")
    taking_part = [dataset.short_name[m.framework] for m, state in states if state == "participates"]
    if taking_part:
        parts.append(f"Takes part today in: {md(', '.join(taking_part))}.")
    suspended = [
        f"{dataset.short_name[m.framework]} (since {m.suspended.since.human()})"
        for m, state in states
        if state == "suspended" and m.suspended
    ]
    if suspended:
        parts.append(f"Listed in, but cooperation suspended by NATO: {md(', '.join(suspended))}.")
    if not partner.nato_accession and not taking_part and not suspended:
        parts.append("No longer a partner.")
    return " ".join(parts)


def render_milestone(milestone: Milestone, *, dataset: Dataset, env: jinja2.Environment) -> Page:
    here = uri("milestones", milestone.id)
    cite = Citations(dataset.source_by_id)
    view = {
        "title": milestone.title.en,
        "title_fr": milestone.title.fr,
        "date": date_span(milestone.date, milestone.end_date),
        "precision": milestone.date.precision,
        "summary": md(milestone.summary.en) + cite.fact(milestone),
        "frameworks": [
            link(here, uri("frameworks", f), dataset.framework_by_id[f].name.en) for f in milestone.frameworks
        ],
        "partners": [
            link(here, uri("partners", p), dataset.partner_by_id[p].name.en)
            for p in sorted(milestone.partners, key=lambda i: fold(dataset.partner_by_id[i].name.en))
        ],
        "seed": md(milestone.seed.en) if milestone.seed else None,
        "reviewed": milestone.reviewed.human(),
        "checked": cite.checked_sentence(),  # last: after every citation above
    }
    markdown = env.get_template("milestone.md.j2").render(page=view, sources=cite.listing())
    return Page(here, markdown, f"data/milestones/{milestone.id}.yaml", entity_meta(milestone.title.en, boost=2))


def _review_span(dataset: Dataset) -> dict[str, str] | None:
    """How recent the records are: when people last reviewed them and read their sources."""
    reviewed = [r.reviewed for r in (*dataset.frameworks, *dataset.partners, *dataset.milestones)]
    if not reviewed:
        return None
    checked = [s.checked for s in dataset.sources]
    return {
        "oldest": min(reviewed).human(),
        "newest": max(reviewed).human(),
        "checked": max(checked).human() if checked else None,
    }


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
                "current": sum(1 for p, m in members if state_today(p, m) == "participates"),
                "suspended": sum(1 for p, m in members if state_today(p, m) == "suspended"),
                "former": len({p.id for p, m in members if m.until} - {p.id for p, m in members if not m.until}),
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
        current = [m for m in partner.memberships if state_today(partner, m) == "participates"]
        current_ids = {m.framework for m in current}
        former = [m for m in partner.memberships if m not in current and m.framework not in current_ids]
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
    for m in sorted(memberships, key=lambda m: m.since.order if m.since else EARLIEST):
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
    ordered = sorted(dataset.milestones, key=lambda m: (m.date.order, m.id))
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
    latest = sorted(dataset.milestones, key=lambda m: (m.date.order, m.id), reverse=True)[:LATEST_MILESTONES_ON_HOME]
    current_partners = [p for p in dataset.partners if takes_part_today(p)]
    view = {
        "frameworks": _framework_rows(dataset, from_uri=here),
        "latest": _milestone_rows(latest, from_uri=here),
        "newest_event": _milestone_rows(latest[:1], from_uri=here)[0] if latest else None,
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
