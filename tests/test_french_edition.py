"""The French edition, on the built site: every page has its twin, says it is French, links its
twin, and holds no English sentence of the site's own."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

from support import PUBLISHED_SETTINGS

pytestmark = pytest.mark.build

SITE_URL = PUBLISHED_SETTINGS["PARTNERSHIPS_SITE_URL"]


def _pages(root: Path, *, skip: str | None = None) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not (skip and p.relative_to(root).as_posix().startswith(skip))
    }


@pytest.mark.parametrize("site", ["built_site", "offline_site"])
def test_every_page_has_its_twin_in_the_other_language(site, request):
    root = request.getfixturevalue(site)
    english, french = _pages(root, skip="fr/"), _pages(root / "fr")
    assert len(english) > 130
    assert english == french


def test_a_french_page_says_it_is_french_and_its_twin_is_named_in_both_sitemaps(built_site):
    for path in ("index.html", "partners/finland/index.html", "frameworks/pfp/index.html", "about/index.html"):
        assert '<html lang="en"' in (built_site / path).read_text(encoding="utf-8")
        assert '<html lang="fr"' in (built_site / "fr" / path).read_text(encoding="utf-8")
        address = path.removesuffix("index.html")
        for sitemap in (built_site / "sitemap.xml", built_site / "fr" / "sitemap.xml"):
            text = sitemap.read_text(encoding="utf-8")
            assert f'<xhtml:link rel="alternate" hreflang="en" href="{SITE_URL}{address}"/>' in text
            assert f'<xhtml:link rel="alternate" hreflang="fr" href="{SITE_URL}fr/{address}"/>' in text


def test_no_page_links_an_alternate_that_the_theme_would_fetch(built_site):
    # Material's script fetches <href>/sitemap.xml for every <link rel="alternate">.
    for page in (built_site / "partners" / "finland" / "index.html", built_site / "fr" / "index.html"):
        assert '<link rel="alternate"' not in page.read_text(encoding="utf-8")


def test_the_french_edition_has_its_own_search_index_in_french(built_site):
    english = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    french = json.loads((built_site / "fr" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert (english["config"]["lang"], french["config"]["lang"]) == (["en"], ["fr"])
    titles = {doc["location"]: doc["title"] for doc in french["docs"]}
    assert titles["partners/sweden/"] == "Suède"
    assert {doc["location"]: doc["title"] for doc in english["docs"]}["partners/sweden/"] == "Sweden"


# --- No English sentence on a French page --------------------------------------------------

# Words frequent in English prose and absent from French (and the reverse): a sentence with more
# of the first is English.
ENGLISH_WORDS = {"the", "and", "of", "with", "which", "is", "are", "was", "were", "from", "this", "that", "has", "have", "been", "by", "their", "its", "it", "for", "not", "an"}  # fmt: skip
FRENCH_WORDS = {"le", "la", "les", "des", "du", "de", "et", "est", "sont", "une", "un", "dans", "pour", "par", "sur", "au", "aux", "qui", "que", "ne", "pas", "son", "sa", "ses", "leur"}  # fmt: skip


class _Prose(HTMLParser):
    """The text of a page's article, without what is not the site's own prose in the page's
    language: code, the SVG charts and maps, parts marked with another language (a cited
    page's title), names listed under a title (<small>) and the footnotes, which cite
    publishers by their own names."""

    SKIPPED: ClassVar[set[str]] = {"script", "style", "code", "pre", "svg", "small"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.in_article = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "article":
            self.in_article = True
        if tag in {"br", "img", "input", "hr", "meta", "link", "use", "path", "circle", "rect", "line"}:
            return
        foreign = attributes.get("lang") not in (None, "fr")
        skipped = tag in self.SKIPPED or foreign or "footnote" in (attributes.get("class") or "").split()
        self.stack.append(skipped or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.in_article = False
        if tag in {"br", "img", "input", "hr", "meta", "link", "use", "path", "circle", "rect", "line"}:
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.in_article and not (self.stack and self.stack[-1]):
            self.text.append(data)


# A proper name, such as a publisher's ("German Marshall Fund of the United States"): capitalised
# words, joined by the small words names hold. Names are not sentences, in any language.
PROPER_NAME = re.compile(r"[A-Z][\w'’-]*(?:(?:\s+(?:of|the|and|for|on)(?:\s+the)?)?\s+[A-Z][\w'’-]*)*")


def english_sentences(html: str) -> list[str]:
    parser = _Prose()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())
    found = []
    for sentence in re.split(r"(?<=[.;:!?])\s+", text):
        words = re.findall(r"[a-z']+", PROPER_NAME.sub(" ", sentence).lower())
        english = sum(word in ENGLISH_WORDS for word in words)
        if english >= 2 and english > sum(word in FRENCH_WORDS for word in words):
            found.append(sentence)
    return found


def test_the_measure_finds_english_and_passes_french():
    assert english_sentences("<article><p>The partners of NATO take part in the framework.</p></article>")
    assert not english_sentences("<article><p>Les partenaires de l'OTAN participent au cadre.</p></article>")
    assert not english_sentences('<article><p><a lang="en">The title of the page</a> : une source.</p></article>')
    assert not english_sentences("<article><p>German Marshall Fund of the United States, sur gmfus.org.</p></article>")
    assert english_sentences("<article><p>Russia launches its full-scale invasion of Ukraine.</p></article>")


def test_no_english_sentence_on_a_french_page(built_site):
    pages = sorted((built_site / "fr").rglob("*.html"))
    found = {}
    for page in pages:
        sentences = english_sentences(page.read_text(encoding="utf-8"))
        if sentences:
            found[page.relative_to(built_site).as_posix()] = sentences[:3]
    assert len(pages) > 130
    assert found == {}


# --- French spacing ------------------------------------------------------------------------

# A ; : ! or ? in running text without the no-break space French puts before it.
# A sign standing alone (the matrix's "?" for a start no source gives) is no punctuation.
UNSPACED = re.compile(r"(?:(?<=[^\s])|(?<=[^\s] ))[;:!?](?=\s|$)")
# Names that keep their own punctuation in any language: an English journal's title, which a
# publisher's French name quotes as published.
NAMES_WITH_A_COLON = ("Information & Security: An International Journal",)


def unspaced_punctuation(html: str) -> list[str]:
    parser = _Prose()
    parser.feed(html)
    text = " ".join(parser.text)  # not re-split: str.split() would treat no-break spaces as spaces
    for name in NAMES_WITH_A_COLON:
        text = text.replace(name, "")
    return [" ".join(text[max(0, m.start() - 30) : m.end()].split()) for m in UNSPACED.finditer(text)]


def test_the_spacing_measure_finds_a_missing_space_only():
    assert unspaced_punctuation("<article><p><strong>1 mai</strong>: une étape.</p></article>")
    assert unspaced_punctuation("<article><p>Une étape ; fin.</p></article>")  # a space that can break
    assert not unspaced_punctuation("<article><p><strong>1 mai</strong>\u00a0: une étape\u202f; fin.</p></article>")
    assert not unspaced_punctuation(
        '<article><p><cite lang="en">NATO Update: 1995</cite>, https://nato.int</p></article>'
    )


def test_french_pages_space_their_punctuation(built_site):
    found = {}
    for page in sorted((built_site / "fr").rglob("*.html")):
        if misses := unspaced_punctuation(page.read_text(encoding="utf-8")):
            found[page.relative_to(built_site).as_posix()] = misses[:3]
    assert found == {}
