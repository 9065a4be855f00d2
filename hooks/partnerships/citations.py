"""Footnotes: each page numbers its sources in reading order and lists them as a reader cites
a document ("Publisher, *Title* (date)"), with the link, what kind of source it is when a
reader should weigh it, and the facts no acceptable source confirms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .markup import md
from .models import Source
from .urls import parse_web_address

LANGUAGES = {
    "ar": "Arabic",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pl": "Polish",
    "ro": "Romanian",
    "ru": "Russian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
}


class Citations:
    """Numbers each source the first time a page cites it; renders as Markdown footnotes."""

    def __init__(self, source_by_id: Mapping[str, Source]) -> None:
        self._source_by_id = source_by_id
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
            {"number": number, "entry": footnote(self._source_by_id[source_id])}
            for source_id, number in self._numbers.items()
        ]

    def checked_sentence(self) -> str:
        """When the cited sources were read: 'Sources checked on 30 November 2026.'"""
        days = sorted({self._source_by_id[source_id].checked for source_id in self._numbers})
        if not days:
            return ""
        if len(days) == 1:
            return f"Sources checked on {days[0].human()}."
        return f"Sources checked between {days[0].human()} and {days[-1].human()}."


# A source is cited on many pages: its entry is made once per record object (the same id may
# hold a new record after an edit under `mkdocs serve`, hence the identity check).
_ENTRIES: dict[str, tuple[Source, str]] = {}


def footnote(source: Source) -> str:
    cached = _ENTRIES.get(source.id)
    if cached is not None and cached[0] is source:
        return cached[1]
    entry = _footnote(source)
    _ENTRIES[source.id] = (source, entry)
    return entry


def _footnote(source: Source) -> str:
    """'NATO, [*Relations with Ukraine*](https://…) (6 May 2015), on nato.int.'

    The host comes from the parsed address (urls.py), so a reader sees where the link goes
    whatever the record says about its publisher."""
    publisher = md(source.publisher.en) + (" (state media)" if source.kind == "state-media" else "")
    entry = f"{publisher}, [*{md(source.title.en)}*]({href(source.url)})"
    if source.date:
        entry += f" ({source.date.human()})"
    entry += f", on {md(parse_web_address(source.url).display_host.removeprefix('www.'))}."
    if source.language != "en":
        entry += f" In {LANGUAGES.get(source.language, source.language)}."
    if source.archived:
        entry += f" [Archived copy]({href(source.archived)})."
    return entry


def href(url: str) -> str:
    # Markdown link targets end at ')' or a space; percent-encode both.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
