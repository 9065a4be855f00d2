"""The source policy: which pages records may cite, and what each fact needs.

Every fact (every part of a record with `sources:`) rests on at least one `official` source, or,
where no official text exists, on two `reference` or `media` sources from different publishers.
State media never count towards that: they may be cited only for what their state said. A fact
that falls short must say so to readers in `unverified:`. Pages on hosts listed in
data/policy/sources.yaml (blogs, wikis and their mirrors, document-sharing sites, press-release
wires, aggregators) are refused whatever the fact.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence

from pydantic import BaseModel

from .load import RawRecord
from .models import Model, Source, SourcePolicy, model_types_in
from .problems import Problem, shown
from .urls import parse_web_address

Entry = tuple[RawRecord, Model]
At = tuple[str | int, ...]

# Parts of an address that identify a visit, not a page: the same page then gets many
# addresses, and an expired session may not open at all.
_SESSION_OR_TRACKING = re.compile(
    r"/SID-[0-9A-Fa-f]+-[0-9A-Fa-f]+/"  # nato.int's old session paths
    r"|[;?&](?:jsessionid|phpsessid|sid|sessionid|selectedLocale|utm_[a-z]+|fbclid|gclid|mc_[a-z]+)=",
    re.IGNORECASE,
)
COUNTED_ALONE = frozenset({"official"})
COUNTED_IN_PAIRS = frozenset({"reference", "media"})


def facts(model: BaseModel, at: At = ()) -> Iterator[tuple[At, BaseModel]]:
    """Every part of a record that states a fact: each one with a `sources` field."""
    cites, nested = _fact_fields(type(model))
    if cites:
        yield at, model
    for name in nested:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from facts(value, (*at, name))
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from facts(item, (*at, name, index))


@functools.cache
def _fact_fields(model: type[BaseModel]) -> tuple[bool, tuple[str, ...]]:
    """Whether a model cites sources, and its fields that may hold a part that does. Worked out
    once per class: the walk runs over every record several times a build."""
    nested = tuple(
        name
        for name, info in model.model_fields.items()
        if any(_holds_facts(inner) for inner in model_types_in(info.annotation))
    )
    return "sources" in model.model_fields, nested


def _holds_facts(model: type[BaseModel]) -> bool:
    cites, nested = _fact_fields(model)
    return cites or bool(nested)


def citations(model: BaseModel) -> Iterator[tuple[At, str]]:
    """(where, source id) for every citation in a record."""
    for at, fact in facts(model):
        for index, source_id in enumerate(fact.sources):  # type: ignore[attr-defined]
            yield (*at, "sources", index), source_id


def source_problems(entries: Sequence[Entry], *, known_ids: dict[str, set[str]]) -> list[Problem]:
    sources = [(record, model) for record, model in entries if isinstance(model, Source)]
    policies = [model for _, model in entries if isinstance(model, SourcePolicy)]
    problems: list[Problem] = []
    if not policies and "sources" not in known_ids.get("policy", set()):
        problems.append(
            Problem("data/policy/sources.yaml", 0, "", "file is missing; it lists the hosts that may not be cited")
        )
    refused = {h.host: h.what for policy in policies for h in policy.refused_hosts}
    problems += check_addresses(sources, refused=refused)
    problems += check_facts_meet_policy(entries, {model.id: model for _, model in sources})
    return problems


def check_addresses(sources: Iterable[tuple[RawRecord, Source]], *, refused: dict[str, str]) -> Iterator[Problem]:
    first_with: dict[str, RawRecord] = {}
    for record, source in sources:
        for field in ("url", "archived"):
            url = getattr(source, field)
            if url is None:
                continue
            at = (field,)
            host = parse_web_address(url).host
            banned = next((h for h in _parent_hosts(host) if h in refused), None)
            if banned:
                yield record.problem(
                    at,
                    f"{banned} is refused as a source ({refused[banned]}); cite the official text, or "
                    "reputable reporting, that states the same fact",
                )
            visit = _SESSION_OR_TRACKING.search(url)
            if visit:
                yield record.problem(
                    at,
                    f"the address holds {shown(visit.group().strip('/?&;'))}, a session, tracking or display setting that is not part of the page's address; "
                    "cite the plain address",
                )
        # A page and its archived copy are one source: compare both addresses of each record.
        keys = {field: _same_page(url) for field in ("url", "archived") if (url := getattr(source, field))}
        repeated = next(((field, first_with[key]) for field, key in keys.items() if key in first_with), None)
        if repeated is not None:
            field, earlier = repeated
            yield record.problem((field,), f"the same page is already the source {earlier.stem}; cite that id instead")
        else:
            first_with.update(dict.fromkeys(keys.values(), record))


def _parent_hosts(host: str) -> Iterator[str]:
    """'a.b.example.org' -> itself, 'b.example.org', 'example.org'."""
    labels = host.split(".")
    for start in range(len(labels) - 1):
        yield ".".join(labels[start:])


def _same_page(url: str) -> str:
    address = parse_web_address(url)
    query = url.partition("?")[2].partition("#")[0]
    return f"{address.host.removeprefix('www.')}{address.path.rstrip('/')}?{query}"


def check_facts_meet_policy(entries: Iterable[Entry], source_by_id: dict[str, Source]) -> Iterator[Problem]:
    for record, model in entries:
        for at, fact in facts(model):
            if getattr(fact, "unverified", None) is not None:
                continue
            cited = [source_by_id[s] for s in fact.sources if s in source_by_id]  # type: ignore[attr-defined]
            if len(cited) < len(fact.sources):  # type: ignore[attr-defined]
                continue  # an unknown id is reported on its own; judging the rest would mislead
            if not meets_policy(cited):
                kinds = ", ".join(f"{s.id} ({s.kind})" for s in cited)
                yield record.problem(
                    (*at, "sources"),
                    f"this fact rests on {kinds}; it needs one official source, or two reference or media "
                    "sources from different publishers, or an unverified: note telling readers what is not confirmed",
                )


def meets_policy(cited: Iterable[Source]) -> bool:
    cited = list(cited)
    if any(source.kind in COUNTED_ALONE for source in cited):
        return True
    return len({source.publisher.en for source in cited if source.kind in COUNTED_IN_PAIRS}) >= 2


def plain_http_sources(entries: Iterable[Entry]) -> Iterator[Problem]:
    """Notices, not problems: a plain http:// source still opens, but an https:// page, where
    one exists, cannot be altered on the way to the reader."""
    for record, model in entries:
        if isinstance(model, Source):
            for field in ("url", "archived"):
                url = getattr(model, field)
                if url and url.startswith("http:"):
                    yield record.problem((field,), f"plain http:// source; use https:// if the site offers it: {url}")


def uncited_sources(entries: Sequence[Entry]) -> Iterator[Problem]:
    """Notices: a source no record cites is harmless, but usually left over from an edit."""
    cited = {source_id for _, model in entries for _, source_id in citations(model)}
    for record, model in entries:
        if isinstance(model, Source) and model.id not in cited:
            yield record.problem(("id",), f"no record cites {model.id}; delete the file if it is no longer needed")
