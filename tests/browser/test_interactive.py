"""The interactive parts (assets/javascripts/partnerships.js) in Debian's Chromium: the history
year on the map and the tables, which must apply the states the build wrote for every year
(tests/test_history_view.py checks those against history.py); sorting and filtering; the
timeline filter; the keyboard on the map; the offline edition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partnerships import load_dataset
from partnerships.history import FIRST_YEAR
from partnerships.history_view import lookup
from support import ROOT, TODAY, history_states

pytestmark = pytest.mark.browser

MAP_GROUPS_JS = "as => Object.fromEntries(as.map(a => [a.getAttribute('data-iso'), a.getAttribute('data-group')]))"
# Texts of the visible body rows of the first table in the history view: [[cell, ...], ...].
VISIBLE_ROWS_JS = """sel => Array.from(document.querySelectorAll(sel + ' tbody tr'))
    .filter(tr => tr.offsetParent !== null)
    .map(tr => Array.from(tr.cells, td => td.textContent.replace(/\\s+/g, ' ').trim()))"""


@pytest.fixture(autouse=True)
def _fail_fast(request: pytest.FixtureRequest) -> None:
    """Everything here is local and quick: a missing control should fail in seconds, not 30."""
    if "page" in request.fixturenames:
        request.getfixturevalue("page").set_default_timeout(5_000)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(ROOT / "data", today=TODAY)


def _select_year(page, year: int) -> None:
    page.select_option("#history-year", str(year))


def _row(page, name: str):
    """The partners-table or matrix row whose first cell is exactly `name`."""
    return page.locator("[data-history] tbody tr").filter(
        has=page.locator("td:first-child a", has_text=re.compile(rf"^{re.escape(name)}$"))
    )


def test_map_applies_the_states_of_every_year(page, server, dataset, built_site: Path):
    page.goto(server + "map/")
    assert page.locator(".history-control").is_visible()
    years = [int(v) for v in page.eval_on_selector_all("#history-year option", "os => os.map(o => o.value)")]
    assert years == list(range(years[0], FIRST_YEAR - 1, -1))
    assert years[0] >= TODAY.year
    states = history_states((built_site / "map" / "index.html").read_text(encoding="utf-8"))
    by_iso = {p.iso: p.id for p in dataset.partners} | {a.iso: f"allies/{a.id}" for a in dataset.allies}

    # Today's year: the JS must paint exactly what the server rendered.
    served = page.evaluate(
        f"html => ({MAP_GROUPS_JS})(Array.from("
        "new DOMParser().parseFromString(html, 'text/html').querySelectorAll('a.map-partner')))",
        (built_site / "map" / "index.html").read_text(encoding="utf-8"),
    )
    assert len(served) >= 40
    _select_year(page, years[0])
    assert page.eval_on_selector_all("a.map-partner", MAP_GROUPS_JS) == served

    mismatches = []
    for year in range(FIRST_YEAR, years[0] + 1):
        _select_year(page, year)
        shown = page.eval_on_selector_all("a.map-partner", MAP_GROUPS_JS)
        assert set(shown) == set(served)
        for iso, group in shown.items():
            expected = lookup(states["partners"][by_iso[iso]], year)["group"]
            if group != expected:
                mismatches.append(f"{year} {iso}: page {group}, states {expected}")
        assert page.text_content(".history-status") == states["years"][str(year)]["status"]
        legend = page.eval_on_selector_all(".map-legend li:not([hidden])", "lis => lis.map(li => li.dataset.group)")
        assert legend == states["years"][str(year)]["legend"], year
    assert not mismatches, "\n".join(mismatches)

    # Every colour on the map is explained in the legend, and every label names its group.
    _select_year(page, 1991)
    labels = page.eval_on_selector_all(
        ".map-legend li:not([hidden])",
        "lis => Object.fromEntries(lis.map(li => [li.querySelector('.swatch').dataset.group, li.textContent.trim()]))",
    )
    names = {p.iso: p.name.en for p in (*dataset.partners, *dataset.allies)}
    for iso, group in page.eval_on_selector_all("a.map-partner", MAP_GROUPS_JS).items():
        assert group in labels, f"{iso}: {group} missing from the legend"
        label = page.get_attribute(f"a.map-partner[data-iso={iso}]", "aria-label")
        # An Ally's label adds the year it joined: "Poland: NATO Ally since 1999".
        assert re.fullmatch(rf"{re.escape(names[iso])}: {re.escape(labels[group])}( since \d{{4}})?", label), label


def test_tables_match_the_server_rendering_for_today(page, server, built_site: Path):
    """Choosing today's year again changes nothing: same rows, same cell texts."""
    for path, selector in [("partners", "[data-history=partners]"), ("matrix", "[data-history=matrix]")]:
        page.goto(server + path + "/")
        served = page.evaluate(
            """([html, sel]) => Array.from(new DOMParser().parseFromString(html, 'text/html')
                .querySelectorAll(sel + ' tbody tr'),
                tr => Array.from(tr.cells, td => td.textContent.replace(/\\s+/g, ' ').trim()))""",
            [(built_site / path / "index.html").read_text(encoding="utf-8"), selector],
        )
        first = page.eval_on_selector("#history-year option", "o => o.value")
        _select_year(page, 1995)
        _select_year(page, int(first))
        assert page.evaluate(VISIBLE_ROWS_JS, selector) == served
        assert page.text_content(".history-status") == f"Today: {len(served)} partners shown."
    assert not page.console_errors


