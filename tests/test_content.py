"""The real data against the promises the site makes to readers: sources a careful reader
trusts, statuses that mean what they say, reader prose only. The build enforces the source
policy record by record (test_sources.py); these tests look at the whole dataset."""

from __future__ import annotations

import re
from collections import Counter

import pytest
import yaml

from partnerships import load_dataset
from partnerships.history import Chronology
from partnerships.pipeline import build_pages
from partnerships.sources import citations, facts
from partnerships.urls import parse_web_address
from support import ROOT, TODAY

DATA = ROOT / "data"
REAL = load_dataset(DATA, today=TODAY)
HISTORY = Chronology.of(REAL, today=TODAY)
PAGES = {page.src_uri: page.markdown for page in build_pages(REAL, today=TODAY)}
RECORDS = [*REAL.frameworks, *REAL.partners, *REAL.milestones]
# Every address written anywhere in data/, in any field, as an editor would grep for it.
ADDRESSES = sorted(
    {url for path in DATA.glob("*/*.yaml") for url in re.findall(r"https?://[^\s'\"\]]+", path.read_text("utf-8"))}
)


def _refused_hosts() -> set[str]:
    policy = yaml.safe_load((DATA / "policy" / "sources.yaml").read_text(encoding="utf-8"))
    return {entry["host"] for entry in policy["refused_hosts"]}


def test_the_data_holds_many_addresses_so_the_scans_below_mean_something():
    assert len(ADDRESSES) > 250


def test_no_address_anywhere_in_data_is_on_a_refused_host():
    refused = _refused_hosts()
    on_refused = [
        url
        for url in ADDRESSES
        for host in [parse_web_address(url).host]
        if any(host == h or host.endswith("." + h) for h in refused)
    ]
    assert on_refused == []


def test_no_address_anywhere_in_data_carries_a_session_id_or_tracking_parameter():
    marked = [url for url in ADDRESSES if re.search(r"/SID-|selectedLocale=|[?&](utm_|fbclid|gclid|sid=)", url)]
    assert marked == []


def test_records_cite_sources_only_by_id():
    for record in RECORDS:
        for _, source_id in citations(record):
            assert source_id in REAL.source_by_id, (record.id, source_id)


def test_at_least_seven_citations_in_ten_are_official():
    kinds = Counter(REAL.source_by_id[s].kind for r in RECORDS for _, s in citations(r))
    assert kinds["official"] / sum(kinds.values()) >= 0.70, kinds


def test_no_fact_rests_on_state_media_alone():
    # The build's policy gives state media no weight; this guards the data against a policy edit.
    for record in RECORDS:
        for at, fact in facts(record):
            kinds = {REAL.source_by_id[s].kind for s in fact.sources}
            assert kinds != {"state-media"}, (record.id, at)


@pytest.mark.parametrize("partner", [p for p in REAL.partners if HISTORY.takes_part(p)], ids=lambda p: p.id)
def test_every_partner_taking_part_today_has_a_sourced_summary(partner):
    assert partner.summary is not None
    assert len(partner.summary.text.en.split()) >= 30
    assert partner.summary.sources


@pytest.mark.parametrize("partner_id", ["russia", "belarus", "afghanistan"])
def test_a_partner_whose_every_partnership_is_suspended_is_not_counted_as_taking_part(partner_id):
    partner = REAL.partner_by_id[partner_id]
    assert {HISTORY.state_on(partner, m) for m in partner.memberships} == {"suspended"}
    assert not HISTORY.takes_part(partner)
    assert "Takes part today" not in PAGES[f"partners/{partner_id}.md"]


def test_the_home_page_counts_partners_with_the_stated_rule():
    count = sum(1 for p in REAL.partners if HISTORY.takes_part(p))
    assert f"({count} of them taking part today; a partner whose every partnership" in PAGES["index.md"]


def test_the_eapc_lists_partners_that_became_allies_as_allies_not_as_former_members():
    page = PAGES["frameworks/eapc.md"]
    assert "## Former partners now NATO Allies (" in page
    allies = [p for p, m in REAL.members_of("eapc") if HISTORY.state_on(p, m) == "ally"]
    assert len(allies) >= 16
    ended = page.split("## Former partners (")[1] if "## Former partners (" in page else ""
    assert not any(f"]({'../partners/'}{p.id}.md)" in ended for p in allies)


def test_the_mediterranean_dialogue_sorts_after_the_partnership_for_peace():
    frameworks_index = PAGES["frameworks/index.md"]
    assert frameworks_index.index("Partnership for Peace") < frameworks_index.index("Mediterranean Dialogue")


# Words that belong in a research log, not in front of readers.
RESEARCH_LOG = re.compile(
    r"stored (copy|text|page)|could not be (checked|confirmed|read|found)|our own description|"
    r"no source (was )?consulted|a (personal )?blog|wiki(pedia)? (copy|mirror|table)|"
    r"the sources this site uses|the 2017 page|not yet covered by the sources|inferred",
    re.IGNORECASE,
)


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_no_page_holds_research_log_language(src_uri):
    assert RESEARCH_LOG.findall(PAGES[src_uri]) == []


def test_the_research_log_pattern_catches_what_it_is_for():
    assert RESEARCH_LOG.search("Join date from a personal blog's copy of the Wikipedia table")
    assert RESEARCH_LOG.search("The 2017 page says the Dialogue promotes cooperation")
