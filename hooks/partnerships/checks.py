"""Cross-record rules over validated records. Each check yields Problems; none raises."""

from __future__ import annotations

import datetime as dt
import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import pairwise
from typing import Any

from .load import RawRecord
from .models import Ally, Framework, Membership, Milestone, Model, Name, PartialDate, Partner, Source, Text
from .problems import Problem
from .sources import citations, source_problems

Entry = tuple[RawRecord, Model]


def all_problems(entries: Sequence[Entry], *, known_ids: dict[str, set[str]], today: dt.date) -> list[Problem]:
    """Run every check and return all problems found.

    `known_ids` holds the id of every data file, valid or not, so that one broken file does not
    also show up as an unknown reference in every file that points at it.
    """
    checks = (
        check_ids_match_file_names(entries),
        check_reserved_ids(entries),
        check_unique_ids(entries),
        check_unique_iso_codes(entries),
        check_references(entries, known_ids=known_ids),
        check_no_repeated_references(entries),
        check_date_order(entries),
        check_memberships_within_framework_and_partnership(entries),
        check_overlapping_memberships(entries),
        check_replacements(entries),
        check_replacement_cycles(entries),
        check_review_dates(entries, today=today),
        check_nothing_after_today(entries, today=today),
        check_french(entries),
        source_problems(entries, known_ids=known_ids),  # the source policy (sources.py)
    )
    return [problem for check in checks for problem in check]


