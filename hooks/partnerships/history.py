"""Who was where in a given year: the rules behind the history view, in Python.

The same rules run in the browser (docs/assets/javascripts/partnerships.js) when a reader
picks another year; the pages are rendered here for today, so they work without JavaScript.
A year means the situation on 31 December of that year.
"""

from __future__ import annotations

from collections.abc import Iterable

from .models import MAP_GROUPS, Framework, Membership, Partner

FIRST_YEAR = 1991  # the North Atlantic Cooperation Council, the first partnership forum


def active_in(membership: Membership, year: int) -> bool:
    """A membership counts in `year` if it began by then and had not ended by the year's end."""
    started = membership.since is None or membership.since.year <= year
    ended = membership.until is not None and membership.until.year <= year
    return started and not ended


def suspended_in(membership: Membership, year: int) -> bool:
    return membership.suspended is not None and membership.suspended.since.year <= year


def ended_by(membership: Membership, year: int) -> bool:
    return membership.until is not None and membership.until.year <= year


def group_in(partner: Partner, year: int, *, frameworks: dict[str, Framework]) -> str:
    """The map colour of a partner in `year`: 'ally', a framework group, 'suspended',
    'former' or 'none'."""
    if partner.nato_accession and partner.nato_accession.date.year <= year:
        return "ally"
    active = [m for m in partner.memberships if active_in(m, year)]
    groups = {frameworks[m.framework].map_group for m in active if not suspended_in(m, year)}
    for group in MAP_GROUPS:
        if group in groups:
            return group
    if active:
        return "suspended" if any(suspended_in(m, year) for m in active) else "other"
    return "former" if any(ended_by(m, year) for m in partner.memberships) else "none"


def period_token(membership: Membership, *, frameworks: dict[str, Framework]) -> str:
    """'pfp|euro-atlantic|1994|2023|' : framework, map group, since, until, suspended-since years
    (empty when unknown or none). The browser reads these from data-periods attributes."""

    def year(value: object) -> str:
        return str(value.year) if value is not None else ""  # type: ignore[attr-defined]

    group = frameworks[membership.framework].map_group or ""
    suspended = membership.suspended.since if membership.suspended else None
    return "|".join([membership.framework, group, year(membership.since), year(membership.until), year(suspended)])


def periods_attr(memberships: Iterable[Membership], *, frameworks: dict[str, Framework]) -> str:
    return " ".join(period_token(m, frameworks=frameworks) for m in memberships)
