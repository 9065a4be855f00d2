"""What the map, the partners table and the matrix show on a given day, and the same for every
year since 1991 written down for the browser.

history.py decides each partner's state; this module turns it into what a view shows (a map
colour and its label, the frameworks in each column, a matrix cell's text) with one function
per view, used for the page as built (today) and for every year of the history view. For the
browser it writes, per partner, only the years in which what the view shows changes, and per
year the status line; partnerships.js picks the latest entry at or before the chosen year and
applies it. It holds no rule, label or order of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from .history import FIRST_YEAR, Chronology, as_of
from .language import Language
from .models import Accession, Membership, PartialDate, Partner
from .vocabulary import ALLY, NONE

T = TypeVar("T")
EMPTY_CELL = "—"
Entries = list[tuple[int, T]]


def changes(chronology: Chronology, partner: Partner, shown_on: Callable[[dt.date], T]) -> Entries[T]:
    """[(year, what is shown from the end of that year), ...], oldest first, one entry per
    change. States change only in the years of the partner's own dates, so only those are
    asked about; the first entry is for 1991."""
    dates = [partner.nato_accession.date if partner.nato_accession else None]
    for m in partner.memberships:
        dates += [chronology.start(m), m.until, m.suspended.since if m.suspended else None]
    return changes_on(chronology, dates, shown_on)


def changes_on(
    chronology: Chronology, dates: Iterable[PartialDate | None], shown_on: Callable[[dt.date], T]
) -> Entries[T]:
    """changes() for any record: what is shown can change only in the years of `dates`."""
    today = chronology.today
    years = sorted({FIRST_YEAR} | {d.year for d in dates if d and FIRST_YEAR < d.year <= today.year})
    entries: Entries[T] = []
    for year in years:
        shown = shown_on(as_of(year, today))
        if not entries or entries[-1][1] != shown:
            entries.append((year, shown))
    return entries


def lookup(entries: Entries[T], year: int) -> T:
    """The entry in force in `year`: the latest at or before it (what partnerships.js does)."""
    found = entries[0][1]
    for since, shown in entries:
        if since > year:
            break
        found = shown
    return found


def year_choices(chronology: Chronology) -> list[int]:
    """The years a reader can pick, newest (today) first."""
    return list(reversed(chronology.years()))


def status_today(states: dict[str, Any], today: dt.date) -> str:
    """The status line for today, written into the page so that the browser, which shows the
    same line once the history control is ready, moves nothing when it does."""
    return states["years"][str(today.year)]["status"]


def status_prefix(year: int, today: dt.date, lang: Language) -> str:
    return lang.t("Today") if year == today.year else lang.t("End of %(year)s", year=year)


# --- The map ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapEntity:
    """A country on the map: a partner, or an Ally that never was one (key 'allies/<id>')."""

    key: str
    name: str
    accession: Accession | None
    groups: Entries[str]  # its group from the end of each year in which it changes


def map_entities(
    chronology: Chronology, partners: Sequence[Partner], allies: Sequence[Any] = (), *, lang: Language
) -> list[MapEntity]:
    """The partners, then the Allies that never were partners (views.AllyEntry, from their own
    files), each with the groups it takes year by year."""
    entities = [
        MapEntity(
            p.id,
            lang.text(p.name),
            p.nato_accession,
            changes(chronology, p, lambda day, p=p: chronology.group_on(p, day)),
        )
        for p in partners
    ]
    for ally in allies:
        groups = changes_on(
            chronology,
            [ally.accession.date],
            lambda day, a=ally.accession: ALLY if chronology.joined_nato(a, day) else NONE,
        )
        entities.append(MapEntity(f"allies/{ally.id}", lang.text(ally.name), ally.accession, groups))
    return entities


def map_label(entity: MapEntity, group: str, labels: dict[str, str], lang: Language) -> str:
    """What the map says of a country: 'Poland: NATO Ally since 1999', 'Malta: Partnership for Peace'."""
    if group == ALLY and entity.accession is not None:
        return lang.t(
            "%(name)s: %(group)s since %(year)s", name=entity.name, group=labels[group], year=entity.accession.date.year
        )
    return lang.t("%(name)s: %(group)s", name=entity.name, group=labels[group])


def map_states(
    chronology: Chronology, entities: Sequence[MapEntity], labels: dict[str, str], lang: Language
) -> tuple[dict[str, Any], list[str]]:
    """The map's history data, and every group shown in some year, in legend order."""
    seen: set[str] = set()
    years = {}
    for year in chronology.years():
        counts: dict[str, int] = {}
        for entity in entities:
            group = lookup(entity.groups, year)
            counts[group] = counts.get(group, 0) + 1
        groups = [g for g in labels if counts.get(g)]
        seen.update(groups)
        summary = lang.semicolons(
            lang.t("%(name)s: %(periods)s", name=labels[g], periods=lang.number(counts[g])) for g in groups
        )
        status = lang.t("%(when)s: %(what)s.", when=status_prefix(year, chronology.today, lang), what=summary)
        # The text list under the map names partners only, not the countries that are none.
        years[str(year)] = {"status": status, "legend": groups, "listed": [g for g in groups if g != NONE]}
    items = {
        e.key: [[year, {"group": g, "label": map_label(e, g, labels, lang)}] for year, g in e.groups] for e in entities
    }
    return {"years": years, "partners": items}, [g for g in labels if g in seen]


