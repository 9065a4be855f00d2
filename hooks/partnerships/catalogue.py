"""The interface strings of the site, gathered for translators: `python -m partnerships catalogue`
writes locales/messages.pot (every English string the pages use) and brings each
locales/<lang>.po up to date with it, keeping what is translated.

The strings come from three places: the templates (`_()`, `{% trans %}`), the Python views
(`lang.t()`, `lang.tn()`, `N_()`), and the texts defined beside what they describe (the data
model's field descriptions and the download files' columns), which the Data page shows.
The tests run the same gathering and fail when a catalogue is behind.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .export import CSV_TABLES, DOWNLOAD_DESCRIPTIONS
from .language import LANGUAGE_NAMES, LANGUAGES, LOCALES, PLURAL_FORMS, SOURCE_LANGUAGE
from .schema import field_reference

PACKAGE = Path(__file__).parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "t": None, "tn": (1, 2), "N_": None, "NN_": (1, 2)}
_METHODS = [("templates/**.j2", "jinja2.ext:babel_extract"), ("**.py", "python")]
_OPTIONS = {
    "templates/**.j2": {
        "extensions": "jinja2.ext.i18n",
        "trimmed": "true",
        "trim_blocks": "true",
        "lstrip_blocks": "true",
    }
}


HEADER = """\
# The site's interface strings{language}. Written by `python -m partnerships catalogue`
# from the templates and the views; translators fill in the msgstr lines (the build
# fails on a string a page needs that has none). See docs/editing.md.
#"""


def _new(code: str) -> Catalog:
    language = "" if code == SOURCE_LANGUAGE else f", in {LANGUAGE_NAMES[code]}"
    catalogue = Catalog(
        project="nato-partnerships-site", locale=code, fuzzy=False, header_comment=HEADER.format(language=language)
    )
    # gettext's usual rule for French (0 and 1 singular), not CLDR's three forms.
    catalogue._num_plurals, catalogue._plural_expr = PLURAL_FORMS[code]  # type: ignore[attr-defined]
    return catalogue


def english_catalogue() -> Catalog:
    """Every string the pages can show, in English, with where each comes from."""
    catalogue = _new(SOURCE_LANGUAGE)
    found = extract_from_dir(
        PACKAGE,
        method_map=_METHODS,
        options_map=_OPTIONS,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        catalogue.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    for message, where in _described():
        if message:
            catalogue.add(message, None, [(where, 0)])
    return catalogue


def _described() -> Iterator[tuple[str, str]]:
    """The texts written beside the things they describe, which the Data page translates."""
    for table in CSV_TABLES:
        for column in table.columns:
            yield column.meaning, "export.py"
    for description in DOWNLOAD_DESCRIPTIONS:
        yield description, "export.py"
    for doc in field_reference():
        yield doc.summary, "models.py"
        for field in doc.fields:
            yield field.meaning, "models.py"
            yield field.type, "schema.py"


def updated(code: str, template: Catalog) -> Catalog:
    """locales/<code>.po brought up to date with `template`: new strings untranslated, strings
    no longer used dropped, translations kept."""
    path = LOCALES / f"{code}.po"
    catalogue = read_po(io.StringIO(path.read_text(encoding="utf-8")), locale=code) if path.exists() else _new(code)
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.obsolete.clear()
    return catalogue


# Header fields that would change the file at every run or that name nobody.
_DROPPED_HEADERS = ("POT-Creation-Date", "PO-Revision-Date", "Report-Msgid-Bugs-To", "Last-Translator", "Language-Team")


def as_text(catalogue: Catalog) -> str:
    out = io.BytesIO()
    write_po(out, catalogue, width=100, sort_output=False, omit_header=False, include_lineno=False)
    lines = out.getvalue().decode("utf-8").splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith(tuple(f'"{h}:' for h in _DROPPED_HEADERS)))


def write_catalogues() -> list[Path]:
    template = english_catalogue()
    written = [LOCALES / "messages.pot"]
    LOCALES.mkdir(exist_ok=True)
    written[0].write_text(as_text(template), encoding="utf-8")
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        path = LOCALES / f"{code}.po"
        path.write_text(as_text(updated(code, template)), encoding="utf-8")
        written.append(path)
    return written
