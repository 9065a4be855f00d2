"""history_view.py: the states written into the map, partners and matrix pages for the browser
must give, for every partner in every year, what history.py decides for that year."""

from __future__ import annotations

import html
import itertools
import json
import re

import pytest

from partnerships import build_pages, load_dataset
from partnerships.dataset import Dataset
from partnerships.history import Chronology, as_of
from partnerships.history_view import (
    changes,
    in_matrix_order,
    lookup,
    map_entities,
    map_states,
    matrix_row,
    partner_row,
)
from partnerships.language import Language
from partnerships.map_page import map_group_labels
from partnerships.markup import as_attribute
from partnerships.views import frameworks_in_order
from support import ROOT, TODAY, history_states

EN = Language("en")

DATASET = load_dataset(ROOT / "data", today=TODAY)
HISTORY = Chronology.of(DATASET, today=TODAY)
PAGES = {page.src_uri: page.markdown for page in build_pages(DATASET, today=TODAY)}
YEARS = list(HISTORY.years())


def emitted(src_uri: str) -> dict:
    return history_states(PAGES[src_uri])


def test_the_years_offered_run_from_1991_to_this_year():
    assert YEARS[0] == 1991
    assert YEARS[-1] == TODAY.year


def test_map_states_give_every_partner_its_group_in_every_year():
    states = emitted("map.md")
    allies = {f"allies/{a.id}" for a in DATASET.allies}
    assert set(states["partners"]) == {p.id for p in DATASET.partners} | allies
    for partner in DATASET.partners:
        for year in YEARS:
            shown = lookup(states["partners"][partner.id], year)
            assert shown["group"] == HISTORY.group_on(partner, as_of(year, TODAY)), (partner.id, year)
            assert shown["label"].startswith(f"{partner.name.en}: ")


def test_map_shows_every_ally_as_one_with_its_accession_year():
    states = emitted("map.md")
    poland = lookup(states["partners"]["poland"], TODAY.year)
    assert poland == {"group": "ally", "label": "Poland: NATO Ally since 1999"}
    assert lookup(states["partners"]["poland"], 1995)["group"] == "euro-atlantic"
    assert len(DATASET.allies) == 16
    for ally in DATASET.allies:
        for year in YEARS:
            shown = lookup(states["partners"][f"allies/{ally.id}"], year)
            joined = ally.nato_accession.date.year <= year
            assert shown["group"] == ("ally" if joined else "none"), (ally.id, year)
    assert lookup(states["partners"]["allies/turkiye"], 1991)["label"] == "Türkiye: NATO Ally since 1952"


def test_map_legend_and_status_count_every_partner_each_year():
    states = emitted("map.md")
    for year in YEARS:
        groups = [HISTORY.group_on(p, as_of(year, TODAY)) for p in DATASET.partners]
        groups += ["ally" for a in DATASET.allies if a.nato_accession.date.year <= year]
        summary = states["years"][str(year)]
        assert set(summary["legend"]) == set(groups)
        counts = [int(n) for n in re.findall(r": (\d+)(?=[;.])", summary["status"])]
        assert sum(counts) == len(DATASET.partners) + len(DATASET.allies)
    assert states["years"][str(TODAY.year)]["status"].startswith("Today: ")
    assert states["years"]["1995"]["status"].startswith("End of 1995: ")


def test_partners_table_states_follow_each_membership_in_every_year():
    states = emitted("partners/index.md")
    for partner in DATASET.partners:
        for year in YEARS:
            day = as_of(year, TODAY)
            shown = lookup(states["partners"][partner.id], year)
            taking_part = {
                m.framework for m in partner.memberships if HISTORY.state_on(partner, m, day) == "participates"
            }
            assert set(shown["current"]) == taking_part, (partner.id, year)
            assert not set(shown["former"]) & taking_part
            ally = HISTORY.is_ally(partner, day)
            assert shown["ally"] == (str(partner.nato_accession.date.year) if ally else ""), (partner.id, year)
            not_yet = all(HISTORY.state_on(partner, m, day) == "future" for m in partner.memberships)
            assert shown["hidden"] == (not_yet and not ally), (partner.id, year)


def test_matrix_states_give_each_period_its_state_in_every_year():
    states = emitted("matrix.md")
    column_of = {f.id: i for i, f in enumerate(frameworks_in_order(DATASET))}
    for partner in DATASET.partners:
        order = in_matrix_order(partner.memberships, column_of)
        for year in YEARS:
            day = as_of(year, TODAY)
            cells = lookup(states["partners"][partner.id], year)["cells"]
            assert [state for _, state in cells] == [HISTORY.state_on(partner, m, day) for m in order], (
                partner.id,
                year,
            )


def test_finland_in_the_matrix_through_the_years():
    states = emitted("matrix.md")["partners"]["finland"]
    pfp_cell = [cell for cell in lookup(states, 2017)["cells"] if cell[0] == "1994"]
    assert pfp_cell == [["1994", "participates"]]
    assert ["1994–2023", "ally"] in lookup(states, 2024)["cells"]
    assert lookup(states, 1993)["hidden"]


def test_today_rows_as_built_are_the_entries_for_this_year():
    """The page as built and the history view's current year are one computation."""
    states = emitted("partners/index.md")["partners"]
    for partner in DATASET.partners:
        row = partner_row(HISTORY, partner, TODAY)
        assert lookup(states[partner.id], TODAY.year) == {
            "current": list(row.current),
            "former": list(row.former),
            "ally": row.ally,
            "hidden": row.hidden,
        }


@pytest.mark.parametrize("partner_id", ["finland", "russia", "malta", "afghanistan"])
def test_changes_keep_one_entry_per_change_and_lose_none(partner_id):
    partner = DATASET.partner_by_id[partner_id]
    column_of = {f.id: i for i, f in enumerate(frameworks_in_order(DATASET))}
    order = in_matrix_order(partner.memberships, column_of)
    entries = changes(HISTORY, partner, lambda day: matrix_row(HISTORY, partner, order, day, EN))

    assert entries[0][0] == 1991
    assert all(a[1] != b[1] for a, b in itertools.pairwise(entries))
    for year in YEARS:  # each year directly, not only the years `changes` looked at
        assert lookup(entries, year) == matrix_row(HISTORY, partner, order, as_of(year, TODAY), EN)


def test_a_name_full_of_markup_stays_text_inside_the_states():
    malta = DATASET.partner_by_id["malta"]
    hostile = "\"></figure><script>alert(1)</script>' & <b>"
    renamed = malta.model_copy(update={"name": malta.name.model_copy(update={"en": hostile})})
    dataset = Dataset(
        DATASET.frameworks, tuple(renamed if p is malta else p for p in DATASET.partners), (), DATASET.sources
    )
    entities = map_entities(HISTORY, dataset.partners, lang=EN)
    attribute = as_attribute(map_states(HISTORY, entities, map_group_labels(dataset, EN), EN)[0])

    assert not re.search(r"[<>\"]", attribute)  # nothing that could end the attribute or open a tag
    states = json.loads(html.unescape(attribute))
    assert lookup(states["partners"]["malta"], 2000)["label"].startswith(hostile + ": ")
