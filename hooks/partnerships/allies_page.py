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
from .language import Language
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


def render_allies(dataset: Dataset, *, footnotes: Footnotes, env: jinja2.Environment, lang: Language) -> Page:
    cite = Citations(footnotes, lang)
    allies = nato_allies(dataset, lang)
    rows = []
    for ally in allies:
        own_name = lang.text(ally.name)
        name = link(HERE, uri("partners", ally.partner.id), own_name) if ally.partner else md(own_name)
        accession = ally.accession
        how = md(lang.optional(accession.text))
        if ally.partner:
            see = lang.t("A partner before joining: see its page.")
            how = f"{how} {see}" if how else see
        rows.append(
            AllyRow(
                anchor=html(ally.id),
                name=name,
                also=", ".join(escaped_aliases(ally.name, extra=ally.aliases, lang=lang)),
                since=lang.date(accession.date),
                how=how + cite.fact(accession),
            )
        )
    former = sum(1 for ally in allies if ally.partner)
    view = AlliesView(rows, former, len(rows) - former, cite.checked_sentence())
    markdown = env.get_template("allies.md.j2").render(page=view, sources=cite.listing())
    # The Allies that have no page of their own are found here by any of their names.
    terms = [term for a in dataset.allies for term in search_terms(a.name, extra=a.aliases)]
    meta = {"title": lang.t("NATO Allies"), "search": {"boost": 2}, "tags": terms}
    return Page(HERE, markdown, meta=meta)
