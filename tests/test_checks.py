"""checks.py: cross-record rules, each reported with file, line and a way to fix it."""

from __future__ import annotations

import pytest

from partnerships import DataError, load_dataset
from support import TODAY


def _problems(data_dir, file, old, new):
    path = data_dir / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    with pytest.raises(DataError) as caught:
        load_dataset(data_dir, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_unknown_framework_reference_suggests_the_closest(data_dir):
    assert _problems(data_dir, "partners/norway.yaml", "  - framework: alpha", "  - framework: alhpa") == [
        "data/partners/norway.yaml:11: memberships[0].framework: unknown framework 'alhpa'; did you mean 'alpha'?"
    ]


def test_unknown_partner_in_milestone(data_dir):
    assert _problems(data_dir, "milestones/2008-04-malta-returns.yaml", "partners: [malta]", "partners: [malt]") == [
        "data/milestones/2008-04-malta-returns.yaml:6: partners[0]: unknown partner 'malt'; did you mean 'malta'?"
    ]


def test_broken_file_is_not_also_an_unknown_reference(data_dir):
    problems = _problems(data_dir, "partners/malta.yaml", "region: europe", "region: [europe")

    assert problems == ["data/partners/malta.yaml:6: YAML syntax error: did not find expected ',' or ']'"]


def test_since_after_until(data_dir):
    assert _problems(data_dir, "partners/norway.yaml", "until: 2023-04-04", "until: 1990-01-01") == [
        "data/partners/norway.yaml:13: memberships[0].until: until (1990-01-01) is before since (1994-05-09)"
    ]


def test_partial_dates_in_the_same_month_are_not_out_of_order(data_dir):
    path = data_dir / "partners" / "bahrain.yaml"
    text = path.read_text()
    assert "    since: 2005-02\n    until: 2023-07-12\n" in text
    path.write_text(text.replace("until: 2023-07-12", "until: 2005-02-01"))

    dataset = load_dataset(data_dir, today=TODAY)  # since 2005-02 may well be 2005-02-01

    beta = next(m for m in dataset.partner_by_id["bahrain"].memberships if m.framework == "beta")
    assert (str(beta.since), str(beta.until)) == ("2005-02", "2005-02-01")


def test_overlapping_memberships_of_one_framework(data_dir):
    assert _problems(data_dir, "partners/malta.yaml", "since: 2008-04-03", "since: 1996-01-01") == [
        "data/partners/malta.yaml:16: memberships[1].since: overlaps another membership of 'alpha' (1995-04-26 to 1996-10-27); "
        "end the first one before the second starts"
    ]


def test_ended_membership_needs_a_reason(data_dir):
    assert _problems(
        data_dir, "partners/norway.yaml", "    end_reason: {en: joined NATO, fr: a adhéré à l'OTAN}\n", ""
    ) == ["data/partners/norway.yaml:13: memberships[0].until: an ended membership needs end_reason (why it ended)"]


def test_milestone_end_before_start(data_dir):
    assert _problems(
        data_dir, "milestones/1994-01-10-alpha-launched.yaml", "end_date: 1994-01-11", "end_date: 1993-01-11"
    ) == [
        "data/milestones/1994-01-10-alpha-launched.yaml:3: end_date: end_date (1993-01-11) is before date (1994-01-10)"
    ]


def test_replaced_framework_needs_its_successor(data_dir):
    assert _problems(data_dir, "frameworks/beta.yaml", "replaced_by: alpha\n", "") == [
        "data/frameworks/beta.yaml:8: status.value: a replaced framework needs replaced_by (the id of its successor)"
    ]


def test_review_date_in_the_future(data_dir):
    assert _problems(data_dir, "partners/malta.yaml", "reviewed: 2026-11-01", "reviewed: 2027-01-01") == [
        "data/partners/malta.yaml:18: reviewed: review date 2027-01-01 is in the future (today is 2026-12-01)"
    ]


def test_an_ally_file_for_a_partner_that_joined_nato_points_at_the_partner_file(data_dir):
    # Norway is a partner that joined NATO: its accession belongs in its partner file.
    assert _problems(data_dir, "allies/iceland.yaml", "iso: IS", 'iso: "NO"') == [
        "data/allies/iceland.yaml:3: iso: ISO code NO is already used by data/partners/norway.yaml; "
        "an Ally that was a partner is recorded once, as nato_accession in data/partners/norway.yaml"
    ]


def test_an_accession_after_the_build_date_is_refused_for_an_ally_too(data_dir):
    assert _problems(data_dir, "allies/turkiye.yaml", "date: 1952-02-18", "date: 2031-02-18") == [
        "data/allies/turkiye.yaml:6: nato_accession.date: 2031-02-18 is in the future "
        f"(today is {TODAY}); record events once they happen"
    ]


def test_a_text_without_french_is_refused_where_it_is(data_dir):
    # The French edition would show the English in its place.
    problems = _problems(data_dir, "milestones/2008-04-malta-returns.yaml", ", fr: Retour de Malte}", "}")
    assert problems == [
        "data/milestones/2008-04-malta-returns.yaml:3: title: has no French: add `fr:` beside `en:`, in NATO's "
        "own French terms (the French edition shows every text in French)"
    ]


def test_a_source_title_stays_in_its_own_language(data_dir):
    # An English page is cited by its English title in both editions: no French needed.
    load_dataset(data_dir, today=TODAY)
    assert "fr:" not in (data_dir / "sources" / "example-alpha.yaml").read_text().split("publisher")[0]