FINLAND_ON_MAP = "a.map-partner[data-iso=FI]"


def _assert_finland_partner_in_2017_ally_in_2024(page) -> None:
    _select_year(page, 2017)
    assert page.get_attribute(FINLAND_ON_MAP, "data-group") == "euro-atlantic"
    _select_year(page, 2024)
    assert page.get_attribute(FINLAND_ON_MAP, "data-group") == "ally"


def test_finland_through_the_years(page, server):
    page.goto(server + "map/")
    _assert_finland_partner_in_2017_ally_in_2024(page)
    assert page.get_attribute(FINLAND_ON_MAP, "aria-label").startswith("Finland: NATO Ally")

    page.goto(server + "partners/")
    row = _row(page, "Finland")
    _select_year(page, 2017)
    assert row.locator("td:nth-child(3) a[data-framework=pfp]").count() == 1
    assert row.locator("td:nth-child(4) a[data-framework=pfp]").count() == 0
    assert row.locator("td:nth-child(5)").text_content() == ""
    _select_year(page, 2024)
    assert row.locator("td:nth-child(3) a[data-framework=pfp]").count() == 0
    assert row.locator("td:nth-child(4) a[data-framework=pfp]").count() == 1
    assert row.locator("td:nth-child(3)").text_content() == "—"
    assert row.locator("td:nth-child(5)").text_content() == "2023"
    # The cloned links still lead to the framework page.
    href = row.locator("td:nth-child(4) a[data-framework=pfp]").get_attribute("href")
    assert href.rstrip("/").endswith("frameworks/pfp")


def test_matrix_sort_filter_and_history(page, server):
    page.goto(server + "matrix/")
    header = page.locator("[data-history=matrix] thead th").first
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "ascending"
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    rows = page.evaluate(VISIBLE_ROWS_JS, "[data-history=matrix]")
    assert rows[0][0] == "Uzbekistan"
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)

    box = page.get_by_label("Filter rows")
    box.fill("bahr")
    assert [r[0] for r in page.evaluate(VISIBLE_ROWS_JS, "[data-history=matrix]")] == ["Bahrain"]
    box.fill("BÄHR")  # case and accents do not matter
    assert [r[0] for r in page.evaluate(VISIBLE_ROWS_JS, "[data-history=matrix]")] == ["Bahrain"]
    box.fill("")

    colombia = _row(page, "Colombia")
    assert colombia.is_visible()
    _select_year(page, 1995)
    assert colombia.is_hidden()
    assert page.locator(".history-status").text_content().startswith("End of 1995: ")
    # The filter and the year hide rows independently: clearing one does not show the other's.
    box.fill("colom")
    assert colombia.is_hidden()
    box.fill("")
    assert colombia.is_hidden()
    _select_year(page, 2020)
    assert colombia.is_visible()
    assert not page.console_errors


def _sort_matrix_by(page, column: str) -> list[str]:
    """Click the sort button of `column` (a framework's abbreviation) and return that column's
    visible cells, top to bottom."""
    headers = page.locator("[data-history=matrix] thead th")
    names = [t.replace("\u2195", "").strip() for t in headers.all_inner_texts()]
    index = names.index(column)
    headers.nth(index).get_by_role("button").click()
    return [row[index] for row in page.evaluate(VISIBLE_ROWS_JS, "[data-history=matrix]")]


