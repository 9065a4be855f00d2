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
    japan = DATASET.partner_by_id["japan"]

    assert CHRONOLOGY.assumed_start["patg"] == 2006  # the Republic of Korea, the earliest dated
    assert CHRONOLOGY.group_in(japan, 2005) == "none"
    assert CHRONOLOGY.group_in(japan, 2006) == "global"


def test_tokens_carry_since_until_suspension_and_assumed_start():
    finland_pfp, japan_patg = (
        DATASET.partner_by_id["finland"].memberships[0],
        DATASET.partner_by_id["japan"].memberships[0],
    )
    russia_pfp = DATASET.partner_by_id["russia"].memberships[0]

    assert CHRONOLOGY.token(finland_pfp) == "pfp|euro-atlantic|1994|2023||"
    assert CHRONOLOGY.token(japan_patg) == "patg|global||||2006"
    assert CHRONOLOGY.token(russia_pfp) == "pfp|euro-atlantic|1994||2014|"
