"""Dataset -> downloadable files: the whole dataset as JSON and as CSV tables, plus the JSON
Schema of the data files. Pure functions from data to text; byte-identical for the same data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .dataset import Dataset
from .history import Chronology
from .models import Membership, Partner
from .schema import SCHEMA_FILES, SCHEMA_SUBJECTS, json_schemas
from .views import nato_allies
from .vocabulary import REGIONS, SOURCE_KINDS, STATUSES, Label

EXPORT_FORMAT_VERSION = 1
DOWNLOAD_DIR = "downloads"


@dataclass(frozen=True)
class Download:
    """A generated file that is not a page: copied into the site as it is."""

    src_uri: str
    content: str
    description: str


def dataset_json(dataset: Dataset) -> str:
    """Every record, exactly as the schema describes it (dates as written: YYYY[-MM[-DD]])."""
    document = {
        "format_version": EXPORT_FORMAT_VERSION,
        "frameworks": [f.model_dump(mode="json", exclude_defaults=True) for f in _by_id(dataset.frameworks)],
        "partners": [p.model_dump(mode="json", exclude_defaults=True) for p in _by_id(dataset.partners)],
        "allies": [a.model_dump(mode="json", exclude_defaults=True) for a in _by_id(dataset.allies)],
        "milestones": [m.model_dump(mode="json", exclude_defaults=True) for m in _by_id(dataset.milestones)],
        "sources": [s.model_dump(mode="json", exclude_defaults=True) for s in _by_id(dataset.sources)],
    }
    # No indent: json's C encoder only runs without it, and the file is for programs anyway.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _by_id(records: Iterable) -> list:
    return sorted(records, key=lambda r: r.id)


# A cell that a spreadsheet may run as a formula (OWASP, "CSV Injection"): one starting with
# = + - @ (or their full-width forms), after any spaces or control characters, which some
# spreadsheets skip, or one starting with a tab or a carriage return.
_FORMULA = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r]")
# Excel on Windows reads a CSV file as the local code page unless it starts with a UTF-8
# byte-order mark, and garbles every accent; other programs skip the mark (Python: utf-8-sig).
CSV_BOM = "\ufeff"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # The apostrophe makes the spreadsheet show the cell as text, and shows the reader why.
    return "'" + text if _FORMULA.match(text) else text


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    out.write(CSV_BOM)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


@dataclass(frozen=True)
class Column:
    """A CSV column: its header, what it holds (shown on the Data page), and its value for a row."""

    name: str
    meaning: str
    value: Callable[[Any], object]


@dataclass(frozen=True)
class CsvTable:
    """A CSV download: its columns, and its rows (records, or pairs for the memberships)."""

    file: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Dataset, Chronology], Iterable[Any]]

    def text(self, dataset: Dataset, chronology: Chronology) -> str:
        return _csv(
            [c.name for c in self.columns],
            ([c.value(row) for c in self.columns] for row in self.rows(dataset, chronology)),
        )


def _fr(text: Any) -> str | None:
    return text.fr if text else None


def _en(text: Any) -> str | None:
    return text.en if text else None


def _ids(ids: Iterable[str]) -> str:
    return " ".join(ids)


def _one_of(labels: dict[str, Label]) -> str:
    return "; ".join(value if label.en.lower() == value else f"{value} ({label.en})" for value, label in labels.items())


DATES = "YYYY-MM-DD, YYYY-MM or YYYY"
REVIEWED = "the day a person last reviewed the record (YYYY-MM-DD)"
SOURCES = "ids of the rows of sources.csv that back it, separated by spaces"

FRAMEWORKS = CsvTable(
    "frameworks.csv",
    "frameworks, one row each",
    (
        Column("id", "the framework's id, as in the address of its page", lambda f: f.id),
        Column("name_en", "its name in English", lambda f: f.name.en),
        Column("name_fr", "its name in French, NATO's term where NATO has one", lambda f: f.name.fr),
        Column("acronym_en", "its acronym in English, if it has one", lambda f: _en(f.acronym)),
        Column("acronym_fr", "its acronym in French", lambda f: _fr(f.acronym)),
        Column("launched", f"when it was launched ({DATES}); empty if no source says", lambda f: f.launched.date),
        Column("status", f"what it is today: {_one_of(STATUSES)}", lambda f: f.status.value),
        Column("status_since", f"since when ({DATES})", lambda f: f.status.since),
        Column("replaced_by", "the id of the framework that replaced it, if one did", lambda f: f.replaced_by),
        Column("reviewed", REVIEWED, lambda f: f.reviewed),
    ),
    lambda dataset, _: _by_id(dataset.frameworks),
)
PARTNERS = CsvTable(
    "partners.csv",
    "partners, one row each",
    (
        Column("id", "the partner's id, as in the address of its page", lambda p: p.id),
        Column("name_en", "its name in English", lambda p: p.name.en),
        Column("name_fr", "its name in French", lambda p: p.name.fr),
        Column("iso", "its ISO 3166-1 two-letter code (EU for the European Union)", lambda p: p.iso),
        Column("type", "state or organisation", lambda p: p.type),
        Column("region", f"the region the site groups it in: {_one_of(REGIONS)}", lambda p: p.region),
        Column(
            "nato_accession",
            "the day it joined NATO, if it has (YYYY-MM-DD)",
            lambda p: p.nato_accession.date if p.nato_accession else None,
        ),
        Column("reviewed", REVIEWED, lambda p: p.reviewed),
    ),
    lambda dataset, _: _by_id(dataset.partners),
)


ALLIES = CsvTable(
    "allies.csv",
    "NATO's Allies, one row each, in the order they joined: those that were partners first too",
    (
        Column("iso", "the Ally's ISO 3166-1 two-letter code", lambda a: a.iso),
        Column("name_en", "its name in English", lambda a: a.name.en),
        Column("name_fr", "its name in French", lambda a: a.name.fr),
        Column("nato_accession", "the day it joined NATO (YYYY-MM-DD)", lambda a: a.accession.date),
        Column(
            "partner",
            "its id in partners.csv if it was a partner before joining; empty if it never was",
            lambda a: a.partner.id if a.partner else None,
        ),
        Column("sources", SOURCES, lambda a: _ids(a.accession.sources)),
    ),
    lambda dataset, _: nato_allies(dataset),
)


@dataclass(frozen=True)
class _MembershipRow:
    partner: Partner
    membership: Membership
    state: str


MEMBERSHIPS = CsvTable(
    "memberships.csv",
    "memberships: partner, framework, dates",
    (
        Column("partner", "the partner's id in partners.csv", lambda r: r.partner.id),
        Column("framework", "the framework's id in frameworks.csv", lambda r: r.membership.framework),
        Column(
            "state",
            "what the membership is on the day of the build: participates; suspended (listed, but NATO has "
            "suspended cooperation); ally (it ended when the partner joined NATO); or ended",
            lambda r: r.state,
        ),
        Column("since", f"when it began ({DATES}); empty if no source gives it", lambda r: r.membership.since),
        Column("until", f"when it ended, if it has ({DATES})", lambda r: r.membership.until),
        Column("end_reason", "why it ended, in English", lambda r: _en(r.membership.end_reason)),
        Column("end_reason_fr", "why it ended, in French", lambda r: _fr(r.membership.end_reason)),
        Column(
            "suspended_since",
            f"since when NATO has suspended cooperation, if it has ({DATES})",
            lambda r: r.membership.suspended.since if r.membership.suspended else None,
        ),
        Column("sources", SOURCES, lambda r: _ids(r.membership.sources)),
    ),
    lambda dataset, chronology: (
        _MembershipRow(p, m, chronology.state_on(p, m)) for p in _by_id(dataset.partners) for m in p.memberships
    ),
)
MILESTONES = CsvTable(
    "milestones.csv",
    "milestones, oldest first",
    (
        Column("id", "the milestone's id, as in the address of its page", lambda m: m.id),
        Column("date", f"when it happened, or began ({DATES})", lambda m: m.date),
        Column("end_date", f"when it ended, for an event over several days ({DATES})", lambda m: m.end_date),
        Column("title_en", "its title in English", lambda m: m.title.en),
        Column("title_fr", "its title in French", lambda m: m.title.fr),
        Column("frameworks", "ids of the frameworks it concerns, separated by spaces", lambda m: _ids(m.frameworks)),
        Column("partners", "ids of the partners it concerns, separated by spaces", lambda m: _ids(m.partners)),
        Column("sources", SOURCES, lambda m: _ids(m.sources)),
    ),
    lambda dataset, _: sorted(dataset.milestones, key=lambda m: (m.date.order, m.id)),
)
SOURCES_TABLE = CsvTable(
    "sources.csv",
    "sources, one row each, with their kind",
    (
        Column("id", "the source's id, as the sources columns of the other files give it", lambda s: s.id),
        Column("kind", f"how the source policy weighs it: {_one_of(SOURCE_KINDS)}", lambda s: s.kind),
        Column("publisher", "who published it, in English", lambda s: s.publisher.en),
        Column("publisher_fr", "who published it, in French", lambda s: s.publisher.fr),
        Column("title", "its title, in its own language", lambda s: s.title.en),
        Column("date", f"when it was published or last updated ({DATES})", lambda s: s.date),
        Column("language", "its language, as an ISO 639-1 code (en, fr...)", lambda s: s.language),
        Column("url", "its address", lambda s: s.url),
        Column("archived", "the address of an archived copy, if there is one", lambda s: s.archived),
        Column("checked", "the day a person read it and confirmed what it is cited for", lambda s: s.checked),
    ),
    lambda dataset, _: _by_id(dataset.sources),
)
CSV_TABLES = (FRAMEWORKS, PARTNERS, ALLIES, MEMBERSHIPS, MILESTONES, SOURCES_TABLE)


JSON_DESCRIPTION = "the whole dataset as JSON"
SCHEMA_DESCRIPTIONS = {kind: f"JSON Schema of {SCHEMA_SUBJECTS[kind]}" for kind in SCHEMA_FILES}
# What the Data page says of each file (catalogue.py hands them to translators).
DOWNLOAD_DESCRIPTIONS = (JSON_DESCRIPTION, *(t.description for t in CSV_TABLES), *SCHEMA_DESCRIPTIONS.values())


def build_downloads(dataset: Dataset, *, today: dt.date) -> list[Download]:
    """The files the Data page links to."""
    chronology = Chronology.of(dataset, today=today)
    files = [Download(f"{DOWNLOAD_DIR}/partnerships.json", dataset_json(dataset), JSON_DESCRIPTION)]
    files += [
        Download(f"{DOWNLOAD_DIR}/{table.file}", table.text(dataset, chronology), table.description)
        for table in CSV_TABLES
    ]
    schemas = json_schemas()
    files += [
        Download(f"{DOWNLOAD_DIR}/schema/{name}", schemas[name], SCHEMA_DESCRIPTIONS[kind])
        for kind, name in SCHEMA_FILES.items()
    ]
    return files
