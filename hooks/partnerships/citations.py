"""Footnotes: each page numbers its sources in reading order and lists them as a reader cites
a document ("Publisher, *Title* (date)"), with the link, what kind of source it is when a
reader should weigh it, and the facts no acceptable source confirms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .markup import md
from .models import Source
from .urls import parse_web_address
from .vocabulary import LANGUAGES


class Footnotes:
    """The sources of one build, each one's entry written once: a source is cited on many pages."""

    def __init__(self, source_by_id: Mapping[str, Source]) -> None:
        self.source_by_id = source_by_id
        self._entries: dict[str, str] = {}

    def entry(self, source_id: str) -> str:
        entry = self._entries.get(source_id)
        if entry is None:
            entry = self._entries[source_id] = footnote(self.source_by_id[source_id])
        return entry


class Citations:
    """Numbers each source the first time a page cites it; renders as Markdown footnotes."""

    def __init__(self, footnotes: Footnotes) -> None:
        self._footnotes = footnotes
        self._numbers: dict[str, int] = {}

    def __call__(self, sources: Iterable[str]) -> str:
        marks = []
        for source_id in sources:
            number = self._numbers.setdefault(source_id, len(self._numbers) + 1)
            marks.append(f"[^{number}]")
        # A comma keeps [^2][^3] from reading as footnote 23.
        return "<sup>,</sup>".join(marks)

    def fact(self, fact: Any) -> str:
        """The footnote marks of a fact, then what no source confirms about it, if anything."""
        marks = self(fact.sources)
        if fact.unverified is None:
            return marks
        return f"{marks} *Not confirmed: {md(fact.unverified.en)}*"

    def listing(self) -> list[dict[str, Any]]:
        return [
            {"number": number, "entry": self._footnotes.entry(source_id)} for source_id, number in self._numbers.items()
        ]

    def checked_sentence(self) -> str:
        """When the cited sources were read: 'Sources checked on 30 November 2026.'"""
        days = sorted({self._footnotes.source_by_id[source_id].checked for source_id in self._numbers})
        if not days:
            return ""
        if len(days) == 1:
            return f"Sources checked on {days[0].human()}."
        return f"Sources checked between {days[0].human()} and {days[-1].human()}."


def footnote(source: Source) -> str:
    """'NATO, [*Relations with Ukraine*](https://…) (6 May 2015), on nato.int.'

    The host comes from the parsed address (urls.py), so a reader sees where the link goes
    whatever the record says about its publisher."""
    publisher = md(source.publisher.en) + (" (state media)" if source.kind == "state-media" else "")
    entry = f"{publisher}, [*{md(source.title.en)}*]({href(source.url)})"
    if source.date:
        entry += f" ({source.date.human()})"
    entry += f", on {md(parse_web_address(source.url).display_host.removeprefix('www.'))}."
    if source.language != "en":
        language = LANGUAGES.get(source.language)
        entry += f" In {language.en if language else source.language}."
    if source.archived:
        entry += f" [Archived copy]({href(source.archived)})."
    return entry


def href(url: str) -> str:
    # Markdown link targets end at ')' or a space; percent-encode both.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