# --- The partners table -----------------------------------------------------------------------


@dataclass(frozen=True)
class PartnerRow:
    """A partners-table row on a day: the frameworks in each column, by id in the partner's
    order; the year it became an Ally, once it has; hidden before its first partnership."""

    current: tuple[str, ...]
    former: tuple[str, ...]
    ally: str
    hidden: bool


def partner_row(chronology: Chronology, partner: Partner, day: dt.date) -> PartnerRow:
    states = [(m.framework, chronology.state_on(partner, m, day)) for m in partner.memberships]
    current = tuple(dict.fromkeys(f for f, state in states if state == "participates"))
    # A suspended partnership is not taken part in: it goes with the ended ones.
    former = tuple(dict.fromkeys(f for f, state in states if state not in ("participates", "future")))
    ally = chronology.is_ally(partner, day)
    return PartnerRow(
        current=current,
        former=tuple(f for f in former if f not in current),
        ally=str(partner.nato_accession.date.year) if ally and partner.nato_accession else "",
        hidden=not ally and all(state == "future" for _, state in states),
    )


def partners_table_states(chronology: Chronology, partners: Sequence[Partner], lang: Language) -> dict[str, Any]:
    entries = {p.id: changes(chronology, p, lambda day, p=p: partner_row(chronology, p, day)) for p in partners}
    items = {
        pid: [
            [year, {"current": r.current, "former": r.former, "ally": r.ally, "hidden": r.hidden}] for year, r in rows
        ]
        for pid, rows in entries.items()
    }
    # What an empty framework cell shows (as the table built for today does).
    return {"years": _shown_counts(chronology, entries, lang), "partners": items, "empty": EMPTY_CELL}


def _shown_counts(
    chronology: Chronology, entries: dict[str, Entries[Any]], lang: Language
) -> dict[str, dict[str, str]]:
    years = {}
    for year in chronology.years():
        shown = sum(1 for rows in entries.values() if not lookup(rows, year).hidden)
        when = status_prefix(year, chronology.today, lang)
        years[str(year)] = {
            "status": lang.tn("%(when)s: %(num)s partner shown.", "%(when)s: %(num)s partners shown.", shown, when=when)
        }
    return years


# --- The matrix -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MatrixRow:
    """A matrix row on a day: each membership's cell text and state, in the row's order."""

    cells: tuple[tuple[str, str], ...]
    hidden: bool


def in_matrix_order(memberships: Iterable[Membership], column_of: dict[str, int]) -> list[Membership]:
    """Column by column, each column's periods oldest first (unknown starts first)."""
    return sorted(memberships, key=lambda m: (column_of[m.framework], m.since.order if m.since else (0, 0, 0)))


def matrix_row(
    chronology: Chronology, partner: Partner, memberships: Sequence[Membership], day: dt.date, lang: Language
) -> MatrixRow:
    cells = []
    for m in memberships:
        state = chronology.state_on(partner, m, day)
        since = str(m.since.year) if m.since else "?"
        if state == "future":
            text = ""
        elif state == "suspended":
            text = lang.t("%(year)s (suspended)", year=since)
        elif state in ("ally", "ended") and m.until:
            text = f"{since}–{m.until.year}"
        else:
            text = since
        cells.append((text, state))
    return MatrixRow(tuple(cells), hidden=all(state == "future" for _, state in cells))


def matrix_states(
    chronology: Chronology, partners: Sequence[Partner], order: dict[str, list[Membership]], lang: Language
) -> dict[str, Any]:
    entries = {
        p.id: changes(chronology, p, lambda day, p=p: matrix_row(chronology, p, order[p.id], day, lang))
        for p in partners
    }
    items = {
        pid: [[year, {"cells": row.cells, "hidden": row.hidden}] for year, row in rows] for pid, rows in entries.items()
    }
    return {"years": _shown_counts(chronology, entries, lang), "partners": items}
