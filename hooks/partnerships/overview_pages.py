"""The overview pages: home, frameworks, partners, matrix, timeline and data downloads.

The partners table and the matrix are rendered for today with the same functions that give
the browser every other year (history_view.py), so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

import jinja2

from .dataset import Dataset
from .history import Chronology
from .history_view import (
    EMPTY_CELL,
    in_matrix_order,
    matrix_row,
    matrix_states,
    partner_row,
    partners_table_states,
    status_today,
    year_choices,
)
from .language import Language
from .markup import as_attribute, link, md, uri
from .models import Partner
from .views import MilestoneRow, Page, Review, frameworks_in_order, milestone_rows, partners_in_order
from .vocabulary import REGIONS, STATUSES

LATEST_MILESTONES_ON_HOME = 6


@dataclass(frozen=True)
class FrameworkRow:
    link: str
    acronym: str
    launched: str
    status: str
    current: int
    suspended: int
    former: int


def framework_rows(dataset: Dataset, chronology: Chronology, *, from_uri: str, lang: Language) -> list[FrameworkRow]:
    rows = []
    for framework in frameworks_in_order(dataset):
        states = [(p.id, chronology.state_on(p, m)) for p, m in dataset.members_of(framework.id)]
        taking_part = {pid for pid, state in states if state == "participates"}
        suspended = {pid for pid, state in states if state == "suspended"}
        status = lang.label(STATUSES[framework.status.value])
        rows.append(
            FrameworkRow(
                link=link(from_uri, uri("frameworks", framework.id), lang.text(framework.name)),
                acronym=md(lang.text(framework.acronym)) if framework.acronym else "—",
                launched=lang.date(framework.launched.date, "—"),
                status=status + (f" ({lang.date(framework.status.since)})" if framework.status.since else ""),
                current=len(taking_part),
                suspended=len(suspended),
                # A partner that left and rejoined counts once, as taking part.
                former=len({pid for pid, state in states if state in ("ally", "ended")} - taking_part - suspended),
            )
        )
    return rows


@dataclass(frozen=True)
class HomeView:
    frameworks: list[FrameworkRow]
    latest: list[MilestoneRow]
    newest_event: MilestoneRow | None
    partner_count: int
    current_partner_count: int
    framework_count: int
    milestone_count: int
    reviewed: Review | None


def render_home(
    dataset: Dataset, *, env: jinja2.Environment, chronology: Chronology, reviewed: Review | None, lang: Language
) -> Page:
    here = "index.md"
    newest_first = sorted(dataset.milestones, key=lambda m: (m.date.order, m.id), reverse=True)
    latest = milestone_rows(newest_first[:LATEST_MILESTONES_ON_HOME], from_uri=here, lang=lang)
    view = HomeView(
        frameworks=framework_rows(dataset, chronology, from_uri=here, lang=lang),
        latest=latest,
        newest_event=latest[0] if latest else None,
        partner_count=len(dataset.partners),
        current_partner_count=sum(1 for p in dataset.partners if chronology.takes_part(p)),
        framework_count=len(dataset.frameworks),
        milestone_count=len(dataset.milestones),
        reviewed=reviewed,
    )
    meta = {"title": lang.t("NATO's partnerships"), "search": {"boost": 0.5}}
    return Page(here, env.get_template("home.md.j2").render(page=view), meta=meta)


@dataclass(frozen=True)
class FrameworksIndexView:
    rows: list[FrameworkRow]
    reviewed: Review | None


def render_frameworks_index(
    dataset: Dataset, *, env: jinja2.Environment, chronology: Chronology, reviewed: Review | None, lang: Language
) -> Page:
    here = "frameworks/index.md"
    view = FrameworksIndexView(framework_rows(dataset, chronology, from_uri=here, lang=lang), reviewed)
    return Page(here, env.get_template("frameworks_index.md.j2").render(page=view))


@dataclass(frozen=True)
class PartnersTableRow:
    link: str
    region: str
    current: str
    former: str
    ally: str


@dataclass(frozen=True)
class PartnersView:
    """The partners table as it is today, and every year's states for the history view."""

    rows: list[PartnersTableRow]
    states: str
    status: str
    years: list[int]
    reviewed: Review | None


