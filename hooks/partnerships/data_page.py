"""The Data page: the downloads, every column of every CSV file and every field of the JSON file
(both generated from their definitions: export.py's columns, the models' field descriptions),
and the licence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import jinja2

from .dataset import Dataset
from .export import CSV_TABLES, DOWNLOAD_DIR, Download
from .language import Language
from .markup import code, link, md, md_with_code
from .schema import field_reference
from .views import Page, Review

HERE = "data.md"


@dataclass(frozen=True)
class DownloadRow:
    link: str
    description: str
    size: str


@dataclass(frozen=True)
class ColumnRow:
    name: str
    meaning: str


@dataclass(frozen=True)
class CsvSection:
    file: str
    columns: list[ColumnRow]


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    required: str
    meaning: str


@dataclass(frozen=True)
class RecordSection:
    name: str
    summary: str
    fields: list[FieldRow]


@dataclass(frozen=True)
class DataView:
    downloads: list[DownloadRow]
    frameworks: int
    partners: int
    memberships: int
    milestones: int
    csv_files: list[CsvSection]
    records: list[RecordSection]
    reviewed: Review | None


def render_data_page(
    dataset: Dataset,
    *,
    env: jinja2.Environment,
    downloads: Sequence[Download],
    reviewed: Review | None,
    lang: Language,
) -> Page:
    # Descriptions and meanings are defined in English beside what they describe (export.py,
    # models.py); `python -m partnerships catalogue` puts them in the catalogue with the rest.
    rows = [
        DownloadRow(
            link(HERE, d.src_uri, d.src_uri.removeprefix(f"{DOWNLOAD_DIR}/")),
            md(lang.t(d.description)),
            lang.t("%(size)s KB", size=lang.number(round(len(d.content.encode()) / 1024))),
        )
        for d in downloads
    ]
    view = DataView(
        downloads=rows,
        frameworks=len(dataset.frameworks),
        partners=len(dataset.partners),
        memberships=sum(len(p.memberships) for p in dataset.partners),
        milestones=len(dataset.milestones),
        csv_files=[
            CsvSection(md(t.file), [ColumnRow(code(c.name), md_with_code(lang.t(c.meaning))) for c in t.columns])
            for t in CSV_TABLES
        ],
        records=record_sections(lang),
        reviewed=reviewed,
    )
    return Page(HERE, env.get_template("data.md.j2").render(page=view))


def record_sections(lang: Language) -> list[RecordSection]:
    """The JSON file's records and their parts, field by field; a part's name in a type links to
    its own table further down (headings get the part's name as their anchor)."""
    sections = []
    for doc in field_reference():
        fields = []
        for f in doc.fields:
            shown = md(lang.t(f.type))  # a part's name (Statement, Text...) is the same in every language
            for part in f.parts:
                shown = shown.replace(part, f"[{part}](#{part.lower()})", 1)
            required = lang.t("yes") if f.required else lang.t("no")
            fields.append(FieldRow(code(f.name), shown, required, md_with_code(lang.t(f.meaning))))
        sections.append(RecordSection(md(doc.name), md_with_code(lang.t(doc.summary)), fields))
    return sections
