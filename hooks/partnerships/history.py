"""Who was where in a given year: the rules behind the history view, in Python.

The same rules run in the browser (docs/assets/javascripts/partnerships.js) when a reader
picks another year; the pages are rendered here for today, so they work without JavaScript.
A year means the situation on 31 December of that year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .dataset import Dataset
from .models import MAP_GROUPS, Framework, Membership, Partner

FIRST_YEAR = 1991  # the North Atlantic Cooperation Council, the first partnership forum


@dataclass(frozen=True)
class Chronology:
    """History rules over one dataset.

    A membership whose start no source gives is counted from an assumed year: its framework's
    launch, or, for a framework with no launch date (partners across the globe), the earliest
    dated membership in it. Counting it from 1991 would put Japan on the 1991 map.
    """

    frameworks: dict[str, Framework]
    assumed_start: dict[str, int | None]

    @classmethod
    def of(cls, dataset: Dataset) -> Chronology:
        assumed: dict[str, int | None] = {}
        for framework in dataset.frameworks:
            if framework.launched.date:
                assumed[framework.id] = framework.launched.date.year
            else:
                known = [m.since.year for _, m in dataset.members_of(framework.id) if m.since]
                assumed[framework.id] = min(known, default=None)
        return cls(frameworks=dataset.framework_by_id, assumed_start=assumed)

    def start_year(self, membership: Membership) -> int | None:
        return membership.since.year if membership.since else self.assumed_start.get(membership.framework)

    def active_in(self, membership: Membership, year: int) -> bool:
        """A membership counts in `year` if it began by then and had not ended by the year's end."""
        start = self.start_year(membership)
        return (start is None or start <= year) and not ended_by(membership, year)

    def group_in(self, partner: Partner, year: int) -> str:
        """The map colour of a partner in `year`: 'ally', a framework group, 'suspended',
        'other', 'former' or 'none'."""
        if partner.nato_accession and partner.nato_accession.date.year <= year:
            return "ally"
        active = [m for m in partner.memberships if self.active_in(m, year)]
        groups = {self.frameworks[m.framework].map_group for m in active if not suspended_in(m, year)}
        for group in MAP_GROUPS:
            if group in groups:
                return group
        if active:
            return "suspended" if any(suspended_in(m, year) for m in active) else "other"
        return "former" if any(ended_by(m, year) for m in partner.memberships) else "none"

    def token(self, membership: Membership) -> str:
        """'pfp|euro-atlantic|1994|2023||' : framework, map group, since, until, suspended since,
        assumed start (years; empty when unknown or none). The browser reads these from
        data-periods attributes."""
        group = self.frameworks[membership.framework].map_group or ""
        suspended = membership.suspended.since.year if membership.suspended else None
        assumed = None if membership.since else self.assumed_start.get(membership.framework)
        since = membership.since.year if membership.since else None
        until = membership.until.year if membership.until else None
        return "|".join([membership.framework, group, *(_year(y) for y in (since, until, suspended, assumed))])

    def periods(self, memberships: Iterable[Membership]) -> str:
        return " ".join(self.token(m) for m in memberships)


# What a membership is today. One rule for every page, count, table and download:
# a partner "takes part" only in a membership that has not ended and is not suspended.
MembershipState = Literal["participates", "suspended", "ally", "ended"]


def state_today(partner: Partner, membership: Membership) -> MembershipState:
    """'ally' when the membership ended as the partner joined NATO (it may still sit there as an
    Ally, as in the EAPC); 'ended' for any other end; 'suspended' while NATO has suspended it."""
    if membership.until is not None:
        accession = partner.nato_accession
        joined = accession is not None and membership.until.first_day >= accession.date.first_day
        return "ally" if joined else "ended"
    return "suspended" if membership.suspended else "participates"


def takes_part_today(partner: Partner) -> bool:
    return any(state_today(partner, m) == "participates" for m in partner.memberships)


def _year(value: int | None) -> str:
    return "" if value is None else str(value)


def suspended_in(membership: Membership, year: int) -> bool:
    return membership.suspended is not None and membership.suspended.since.year <= year


def ended_by(membership: Membership, year: int) -> bool:
    return membership.until is not None and membership.until.year <= year
