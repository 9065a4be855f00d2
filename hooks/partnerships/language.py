"""The language of an edition: its interface strings (a gettext catalogue per language), its
choice of each data text, dates, numbers, labels and alphabetical order.

The English strings are written in the templates and the Python views themselves (the
gettext msgids); locales/fr.po gives their French. Any other edition is made the same way: a
code in LANGUAGES and a locales/<code>.po. A string with no translation is not shown in
English in its place: the build collects it and fails (`Language.missing`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .markup import date_span, fold
from .problems import Problem
from .problems import shown as shown_message

if TYPE_CHECKING:
    from .models import Name, PartialDate, Text
    from .vocabulary import Label

LOCALES = Path(__file__).parent / "locales"
Code = Literal["en", "fr"]
LANGUAGES: tuple[Code, ...] = ("en", "fr")  # the first is the site's own, at the root
SOURCE_LANGUAGE: Code = "en"

# gettext's plural rule of each language: which of the msgstr[i] a count takes. Written here,
# not read from the catalogue's header, which would be running an expression from a file.
_PLURAL: dict[str, Callable[[int], int]] = {
    "en": lambda n: 0 if n == 1 else 1,
    "fr": lambda n: 0 if n <= 1 else 1,  # « 0 partenaire », « 1 partenaire », « 2 partenaires »
}
PLURAL_FORMS = {"en": (2, "(n != 1)"), "fr": (2, "(n > 1)")}  # the catalogues' header says the same
LANGUAGE_NAMES = {"en": "English", "fr": "French"}
# French puts a no-break space before these and inside « »; the narrow one before ; ! ?
# (Imprimerie nationale's rule), a full one before the colon and inside the quotes.
_FRENCH_SPACES = (
    (re.compile(r" ([;!?])"), "\u202f\\1"),
    # Also before the end of bold or emphasis ("**Date :**"), or of an HTML element.
    (re.compile(r" :(?=\s|$|[*_<])"), "\u00a0:"),
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r" »"), "\u00a0»"),
)


def N_(message: str) -> str:
    """Marks a string for the catalogue where it is defined, to be translated where it is
    shown (gettext's gettext_noop): `lang.t(SECTION_HEADING)`."""
    return message


@dataclass
class Language:
    """One edition's language. `messages` maps an English msgid (or a (singular, plural) pair)
    to its translation(s); it is empty for the source language, whose msgids are its text."""

    code: Code
    messages: dict[str | tuple[str, str], str | tuple[str, ...]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)

    @property
    def translated(self) -> bool:
        return self.code != SOURCE_LANGUAGE

    # --- Interface strings (gettext) ---------------------------------------------------------

    def t(self, message: str, /, **values: object) -> str:
        """The string in this language, with its %(name)s placeholders filled from `values`."""
        text = self.gettext(message)
        return text % values if values else text

    def tn(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """The singular or plural form for the count `n`, filled from `values`; %(num)s is the
        count, written as this language writes numbers."""
        values.setdefault("num", self.number(n))
        return self.ngettext(singular, plural, n) % values

    # gettext's own two functions, which the templates call through Jinja's i18n extension
    # (Jinja fills the placeholders itself).

    def gettext(self, message: str, /) -> str:
        return self._lookup(message)

    def ngettext(self, singular: str, plural: str, n: int, /) -> str:
        if not self.translated:
            return singular if n == 1 else plural
        forms = self.messages.get((singular, plural))
        if not forms:
            self.missing.add(singular)
            return singular if n == 1 else plural
        return forms[_PLURAL[self.code](n)]  # type: ignore[index]

    def _lookup(self, message: str) -> str:
        if not self.translated:
            return message
        text = self.messages.get(message)
        if not text:
            self.missing.add(message)
            return message
        return text  # type: ignore[return-value]

    # --- Data --------------------------------------------------------------------------------

    def text(self, value: Text | Name) -> str:
        """A data text in this language. The checks require French for every text, so the
        English is never shown in a French page in its place."""
        return value.in_language(self.code)

    def optional(self, value: Text | Name | None) -> str:
        return self.text(value) if value is not None else ""

    def label(self, value: Label) -> str:
        return value.fr if self.code == "fr" else value.en

    def date(self, value: PartialDate | None, unknown: str = "") -> str:
        """'10 January 1994', '10 janvier 1994', '1er mai 2004'; `unknown` for no date."""
        return value.human(self.code) if value else unknown

    def span(self, start: PartialDate, end: PartialDate | None) -> str:
        """'8–9 July 2016': an event over several days."""
        return date_span(start, end, self.code)

    def number(self, value: int | float) -> str:
        """'1,234' and '1.5' in English, '1 234' and '1,5' in French."""
        if isinstance(value, int):
            text = f"{value:,}"
            return text.replace(",", "\u202f") if self.code == "fr" else text
        text = f"{value:,}"
        return text.replace(",", "\u202f").replace(".", ",") if self.code == "fr" else text

    def percent(self, share: float) -> str:
        """'42%' in English, '42 %' in French."""
        return f"{share:.0%}".replace("%", "\u00a0%") if self.code == "fr" else f"{share:.0%}"

    def sort_key(self, name: str) -> str:
        """Alphabetical order that ignores accents and case, as French dictionaries sort
        (Émirats arabes unis under E)."""
        return fold(name).casefold()

    def semicolons(self, items: Iterable[str]) -> str:
        """Items separated by semicolons: "a; b" in English, "a ; b" (a narrow no-break space
        before each semicolon) in French."""
        return ("\u202f; " if self.code == "fr" else "; ").join(items)

    def typography(self, markdown: str) -> str:
        """French spacing for a generated page's Markdown: the space a writer types before
        ; : ! ? and inside « » becomes a no-break space, so that the sign never starts a line.
        Code spans and fenced blocks are left as written."""
        if self.code != "fr":
            return markdown
        return _outside_code(markdown, _french_spaces)


def _french_spaces(text: str) -> str:
    for pattern, replacement in _FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text


_CODE = re.compile(r"(^```.*?^```[^\n]*$|^~~~.*?^~~~[^\n]*$|`[^`\n]+`|<code>.*?</code>)", re.MULTILINE | re.DOTALL)


def _outside_code(markdown: str, change: Callable[[str], str]) -> str:
    parts = _CODE.split(markdown)
    # split() with one group: code at the odd indexes.
    return "".join(part if index % 2 else change(part) for index, part in enumerate(parts))


def untranslated(lang: Language, message: str) -> Problem:
    """The problem of a string a page needs and the catalogue does not translate."""
    reason = f"{shown_message(message)} has no {lang.code} translation; run `python -m partnerships catalogue`, then translate it"
    return Problem(f"hooks/partnerships/locales/{lang.code}.po", 0, "msgid", reason)


def read_catalogue(code: Code, *, path: Path | None = None) -> tuple[Language, list[Problem]]:
    """The edition's language with its catalogue read from locales/<code>.po, and what is wrong
    with the catalogue: a translation missing or marked fuzzy, placeholders that differ from
    the English, a wrong plural rule."""
    if code == SOURCE_LANGUAGE:
        return Language(code), []
    from babel.messages.pofile import read_po  # only the translated editions need Babel

    path = path or LOCALES / f"{code}.po"
    shown = f"hooks/partnerships/locales/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
        catalogue = read_po(io.StringIO(text), locale=code, abort_invalid=True)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Language(code), [Problem(shown, 0, "", f"cannot read the {code} catalogue: {error}")]
    except Exception as error:  # babel's PoFileError: a syntax error, with its line
        return Language(code), [Problem(shown, getattr(error, "lineno", 0), "", f"not a valid catalogue: {error}")]
    problems = []
    wanted = "nplurals={}; plural={};".format(*PLURAL_FORMS[code])
    if catalogue.plural_forms != wanted:
        problems.append(Problem(shown, 0, "Plural-Forms", f"must be {wanted!r}"))
    messages: dict[str | tuple[str, str], str | tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id:
            continue  # the header
        key = message.id if isinstance(message.id, str) else tuple(message.id)
        english = key if isinstance(key, tuple) else (key,)
        translations = message.string if isinstance(message.string, tuple) else (message.string,)
        line = message.lineno or 0
        if message.fuzzy:
            reason = f"{shown_message(english[0])} is marked fuzzy; check the translation and remove the flag"
            problems.append(Problem(shown, line, "msgid", reason))
            continue
        if not all(translations):
            continue  # reported by `missing` if a page asks for it, by the tests in any case
        wanted = set(_PLACEHOLDER.findall(english[-1]))
        for translation in translations:
            if set(_PLACEHOLDER.findall(translation)) != wanted:
                reason = f"{shown_message(english[0])}: the translation must use the placeholders {sorted(wanted)}"
                problems.append(Problem(shown, line, "msgid", reason))
        messages[key] = message.string  # type: ignore[index]
    return Language(code, messages), problems


_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
