"""The NATO Allies page: every member country and the day it joined, with its sources.

Partners that joined NATO link to their own pages, which tell the rest of their story; the
Allies that were never partners have their row here only (data/allies/). Readers who search
for an Ally ("Turkey", "Türkiye") land on this page.
"""

from __future__ import annotations

from dataclasses import dataclass

import jinja2

from .citations import Citations, Footnotes
from .dataset import Dataset
from .markup import html, link, md, uri
from .views import ALLIES_PAGE, Page, escaped_aliases, nato_allies, search_terms

HERE = ALLIES_PAGE


@dataclass(frozen=True)
class AllyRow:
    anchor: str  # the row's id: a link from the map or the search suggestions lands on it
    name: str
    also: str  # other names, for readers who search for them
    since: str
    how: str


@dataclass(frozen=True)
class AlliesView:
    rows: list[AllyRow]
    former_partners: int
    never_partners: int
    checked: str


def render_allies(dataset: Dataset, *, footnotes: Footnotes, env: jinja2.Environment) -> Page:
    cite = Citations(footnotes)
    allies = nato_allies(dataset)
    rows = []
    for ally in allies:
        name = link(HERE, uri("partners", ally.partner.id), ally.name.en) if ally.partner else md(ally.name.en)
        accession = ally.accession
        how = md(accession.text.en) if accession.text else ""
        if ally.partner:
            how = f"{how} A partner before joining: see its page." if how else "A partner before joining: see its page."
        rows.append(
            AllyRow(
                anchor=html(ally.id),
                name=name,
                also=", ".join(escaped_aliases(ally.name, extra=ally.aliases)),
                since=accession.date.human(),
                how=how + cite.fact(accession),
            )
        )
    former = sum(1 for ally in allies if ally.partner)
    view = AlliesView(rows, former, len(rows) - former, cite.checked_sentence())
    markdown = env.get_template("allies.md.j2").render(page=view, sources=cite.listing())
    # The Allies that have no page of their own are found here by any of their names.
    terms = [term for a in dataset.allies for term in search_terms(a.name, extra=a.aliases)]
    return Page(HERE, markdown, meta={"title": "NATO Allies", "search": {"boost": 2}, "tags": terms})
