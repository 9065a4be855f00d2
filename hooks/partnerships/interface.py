"""The strings of the theme's own pages (overrides/: the 404 page, the data-problems banner)
and of partnerships.js (sorting, filtering, "Did you mean"), which no template of the package
renders: the hook hands them, translated, to the theme as config.extra.interface, and every page
carries them for the script as a JSON block (overrides/main.html).

A plural is a (singular, plural) pair; the script picks the form by the language's own rule.
"""

from __future__ import annotations

from .language import N_, Language


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """A plural pair, marked for the catalogue like N_."""
    return singular, plural


STRINGS: dict[str, str | tuple[str, str]] = {
    # overrides/404.html
    "not_found_title": N_("Page not found"),
    "not_found_text": N_(
        "There is no page at this address. The address may be mistyped, or the page may have moved: "
        "framework, partner and milestone pages are named after their record, for example %(example)s."
    ),
    "search_the_site": N_("Search the site"),
    "start_from_a_section": N_("Or start from a section"),
    # overrides/main.html, under `mkdocs serve` only
    "data_problems": NN_("%(num)s problem in the data.", "%(num)s problems in the data."),
    "data_problems_note": N_("This preview shows the last version that built; it reloads when the problems are fixed."),
    # partnerships.js
    "sort_by": N_("Sort by %(column)s"),
    "no_row_matches": N_("No row matches “%(query)s”."),
    # English says "1 of 55 rows match" (one of the rows); French agrees with the count.
    "rows_match": NN_("%(num)s of %(total)s rows match.", "%(num)s of %(total)s rows match."),
    "milestones_shown": NN_("%(num)s milestone shown.", "%(num)s milestones shown."),
    "did_you_mean": N_("Did you mean %(names)s?"),
    "or": N_("%(first)s or %(last)s"),
    "group_list": N_("%(name)s: %(periods)s"),
}


def interface_strings(lang: Language) -> dict[str, object]:
    """The strings in `lang`, and its plural rule's name for the script ('en' or 'fr')."""
    strings: dict[str, object] = {"plural_rule": lang.code}
    for key, message in STRINGS.items():
        if isinstance(message, tuple):
            strings[key] = [lang.typography(lang.ngettext(*message, n)) for n in (1, 2)]
        else:
            strings[key] = lang.typography(lang.gettext(message))
    return strings
