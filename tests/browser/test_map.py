"""The world map as a reader at 1280 px meets it: every European partner big enough to point at
(in the inset), markers that do not cover each other, the Allies shown with the year they
joined, and a legend that follows the year chosen."""

from __future__ import annotations

import itertools

import pytest

from partnerships import load_dataset
from support import ROOT, TODAY

pytestmark = pytest.mark.browser

# For each link on the map: where it goes, its iso, its group, and the boxes of its shape and
# of its marker (or null), in CSS px.
TARGETS_JS = """(links) => links.map(a => {
    const box = el => { if (!el) return null; const r = el.getBoundingClientRect();
                        return {x: r.x, y: r.y, w: r.width, h: r.height}; };
    return {key: a.getAttribute('data-partner'), iso: a.getAttribute('data-iso'),
            group: a.getAttribute('data-group'), label: a.getAttribute('aria-label'),
            shape: box(a.querySelector('path, use')), marker: box(a.querySelector('circle'))};
})"""


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(ROOT / "data", today=TODAY)


@pytest.fixture
def wide(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(5_000)
    tab.goto(server + "map/")
    yield tab
    context.close()


def _targets(tab, selector: str) -> list[dict]:
    return tab.eval_on_selector_all(selector, TARGETS_JS)


def test_every_european_partner_has_a_target_of_24_px_at_1280(wide, dataset):
    europeans = {p.iso: p.name.en for p in dataset.partners if p.region == "europe" and p.type == "state"}
    inset = {t["iso"]: t for t in _targets(wide, ".map-inset a.map-partner")}

    assert europeans.keys() <= inset.keys(), sorted(europeans.keys() - inset.keys())
    small = {}
    for iso in europeans:
        boxes = [b for b in (inset[iso]["shape"], inset[iso]["marker"]) if b]
        if not any(b["w"] >= 24 and b["h"] >= 24 for b in boxes):
            small[europeans[iso]] = boxes
    assert small == {}
    assert wide.evaluate("document.documentElement.scrollWidth") <= 1280


@pytest.mark.parametrize("where", [".partner-map > svg:not(.map-inset)", ".map-inset"])
def test_no_marker_covers_another(wide, where):
    markers = [(t["iso"], t["marker"]) for t in _targets(wide, f"{where} a.map-partner") if t["marker"]]
    assert len(markers) >= 3
    for (a, m), (b, n) in itertools.combinations(markers, 2):
        apart = abs((m["x"] + m["w"] / 2) - (n["x"] + n["w"] / 2)), abs((m["y"] + m["h"] / 2) - (n["y"] + n["h"] / 2))
        assert (apart[0] ** 2 + apart[1] ** 2) ** 0.5 >= (m["w"] + n["w"]) / 2, (a, b)


def test_the_allies_are_on_the_map_with_the_year_they_joined(wide, dataset):
    shown = {t["key"]: t for t in _targets(wide, "a.map-partner")}
    allies = {k: t for k, t in shown.items() if t["group"] == "ally"}

    assert len(allies) == 32
    assert allies["allies/turkiye"]["label"] == "Türkiye: NATO Ally since 1952"
    assert allies["poland"]["label"] == "Poland: NATO Ally since 1999"
    wide.select_option("#history-year", "1995")
    assert wide.get_attribute("a.map-partner[data-partner=poland]", "aria-label").startswith("Poland: Partnership")
    assert wide.get_attribute("a.map-partner[data-partner='allies/spain']", "data-group") == "ally"


def test_the_legend_follows_the_year(wide):
    ici = wide.locator(".map-legend li", has_text="Istanbul Cooperation Initiative")
    assert ici.is_visible()
    wide.select_option("#history-year", "1995")
    assert ici.is_hidden()  # launched in 2004
    wide.select_option("#history-year", str(TODAY.year))
    assert ici.is_visible()


def test_patterns_fill_the_groups_colour_alone_would_not_tell_apart(wide):
    fills = wide.evaluate(
        """() => Object.fromEntries(['suspended', 'euro-atlantic'].map(g => {
            const a = document.querySelector(`.map-inset a.map-partner[data-group="${g}"]`);
            return [g, getComputedStyle(a).fill]; }))"""
    )
    assert fills["suspended"].startswith("url(")
    assert "fill-suspended-inset" in fills["suspended"]
    assert fills["euro-atlantic"] == "rgb(0, 114, 178)"
