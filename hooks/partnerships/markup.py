"""Plain text made safe for Markdown: data text is shown as itself, never acted on."""

from __future__ import annotations

import re

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
    # Few texts hold any of these; a search is three times faster than translate on the rest.
    if _HAS_MD_SPECIAL.search(text):
        text = text.translate(_MD_SPECIAL)
    if FOOTNOTES_MARKER in text:
        text = text.replace(FOOTNOTES_MARKER, "&#47;" + FOOTNOTES_MARKER[1:])
    start = _LINE_START.match(text)
    if start:
        end = start.end()
        text = f"{text[: end - 1]}&#{ord(text[end - 1])};{text[end:]}"
    return text


def tab_title(text: str) -> str:
    """The page title for the browser tab and the search index.

    Material prints `page.title | striptags`, and striptags turns entities back into markup, so
    escaping is not enough there: look-alike characters replace < > & instead."""
    return " ".join(text.split()).translate(_TITLE_LOOK_ALIKES)


_TITLE_LOOK_ALIKES = str.maketrans({"<": "‹", ">": "›", "&": "＆"})
