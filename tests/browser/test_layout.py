"""Every page type at the widths readers use, from a small phone to a wide desktop: the page never
scrolls sideways, and every table cell can be brought into view and read whole. A screenshot of
each page type at 390 and 1280 px is kept in artifacts/screenshots/."""

from __future__ import annotations

import pytest

from support import PAGE_TYPES

WIDTHS = (360, 390, 768, 1280, 1920)
SCREENSHOT_WIDTHS = (390, 1280)

# For each visible table cell: scroll it into view (its table's box scrolls sideways, the page
# scrolls down), then ask the browser what a reader would see at the middle of the part of the
# cell on screen. A cell clipped by a box, covered by another cell or squeezed to nothing, or
# whose text is cut short, is reported.
UNREACHABLE_CELLS = """
() => {
  const problems = [];
  const rows = [...document.querySelectorAll("article table tr")]
    .filter(row => getComputedStyle(row).display !== "none");
  for (const row of rows) {
    [...row.cells].forEach((cell, column) => {
      const where = `row "${row.cells[0].innerText.trim().slice(0, 30)}", column ${column + 1}`;
      // From the table's start, as a reader scrolls: a cell is reachable if scrolling towards it
      // brings it out from under the column that stays put. scrollIntoView also scrolls boxes
      // that clip (overflow: hidden), which no reader can scroll: a cell it had to bring out
      // of one is reported.
      const boxes = [];
      for (let e = cell.parentElement; e && e !== document.body; e = e.parentElement) boxes.push(e);
      boxes.forEach(e => { e.scrollLeft = 0; });
      cell.scrollIntoView({block: "center", inline: "nearest"});
      const clipping = boxes.find(e => e.scrollLeft > 0 && !/auto|scroll/.test(getComputedStyle(e).overflowX));
      if (clipping) {
        problems.push(`${where}: hidden in a box that clips (${clipping.tagName}.${clipping.className})`);
        return;
      }
      const box = cell.getBoundingClientRect();
      const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
      if (box.width < 4 || box.height < 4 || right - left < 4) {
        problems.push(`${where}: ${Math.round(right - left)}x${Math.round(box.height)} px on screen`);
        return;
      }
      const seen = document.elementFromPoint((left + right) / 2, box.top + Math.min(box.height / 2, 20));
      if (!seen || !cell.contains(seen)) {
        problems.push(`${where}: covered by ${seen ? seen.tagName + "." + seen.className : "nothing"}`);
      } else if (cell.scrollWidth > cell.clientWidth + 1) {
        problems.push(`${where}: text cut (${cell.scrollWidth} px in ${cell.clientWidth})`);
      }
    });
  }
  return problems;
}
"""


# The layout shifts of the page so far, as Chromium reports them (the Layout Instability API,
# which Lighthouse's cumulative layout shift adds up too): those a reader did not cause.
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  const sources = [];
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      total += entry.value;
      entry.sources.forEach(s => sources.push(s.node ? s.node.nodeName + "." + s.node.className : "?"));
    }
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => done({total, sources}), 1000);
})"""


def _open(browser, server, kind: str, width: int):
    phone = width < 768
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone)
    page = context.new_page()
    page.goto(server + PAGE_TYPES[kind])
    page.wait_for_load_state("load")
    return context, page


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_the_page_fits_and_every_table_cell_can_be_read(browser, server, artifacts, kind, width):
    context, page = _open(browser, server, kind, width)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if width in SCREENSHOT_WIDTHS:
        page.screenshot(path=str(artifacts / "screenshots" / f"{kind}-{width}.png"), full_page=True)
    problems = page.evaluate(UNREACHABLE_CELLS)
    context.close()

    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px screen"
    assert problems == []


@pytest.mark.parametrize("width", SCREENSHOT_WIDTHS)
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_nothing_moves_once_the_page_has_appeared(browser, server, kind, width):
    """Cumulative layout shift under 0.02, on a CPU slowed four times as Lighthouse's mobile
    test does, so that the page is drawn before its scripts have run."""
    phone = width < 768
    context = browser.new_context(viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(server + PAGE_TYPES[kind])
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()

    assert shift["total"] < 0.02, shift


@pytest.mark.parametrize("width", [390, 1280])
def test_a_table_wider_than_its_box_shows_a_shadow_on_the_side_with_more_columns(browser, server, width):
    context, page = _open(browser, server, "matrix", width)
    box = page.locator("article .md-typeset__scrollwrap").first
    wider = box.evaluate("b => b.scrollWidth > b.clientWidth")
    first_cell = page.locator("article table tbody tr td").first
    second_cell = page.locator("article table tbody tr td:nth-child(2)").first
    second_before = second_cell.evaluate("c => c.getBoundingClientRect().left")
    box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
    box_left = box.evaluate("b => b.getBoundingClientRect().left")
    cell_left = first_cell.evaluate("c => c.getBoundingClientRect().left")
    second_after = second_cell.evaluate("c => c.getBoundingClientRect().left")
    shadows = box.evaluate("b => getComputedStyle(b).backgroundImage")
    context.close()

    assert wider, "the matrix fits its box at this width; the test needs a wider table"
    assert second_after < second_before, "nothing scrolled"
    assert cell_left >= box_left, "the partner column scrolled away with the others"
    assert shadows.count("radial-gradient") == 2
