"""membership_chart.py: the charts of membership periods drawn into framework and partner pages."""

from __future__ import annotations

import datetime as dt
import re

from partnerships import build_pages, load_dataset
from partnerships.language import Language
from partnerships.membership_chart import ChartRow, Period, membership_chart
from support import ROOT, TODAY

EN = Language("en")

DATASET = load_dataset(ROOT / "data", today=TODAY)
PAGES = {page.src_uri: page.markdown for page in build_pages(DATASET, today=TODAY)}
RECT = re.compile(r'<rect class="bar bar--([a-z-]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"')


def _bars(svg: str) -> list[tuple[str, float, float]]:
    """(kind, left, right) of each bar of the rows (the legend's three come last)."""
    return [(kind, float(x), float(x) + float(w)) for kind, x, w in RECT.findall(svg)][:-3]


def test_a_bar_runs_from_joining_to_leaving_and_an_open_one_to_today():
    rows = [
        ChartRow("A", "A: 2000 to 2010", (Period(dt.date(2000, 1, 1), dt.date(2010, 1, 1)),)),
        ChartRow("B", "B: since 2015", (Period(dt.date(2015, 1, 1), None),)),
    ]
    (_, a_left, a_right), (_, b_left, b_right) = _bars(
        membership_chart(rows, today=dt.date(2020, 1, 1), title="t", lang=EN)
    )

    assert a_left < a_right < b_left < b_right
    assert round((a_right - a_left) / (b_right - b_left), 2) == 2.0  # ten years against five


def test_a_suspension_is_hatched_and_a_start_no_source_gives_is_an_outline():
    rows = [
        ChartRow("R", "R", (Period(dt.date(1994, 6, 1), None, suspended=dt.date(2014, 4, 1)),)),
        ChartRow("X", "X", (Period(dt.date(2000, 1, 1), None, assumed_start=True),)),
    ]
    bars = _bars(membership_chart(rows, today=TODAY, title="t", lang=EN))

    assert [kind for kind, *_ in bars] == ["taking-part", "suspended", "assumed"]
    assert bars[0][2] == bars[1][1]  # the suspension starts where taking part stops


def test_text_in_a_chart_is_escaped():
    rows = [ChartRow("<b>A</b> & B", '"x"', (Period(dt.date(2000, 1, 1), None),))]
    svg = membership_chart(rows, today=TODAY, title="<script>", lang=EN)

    assert "<b>" not in svg
    assert "<script>" not in svg
    assert "&lt;b&gt;A&lt;/b&gt; &amp; B" in svg


def test_nothing_to_draw_is_no_chart():
    assert membership_chart([], today=TODAY, title="t", lang=EN) == ""


def test_every_framework_page_has_a_chart_with_a_row_per_member():
    for framework in DATASET.frameworks:
        members = {p.id for p, _ in DATASET.members_of(framework.id)}
        page = PAGES[f"frameworks/{framework.id}.md"]
        assert page.count('<svg class="membership-chart"') == 1, framework.id
        assert page.count("<g><title>") == len(members), framework.id


def test_a_partner_page_has_a_row_per_framework_in_order_of_joining():
    page = PAGES["partners/finland.md"]
    labels = re.findall(r'<text class="label"[^>]*>([^<]+)</text>', page)

    assert labels == ["PfP", "EAPC", "EOP"]
    assert "<title>EOP: from 2014 to 4 April 2023</title>" in page
