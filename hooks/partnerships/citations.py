"""Footnotes: each page numbers its sources in reading order and lists them as a reader cites
a document ("Publisher, *Title* (date)"), with the link, what kind of source it is when a
reader should weigh it, and the facts no acceptable source confirms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .language import Language
from .markup import md
from .models import Source
from .urls import parse_web_address
from .vocabulary import LANGUAGES


class Footnotes:
    """The sources of one edition, each one's entry written once: a source is cited on many pages."""

    def __init__(self, source_by_id: Mapping[str, Source], lang: Language) -> None:
        self.source_by_id = source_by_id
        self.lang = lang
        self._entries: dict[str, str] = {}

    def entry(self, source_id: str) -> str:
        entry = self._entries.get(source_id)
        if entry is None:
            entry = self._entries[source_id] = footnote(self.source_by_id[source_id], self.lang)
        return entry


class Citations:
    """Numbers each source the first time a page cites it; renders as Markdown footnotes."""

    def __init__(self, footnotes: Footnotes, lang: Language) -> None:
        self._footnotes = footnotes
        self._lang = lang
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
        unverified = self._lang.t("Not confirmed: %(what)s", what=md(self._lang.text(fact.unverified)))
        return f"{marks} *{unverified}*"

    def listing(self) -> list[dict[str, Any]]:
        return [
            {"number": number, "entry": self._footnotes.entry(source_id)} for source_id, number in self._numbers.items()
        ]

    def checked_sentence(self) -> str:
        """When the cited sources were read: 'Sources checked on 30 November 2026.'"""
        days = sorted({self._footnotes.source_by_id[source_id].checked for source_id in self._numbers})
        if not days:
            return ""
        lang = self._lang
        if len(days) == 1:
            return lang.t("Sources checked on %(date)s.", date=lang.date(days[0]))
        return lang.t(
            "Sources checked between %(first)s and %(last)s.", first=lang.date(days[0]), last=lang.date(days[-1])
        )


def footnote(source: Source, lang: Language) -> str:
    """'NATO, [*Relations with Ukraine*](https://…) (6 May 2015), on nato.int.'

    The title is the page's own, in its own language (title.en holds it, whatever that
    language is; see models.Source). The host comes from the parsed address (urls.py), so a
    reader sees where the link goes whatever the record says about its publisher."""
    publisher = md(lang.text(source.publisher))
    if source.kind == "state-media":
        publisher = lang.t("%(publisher)s (state media)", publisher=publisher)
    entry = f"{publisher}, [*{md(source.title.en)}*]({href(source.url)})"
    if source.language != lang.code:
        # The title is in the page's language (WCAG 3.1.2): a screen reader then reads it so.
        entry += f'{{: lang="{source.language}" hreflang="{source.language}" }}'
    if source.date:
        entry += f" ({lang.date(source.date)})"
    host = md(parse_web_address(source.url).display_host.removeprefix("www."))
    entry += lang.t(", on %(host)s.", host=host)
    if source.language != lang.code:
        language = LANGUAGES.get(source.language)
        entry += " " + lang.t("In %(language)s.", language=lang.label(language) if language else source.language)
    if source.archived:
        archived = lang.t("Archived copy")
        entry += f" [{archived}]({href(source.archived)})."
    return entry


def href(url: str) -> str:
    # Markdown link targets end at ')' or a space; percent-encode both.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
