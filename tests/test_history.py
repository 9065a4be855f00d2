"""history.py: what a membership is on a given day, and a partner's map group."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships import load_dataset
from partnerships.history import Chronology, as_of
from partnerships.models import PartialDate
from support import ROOT, TODAY

DATASET = load_dataset(ROOT / "data", today=TODAY)
HISTORY = Chronology.of(DATASET, today=TODAY)


@pytest.mark.parametrize(
    ("partner", "year", "group"),
    [
        ("finland", 1993, "none"),
        ("finland", 2017, "euro-atlantic"),
        ("finland", 2023, "ally"),
        ("russia", 2010, "euro-atlantic"),
        ("russia", 2014, "suspended"),
        ("malta", 1995, "euro-atlantic"),
        ("malta", 2000, "former"),
        ("malta", 2008, "euro-atlantic"),
        ("jordan", 2020, "mediterranean"),
        ("bahrain", 2004, "none"),
        ("bahrain", 2005, "gulf"),
        ("afghanistan", 2022, "suspended"),
        ("european-union", 2024, "other"),
    ],
)
def test_map_group_at_the_end_of_a_year(partner, year, group):
    assert HISTORY.group_on(DATASET.partner_by_id[partner], as_of(year, TODAY)) == group


def test_unknown_start_counts_from_the_earliest_dated_member_of_a_framework_without_launch_date():
    afghanistan = DATASET.partner_by_id["afghanistan"]  # NATO gives no start date

    assert HISTORY.assumed_start["patg"] == 2001  # New Zealand, the earliest dated
    assert HISTORY.group_on(afghanistan, as_of(2000, TODAY)) == "none"
    assert HISTORY.group_on(afghanistan, as_of(2001, TODAY)) == "global"
    assert HISTORY.group_on(afghanistan, as_of(2021, TODAY)) == "suspended"


def test_this_year_means_today_not_the_end_of_the_year():
    assert as_of(TODAY.year, TODAY) == TODAY
    assert as_of(2000, TODAY) == dt.date(2000, 12, 31)


def test_a_membership_that_ends_later_this_year_is_still_taken_part_in_today():
    """One definition of 'current': an end date still ahead does not end a membership early."""
    malta = DATASET.partner_by_id["malta"]
    open_pfp = next(m for m in malta.memberships if m.framework == "pfp" and m.until is None)
    ending = open_pfp.model_copy(update={"until": PartialDate(TODAY.year, 12, 31)})

    assert HISTORY.state_on(malta, open_pfp) == "participates"
    assert HISTORY.state_on(malta, ending) == "participates"
    assert HISTORY.state_on(malta, ending, dt.date(TODAY.year, 12, 31)) == "ended"


def test_a_membership_ended_by_accession_is_ally_and_any_other_end_is_ended():
    finland, malta = DATASET.partner_by_id["finland"], DATASET.partner_by_id["malta"]
    finland_pfp = next(m for m in finland.memberships if m.framework == "pfp")
    malta_first_pfp = next(m for m in malta.memberships if m.framework == "pfp" and m.until is not None)

    assert HISTORY.state_on(finland, finland_pfp) == "ally"
    assert HISTORY.state_on(finland, finland_pfp, dt.date(2017, 12, 31)) == "participates"
    assert HISTORY.state_on(malta, malta_first_pfp) == "ended"
    assert HISTORY.state_on(finland, finland_pfp, dt.date(1993, 12, 31)) == "future"
