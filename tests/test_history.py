"""history.py: who was where at the end of a given year (the browser applies the same rules)."""

from __future__ import annotations

import pytest

from partnerships import load_dataset
from partnerships.history import Chronology
from support import ROOT, TODAY

DATASET = load_dataset(ROOT / "data", today=TODAY)
CHRONOLOGY = Chronology.of(DATASET)


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
    assert CHRONOLOGY.group_in(DATASET.partner_by_id[partner], year) == group


def test_unknown_start_counts_from_the_earliest_dated_member_of_a_framework_without_launch_date():
    afghanistan = DATASET.partner_by_id["afghanistan"]  # NATO gives no start date

    assert CHRONOLOGY.assumed_start["patg"] == 2001  # New Zealand, the earliest dated
    assert CHRONOLOGY.group_in(afghanistan, 2000) == "none"
    assert CHRONOLOGY.group_in(afghanistan, 2001) == "global"
    assert CHRONOLOGY.group_in(afghanistan, 2021) == "suspended"


def test_tokens_carry_since_until_suspension_and_assumed_start():
    finland_pfp, afghanistan_patg = (
        DATASET.partner_by_id["finland"].memberships[0],
        DATASET.partner_by_id["afghanistan"].memberships[0],
    )
    russia_pfp = DATASET.partner_by_id["russia"].memberships[0]

    assert CHRONOLOGY.token(finland_pfp) == "pfp|euro-atlantic|1994|2023||"
    assert CHRONOLOGY.token(afghanistan_patg) == "patg|global|||2021|2001"
    assert CHRONOLOGY.token(russia_pfp) == "pfp|euro-atlantic|1994||2014|"