def test_matrix_sorts_known_years_first_then_unknown_then_empty_in_any_year(page, server):
    page.goto(server + "matrix/")
    for year in (TODAY.year, 2000):
        _select_year(page, year)
        for _ in ("ascending", "descending"):
            cells = _sort_matrix_by(page, "PfP")
            groups = [2 if cell in ("", "—") else 1 if cell.startswith("?") else 0 for cell in cells]
            assert groups == sorted(groups), (year, cells)
            assert groups.count(0) > 5, (year, cells)
            assert groups[-1] == 2, (year, cells)
    # Partners across the globe today: Afghanistan's start is unknown, and goes after every known year.
    _select_year(page, TODAY.year)
    cells = _sort_matrix_by(page, "Partners across the globe")
    assert cells.index(next(c for c in cells if c.startswith("?"))) > max(
        i for i, c in enumerate(cells) if c and c[0].isdigit()
    )


def test_matrix_filter_says_how_many_rows_match_and_when_none_does(page, server):
    page.goto(server + "matrix/")
    box = page.get_by_label("Filter rows")
    status = page.locator(".table-filter-status")

    box.fill("zzzz")
    assert status.inner_text() == "No row matches “zzzz”."
    box.fill("bahr")
    assert status.inner_text() == "1 of 55 rows match."
    box.fill("a")
    before = status.inner_text()
    _select_year(page, 1995)
    assert status.inner_text() != before  # counted again over the rows of 1995
    assert re.fullmatch(r"\d+ of \d+ rows match\.", status.inner_text())
    box.fill("")
    assert status.inner_text() == ""


def test_matrix_keeps_the_site_navigation_and_full_size_sort_buttons(page, server):
    page.goto(server + "matrix/")

    assert page.locator("nav.md-nav--primary").first.is_visible()  # 1280 px: the sidebar
    sizes = page.locator("[data-history=matrix] thead .sort-button").evaluate_all(
        "bs => bs.map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
    )
    assert len(sizes) == 12
    assert min(min(w, h) for w, h in sizes) >= 24, sizes


def test_timeline_filter_by_framework(page, server):
    page.goto(server + "milestones/")
    assert page.locator(".timeline-filter").is_visible()
    page.select_option("#timeline-framework", "ici")
    items = page.eval_on_selector_all(
        "li:has(> a[data-frameworks]), li:has(a[data-frameworks])",
        "lis => lis.map(li => [li.offsetParent !== null, li.querySelector('a[data-frameworks]').dataset.frameworks])",
    )
    shown = [f for visible, f in items if visible]
    assert shown, "no milestone shown for ici"
    assert all("ici" in f.split() for f in shown)
    assert all(not visible for visible, f in items if "ici" not in f.split())
    assert page.text_content(".timeline-status") == f"{len(shown)} milestones shown."
    years = page.eval_on_selector_all(
        "article h2",
        "hs => hs.map(h => [h.offsetParent !== null,"
        " h.nextElementSibling && h.nextElementSibling.querySelector('li:not([hidden])') !== null])",
    )
    assert any(not visible for visible, _ in years), "no year hidden"
    assert all(visible == has_items for visible, has_items in years)

    page.select_option("#timeline-framework", "")
    assert all(page.eval_on_selector_all("article h2", "hs => hs.map(h => h.offsetParent !== null)"))


def test_keyboard_reaches_a_map_partner_and_opens_it(page, server):
    page.goto(server + "map/")
    page.focus("#history-year")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.skip-link')")  # first: the way past
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement; return a.matches('a.map-partner')"
        " ? [a.getAttribute('aria-label'), new URL(a.getAttribute('href'), location.href).href] : null; }"
    )
    assert focused, "Tab after the year did not reach a country on the map"
    label, target = focused
    assert page.text_content(".map-focus") == label  # the focus caption
    assert re.search(r"/partners/[\w-]+/$", target)
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert page.title().startswith(label.split(":")[0])


def test_map_screenshots(browser, server, artifacts: Path):
    for width, height in [(1280, 900), (390, 844)]:
        context = browser.new_context(viewport={"width": width, "height": height})
        tab = context.new_page()
        tab.set_default_timeout(5_000)
        tab.goto(server + "map/")
        _select_year(tab, 2017)
        tab.focus("a.map-partner[data-iso=FI]")
        # Nothing wider than the screen: the map and the controls shrink.
        assert tab.evaluate("document.documentElement.scrollWidth") <= width
        svg_width = tab.eval_on_selector(".partner-map svg", "s => s.getBoundingClientRect().width")
        assert 0.5 * width <= svg_width <= width
        tab.locator(".history-control").scroll_into_view_if_needed()
        tab.screenshot(path=artifacts / "screenshots" / f"interactive-map-{width}.png", full_page=False)
        context.close()


