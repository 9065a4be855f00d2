"""Membership periods as a chart drawn at build time: one row per partner (on a framework's page)
or per framework (on a partner's page), a bar from joining to leaving, suspensions hatched, a
start that no source gives drawn from its assumed year in outline only.

A pure function from periods to inline SVG: no script, no request, prints as it shows. Every
text in it is escaped by markup.html. The page's tables give the same facts with their sources;
the chart's title says so, and each row carries its own summary as a tooltip (<title>).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .history import Chronology
from .language import Language
from .markup import html
from .models import Membership

WIDTH = 720
LABEL_WIDTH = 190
RIGHT_MARGIN = 16
ROW_HEIGHT = 20
BAR_HEIGHT = 11
AXIS_HEIGHT = 22
LEGEND_HEIGHT = 30


@dataclass(frozen=True)
class Period:
    """One membership: from `start` (assumed when no source gives it) to `end` (None: ongoing),
    suspended from `suspended` on, if ever."""

    start: dt.date
    end: dt.date | None
    suspended: dt.date | None = None
    assumed_start: bool = False


@dataclass(frozen=True)
class ChartRow:
    label: str
    summary: str  # what the row shows, in words: its tooltip
    periods: tuple[Period, ...]


def membership_chart(rows: Sequence[ChartRow], *, today: dt.date, title: str, lang: Language) -> str:
    """The chart as one line of SVG per element, or "" when there is nothing to draw."""
    if not rows:
        return ""
    first = min(p.start.year for row in rows for p in row.periods)
    scale = _Scale(first, today)
    height = AXIS_HEIGHT + ROW_HEIGHT * len(rows) + LEGEND_HEIGHT
    lines = [
        f'<svg class="membership-chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{html(title)}">',
        *_hatch(),
        *_axis(scale, rows_height=ROW_HEIGHT * len(rows)),
    ]
    for index, row in enumerate(rows):
        lines += _row(row, scale, top=AXIS_HEIGHT + index * ROW_HEIGHT)
    lines += _legend(top=AXIS_HEIGHT + ROW_HEIGHT * len(rows) + 8, lang=lang)
    lines.append("</svg>")
    return "\n".join(lines)


class _Scale:
    """Dates to x positions: from 1 January of `first` to `today`."""

    def __init__(self, first: int, today: dt.date) -> None:
        self.start = dt.date(first, 1, 1)
        self.today = today
        self.days = max((today - self.start).days, 1)

    def x(self, day: dt.date) -> float:
        share = min(max((day - self.start).days / self.days, 0.0), 1.0)
        return LABEL_WIDTH + share * (WIDTH - LABEL_WIDTH - RIGHT_MARGIN)

    def years(self) -> range:
        step = 5 if self.today.year - self.start.year <= 40 else 10
        return range(self.start.year + (-self.start.year) % step, self.today.year + 1, step)


def _hatch() -> list[str]:
    return [
        '<defs><pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" class="hatch-ground"/>'
        '<rect width="3" height="6" class="hatch-line"/></pattern></defs>'
    ]


def _axis(scale: _Scale, *, rows_height: int) -> list[str]:
    lines = []
    for year in scale.years():
        x = scale.x(dt.date(year, 1, 1))
        lines.append(
            f'<line class="grid" x1="{x:.1f}" y1="{AXIS_HEIGHT - 4}" x2="{x:.1f}" y2="{AXIS_HEIGHT + rows_height}"/>'
        )
        lines.append(f'<text class="year" x="{x:.1f}" y="{AXIS_HEIGHT - 8}" text-anchor="middle">{year}</text>')
    x = scale.x(scale.today)
    lines.append(
        f'<line class="today" x1="{x:.1f}" y1="{AXIS_HEIGHT - 4}" x2="{x:.1f}" y2="{AXIS_HEIGHT + rows_height}"/>'
    )
    return lines


def _row(row: ChartRow, scale: _Scale, *, top: int) -> list[str]:
    middle = top + ROW_HEIGHT / 2
    bar_top = middle - BAR_HEIGHT / 2
    lines = [f"<g><title>{html(row.summary)}</title>"]
    lines.append(
        f'<text class="label" x="{LABEL_WIDTH - 8}" y="{middle + 4:.1f}" text-anchor="end">{html(row.label)}</text>'
    )
    for period in row.periods:
        end = period.end or scale.today
        pieces = [(period.start, period.suspended or end, "assumed" if period.assumed_start else "taking-part")]
        if period.suspended and period.suspended < end:
            pieces.append((period.suspended, end, "suspended"))
        for start, stop, kind in pieces:
            x1, x2 = scale.x(start), scale.x(stop)
            lines.append(
                f'<rect class="bar bar--{kind}" x="{x1:.1f}" y="{bar_top:.1f}" '
                f'width="{max(x2 - x1, 2):.1f}" height="{BAR_HEIGHT}"/>'
            )
    lines.append("</g>")
    return lines


def _legend(*, top: int, lang: Language) -> list[str]:
    items = [
        ("taking-part", lang.t("taking part")),
        ("suspended", lang.t("suspended by NATO")),
        ("assumed", lang.t("start not recorded")),
    ]
    lines = []
    x = LABEL_WIDTH
    for kind, text in items:
        lines.append(f'<rect class="bar bar--{kind}" x="{x}" y="{top}" width="22" height="{BAR_HEIGHT}"/>')
        lines.append(f'<text class="key" x="{x + 28}" y="{top + 10}">{html(text)}</text>')
        x += 40 + len(text) * 6
    return lines


# --- Rows from the data -------------------------------------------------------------------------


def period_of(membership: Membership, chronology: Chronology) -> Period | None:
    start = chronology.start(membership)
    if start is None:
        return None
    return Period(
        start=start.first_day,
        end=membership.until.first_day if membership.until else None,
        suspended=membership.suspended.since.first_day if membership.suspended else None,
        assumed_start=membership.since is None,
    )


def describe(membership: Membership, lang: Language) -> str:
    """'from 9 May 1994 to 4 April 2023', 'since 1995, suspended since March 2022'..."""
    since = lang.date(membership.since)
    if membership.until:
        until = lang.date(membership.until)
        if since:
            text = lang.t("from %(start)s to %(end)s", start=since, end=until)
        else:
            text = lang.t("until %(end)s", end=until)
    else:
        text = lang.t("since %(start)s", start=since) if since else lang.t("start not recorded")
    if membership.suspended:
        text += lang.t(", suspended since %(date)s", date=lang.date(membership.suspended.since))
    return text


def chart_rows(pairs: Iterable[tuple[str, Membership]], chronology: Chronology, lang: Language) -> list[ChartRow]:
    """One row per label (a partner's or a framework's name) with its memberships, oldest
    first; memberships with no start at all (none given, none assumed) are left out, as are
    rows left with nothing to draw."""
    by_label: dict[str, list[Membership]] = {}
    for label, membership in pairs:
        by_label.setdefault(label, []).append(membership)
    rows = []
    for label, memberships in by_label.items():
        periods = [(m, p) for m in memberships if (p := period_of(m, chronology))]
        if periods:
            summary = lang.t(
                "%(name)s: %(periods)s", name=label, periods=lang.semicolons(describe(m, lang) for m, _ in periods)
            )
            rows.append(ChartRow(label, summary, tuple(p for _, p in periods)))
    return sorted(rows, key=lambda row: (min(p.start for p in row.periods), row.label))
