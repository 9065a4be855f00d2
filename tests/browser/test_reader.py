"""What a reader does, in Debian's Chromium: search, follow links, download the data, print,
read offline; and what must never happen: a request to another host, an accessibility
violation. Layout at every width is test_layout.py."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

import idna
import pytest

from support import PAGE_TYPES, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("article h1").evaluate(
        "h => [...h.childNodes].filter(n => !n.classList?.contains('headerlink')).map(n => n.textContent).join('').trim()"
    )


def search(page, query: str) -> None:
    """Type a query once Material's search worker is ready (it drops earlier keystrokes)."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():  # phones: the box opens from the header button
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    page.wait_for_function(
        "() => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !/Initiali[sz]/i.test(m.textContent); }"  # "Initializing search", "Initialisation de la recherche"
    )
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item")
    # Results are redrawn as each key is handled, and on a busy machine the worker can take
    # half a second per keystroke: wait until the list has not changed for 1.2 s.
    results = page.locator(".md-search-result__list")
    previous, stable_since = None, 0
    for _ in range(80):
        current = results.inner_text()
        stable_since = stable_since + 1 if current == previous else 0
        if stable_since >= 8:
            break
        previous = current
        page.wait_for_timeout(150)


@pytest.mark.parametrize(
    ("query", "expected_title"),
    [
        ("Finland", "Finland"),
        ("Finlande", "Finland"),
        ("Bahrein", "Bahrain"),
        ("UAE", "United Arab Emirates"),
        ("PfP", "Partnership for Peace (PfP)"),
        ("Conseil OTAN-Ukraine", "NATO-Ukraine Council (NUC)"),
        # A country's own page before the council or commission named after it.
        ("Ukraine", "Ukraine"),
        ("Georgia", "Georgia"),
    ],
)
def test_search_finds_the_entity_first_and_opens_it(page, server, query, expected_title):
    page.goto(server)

    search(page, query)
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text().strip() == expected_title
    first.locator("a").first.click()

    page.wait_for_load_state()
    assert heading(page) == expected_title


@pytest.mark.parametrize("query", ["Turkey", "Türkiye", "Turkiye"])
def test_searching_an_ally_leads_to_its_row_on_the_allies_page(page, server, query):
    page.goto(server)

    search(page, query)
    titles = page.locator(".md-search-result__item h1").all_inner_texts()[:3]
    assert "NATO Allies" in [t.strip() for t in titles], titles
    page.locator(".md-search-result__item").filter(has=page.locator("h1", has_text="NATO Allies")).first.locator(
        "a"
    ).first.click()
    page.wait_for_load_state()
    assert heading(page) == "NATO Allies"
    row = page.locator("tr").filter(has=page.locator("#turkiye"))
    assert "18 February 1952" in row.inner_text()


def test_a_mistyped_ally_is_suggested_with_its_row(page, server):
    page.goto(server)

    _suggestions(page, "Turky").get_by_role("link", name="Türkiye").click()
    page.wait_for_url("**/allies/#turkiye")


def test_links_lead_framework_to_partner_to_milestone_to_framework(page, server):
    page.goto(server + "frameworks/eop/")

    page.get_by_role("link", name="Finland", exact=True).first.click()
    page.wait_for_url("**/partners/finland/")
    page.get_by_role("link", name="Finland joins NATO").click()
    page.wait_for_url("**/milestones/2023-04-04-finland-joins-nato/")
    page.locator("article").get_by_role("link", name="Enhanced Opportunities Partners").click()
    page.wait_for_url("**/frameworks/eop/")

    assert heading(page) == "Enhanced Opportunities Partners (EOP)"


def test_no_request_leaves_the_machine(page, server):
    for path in PAGE_TYPES.values():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    search(page, "Malta")

    hosts = {urlsplit(url).hostname for url in page.requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}
    assert len(page.requests) > len(PAGE_TYPES)


def test_json_download_parses_and_holds_every_partner(page, server):
    page.goto(server + "data/")

    with page.expect_download() as download:
        page.get_by_role("link", name="partnerships.json").click(modifiers=["Alt"])
    document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))

    assert len(document["partners"]) == 55
    assert {"finland", "european-union"} <= {p["id"] for p in document["partners"]}


def test_print_shows_the_article_only(page, server):
    page.goto(server + "partners/finland/")
    page.emulate_media(media="print")

    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("article h1").is_visible()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core not installed: run `npm ci` (make test does)")
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_finds_no_violation(page, server, artifacts, kind):
    page.goto(server + PAGE_TYPES[kind])

    assert axe_violations(page, artifacts / f"axe-{kind}.json") == []


