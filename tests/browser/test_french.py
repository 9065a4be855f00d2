"""The French edition as a reader uses it, in Debian's Chromium: French search online and from
disk, the language switch to the same page, the French "Did you mean", and axe on the French
home, map, partner and matrix pages."""

from __future__ import annotations

import pytest
from test_reader import AXE, _suggestions, axe_violations, heading, search

FRENCH_PAGES = {"home": "fr/", "map": "fr/map/", "partner": "fr/partners/finland/", "matrix": "fr/matrix/"}


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("Suède", "Suède"),
        ("suede", "Suède"),
        ("Sweden", "Suède"),
        ("Dialogue mediterraneen", "Dialogue méditerranéen (DM)"),
        # Material matches word beginnings: every "Corée" of the Republic of Korea's page
        # matches too, and outscored the NRC until the exact name was put first.
        ("COR", "Conseil OTAN-Russie (COR)"),
        ("PPP", "Partenariat pour la paix (PPP)"),
        # French stemming: the plural forms are on no page; Material alone finds nothing.
        ("dialogues mediterraneens", "Dialogue méditerranéen (DM)"),
    ],
)
def test_french_search_opens_the_right_page_first(page, server, query, expected_title):
    page.goto(server + "fr/")

    search(page, query)
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip() == expected_title
    first.locator("a").first.click()

    page.wait_for_load_state()
    assert heading(page) == expected_title
    assert page.url.startswith(server + "fr/")


@pytest.mark.parametrize(
    ("query", "page_file"), [("Suède", "sweden.html"), ("Dialogue mediterraneen", "md.html"), ("COR", "nrc.html")]
)
def test_french_search_works_from_disk(page, offline_site, query, page_file):
    page.goto((offline_site / "fr" / "index.html").as_uri())

    search(page, query)
    page.locator(".md-search-result__item").first.locator("a").first.click()
    page.wait_for_url(f"**/fr/*/{page_file}?h=*")
    assert page.locator("html").get_attribute("lang") == "fr"


def test_a_stemmed_query_finds_the_singular_and_reports_no_word_missing(page, server):
    """The query "adhésions" is also searched as "adhés": sections on « Adhésion à l'OTAN »
    are found, and Material's "missing" note does not list the plural typed under them."""
    page.goto(server + "fr/")

    search(page, "adhésions")
    results = page.locator(".md-search-result__item")
    assert any("Adhésion à l'OTAN" in text for text in results.all_inner_texts())
    assert page.locator(".md-search-result__terms del").all_inner_texts() == []


def test_the_language_switch_leads_to_the_same_page_and_back(page, server):
    page.goto(server + "partners/finland/")

    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(server + "fr/partners/finland/")
    assert heading(page) == "Finlande"
    assert page.locator("html").get_attribute("lang") == "fr"

    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(server + "partners/finland/")
    assert heading(page) == "Finland"


def test_the_language_switch_works_from_disk(page, offline_site):
    page.goto((offline_site / "milestones" / "2023-04-04-finland-joins-nato.html").as_uri())

    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/milestones/2023-04-04-finland-joins-nato.html")
    assert heading(page) == "La Finlande rejoint l'OTAN"


def test_a_mistyped_french_name_is_suggested_in_french(page, server):
    page.goto(server + "fr/")

    suggestions = _suggestions(page, "Finalnde")
    assert suggestions.inner_text().startswith("Vouliez-vous dire")
    suggestions.get_by_role("link", name="Finlande").click()
    page.wait_for_url(server + "fr/partners/finland/")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `npm ci` (make test does)")
@pytest.mark.parametrize("kind", sorted(FRENCH_PAGES))
def test_axe_finds_no_violation_on_french_pages(page, server, artifacts, kind):
    page.goto(server + FRENCH_PAGES[kind])

    assert axe_violations(page, artifacts / f"axe-fr-{kind}.json") == []
