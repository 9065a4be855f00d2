"""dataset.py: lookups and derived names over the validated records."""

from __future__ import annotations

from partnerships import load_dataset
from support import FIXTURE_DATA, ROOT, TODAY

REAL = load_dataset(ROOT / "data", today=TODAY)


def test_shared_acronyms_get_their_launch_year():
    assert REAL.short_name["nuc-commission"] == "NUC 1997"
    assert REAL.short_name["nuc-council"] == "NUC 2023"
    assert REAL.short_name["pfp"] == "PfP"
    assert REAL.short_name["patg"] == "Partners across the globe"


def test_members_of_a_framework_include_former_ones():
    fixture = load_dataset(FIXTURE_DATA, today=TODAY)

    members = [(p.id, str(m.since)) for p, m in fixture.members_of("alpha")]

    assert members == [("bahrain", "None"), ("malta", "1995-04-26"), ("malta", "2008-04-03"), ("norway", "1994-05-09")]


def test_milestones_of_a_partner_are_oldest_first():
    ids = [m.id for m in REAL.milestones_of("partners", "finland")]

    assert ids == sorted(ids)
    assert "2023-04-04-finland-joins-nato" in ids
