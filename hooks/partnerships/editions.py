"""The site's editions, one per language: which hand-written page each serves, and where each
edition's pages are relative to another's (for the language switch and hreflang links).

Hand-written pages sit side by side in docs/: `about.md` in English, `about.fr.md` in French.
Each edition serves its language's file at the English file's address (`about.md`), so links
between pages and the addresses readers share are the same in both. A page that exists in one
language only fails the build: no edition silently shows a page of the other language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .language import LANGUAGES, SOURCE_LANGUAGE
from .problems import Problem

TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)


def translation_of(src_uri: str) -> tuple[str, str] | None:
    """('about.md', 'fr') for 'about.fr.md'; None for a page in the source language."""
    for code in TRANSLATED:
        suffix = f".{code}.md"
        if src_uri.endswith(suffix) and len(src_uri) > len(suffix):
            return src_uri.removesuffix(suffix) + ".md", code
    return None


@dataclass(frozen=True)
class HandWritten:
    """What an edition does with the hand-written pages: the files it leaves out, and the
    translations it serves at their English address ({address: file})."""

    left_out: frozenset[str]
    served_at: dict[str, str]


def handwritten_pages(src_uris: Iterable[str], lang: str, *, docs: str = "docs") -> tuple[HandWritten, list[Problem]]:
    """The hand-written pages of the `lang` edition, from the Markdown files of docs/, and a
    problem for each page that lacks its twin in another language."""
    uris = set(src_uris)
    originals = {uri for uri in uris if translation_of(uri) is None}
    translations: dict[str, dict[str, str]] = {code: {} for code in TRANSLATED}
    for uri in sorted(uris - originals):  # sorted: the site's files in the same order at every build
        original, code = translation_of(uri)  # type: ignore[misc]
        translations[code][original] = uri
    problems = []
    for code, pages in translations.items():
        for original in sorted(originals - set(pages)):
            twin = original.removesuffix(".md") + f".{code}.md"
            problems.append(Problem(f"{docs}/{original}", 0, "", f"has no {code} twin; write {docs}/{twin}"))
        for original in sorted(set(pages) - originals):
            problems.append(
                Problem(f"{docs}/{pages[original]}", 0, "", f"translates {docs}/{original}, which does not exist")
            )
    if lang == SOURCE_LANGUAGE:
        left_out = frozenset(uris - originals)
        return HandWritten(left_out, {}), problems
    served = translations.get(lang, {})
    left_out = frozenset((uris - originals) | set(served))
    return HandWritten(left_out, dict(sorted(served.items()))), problems


def root_from(lang: str, to: str) -> str:
    """The path from the root of the `lang` edition to the root of the `to` edition: 'fr/'
    from English, '../' from French, '' to itself. Editions other than the source language
    live in a folder named after their code, inside the source language's site."""
    if lang == to:
        return ""
    up = "" if lang == SOURCE_LANGUAGE else "../"
    return up + ("" if to == SOURCE_LANGUAGE else f"{to}/")
