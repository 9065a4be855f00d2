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
from .language import N_, Language
from .markup import link, md, uri
from .membership_chart import chart_rows, membership_chart
from .models import Framework, Membership, Milestone, Name, Partner
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
    ("participates", N_("Partners taking part"), N_("No partner takes part today.")),
    ("suspended", N_("Partners whose cooperation is suspended"), None),
    ("ally", N_("Former partners now NATO Allies"), None),
    ("ended", N_("Former partners"), None),
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
    other_name: str | None  # the name in the site's other language
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
    framework: Framework,
    *,
    dataset: Dataset,
    chronology: Chronology,
    footnotes: Footnotes,
    env: jinja2.Environment,
    lang: Language,
) -> Page:
    here = uri("frameworks", framework.id)
    cite = Citations(footnotes, lang)
    successor = dataset.framework_by_id.get(framework.replaced_by or "")
    predecessor = framework.predecessor
    name = lang.text(framework.name)
    title = name + (f" ({lang.text(framework.acronym)})" if framework.acronym else "")
    view = FrameworkView(
        title=title,
        heading=md(title),
        other_name=_other_name(framework.name, framework.acronym, lang),
        aliases=escaped_aliases(framework.name, framework.acronym, extra=framework.aliases, lang=lang),
        description=md(lang.text(framework.description.text)) + cite.fact(framework.description),
        status=lang.label(STATUSES[framework.status.value]),
        status_since=lang.date(framework.status.since) or None,
        status_text=md(lang.text(framework.status.text)) + cite.fact(framework.status),
        replaced_by=link(here, uri("frameworks", successor.id), lang.text(successor.name)) if successor else None,
        replaces=[
            link(here, uri("frameworks", f.id), lang.text(f.name))
            for f in dataset.frameworks
            if f.replaced_by == framework.id
        ],
        launched=lang.date(framework.launched.date, lang.t("no single founding date")),
        launched_text=md(lang.text(framework.launched.event)) + cite.fact(framework.launched),
        predecessor=PredecessorView(
            md(lang.text(predecessor.name)),
            lang.date(predecessor.created),
            md(lang.text(predecessor.text)) + cite.fact(predecessor),
        )
        if predecessor
        else None,
        groups=_member_groups(here, dataset.members_of(framework.id), chronology, cite, lang),
        chart=_framework_chart(framework, dataset, chronology, lang),
        notes=[md(lang.text(n.text)) + cite.fact(n) for n in framework.notes],
        milestones=milestone_rows(dataset.milestones_of("frameworks", framework.id), from_uri=here, lang=lang),
        reviewed=lang.date(framework.reviewed),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("framework.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view.title, boost=3, tags=framework_search_terms(framework))
    return Page(here, markdown, f"data/frameworks/{framework.id}.yaml", meta)


def _other_name(name: Name, acronym: Name | None, lang: Language) -> str | None:
    """The name in the site's other language, under the title: 'French: Finlande' on the
    English page, 'En anglais : Finland' on the French one; None when it is the same. Marked
    with its language, so that a screen reader pronounces it as that language."""
    other_code = "en" if lang.translated else "fr"
    other = getattr(name, other_code)
    if acronym is not None:
        other_acronym = getattr(acronym, other_code)
        other = f"{other} ({other_acronym})" if other and other_acronym else other
    if not other or other == lang.text(name) + (f" ({lang.text(acronym)})" if acronym else ""):
        return None
    return f'<span lang="{other_code}">{md(other)}</span>'


def _framework_chart(framework: Framework, dataset: Dataset, chronology: Chronology, lang: Language) -> str:
    rows = chart_rows(((lang.text(p.name), m) for p, m in dataset.members_of(framework.id)), chronology, lang)
    title = lang.t(
        "Membership of the %(framework)s, partner by partner, to %(year)s; the tables below give the same dates with their sources",
        framework=lang.text(framework.name),
        year=chronology.today.year,
    )
    return membership_chart(rows, today=chronology.today, title=title, lang=lang)


def _member_groups(
    here: str, members: list[tuple[Partner, Membership]], chronology: Chronology, cite: Citations, lang: Language
) -> list[MemberGroup]:
    groups = []
    for state, heading, empty in MEMBER_SECTIONS:
        rows = [(p, m) for p, m in members if chronology.state_on(p, m) == state]
        if not rows and empty is None:
            continue
        rows.sort(key=lambda pm: (pm[1].until.order if pm[1].until else LATEST, lang.sort_key(lang.text(pm[0].name))))
        group_rows = [
            MemberRow(
                link=link(here, uri("partners", p.id), lang.text(p.name)),
                region=lang.label(REGIONS[p.region]),
                since=lang.date(m.since, lang.t("date not recorded")),
                until=lang.date(m.until),
                remark=_remark(m, cite, lang),
            )
            for p, m in rows
        ]
        groups.append(
            MemberGroup(lang.t(heading), lang.t(empty) if empty else None, state in ("ally", "ended"), group_rows)
        )
    return groups


def _remark(membership: Membership, cite: Citations, lang: Language) -> str:
    """Why it ended, its suspension and its note, then the membership's own sources."""
    parts = [md(lang.text(membership.end_reason)) + "."] if membership.end_reason else []
    if membership.suspended:
        suspension = membership.suspended
        since = lang.t("Suspended since %(date)s", date=lang.date(suspension.since))
        label, text = f"**{since}**", md(lang.text(suspension.text)) + cite.fact(suspension)
        # Translators: a label, then the text it introduces (also in lists of dates, map
        # groups and open questions); French spaces the colon.
        parts.append(lang.t("%(label)s: %(text)s", label=label, text=text))
    if membership.note:
        parts.append(md(lang.text(membership.note)))
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
    other_name: str | None
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
    partner: Partner,
    *,
    dataset: Dataset,
    chronology: Chronology,
    footnotes: Footnotes,
    env: jinja2.Environment,
    lang: Language,
) -> Page:
    here = uri("partners", partner.id)
    cite = Citations(footnotes, lang)
    memberships = sorted(partner.memberships, key=lambda m: (m.since.order if m.since else EARLIEST, m.framework))
    accession = partner.nato_accession
    name = lang.text(partner.name)
    view = PartnerView(
        title=name,
        heading=md(name),
        other_name=_other_name(partner.name, None, lang),
        aliases=escaped_aliases(partner.name, extra=partner.aliases, lang=lang),
        iso=partner.iso,
        kind=lang.t("State") if partner.type == "state" else lang.t("International organisation"),
        region=lang.label(REGIONS[partner.region]),
        standing=_standing(partner, memberships, dataset, chronology, lang),
        story=md(lang.text(partner.summary.text)) + cite.fact(partner.summary) if partner.summary else None,
        accession=AccessionView(lang.date(accession.date), md(lang.optional(accession.text)) + cite.fact(accession))
        if accession
        else None,
        memberships=[
            MembershipRow(
                link=link(here, uri("frameworks", m.framework), lang.text(dataset.framework_by_id[m.framework].name)),
                since=lang.date(m.since, lang.t("date not recorded")),
                until=lang.date(m.until, "—"),
                remark=_remark(m, cite, lang),
            )
            for m in memberships
        ],
        chart=_partner_chart(partner, memberships, dataset, chronology, lang),
        notes=[md(lang.text(n.text)) + cite.fact(n) for n in partner.notes],
        milestones=milestone_rows(dataset.milestones_of("partners", partner.id), from_uri=here, lang=lang),
        reviewed=lang.date(partner.reviewed),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("partner.md.j2").render(page=view, sources=cite.listing())
    meta = entity_meta(view.title, boost=3, tags=partner_search_terms(partner))
    return Page(here, markdown, f"data/partners/{partner.id}.yaml", meta)


def _partner_chart(
    partner: Partner, memberships: list[Membership], dataset: Dataset, chronology: Chronology, lang: Language
) -> str:
    short = dataset.short_names(lang.code)
    rows = chart_rows(((short[m.framework], m) for m in memberships), chronology, lang)
    title = lang.t(
        "%(partner)s's partnerships, framework by framework, to %(year)s; the table below gives the same dates with their sources",
        partner=lang.text(partner.name),
        year=chronology.today.year,
    )
    return membership_chart(rows, today=chronology.today, title=title, lang=lang)


def _standing(
    partner: Partner, memberships: list[Membership], dataset: Dataset, chronology: Chronology, lang: Language
) -> str:
    """Where the partner stands today, in one line."""
    short = dataset.short_names(lang.code)
    states = [(m, chronology.state_on(partner, m)) for m in memberships]
    parts = []
    ally = chronology.is_ally(partner)
    if ally and partner.nato_accession:
        since = lang.date(partner.nato_accession.date)
        parts.append(lang.t("NATO Ally since %(date)s; a former partner.", date=since))
    taking_part = [short[m.framework] for m, state in states if state == "participates"]
    if taking_part:
        parts.append(lang.t("Takes part today in: %(frameworks)s.", frameworks=md(", ".join(taking_part))))
    suspended = [
        lang.t("%(framework)s (since %(date)s)", framework=short[m.framework], date=lang.date(m.suspended.since))
        for m, state in states
        if state == "suspended" and m.suspended
    ]
    if suspended:
        parts.append(
            lang.t("Listed in, but cooperation suspended by NATO: %(frameworks)s.", frameworks=md(", ".join(suspended)))
        )
    if not ally and not taking_part and not suspended:
        parts.append(lang.t("No longer a partner."))
    return " ".join(parts)


@dataclass(frozen=True)
class MilestoneView:
    title: str
    heading: str
    other_name: str | None
    date: str
    precision: str
    summary: str
    frameworks: list[str]
    partners: list[str]
    seed: str | None
    reviewed: str
    checked: str | None


def render_milestone(
    milestone: Milestone, *, dataset: Dataset, footnotes: Footnotes, env: jinja2.Environment, lang: Language
) -> Page:
    here = uri("milestones", milestone.id)
    cite = Citations(footnotes, lang)
    partners = sorted(milestone.partners, key=lambda i: lang.sort_key(lang.text(dataset.partner_by_id[i].name)))
    title = lang.text(milestone.title)
    view = MilestoneView(
        title=title,
        heading=md(title),
        other_name=_other_name(milestone.title, None, lang),
        date=lang.span(milestone.date, milestone.end_date),
        precision=milestone.date.precision,
        summary=md(lang.text(milestone.summary)) + cite.fact(milestone),
        frameworks=[
            link(here, uri("frameworks", f), lang.text(dataset.framework_by_id[f].name)) for f in milestone.frameworks
        ],
        partners=[link(here, uri("partners", p), lang.text(dataset.partner_by_id[p].name)) for p in partners],
        seed=md(lang.text(milestone.seed)) if milestone.seed else None,
        reviewed=lang.date(milestone.reviewed),
        checked=cite.checked_sentence(),
    )
    markdown = env.get_template("milestone.md.j2").render(page=view, sources=cite.listing())
    return Page(here, markdown, f"data/milestones/{milestone.id}.yaml", entity_meta(title, boost=2))
