"""Who was where on a given day: the one set of rules behind every page, count, table, map,
download and the browser's history view.

The pages show the situation on the build's day. The history view shows it at the end of any
year since 1991 (history_view.py writes the result of these rules for every year into the
page; the browser only looks it up). Both ask the same question: `state_on(day)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from . import vocabulary as groups
from .dataset import Dataset
from .models import Accession, Membership, PartialDate, Partner

FIRST_YEAR = 1991  # the North Atlantic Cooperation Council, the first partnership forum

# What a membership is on a given day: not begun yet, taken part in, suspended by NATO, ended
# as the partner joined NATO (it may still sit there as an Ally, as in the EAPC), or ended.
MembershipState = Literal["future", "participates", "suspended", "ally", "ended"]


def as_of(year: int, today: dt.date) -> dt.date:
    """The day the history view shows for `year`: its last day, or today for this year."""
    return min(dt.date(year, 12, 31), today)


@dataclass(frozen=True)
class Chronology:
    """The history rules over one dataset.

    A membership whose start no source gives is counted from an assumed year: its framework's
    launch, or, for a framework with no launch date (partners across the globe), the earliest
    dated membership in it. Counting it from 1991 would put Japan on the 1991 map.
    """

    map_group: dict[str, str | None]  # framework id -> its map group, if any
    assumed_start: dict[str, int | None]  # framework id -> year
    today: dt.date

    @classmethod
    def of(cls, dataset: Dataset, *, today: dt.date) -> Chronology:
        assumed: dict[str, int | None] = {}
        for framework in dataset.frameworks:
            if framework.launched.date:
                assumed[framework.id] = framework.launched.date.year
            else:
                known = [m.since.year for _, m in dataset.members_of(framework.id) if m.since]
                assumed[framework.id] = min(known, default=None)
        groups = {f.id: f.map_group for f in dataset.frameworks}
        return cls(map_group=groups, assumed_start=assumed, today=today)

    def start(self, membership: Membership) -> PartialDate | None:
        if membership.since:
            return membership.since
        year = self.assumed_start.get(membership.framework)
        return PartialDate(year) if year else None

    def state_on(self, partner: Partner, membership: Membership, day: dt.date | None = None) -> MembershipState:
        """The membership's state on `day` (today if not given). A date known only to the
        month or year counts from its first day."""
        day = day or self.today
        start = self.start(membership)
        if start is not None and start.first_day > day:
            return "future"
        if membership.until is not None and membership.until.first_day <= day:
            accession = partner.nato_accession
            joined = accession is not None and membership.until.first_day >= accession.date.first_day
            return "ally" if joined else "ended"
        if membership.suspended is not None and membership.suspended.since.first_day <= day:
            return "suspended"
        return "participates"

    def takes_part(self, partner: Partner, day: dt.date | None = None) -> bool:
        return any(self.state_on(partner, m, day) == "participates" for m in partner.memberships)

    def is_ally(self, partner: Partner, day: dt.date | None = None) -> bool:
        return self.joined_nato(partner.nato_accession, day)

    def joined_nato(self, accession: Accession | None, day: dt.date | None = None) -> bool:
        """Whether a state with this accession (None: it never joined) is an Ally on `day`."""
        return accession is not None and accession.date.first_day <= (day or self.today)

    def group_on(self, partner: Partner, day: dt.date | None = None) -> str:
        """The partner's colour on the map: 'ally', the first framework group it takes part in,
        'suspended', 'other' (frameworks without a group only), 'former' or 'none'."""
        if self.is_ally(partner, day):
            return groups.ALLY
        states = [(m, self.state_on(partner, m, day)) for m in partner.memberships]
        taken_part = {self.map_group[m.framework] for m, state in states if state == "participates"}
        for group in groups.FRAMEWORK_MAP_GROUPS:
            if group in taken_part:
                return group
        if any(state == "suspended" for _, state in states):
            return groups.SUSPENDED
        if any(state == "participates" for _, state in states):
            return groups.OTHER
        return groups.FORMER if any(state in ("ally", "ended") for _, state in states) else groups.NONE

    def years(self) -> range:
        """The years the history view offers, oldest first."""
        return range(FIRST_YEAR, self.today.year + 1)
