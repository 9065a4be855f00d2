"""Text into Markdown and HTML: escaping (data text is shown as itself, never acted on), dates
as readers see them, and links between pages. The only place the package escapes anything."""

from __future__ import annotations

import functools
import json
import posixpath
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import markupsafe

if TYPE_CHECKING:
    from .models import PartialDate

# Characters that Markdown or HTML would act on. Data text is plain text, so each becomes a
# numeric entity: it shows as itself but can never open a tag, a link, emphasis or a table cell.
_MD_SPECIAL_CHARS = "\\`*_{}[]<>#!|~^&"
_MD_SPECIAL = str.maketrans({c: f"&#{ord(c)};" for c in _MD_SPECIAL_CHARS})
_HAS_MD_SPECIAL = re.compile(f"[{re.escape(_MD_SPECIAL_CHARS)}]")
# What makes a line a list item, a rule or a heading underline when a text starts a line:
# "1. ", "1) ", "- ", "+ ", "===". The marker's last character becomes an entity.
_LINE_START = re.compile(r"[0-9]+[.)](?=\s|$)|[-+=](?=[\s=-]|$)")
# Python-Markdown's footnotes extension puts the list of sources where it first finds this
# marker (templates/_macros.md.j2 writes it under "Sources"); in data text it must not match.
FOOTNOTES_MARKER = "///Footnotes Go Here///"


def md(text: str | None) -> str:
    """Escape plain text for any place in Markdown, table cells included (newlines fold)."""
    if text is None:
        return ""
    text = " ".join(text.split())
    # Few texts hold any of these: a search spares the translation on the rest.
    if _HAS_MD_SPECIAL.search(text):
        text = text.translate(_MD_SPECIAL)
    if FOOTNOTES_MARKER in text:
        text = text.replace(FOOTNOTES_MARKER, "&#47;" + FOOTNOTES_MARKER[1:])
    start = _LINE_START.match(text)
    if start:
        end = start.end()
        text = f"{text[: end - 1]}&#{ord(text[end - 1])};{text[end:]}"
    return text


_CODE_SPAN = re.compile(r"`([^`]+)`")


def md_with_code(text: str) -> str:
    """md() for a description the package itself writes (a field's meaning, a record type's
    summary), whose `backticked` parts are shown as code, as editors see them in the schema."""
    # split() with one group: the code at the odd indexes. md() trims, so the space on either
    # side of a piece of code is put back.
    parts = _CODE_SPAN.split(text)
    return "".join(code(part) if index % 2 else _spaced(md(part), part) for index, part in enumerate(parts))


def _spaced(escaped: str, text: str) -> str:
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() and escaped else ""
    return before + escaped + after


def tab_title(text: str) -> str:
    """The page title for the browser tab and the search index.

    Material prints `page.title | striptags`, and striptags turns entities back into markup, so
    escaping is not enough there: look-alike characters replace < > & instead."""
    return " ".join(text.split()).translate(_TITLE_LOOK_ALIKES)


_TITLE_LOOK_ALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})


def html(text: str) -> str:
    """Plain text for HTML (the map's SVG, attributes): the one HTML escape of the package."""
    return str(markupsafe.escape(text))


def json_block(data: Any) -> str:
    """Data as JSON for the browser's JSON.parse, with no < > & left, so that it can sit in a
    <script type="application/json"> element (no "</script>" can end it) or in an attribute."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def as_attribute(data: Any) -> str:
    """Data as JSON for an HTML attribute: a json_block, escaped for the attribute's quotes."""
    return html(json_block(data))


def code(text: str) -> str:
    """Plain text shown as code (a field or column name), anywhere in Markdown: an HTML code
    element, since a Markdown code span would show entities as written."""
    return f"<code>{html(text)}</code>"


@functools.lru_cache(maxsize=65536)  # pure; each name is folded on many pages
def fold(text: str) -> str:
    """'Bahreïn' -> 'Bahrein': search does not fold accents, so pages carry both forms."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --- Dates ----------------------------------------------------------------------------------------


def date_span(start: PartialDate, end: PartialDate | None, lang: str = "en") -> str:
    """'8–9 July 2016', or '8 July 2016 – 2017' across months."""
    if end is None or end == start:
        return start.human(lang)
    if start.year == end.year and start.month == end.month and start.day and end.day:
        first = "1er" if lang == "fr" and start.day == 1 else str(start.day)
        return f"{first}–{end.human(lang)}"
    return f"{start.human(lang)} – {end.human(lang)}"


# --- Links between pages ------------------------------------------------------------------------


def uri(kind: str, entity_id: str) -> str:
    """The source path of an entity's page: uri('partners', 'malta') -> 'partners/malta.md'."""
    return f"{kind}/{entity_id}.md"


def link(from_uri: str, to_uri: str, text: str) -> str:
    """A relative Markdown link, so MkDocs checks it in --strict builds."""
    return f"[{md(text)}]({relative(from_uri, to_uri)})"


def relative(from_uri: str, to_uri: str) -> str:
    """posixpath.relpath for page URIs, without its filesystem calls (it runs ~10 times a page)."""
    from_dir, to_dir = from_uri.rpartition("/")[0], to_uri.rpartition("/")[0]
    if from_dir == to_dir:
        return to_uri.rpartition("/")[2]
    if not from_dir:
        return to_uri
    if to_uri.startswith(from_dir + "/"):
        return to_uri[len(from_dir) + 1 :]
    return "../" * (from_dir.count("/") + 1) + to_uri  # correct, if not always the shortest


def html_href(from_uri: str, to_uri: str, *, directory_urls: bool) -> str:
    """The URL MkDocs will give `to_uri`, relative to the page built from `from_uri`.

    Only for raw HTML (the SVG map), which MkDocs does not rewrite: partners/x.md becomes
    partners/x/ with directory URLs and partners/x.html without (the offline edition)."""

    def built(src: str) -> str:
        stem = src.removesuffix(".md")
        if not directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"

    source, target = built(from_uri), built(to_uri)
    base = source if source.endswith("/") or source == "" else posixpath.dirname(source)
    return posixpath.relpath(target or ".", base or ".") + ("/" if target.endswith("/") else "")
