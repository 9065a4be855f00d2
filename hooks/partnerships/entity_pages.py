"""One page per framework, partner and milestone.

Each view is built in reading order, so that footnote numbers grow down the page; `checked`
comes last, after every citation it summarises.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .citations import Citations, Footnotes
from .dataset import Dataset
from .history import Chronology
from .markup import date_span, fold, human_date, link, md, uri
from .membership_chart import chart_rows, membership_chart
from .models import Framework, Membership, Milestone, Partner
from .views import (
    EARLIEST,
    LATEST,
    MilestoneRow,
    Page,
    entity_meta,
    escaped_aliases,
    framework_search_terms,
    milestone_rows,
    partner_search_terms,
)
from .vocabulary import REGIONS, STATUSES

# The sections of a framework page's member list, in reading order: (state, heading, empty text).
MEMBER_SECTIONS = (
    ("participates", "Partners taking part", "No partner takes part today."),
    ("suspended", "Partners whose cooperation is suspended", None),
    ("ally", "Former partners now NATO Allies", None),
    ("ended", "Former partners", None),
)


@dataclass(frozen=True)
class MemberRow:
    link: str
    region: str
    since: str
    until: str
    remark: str


@dataclass(frozen=True)
class MemberGroup:
    heading: str
    empty: str | None
    ended: bool
    rows: list[MemberRow]


@dataclass(frozen=True)
class PredecessorView:
    name: str
    created: str
    text: str


@dataclass(frozen=True)
class FrameworkView:
    title: str
    heading: str
    name_fr: str | None
    acronym_fr: str | None
    aliases: list[str]
    description: str
    status: str
    status_since: str | None
    status_text: str
    replaced_by: str | None
    replaces: list[str]
    launched: str
    launched_text: str
    predecessor: PredecessorView | None
    groups: list[MemberGroup]
    chart: str
    notes: list[str]
    milestones: list[MilestoneRow]
    reviewed: str
    checked: str | None


def render_framework(
    framework: Framework, *, dataset: Dataset, chronology: Chronology, footnotes: Footnotes, env: jinja2.Environment
) -> Page:
    here = uri("frameworks", framework.id)
    cite = Citations(footnotes)
    successor = dataset.framework_by_id.get(framework.replaced_by or "")
    predecessor = framework.predecessor
    title = framework.name.en + (f" ({framework.acronym.en})" if framework.acronym else "")
    view = FrameworkView(
        title=title,
        heading=md(title),
        name_fr=md(framework.name.fr) or None,
        acronym_fr=md(framework.acronym.fr) or None if framework.acronym else None,
        aliases=escaped_aliases(framework.name, framework.acronym, extra=framework.aliases),
        description=md(framework.description.text.en) + cite.fact(framework.description),
        status=STATUSES[framework.status.value].en,
        status_since=framework.status.since.human() if framework.status.since else None,
        status_text=md(framework.status.text.en) + cite.fact(framework.status),
        replaced_by=link(here, uri("frameworks", successor.id), successor.name.en) if successor else None,
        replaces=[
            link(here, uri("frameworks", f.id), f.name.en) for f in dataset.frameworks if f.replaced_by == framework.id
        ],
        launched=human_date(framework.launched.date, "no single founding date"),
        launched_text=md(framework.launched.event.en) + cite.fact(framework.launched),
        predecessor=PredecessorView(
            md(predecessor.name.en),
            human_date(predecessor.created, ""),
            md(predecessor.text.en) + cite.fact(predecessor),
        )
        if predecessor
        else None,
        groups=_member_groups(here, dataset.members_of(framework.id), chronology, cite),
        chart=_framework_chart(framework, dataset, chronology),
        notes=[md(n.text.en) + cite.fact(n) for n in framework.notes],
        milestones=milestone_rows(dataset.milestones_of("frameworks", framework.id), from_uri=here),
        reviewed=framework.reviewed.human(),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("framework.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view.title, boost=3, tags=framework_search_terms(framework))
    return Page(here, markdown, f"data/frameworks/{framework.id}.yaml", meta)


def _framework_chart(framework: Framework, dataset: Dataset, chronology: Chronology) -> str:
    rows = chart_rows(((p.name.en, m) for p, m in dataset.members_of(framework.id)), chronology)
    title = f"Membership of the {framework.name.en}, partner by partner, to {chronology.today.year}; the tables below give the same dates with their sources"
    return membership_chart(rows, today=chronology.today, title=title)


def _member_groups(
    here: str, members: list[tuple[Partner, Membership]], chronology: Chronology, cite: Citations
) -> list[MemberGroup]:
    groups = []
    for state, heading, empty in MEMBER_SECTIONS:
        rows = [(p, m) for p, m in members if chronology.state_on(p, m) == state]
        if not rows and empty is None:
            continue
        rows.sort(key=lambda pm: (pm[1].until.order if pm[1].until else LATEST, fold(pm[0].name.en)))
        group_rows = [
            MemberRow(
                link=link(here, uri("partners", p.id), p.name.en),
                region=REGIONS[p.region].en,
                since=human_date(m.since),
                until=m.until.human() if m.until else "",
                remark=_remark(m, cite),
            )
            for p, m in rows
        ]
        groups.append(MemberGroup(heading, empty, state in ("ally", "ended"), group_rows))
    return groups


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


@dataclass(frozen=True)
class MembershipRow:
    link: str
    since: str
    until: str
    remark: str


@dataclass(frozen=True)
class AccessionView:
    date: str
    text: str


@dataclass(frozen=True)
class PartnerView:
    title: str
    heading: str
    name_fr: str | None
    aliases: list[str]
    iso: str
    kind: str
    region: str
    standing: str
    story: str | None
    accession: AccessionView | None
    memberships: list[MembershipRow]
    chart: str
    notes: list[str]
    milestones: list[MilestoneRow]
    reviewed: str
    checked: str | None


def render_partner(
    partner: Partner, *, dataset: Dataset, chronology: Chronology, footnotes: Footnotes, env: jinja2.Environment
) -> Page:
    here = uri("partners", partner.id)
    cite = Citations(footnotes)
    memberships = sorted(partner.memberships, key=lambda m: (m.since.order if m.since else EARLIEST, m.framework))
    accession = partner.nato_accession
    view = PartnerView(
        title=partner.name.en,
        heading=md(partner.name.en),
        name_fr=md(partner.name.fr) or None,
        aliases=escaped_aliases(partner.name, extra=partner.aliases),
        iso=partner.iso,
        kind="State" if partner.type == "state" else "International organisation",
        region=REGIONS[partner.region].en,
        standing=_standing(partner, memberships, dataset, chronology),
        story=md(partner.summary.text.en) + cite.fact(partner.summary) if partner.summary else None,
        accession=AccessionView(
            accession.date.human(), md(accession.text.en if accession.text else "") + cite.fact(accession)
        )
        if accession
        else None,
        memberships=[
            MembershipRow(
                link=link(here, uri("frameworks", m.framework), dataset.framework_by_id[m.framework].name.en),
                since=human_date(m.since),
                until=m.until.human() if m.until else "—",
                remark=_remark(m, cite),
            )
            for m in memberships
        ],
        chart=_partner_chart(partner, memberships, dataset, chronology),
        notes=[md(n.text.en) + cite.fact(n) for n in partner.notes],
        milestones=milestone_rows(dataset.milestones_of("partners", partner.id), from_uri=here),
        reviewed=partner.reviewed.human(),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("partner.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view.title, boost=3, tags=partner_search_terms(partner))
    return Page(here, markdown, f"data/partners/{partner.id}.yaml", meta)


def _partner_chart(partner: Partner, memberships: list[Membership], dataset: Dataset, chronology: Chronology) -> str:
    rows = chart_rows(((dataset.short_name[m.framework], m) for m in memberships), chronology)
    title = f"{partner.name.en}'s partnerships, framework by framework, to {chronology.today.year}; the table below gives the same dates with their sources"
    return membership_chart(rows, today=chronology.today, title=title)


def _standing(partner: Partner, memberships: list[Membership], dataset: Dataset, chronology: Chronology) -> str:
    """Where the partner stands today, in one line."""
    states = [(m, chronology.state_on(partner, m)) for m in memberships]
    parts = []
    ally = chronology.is_ally(partner)
    if ally and partner.nato_accession:
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
    if not ally and not taking_part and not suspended:
        parts.append("No longer a partner.")
    return " ".join(parts)


@dataclass(frozen=True)
class MilestoneView:
    title: str
    heading: str
    title_fr: str | None
    date: str
    precision: str
    summary: str
    frameworks: list[str]
    partners: list[str]
    seed: str | None
    reviewed: str
    checked: str | None


def render_milestone(milestone: Milestone, *, dataset: Dataset, footnotes: Footnotes, env: jinja2.Environment) -> Page:
    here = uri("milestones", milestone.id)
    cite = Citations(footnotes)
    partners = sorted(milestone.partners, key=lambda i: fold(dataset.partner_by_id[i].name.en))
    view = MilestoneView(
        title=milestone.title.en,
        heading=md(milestone.title.en),
        title_fr=md(milestone.title.fr) or None,
        date=date_span(milestone.date, milestone.end_date),
        precision=milestone.date.precision,
        summary=md(milestone.summary.en) + cite.fact(milestone),
        frameworks=[link(here, uri("frameworks", f), dataset.framework_by_id[f].name.en) for f in milestone.frameworks],
        partners=[link(here, uri("partners", p), dataset.partner_by_id[p].name.en) for p in partners],
        seed=md(milestone.seed.en) if milestone.seed else None,
        reviewed=milestone.reviewed.human(),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("milestone.md.j2").render(page=view, sources=cite.listing())
    return Page(here, markdown, f"data/milestones/{milestone.id}.yaml", entity_meta(milestone.title.en, boost=2))
