"""catalogue.py: the catalogues hold every string the pages use, and the French one translates each."""

from __future__ import annotations

import re

from babel.messages.pofile import read_po

from partnerships.catalogue import english_catalogue
from partnerships.language import LOCALES

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _ids(catalogue):
    return {message.id if isinstance(message.id, str) else tuple(message.id) for message in catalogue if message.id}


def _read(name, locale):
    with (LOCALES / name).open(encoding="utf-8") as file:
        return read_po(file, locale=locale)


def test_the_catalogues_hold_exactly_the_strings_the_code_uses():
    # Fails when a template or view gains or loses a string: run `python -m partnerships catalogue`.
    wanted = _ids(english_catalogue())
    assert len(wanted) > 300
    assert _ids(_read("messages.pot", "en")) == wanted
    assert _ids(_read("fr.po", "fr")) == wanted


def test_every_french_string_is_translated_with_the_same_placeholders():
    untranslated, wrong = [], []
    for message in _read("fr.po", "fr"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            untranslated.append(ids[0])
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        wrong += [ids[0] for s in strings if s and set(PLACEHOLDER.findall(s)) != wanted]
    assert untranslated == []
    assert wrong == []


def test_markdown_links_keep_their_targets_in_french():
    link = re.compile(r"\]\(([^)]*)\)")
    for message in _read("fr.po", "fr"):
        if message.id and isinstance(message.id, str):
            assert link.findall(message.string) == link.findall(message.id), message.id
