"""sources.py: the source policy, one rule per test. The adversarial corpus
(tests/bad_inputs/source-*, fact-*) runs the same rules through the whole build."""

from __future__ import annotations

import pytest

from partnerships.citations import footnote
from partnerships.language import Language
from partnerships.models import Name, Source, parse_partial_date
from partnerships.sources import _parent_hosts, _same_page, meets_policy

EN = Language("en")


def source(kind: str, publisher: str = "NATO", **fields) -> Source:
    values = {
        "id": "a-source",
        "url": "https://www.nato.int/cps/en/natohq/topics_37750.htm",
        "title": Name(en="Relations with Ukraine"),
        "publisher": Name(en=publisher),
        "kind": kind,
        "language": "en",
        "checked": parse_partial_date("2026-11-30"),
    }
    return Source(**{**values, **fields})


@pytest.mark.parametrize(
    ("cited", "enough"),
    [
        ([source("official")], True),
        ([source("media", "Reuters"), source("official")], True),
        ([source("media", "Reuters")], False),
        ([source("media", "Reuters"), source("media", "Reuters")], False),
        ([source("media", "Reuters"), source("reference", "SIPRI")], True),
        ([source("media", "Reuters"), source("state-media", "TASS")], False),
        ([source("state-media", "TASS"), source("state-media", "Xinhua")], False),
        ([], False),
    ],
    ids=[
        "one official",
        "official and media",
        "one media",
        "two media of one publisher",
        "media and reference of two publishers",
        "state media never counts",
        "two state media",
        "nothing",
    ],
)
def test_a_fact_needs_one_official_or_two_independent_sources(cited, enough):
    assert meets_policy(cited) is enough


def test_a_refused_host_covers_its_sub_domains_but_not_look_alike_names():
    assert list(_parent_hosts("a.b.blogspot.com")) == ["a.b.blogspot.com", "b.blogspot.com", "blogspot.com"]
    assert "blogspot.com" not in _parent_hosts("notblogspot.com")


@pytest.mark.parametrize(
    "other",
    [
        "https://nato.int/cps/en/natohq/topics_37750.htm",
        "http://www.nato.int/cps/en/natohq/topics_37750.htm",
        "https://WWW.NATO.INT/cps/en/natohq/topics_37750.htm",
        "https://www.nato.int/cps/en/natohq/topics_37750.htm#top",
    ],
)
def test_the_same_page_is_recognised_under_another_spelling_of_its_address(other):
    assert _same_page(other) == _same_page("https://www.nato.int/cps/en/natohq/topics_37750.htm")


def test_different_queries_are_different_pages():
    assert _same_page("https://euromaidanpress.com/?p=1") != _same_page("https://euromaidanpress.com/?p=2")


def test_a_footnote_names_publisher_title_and_date_and_marks_state_media():
    official = source("official", date=parse_partial_date("2015-05-06"))
    state = source("state-media", "TASS", language="ru")
    assert footnote(official, EN) == (
        "NATO, [*Relations with Ukraine*](https://www.nato.int/cps/en/natohq/topics_37750.htm) (6 May 2015), "
        "on nato.int."
    )
    assert footnote(state, EN).startswith("TASS (state media), [*Relations with Ukraine*](")
    assert footnote(state, EN).endswith(". In Russian.")


def test_a_footnote_names_the_host_the_link_opens_whatever_the_publisher_says():
    entry = footnote(source("official", url="https://www.xn--bcher-kva.example/nato"), EN)
    assert entry.endswith(", on bücher.example.")


def test_a_footnote_escapes_markup_in_titles():
    entry = footnote(source("official", title=Name(en="<b>Bold</b> [x](javascript:y)")), EN)
    assert "<b>" not in entry
    assert "](javascript" not in entry