def render_partners_index(
    dataset: Dataset, *, env: jinja2.Environment, chronology: Chronology, reviewed: Review | None, lang: Language
) -> Page:
    here = "partners/index.md"
    partners = partners_in_order(dataset.partners, lang)
    short = dataset.short_names(lang.code)
    rows = []
    for partner in partners:
        today = partner_row(chronology, partner, chronology.today)
        rows.append(
            PartnersTableRow(
                link=_row_link(here, partner, lang),
                region=lang.label(REGIONS[partner.region]),
                current=_framework_links(here, today.current, short),
                former=_framework_links(here, today.former, short),
                ally=today.ally,
            )
        )
    states = partners_table_states(chronology, partners, lang)
    status = status_today(states, chronology.today)
    view = PartnersView(rows, as_attribute(states), status, year_choices(chronology), reviewed)
    return Page(here, env.get_template("partners_index.md.j2").render(page=view))


def _row_link(here: str, partner: Partner, lang: Language) -> str:
    """The partner's link; the browser's history view finds the row's states by its id."""
    return link(here, uri("partners", partner.id), lang.text(partner.name)) + f'{{: data-partner="{partner.id}" }}'


def _framework_links(here: str, framework_ids: Sequence[str], short: dict[str, str]) -> str:
    links = [link(here, uri("frameworks", f), short[f]) + f'{{: data-framework="{f}" }}' for f in framework_ids]
    return ", ".join(links) or EMPTY_CELL


@dataclass(frozen=True)
class MatrixTableRow:
    link: str
    cells: str


@dataclass(frozen=True)
class MatrixView:
    """The matrix as it is today (a column per framework), and every year's states."""

    columns: list[str]
    rows: list[MatrixTableRow]
    states: str
    status: str
    years: list[int]
    reviewed: Review | None


def render_matrix(
    dataset: Dataset, *, env: jinja2.Environment, chronology: Chronology, reviewed: Review | None, lang: Language
) -> Page:
    here = "matrix.md"
    frameworks = frameworks_in_order(dataset)
    column_of = {f.id: index for index, f in enumerate(frameworks)}
    partners = partners_in_order(dataset.partners, lang)
    short = dataset.short_names(lang.code)
    order = {p.id: in_matrix_order(p.memberships, column_of) for p in partners}
    rows = []
    for partner in partners:
        # Most cells are empty: fill only a partner's own columns (the grid is partners x frameworks).
        cells = [[] for _ in frameworks]
        today = matrix_row(chronology, partner, order[partner.id], chronology.today, lang)
        for membership, (text, state) in zip(order[partner.id], today.cells, strict=True):
            hidden = "" if text else " hidden"
            cells[column_of[membership.framework]].append(
                f'<span class="period" data-state="{state}"{hidden}>{text}</span>'
            )
        rows.append(MatrixTableRow(_row_link(here, partner, lang), " | ".join(" ".join(c) for c in cells)))
    columns = [link(here, uri("frameworks", f.id), short[f.id]) for f in frameworks]
    states = matrix_states(chronology, partners, order, lang)
    status = status_today(states, chronology.today)
    view = MatrixView(columns, rows, as_attribute(states), status, year_choices(chronology), reviewed)
    # The framework columns need the full width of the window.
    return Page(here, env.get_template("matrix.md.j2").render(page=view), meta={"hide": ["toc"]})


@dataclass(frozen=True)
class TimelineItem:
    date: str
    link: str
    frameworks: str


@dataclass(frozen=True)
class TimelineYear:
    year: int
    milestones: list[TimelineItem]


@dataclass(frozen=True)
class FrameworkChoice:
    id: str
    label: str


@dataclass(frozen=True)
class TimelineView:
    years: list[TimelineYear]
    count: int
    shown: str  # the filter's status line, as partnerships.js writes it
    frameworks: list[FrameworkChoice]
    reviewed: Review | None


def render_timeline(dataset: Dataset, *, env: jinja2.Environment, reviewed: Review | None, lang: Language) -> Page:
    here = "milestones/index.md"
    ordered = sorted(dataset.milestones, key=lambda m: (m.date.order, m.id))
    short = dataset.short_names(lang.code)
    years = [
        TimelineYear(
            year,
            [
                TimelineItem(
                    date=lang.span(m.date, m.end_date),
                    link=link(here, uri("milestones", m.id), lang.text(m.title))
                    + f'{{: data-frameworks="{" ".join(m.frameworks)}" }}',
                    frameworks=md(", ".join(short[f] for f in m.frameworks)),
                )
                for m in group
            ],
        )
        for year, group in groupby(ordered, key=lambda m: m.date.year)
    ]
    choices = [
        FrameworkChoice(f.id, md(f"{lang.text(f.name)} ({short[f.id]})" if f.acronym else lang.text(f.name)))
        for f in frameworks_in_order(dataset)
    ]
    shown = lang.tn("%(num)s milestone shown.", "%(num)s milestones shown.", len(ordered))
    view = TimelineView(years, len(ordered), shown, choices, reviewed)
    return Page(here, env.get_template("timeline.md.j2").render(page=view))