def check_ids_match_file_names(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if model.id != record.stem:
            yield record.problem(
                ("id",),
                f"id '{model.id}' must match the file name; rename the file to {model.id}.yaml or change the id",
            )


# Each kind's list page is <kind>/index.md; a record with this id would take its place.
RESERVED_IDS = ("index",)


def check_reserved_ids(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if model.id in RESERVED_IDS:
            yield record.problem(
                ("id",),
                f"id '{model.id}' is reserved: {record.kind}/{model.id}.md is the list of all {record.kind}; "
                "choose another id",
            )


def check_unique_iso_codes(entries: Iterable[Entry]) -> Iterator[Problem]:
    """One record per country: a partner that joined NATO stays a partner file, with its
    accession as nato_accession, rather than becoming an Ally file as well."""
    # Partners first, so that the Ally file is the one reported when both hold a code.
    states = [(record, model.iso) for record, model in entries if isinstance(model, Partner)]
    states += [(record, model.iso) for record, model in entries if isinstance(model, Ally)]
    for record, iso, first in _repeats(states):
        hint = ""
        if record.kind == "allies" and first.kind == "partners":
            hint = f"; an Ally that was a partner is recorded once, as nato_accession in {first.path}"
        yield record.problem(("iso",), f"ISO code {iso} is already used by {first.path}{hint}")


def check_no_repeated_references(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if isinstance(model, Milestone):
            for field in ("frameworks", "partners"):
                seen: set[str] = set()
                for index, ref in enumerate(getattr(model, field)):
                    if ref in seen:
                        yield record.problem((field, index), f"'{ref}' is listed twice; keep one")
                    seen.add(ref)


def check_unique_ids(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, (_, entity_id), first in _repeats((record, (record.kind, model.id)) for record, model in entries):
        yield record.problem(("id",), f"id '{entity_id}' is already used by {first.path}")


def _repeats(keyed: Iterable[tuple[RawRecord, Any]]) -> Iterator[tuple[RawRecord, Any, RawRecord]]:
    """(record, key, the record that had the key first) for each key seen a second time."""
    first_seen: dict[Any, RawRecord] = {}
    for record, key in keyed:
        if key in first_seen:
            yield record, key, first_seen[key]
        else:
            first_seen[key] = record


def check_references(entries: Iterable[Entry], *, known_ids: dict[str, set[str]]) -> Iterator[Problem]:
    for record, model in entries:
        for at, kind, ref in _references(model):
            if ref not in known_ids.get(kind, set()):
                yield record.problem(at, _unknown(kind, ref, sorted(known_ids.get(kind, set()))))


def _references(model: Model) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    for at, source_id in citations(model):
        yield at, "sources", source_id
    if isinstance(model, Partner):
        for index, membership in enumerate(model.memberships):
            yield ("memberships", index, "framework"), "frameworks", membership.framework
    elif isinstance(model, Milestone):
        for index, ref in enumerate(model.frameworks):
            yield ("frameworks", index), "frameworks", ref
        for index, ref in enumerate(model.partners):
            yield ("partners", index), "partners", ref
    elif isinstance(model, Framework) and model.replaced_by:
        yield ("replaced_by",), "frameworks", model.replaced_by


def _unknown(kind: str, ref: str, known: list[str]) -> str:
    close = difflib.get_close_matches(ref, known, n=1, cutoff=0.6)
    if close:
        return f"unknown {kind[:-1]} '{ref}'; did you mean '{close[0]}'?"
    listing = ", ".join(known) if len(known) <= 15 else f"see data/{kind}/"
    return f"unknown {kind[:-1]} '{ref}'; known: {listing}"


def check_date_order(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if isinstance(model, Partner):
            for index, membership in enumerate(model.memberships):
                at = ("memberships", index)
                if _after(membership.since, membership.until):
                    yield record.problem(
                        (*at, "until"), f"until ({membership.until}) is before since ({membership.since})"
                    )
                if membership.suspended and _after(membership.since, membership.suspended.since):
                    yield record.problem(
                        (*at, "suspended", "since"),
                        f"suspension ({membership.suspended.since}) starts before the membership ({membership.since})",
                    )
                if membership.suspended and _after(membership.suspended.since, membership.until):
                    yield record.problem(
                        (*at, "suspended", "since"),
                        f"suspension ({membership.suspended.since}) starts after the membership ended ({membership.until})",
                    )
                if membership.until and not membership.end_reason:
                    yield record.problem((*at, "until"), "an ended membership needs end_reason (why it ended)")
        elif isinstance(model, Milestone) and _after(model.date, model.end_date):
            yield record.problem(("end_date",), f"end_date ({model.end_date}) is before date ({model.date})")


def check_memberships_within_framework_and_partnership(entries: Sequence[Entry]) -> Iterator[Problem]:
    """A membership cannot start before its framework was launched, nor after the partner
    became an Ally (an Ally is no longer a partner)."""
    launched = {m.id: m.launched.date for _, m in entries if isinstance(m, Framework) and m.launched.date}
    for record, model in entries:
        if not isinstance(model, Partner):
            continue
        accession = model.nato_accession.date if model.nato_accession else None
        for index, membership in enumerate(model.memberships):
            at = ("memberships", index, "since")
            start = launched.get(membership.framework)
            if _after(start, membership.since):
                yield record.problem(
                    at, f"{membership.since} is before '{membership.framework}' was launched ({start})"
                )
            if _after(membership.since, accession):
                yield record.problem(at, f"{membership.since} is after {model.id} joined NATO ({accession})")


def _after(start: PartialDate | None, end: PartialDate | None) -> bool:
    """True when `end` surely comes before `start` (partial dates compare by their whole span)."""
    return bool(start and end and start.first_day > end.last_day)


def check_overlapping_memberships(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if not isinstance(model, Partner):
            continue
        by_framework: dict[str, list[tuple[int, Membership]]] = defaultdict(list)
        for index, membership in enumerate(model.memberships):
            by_framework[membership.framework].append((index, membership))
        for periods in by_framework.values():
            ordered = sorted(periods, key=lambda p: p[1].since.first_day if p[1].since else dt.date.min)
            for (_, earlier), (index, later) in pairwise(ordered):
                if earlier.until is None or (later.since and later.since.first_day < earlier.until.first_day):
                    yield record.problem(
                        ("memberships", index, "since"),
                        f"overlaps another membership of '{later.framework}' ({earlier.since} to {earlier.until or 'now'}); end the first one before the second starts",
                    )


def check_replacements(entries: Iterable[Entry]) -> Iterator[Problem]:
    for record, model in entries:
        if isinstance(model, Framework):
            if model.status.value == "replaced" and not model.replaced_by:
                yield record.problem(
                    ("status", "value"), "a replaced framework needs replaced_by (the id of its successor)"
                )
            if model.replaced_by and model.status.value != "replaced":
                yield record.problem(
                    ("replaced_by",),
                    f"replaced_by is set but status is '{model.status.value}'; use status value: replaced",
                )


def check_replacement_cycles(entries: Iterable[Entry]) -> Iterator[Problem]:
    """replaced_by must lead to a framework that is not replaced, never back to where it started."""
    successor = {m.id: m.replaced_by for _, m in entries if isinstance(m, Framework) and m.replaced_by}
    for record, model in entries:
        if not isinstance(model, Framework) or not model.replaced_by:
            continue
        chain, current = [model.id], model.replaced_by
        while current in successor and current not in chain:
            chain.append(current)
            current = successor[current]
        if current == model.id and len(chain) == 1:
            yield record.problem(
                ("replaced_by",), "replaced_by names this framework itself; give the id of its successor"
            )
        elif current == model.id:
            cycle = " → ".join([*chain, model.id])
            yield record.problem(
                ("replaced_by",),
                f"replaced_by goes round in a circle ({cycle}); the last framework of a chain must not have replaced_by",
            )


def check_review_dates(entries: Iterable[Entry], *, today: dt.date) -> Iterator[Problem]:
    for record, model in entries:
        field = "checked" if isinstance(model, Source) else "reviewed"
        reviewed = getattr(model, field, None)
        if reviewed is not None and reviewed.first_day > today:
            what = "review date" if field == "reviewed" else "date checked"
            yield record.problem((field,), f"{what} {reviewed} is in the future (today is {today})")


def check_nothing_after_today(entries: Iterable[Entry], *, today: dt.date) -> Iterator[Problem]:
    """Data records what has happened: a date after the build date is a typo (or a plan)."""
    for record, model in entries:
        for at, date in _dates(model):
            if date.first_day > today:
                yield record.problem(at, f"{date} is in the future (today is {today}); record events once they happen")


def _dates(model: Model) -> Iterator[tuple[tuple[str | int, ...], PartialDate]]:
    candidates: list[tuple[tuple[str | int, ...], PartialDate | None]] = []
    if isinstance(model, Framework):
        candidates += [(("launched", "date"), model.launched.date), (("status", "since"), model.status.since)]
        if model.predecessor:
            candidates.append((("predecessor", "created"), model.predecessor.created))
    elif isinstance(model, Partner):
        if model.nato_accession:
            candidates.append((("nato_accession", "date"), model.nato_accession.date))
        for index, m in enumerate(model.memberships):
            at = ("memberships", index)
            candidates += [((*at, "since"), m.since), ((*at, "until"), m.until)]
            if m.suspended:
                candidates.append(((*at, "suspended", "since"), m.suspended.since))
    elif isinstance(model, Ally):
        candidates.append((("nato_accession", "date"), model.nato_accession.date))
    elif isinstance(model, Milestone):
        candidates += [(("date",), model.date), (("end_date",), model.end_date)]
    elif isinstance(model, Source):
        candidates.append((("date",), model.date))
    return ((at, date) for at, date in candidates if date is not None)


# Texts shown as they are in both editions: a source's title is the page's own, in the page's
# language (a French edition cites an English page by its English title).
UNTRANSLATED_FIELDS = {(Source, "title")}


def check_french(entries: Iterable[Entry]) -> Iterator[Problem]:
    """Every text has its French: the French edition shows no English in its place."""
    for record, model in entries:
        for path, text in _texts(model, ()):
            if not text.fr:
                yield record.problem(
                    path,
                    "has no French: add `fr:` beside `en:`, in NATO's own French terms "
                    "(the French edition shows every text in French)",
                )


def _texts(model: Model, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], Text | Name]]:
    for name in type(model).model_fields:
        if (type(model), name) in UNTRANSLATED_FIELDS:
            continue
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, tuple) else [(None, value)]
        for index, item in items:
            where = (*path, name) if index is None else (*path, name, index)
            if isinstance(item, (Text, Name)):
                yield where, item
            elif isinstance(item, Model):
                yield from _texts(item, where)