def axe_violations(page, report: Path) -> list[str]:
    """axe-core's violations on the open page, one line each; the full report goes to `report`."""
    page.add_script_tag(path=str(AXE))
    # target-size (WCAG 2.2: 24 x 24 px) is off by default in axe; readers on phones need it.
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})"
    )
    report.write_text(json.dumps(result["violations"], indent=1))
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def test_offline_copy_navigates_and_searches_from_disk(page, offline_site):
    page.goto((offline_site / "index.html").as_uri())

    page.locator("nav.md-nav--primary").get_by_role("link", name="Partners").first.click()
    page.wait_for_url("**/partners/index.html")
    page.get_by_role("link", name="Malta", exact=True).click()
    page.wait_for_url("**/partners/malta.html")
    search(page, "Bahrein")
    page.locator(".md-search-result__item").first.locator("a").first.click()
    page.wait_for_url("**/partners/bahrain.html?h=*")

    schemes = {urlsplit(url).scheme for url in page.requests}
    assert schemes <= {"file", "data", "blob"}


def test_every_source_label_names_the_host_the_browser_opens(page, server, built_site):
    # Each footnote ends with "on <host>", derived from the parsed address; the browser's own
    # URL parser must land on that same host, for every source on the site.
    pairs = set()
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        pairs.update(
            re.findall(r'<li id="fn:\d+">\s*<p>.*?<a href="(https?://[^"]+)">.*?</a>[^<]*?, on ([^<\s]+)\.', html)
        )
    assert len(pairs) > 100

    page.goto(server)
    hosts = page.evaluate(
        "pairs => pairs.map(([href]) => { const a = document.createElement('a'); a.href = href; return a.hostname; })",
        [[unescape(href), label] for href, label in sorted(pairs)],
    )

    for (href, label), host in zip(sorted(pairs), hosts, strict=True):
        assert unescape(label) == idna.decode(host).removeprefix("www."), href


def test_a_generated_page_highlights_its_section_in_the_sidebar(page, server):
    page.goto(server + "partners/finland/")
    nav = page.locator("nav.md-nav--primary")
    active = nav.locator("li.md-nav__item--active > a.md-nav__link")
    other = nav.get_by_role("link", name="Frameworks", exact=True).first

    assert active.count() == 1
    assert active.inner_text().strip() == "Partners"
    assert active.evaluate("a => getComputedStyle(a).color") != other.evaluate("a => getComputedStyle(a).color")


def test_the_404_page_offers_the_search_and_every_section(page, server):
    page.goto(server + "404.html")

    assert heading(page) == "Page not found"
    page.get_by_text("Search the site").click()
    assert page.locator("#__search").is_checked()
    assert page.locator("input.md-search__input").is_visible()
    page.keyboard.press("Escape")
    page.locator("article").get_by_role("link", name="Partners", exact=True).click()
    page.wait_for_url("**/partners/")
    assert heading(page) == "Partners"


def _suggestions(page, query: str):
    """Type `query` in the search and return the "Did you mean" box."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").click()
    box.click()
    page.keyboard.type(query, delay=20)
    return page.locator(".search-suggestions")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Swden", "Sweden"),
        ("Mediteranean", "Mediterranean Dialogue"),
        ("Finlnad", "Finland"),
        ("Partnrship for Peace", "Partnership for Peace"),
        ("Irlnde", "Ireland"),  # the French name, Irlande, one letter off
    ],
)
def test_a_mistyped_name_gets_a_link_to_its_page_first(page, server, query, expected):
    page.goto(server)

    suggestions = _suggestions(page, query)
    first = suggestions.get_by_role("link").first
    assert suggestions.is_visible()
    assert first.inner_text() == expected
    first.click()
    page.wait_for_load_state()
    assert heading(page).startswith(expected)


@pytest.mark.parametrize("query", ["Swed", "Finland", "zzzz", "Mal"])
def test_a_query_that_search_itself_answers_gets_no_suggestion(page, server, query):
    page.goto(server)

    suggestions = _suggestions(page, query)
    page.wait_for_timeout(300)
    assert suggestions.is_hidden()


def test_suggestions_work_in_the_offline_copy(page, offline_site):
    page.goto((offline_site / "partners" / "malta.html").as_uri())

    _suggestions(page, "Swden").get_by_role("link", name="Sweden").click()
    page.wait_for_url("**/partners/sweden.html")
