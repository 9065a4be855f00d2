"""What every page view shares: the Page handed to MkDocs, its metadata, the order in which
entities are listed, search aliases, milestone rows and the review footer.

Views are frozen dataclasses of ready-to-print Markdown (escaped by markup.py); the templates
in templates/ read their attributes and decide nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .dataset import Dataset
from .language import Language
from .markup import fold, html_href, json_block, link, md, tab_title, uri
from .models import Accession, Framework, Milestone, Name, Partner

ALLIES_PAGE = "allies.md"  # the Allies' own page (allies_page.py), where each has a row

# Sort keys for a missing date (PartialDate.order): unknown starts first, open ends last.
EARLIEST, LATEST = (0, 0, 0), (10_000, 0, 0)

_MARKUP = re.compile(r"[<>{}\[\]`*_#|\\]")


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, its Markdown, the data file it comes from, and the
    page's metadata (title, search tags and boost, hidden parts of the layout).

    The metadata is handed to MkDocs as a dict, never as YAML front matter in the Markdown:
    a value that YAML cannot round-trip would make MkDocs drop the front matter silently and
    render it as Markdown."""

    src_uri: str
    markdown: str
    source_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def entity_meta(title: str, *, boost: float, tags: list[str] | None = None) -> dict[str, Any]:
    """Metadata of a framework, partner or milestone page."""
    meta: dict[str, Any] = {"title": tab_title(title), "search": {"boost": boost}}
    if tags is not None:
        meta["tags"] = tags
    return meta


def frameworks_in_order(dataset: Dataset) -> list[Framework]:
    # Oldest first, as a reader meets them in history; undated (PatG) last.
    return sorted(
        dataset.frameworks,
        key=lambda f: (f.launched.date is None, f.launched.date.order if f.launched.date else LATEST, f.id),
    )


def partners_in_order(partners: Iterable[Partner], lang: Language | None = None) -> list[Partner]:
    """By name in the edition's language, ignoring accents and case."""
    code = lang.code if lang else "en"
    return sorted(partners, key=lambda p: fold(p.name.in_language(code)).casefold())


@dataclass(frozen=True)
class AllyEntry:
    """A NATO Ally, from its Ally file or, when it was a partner first, from its partner file."""

    id: str
    name: Name
    aliases: tuple[str, ...]
    iso: str
    accession: Accession
    partner: Partner | None  # its partner page, for an Ally that was a partner


def nato_allies(dataset: Dataset, lang: Language | None = None) -> list[AllyEntry]:
    """Every Ally recorded, in the order they joined (then by name in the edition's language)."""
    code = lang.code if lang else "en"
    entries = [AllyEntry(a.id, a.name, a.aliases, a.iso, a.nato_accession, None) for a in dataset.allies]
    entries += [
        AllyEntry(p.id, p.name, p.aliases, p.iso, p.nato_accession, p) for p in dataset.partners if p.nato_accession
    ]
    return sorted(entries, key=lambda a: (a.accession.date.order, fold(a.name.in_language(code)).casefold()))


def aliases(*names: Name | None, extra: Sequence[str] = (), lang: str = "en") -> list[str]:
    """Other names a reader may search for, each once, plus accent-free forms: the names in
    the other language, then `extra`. A French name that is the English one (Pakistan,
    Türkiye) is not another name."""
    own = {n.in_language(lang) for n in names if n}
    other = "en" if lang == "fr" else "fr"
    seen: list[str] = []
    for name in [*(getattr(n, other) for n in names if n), *extra]:
        for form in (name, fold(name) if name else None):
            if form and form not in seen and form not in own:
                seen.append(form)
    return seen


def escaped_aliases(*names: Name | None, extra: Sequence[str] = (), lang: Language | None = None) -> list[str]:
    """The aliases as printed under a page's title."""
    return [md(alias) for alias in aliases(*names, extra=extra, lang=lang.code if lang else "en")]


def search_terms(*names: Name | None, extra: Sequence[str] = ()) -> list[str]:
    """Search tags: Material's search weighs tags far above titles, so a search for a name,
    acronym or other spelling lists the entity's own page first. They are not shown."""
    terms = [n.en for n in names if n] + aliases(*names, extra=extra)
    # Only plain words: anything markup-like stays out of the search index.
    plain = [term for term in terms if not _MARKUP.search(term)]
    return list(dict.fromkeys(plain))


def framework_search_terms(framework: Framework) -> list[str]:
    return search_terms(framework.name, framework.acronym, extra=framework.aliases)


def partner_search_terms(partner: Partner) -> list[str]:
    return search_terms(partner.name, extra=[partner.iso, *partner.aliases])


def search_names(dataset: Dataset, *, directory_urls: bool, lang: Language) -> str:
    """Each framework's and partner's page, and each Ally's row on the Allies page, with the
    names a reader may type for it, as a JSON block for the page: partnerships.js suggests the
    page when a query is one or two letters away from one of them (it ignores accents itself;
    names of two letters or fewer are left out, since FI is no typo of FR)."""
    entries = []
    records = [(uri("frameworks", f.id), "", f) for f in dataset.frameworks]
    records += [(uri("partners", p.id), "", p) for p in dataset.partners]
    records += [(ALLIES_PAGE, f"#{a.id}", a) for a in dataset.allies]
    for page, anchor, record in records:
        acronym = getattr(record, "acronym", None)
        names = [record.name.en, record.name.fr, *((acronym.en, acronym.fr) if acronym else ()), *record.aliases]
        href = html_href("index.md", page, directory_urls=directory_urls) + anchor
        entries.append([href, lang.text(record.name), list(dict.fromkeys(n for n in names if n and len(n) > 2))])
    return json_block(entries)


@dataclass(frozen=True)
class MilestoneRow:
    date: str
    link: str


def milestone_rows(milestones: Iterable[Milestone], *, from_uri: str, lang: Language) -> list[MilestoneRow]:
    return [
        MilestoneRow(lang.span(m.date, m.end_date), link(from_uri, uri("milestones", m.id), lang.text(m.title)))
        for m in milestones
    ]


@dataclass(frozen=True)
class Review:
    """How recent the records are: when people last reviewed them and read their sources."""

    oldest: str
    newest: str
    checked: str | None


def review_of(dataset: Dataset, lang: Language) -> Review | None:
    reviewed = [r.reviewed for r in (*dataset.frameworks, *dataset.partners, *dataset.milestones)]
    if not reviewed:
        return None
    checked = [s.checked for s in dataset.sources]
    return Review(lang.date(min(reviewed)), lang.date(max(reviewed)), lang.date(max(checked)) if checked else None)
