"""export.py: the JSON and CSV downloads round-trip with the YAML data they come from."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from partnerships import build_downloads, load_dataset
from partnerships.export import CSV_BOM, MEMBERSHIPS, MILESTONES, PARTNERS, SOURCES_TABLE, _cell, dataset_json
from partnerships.history import Chronology
from partnerships.models import Framework, Milestone, Partner
from support import FIXTURE_DATA, ROOT, TODAY

DATASET = load_dataset(ROOT / "data", today=TODAY)
CHRONOLOGY = Chronology.of(DATASET, today=TODAY)


def _rows(text: str) -> list[dict[str, str]]:
    assert text.startswith(CSV_BOM)  # for Excel on Windows; readers that know UTF-8 skip it
    return list(csv.DictReader(io.StringIO(text.removeprefix(CSV_BOM))))


@pytest.mark.parametrize(
    "text",
    ["=1+1", "+1", "-1+1", "@SUM(A1)", "  =1+1", "\u00a0=1", "\u3000+1", "\x0b=1", "\t=1", "\r=1", "＝1", "\ttext"],
)
def test_a_cell_a_spreadsheet_could_run_starts_with_an_apostrophe(text):
    assert _cell(text) == "'" + text


@pytest.mark.parametrize("text", ["Finland", "1994-05-09", "Q&A", "e-mail", "a = b", "", None])
def test_other_cells_are_left_as_they_are(text):
    assert _cell(text) == (text or "")


def test_json_round_trips_to_the_same_records():
    document = json.loads(dataset_json(DATASET))

    for kind, model in (("frameworks", Framework), ("partners", Partner), ("milestones", Milestone)):
        from_json = {record["id"]: model.model_validate(record) for record in document[kind]}
        from_yaml = {record.id: record for record in getattr(DATASET, kind)}
        assert from_json == from_yaml


def test_csv_tables_hold_every_partner_membership_and_milestone():
    partners = _rows(PARTNERS.text(DATASET, CHRONOLOGY))
    memberships = _rows(MEMBERSHIPS.text(DATASET, CHRONOLOGY))
    milestones = _rows(MILESTONES.text(DATASET, CHRONOLOGY))

    assert {row["id"] for row in partners} == {p.id for p in DATASET.partners}
    expected = sorted(
        (p.id, m.framework, str(m.since or ""), str(m.until or "")) for p in DATASET.partners for m in p.memberships
    )
    assert sorted((r["partner"], r["framework"], r["since"], r["until"]) for r in memberships) == expected
    assert [r["id"] for r in milestones] == [
        m.id for m in sorted(DATASET.milestones, key=lambda m: (m.date.order, m.id))
    ]


def test_finland_rows_say_what_the_yaml_says():
    finland = next(r for r in _rows(PARTNERS.text(DATASET, CHRONOLOGY)) if r["id"] == "finland")
    pfp = next(
        r for r in _rows(MEMBERSHIPS.text(DATASET, CHRONOLOGY)) if r["partner"] == "finland" and r["framework"] == "pfp"
    )

    assert (finland["name_fr"], finland["iso"], finland["nato_accession"]) == ("Finlande", "FI", "2023-04-04")
    assert (pfp["since"], pfp["until"], pfp["end_reason"]) == ("1994", "2023-04-04", "joined NATO")
    assert pfp["end_reason_fr"] == "adhésion à l'OTAN"


def test_the_sources_table_names_the_publisher_in_both_languages():
    korea = next(
        r for r in _rows(SOURCES_TABLE.text(DATASET, CHRONOLOGY)) if r["id"] == "nato-relations-with-republic-of-korea"
    )

    assert (korea["publisher"], korea["publisher_fr"]) == ("NATO", "OTAN")


# Run in a fresh interpreter: set iteration order follows the string hash seed, which is
# fixed within one process, so only two processes with different seeds can show a difference.
_DIGEST_OF_DOWNLOADS = """
import datetime as dt, hashlib, sys
from pathlib import Path
from partnerships import build_downloads, load_dataset
today = dt.date.fromisoformat(sys.argv[2])
downloads = build_downloads(load_dataset(Path(sys.argv[1]), today=today), today=today)
print(hashlib.sha256(repr([(d.src_uri, d.content) for d in downloads]).encode()).hexdigest())
"""


def test_downloads_are_identical_in_processes_with_different_hash_seeds():
    digests = {
        subprocess.run(
            [sys.executable, "-c", _DIGEST_OF_DOWNLOADS, str(data), TODAY.isoformat()],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for data in (FIXTURE_DATA, ROOT / "data")
        for seed in ("1", "2", "3")
    }

    assert len(digests) == 2  # one per dataset, whatever the seed


def test_downloads_are_the_files_the_data_page_lists():
    first = build_downloads(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)

    assert [d.src_uri for d in first] == [
        "downloads/partnerships.json",
        "downloads/frameworks.csv",
        "downloads/partners.csv",
        "downloads/allies.csv",
        "downloads/memberships.csv",
        "downloads/milestones.csv",
        "downloads/sources.csv",
        "downloads/schema/framework.schema.json",
        "downloads/schema/partner.schema.json",
        "downloads/schema/ally.schema.json",
        "downloads/schema/milestone.schema.json",
        "downloads/schema/source.schema.json",
        "downloads/schema/source-policy.schema.json",
    ]
