"""pipeline.py end to end, and the repository's own data/."""

from __future__ import annotations

from partnerships import build_pages, load_dataset
from support import FIXTURE_DATA, ROOT, TODAY


def test_fixture_dataset_goes_through_every_stage():
    dataset = load_dataset(FIXTURE_DATA, today=TODAY)

    pages = build_pages(dataset, today=TODAY)

    # home, frameworks, partners, matrix, timeline, map, data, Allies, sources
    assert len(pages) == 9 + len(dataset.frameworks) + len(dataset.partners) + len(dataset.milestones)


def test_repository_data_has_no_problems():
    dataset = load_dataset(ROOT / "data", today=TODAY)

    assert len(dataset.frameworks) == 11
    assert len(dataset.partners) == 55
    assert len(dataset.milestones) >= 47


def test_every_membership_of_the_repository_data_has_a_page_on_both_sides():
    dataset = load_dataset(ROOT / "data", today=TODAY)
    pages = {page.src_uri: page.markdown for page in build_pages(dataset, today=TODAY)}

    for partner in dataset.partners:
        for membership in partner.memberships:
            assert f"(../frameworks/{membership.framework}.md)" in pages[f"partners/{partner.id}.md"]
            assert f"(../partners/{partner.id}.md)" in pages[f"frameworks/{membership.framework}.md"]
