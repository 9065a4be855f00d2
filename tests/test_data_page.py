"""data_page.py: the Data page documents every column of every CSV file and every field of the
JSON file, from their definitions, and states the licence."""

from __future__ import annotations

import csv
import io
import re

from partnerships import build_downloads, build_pages, load_dataset
from partnerships.export import CSV_BOM
from partnerships.models import MODELS, model_types_in
from support import ROOT, TODAY

DATASET = load_dataset(ROOT / "data", today=TODAY)
PAGE = next(p for p in build_pages(DATASET, today=TODAY) if p.src_uri == "data.md").markdown


def _section(heading: str) -> str:
    """The Markdown under `### heading`, up to the next heading."""
    found = re.search(rf"^### {re.escape(heading)}\n(.*?)(?=^#|\Z)", PAGE, flags=re.M | re.S)
    assert found, heading
    return found.group(1)


def test_every_column_of_every_csv_file_is_documented_under_its_file():
    csvs = [d for d in build_downloads(DATASET, today=TODAY) if d.src_uri.endswith(".csv")]
    assert len(csvs) == 6
    for download in csvs:
        header = next(csv.reader(io.StringIO(download.content.removeprefix(CSV_BOM))))
        section = _section(download.src_uri.rsplit("/", 1)[1])
        documented = re.findall(r"^\| <code>([^<]+)</code> \| (.+) \|$", section, flags=re.M)
        assert [name.replace("&#95;", "_") for name, _ in documented] == header
        assert all(len(meaning) > 10 for _, meaning in documented)


def test_every_field_of_every_record_and_part_is_documented_with_its_meaning():
    models, queue = set(), [MODELS[kind] for kind in ("frameworks", "partners", "milestones", "sources")]
    while queue:
        model = queue.pop()
        if model not in models:
            models.add(model)
            queue += [part for info in model.model_fields.values() for part in model_types_in(info.annotation)]
    assert len(models) >= 12
    for model in models:
        section = _section(model.__name__)
        rows = re.findall(r"^\| <code>([^<]+)</code> \| (.+?) \| (yes|no) \| (.+) \|$", section, flags=re.M)
        assert [name for name, *_ in rows] == list(model.model_fields), model.__name__
        assert all(meaning.strip() for *_, meaning in rows), model.__name__


def test_a_part_in_a_type_links_to_its_own_table():
    partner = _section("Partner")

    assert "| <code>memberships</code> | list of [Membership](#membership) | yes |" in partner
    assert "### Membership" in PAGE


def test_the_licence_is_stated():
    assert "## Licence" in PAGE
    assert "(CC BY 4.0)](https://creativecommons.org/licenses/by/4.0/)" in PAGE


def test_types_are_named_as_readers_know_them():
    assert "| <code>url</code> | web address | yes |" in _section("Source")
    assert "| <code>date</code> | date | yes |" in _section("Milestone")
    assert "| <code>since</code> | date | yes |" in _section("Membership")  # required, null when unknown
    assert "| <code>partners</code> | list of id | no |" in _section("Milestone")
    assert "| <code>type</code> | one of: state, organisation | yes |" in _section("Partner")
