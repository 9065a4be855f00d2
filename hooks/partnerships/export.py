"""Dataset -> downloadable files: the whole dataset as JSON and as CSV tables, plus the JSON
Schema of the data files. Pure functions from data to text; byte-identical for the same data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dataset import Dataset
from .history import Chronology
from .schema import SCHEMA_FILES, SCHEMA_SUBJECTS, json_schemas

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


def frameworks_csv(dataset: Dataset) -> str:
    return _csv(
        [
            "id",
            "name_en",
            "name_fr",
            "acronym_en",
            "acronym_fr",
            "launched",
            "status",
            "status_since",
            "replaced_by",
            "reviewed",
        ],
        (
            [
                f.id,
                f.name.en,
                f.name.fr,
                f.acronym.en if f.acronym else None,
                f.acronym.fr if f.acronym else None,
                f.launched.date,
                f.status.value,
                f.status.since,
                f.replaced_by,
                f.reviewed,
            ]
            for f in _by_id(dataset.frameworks)
        ),
    )


def partners_csv(dataset: Dataset) -> str:
    return _csv(
        ["id", "name_en", "name_fr", "iso", "type", "region", "nato_accession", "reviewed"],
        (
            [
                p.id,
                p.name.en,
                p.name.fr,
                p.iso,
                p.type,
                p.region,
                p.nato_accession.date if p.nato_accession else None,
                p.reviewed,
            ]
            for p in _by_id(dataset.partners)
        ),
    )


def memberships_csv(dataset: Dataset, *, today: dt.date) -> str:
    chronology = Chronology.of(dataset, today=today)
    return _csv(
        ["partner", "framework", "state", "since", "until", "end_reason", "suspended_since", "sources"],
        (
            [
                p.id,
                m.framework,
                chronology.state_on(p, m),
                m.since,
                m.until,
                m.end_reason.en if m.end_reason else None,
                m.suspended.since if m.suspended else None,
                " ".join(m.sources),
            ]
            for p in _by_id(dataset.partners)
            for m in p.memberships
        ),
    )


def milestones_csv(dataset: Dataset) -> str:
    return _csv(
        ["id", "date", "end_date", "title_en", "title_fr", "frameworks", "partners", "sources"],
        (
            [
                m.id,
                m.date,
                m.end_date,
                m.title.en,
                m.title.fr,
                " ".join(m.frameworks),
                " ".join(m.partners),
                " ".join(m.sources),
            ]
            for m in sorted(dataset.milestones, key=lambda m: (m.date.order, m.id))
        ),
    )


def sources_csv(dataset: Dataset) -> str:
    return _csv(
        ["id", "kind", "publisher", "title", "date", "language", "url", "archived", "checked"],
        (
            [s.id, s.kind, s.publisher.en, s.title.en, s.date, s.language, s.url, s.archived, s.checked]
            for s in _by_id(dataset.sources)
        ),
    )


def build_downloads(dataset: Dataset, *, today: dt.date) -> list[Download]:
    """The files the Data page links to."""
    files = [
        Download(f"{DOWNLOAD_DIR}/partnerships.json", dataset_json(dataset), "the whole dataset as JSON"),
        Download(f"{DOWNLOAD_DIR}/frameworks.csv", frameworks_csv(dataset), "frameworks, one row each"),
        Download(f"{DOWNLOAD_DIR}/partners.csv", partners_csv(dataset), "partners, one row each"),
        Download(
            f"{DOWNLOAD_DIR}/memberships.csv",
            memberships_csv(dataset, today=today),
            "memberships: partner, framework, dates",
        ),
        Download(f"{DOWNLOAD_DIR}/milestones.csv", milestones_csv(dataset), "milestones, oldest first"),
        Download(f"{DOWNLOAD_DIR}/sources.csv", sources_csv(dataset), "sources, one row each, with their kind"),
    ]
    schemas = json_schemas()
    files += [
        Download(f"{DOWNLOAD_DIR}/schema/{name}", schemas[name], f"JSON Schema of {SCHEMA_SUBJECTS[kind]}")
        for kind, name in SCHEMA_FILES.items()
    ]
    return files
