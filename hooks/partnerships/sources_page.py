"""The Sources page: what the site rests on, in numbers, every fact no acceptable source
confirms (the open questions), and every source with the pages that cite it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import jinja2

from .allies_page import HERE as ALLIES_PAGE
from .citations import footnote
from .dataset import Dataset
from .language import Language
from .markup import link, md, uri
from .models import Ally, Framework, Milestone, Model, Name, Partner
from .sources import citations, facts
from .views import Page, Review
from .vocabulary import SOURCE_KINDS

HERE = "sources.md"


@dataclass(frozen=True)
class KindRow:
    label: str
    citations: int
    share: str


@dataclass(frozen=True)
class OpenQuestion:
    page: str
    question: str


@dataclass(frozen=True)
class SourceRow:
    entry: str
    pages: int


@dataclass(frozen=True)
class SourcesView:
    citation_count: str
    source_count: str
    kinds: list[KindRow]
    open_questions: list[OpenQuestion]
    sources: list[SourceRow]
    reviewed: Review | None


def render_sources_page(dataset: Dataset, *, env: jinja2.Environment, reviewed: Review | None, lang: Language) -> Page:
    cited_on: dict[str, set[str]] = defaultdict(set)
    kinds: Counter[str] = Counter()
    for page, record in _records(dataset):
        for _, source_id in citations(record):
            cited_on[source_id].add(page)
            kinds[dataset.source_by_id[source_id].kind] += 1
    # The Allies page cites the accessions of the partners that joined NATO again.
    for partner in dataset.partners:
        for source_id in partner.nato_accession.sources if partner.nato_accession else ():
            cited_on[source_id].add(ALLIES_PAGE)
    total = sum(kinds.values())
    view = SourcesView(
        citation_count=lang.number(total),
        source_count=lang.number(len(dataset.sources)),
        kinds=[
            KindRow(lang.label(label), kinds[kind], lang.percent(kinds[kind] / total if total else 0))
            for kind, label in SOURCE_KINDS.items()
        ],
        open_questions=list(_open_questions(dataset, lang)),
        sources=[
            SourceRow(footnote(source, lang), len(cited_on[source.id]))
            for source in sorted(
                dataset.sources, key=lambda s: (lang.sort_key(lang.text(s.publisher)), lang.sort_key(s.title.en))
            )
        ],
        reviewed=reviewed,
    )
    meta = {"title": lang.t("Sources and open questions"), "search": {"boost": 0.5}}
    return Page(HERE, env.get_template("sources.md.j2").render(page=view), meta=meta)


def _records(dataset: Dataset) -> Iterator[tuple[str, Model]]:
    """Each record with the page that shows its facts (an Ally's row is on the Allies page)."""
    yield from ((uri("frameworks", f.id), f) for f in dataset.frameworks)
    yield from ((uri("partners", p.id), p) for p in dataset.partners)
    yield from ((ALLIES_PAGE, a) for a in dataset.allies)
    yield from ((uri("milestones", m.id), m) for m in dataset.milestones)


def _open_questions(dataset: Dataset, lang: Language) -> Iterator[OpenQuestion]:
    for page, record in _records(dataset):
        for _, fact in facts(record):
            if fact.unverified is not None:  # type: ignore[attr-defined]
                question = md(lang.text(fact.unverified))  # type: ignore[attr-defined]
                yield OpenQuestion(link(HERE, page, lang.text(_title(record))), question)


def _title(record: Model) -> Name:
    if isinstance(record, (Framework, Partner, Ally)):
        return record.name
    assert isinstance(record, Milestone)
    return record.title
