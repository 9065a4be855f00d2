"""The Sources page: what the site rests on, in numbers, every fact no acceptable source
confirms (the open questions), and every source with the pages that cite it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

import jinja2

from .citations import footnote
from .dataset import Dataset
from .markup import md
from .models import Framework, Milestone, Model, Partner
from .render import Page, link, uri
from .sources import citations, facts

HERE = "sources.md"
KIND_LABELS = {
    "official": "Official texts (NATO, the EU, governments, parliaments)",
    "reference": "Reference works and research",
    "media": "Independent media",
    "state-media": "State media",
}


def render_sources_page(dataset: Dataset, *, env: jinja2.Environment) -> Page:
    cited_on: dict[str, set[str]] = defaultdict(set)
    kinds: Counter[str] = Counter()
    for kind, record in _records(dataset):
        for _, source_id in citations(record):
            cited_on[source_id].add(uri(kind, record.id))
            kinds[dataset.source_by_id[source_id].kind] += 1
    total = sum(kinds.values())
    view: dict[str, Any] = {
        "citation_count": total,
        "source_count": len(dataset.sources),
        "kinds": [
            {"label": label, "citations": kinds[kind], "share": f"{kinds[kind] / total:.0%}" if total else "0%"}
            for kind, label in KIND_LABELS.items()
        ],
        "open_questions": list(_open_questions(dataset)),
        "sources": [
            {"entry": footnote(source), "pages": len(cited_on[source.id])}
            for source in sorted(dataset.sources, key=lambda s: (s.publisher.en.casefold(), s.title.en.casefold()))
        ],
    }
    meta = {"title": "Sources and open questions", "search": {"boost": 0.5}}
    return Page(HERE, env.get_template("sources.md.j2").render(page=view), meta=meta)


def _records(dataset: Dataset) -> Iterator[tuple[str, Model]]:
    yield from (("frameworks", f) for f in dataset.frameworks)
    yield from (("partners", p) for p in dataset.partners)
    yield from (("milestones", m) for m in dataset.milestones)


def _open_questions(dataset: Dataset) -> Iterator[dict[str, str]]:
    for kind, record in _records(dataset):
        for _, fact in facts(record):
            if fact.unverified is not None:  # type: ignore[attr-defined]
                yield {
                    "page": link(HERE, uri(kind, record.id), _title(record)),
                    "question": md(fact.unverified.en),  # type: ignore[attr-defined]
                }


def _title(record: Model) -> str:
    if isinstance(record, (Framework, Partner)):
        return record.name.en
    assert isinstance(record, Milestone)
    return record.title.en