def test_offline_edition_history_from_disk(page, offline_site: Path):
    page.goto((offline_site / "map.html").as_uri())
    _assert_finland_partner_in_2017_ally_in_2024(page)
    assert page.get_attribute(FINLAND_ON_MAP, "href").endswith("partners/finland.html")
    assert not [url for url in page.requests if not url.startswith("file:")]


def test_matrix_prints_every_column_on_a_landscape_page(browser, server):
    # A4 landscape is 1123 x 794 CSS px; the print style must fit the whole table in it.
    context = browser.new_context(viewport={"width": 1123, "height": 794})
    page = context.new_page()
    page.goto(server + "matrix/")
    page.emulate_media(media="print")
    widths = page.evaluate(
        """() => { const t = document.querySelector('[data-history=matrix] table');
        const r = t.getBoundingClientRect();
        return {table: r.right, page: document.documentElement.clientWidth, cut: t.closest('.md-typeset__scrollwrap').scrollWidth - t.closest('.md-typeset__scrollwrap').clientWidth}; }"""
    )
    pdf = page.pdf(prefer_css_page_size=True)
    context.close()

    assert widths["table"] <= widths["page"], widths
    assert widths["cut"] <= 0, widths
    assert pdf.startswith(b"%PDF")


def test_map_list_follows_the_year(page, server):
    page.goto(server + "map/")
    lists = page.locator(".map-lists")

    def group_of(name: str) -> str:
        paragraph = lists.locator("p").filter(has=page.get_by_role("link", name=name, exact=True))
        return paragraph.locator("strong").inner_text()

    assert group_of("Finland") == "NATO Ally"
    _select_year(page, 1995)
    assert group_of("Finland").startswith("Partnership for Peace")
    assert "Istanbul Cooperation Initiative" not in lists.inner_text()  # launched in 2004
    shown = lists.locator("a[data-partner]").count()
    _select_year(page, TODAY.year)
    assert lists.locator("a[data-partner]").count() > shown
    assert not page.console_errors


def test_a_skip_link_jumps_over_the_country_links(page, server):
    page.goto(server + "map/")
    skip = page.locator(".partner-map .skip-link")

    assert not skip.is_visible() or skip.bounding_box()["width"] <= 1
    skip.focus()
    assert skip.bounding_box()["width"] > 50  # shown once the keyboard reaches it
    page.keyboard.press("Enter")
    page.wait_for_url("**/map/#partners-by-group")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_matrix_keeps_its_header_row_and_partner_column_in_sight(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(server + "matrix/")
    box = page.locator("[data-history=matrix] .md-typeset__scrollwrap")
    box.scroll_into_view_if_needed()
    place = box.evaluate(
        """b => { b.scrollTop = 600; b.scrollLeft = b.scrollWidth;
        const head = b.querySelector('thead th:nth-child(2)').getBoundingClientRect();
        const name = b.querySelector('tbody tr:nth-child(20) td:first-child').getBoundingClientRect();
        const box = b.getBoundingClientRect();
        return {scrolled: b.scrollTop, box_top: box.top, head_top: head.top, box_left: box.left, name_left: name.left}; }"""
    )
    context.close()

    assert place["scrolled"] > 0, "the matrix box did not scroll down"
    assert abs(place["head_top"] - place["box_top"]) <= 2, place  # the header row stays at the top
    assert abs(place["name_left"] - place["box_left"]) <= 2, place  # the partner column at the left


def test_every_matrix_cell_state_is_in_the_key_with_its_own_symbol(page, server):
    page.goto(server + "matrix/")
    symbols = page.eval_on_selector_all(
        "[data-history=matrix] .period:not([hidden]), .matrix-key .period",
        "ps => ps.map(p => [p.closest('.matrix-key') ? 'key' : 'cell', p.dataset.state,"
        " getComputedStyle(p, '::before').content])",
    )
    key = {state: content for where, state, content in symbols if where == "key"}
    cells = {state for where, state, _ in symbols if where == "cell"}

    assert set(key) == {"participates", "suspended", "ended", "ally"}
    assert cells <= set(key)
    assert len(set(key.values())) == 4  # four different symbols
    assert all(content not in ("none", "normal", "") for content in key.values())
