"""language.py: the edition's words, dates, numbers, order and French spacing, and the catalogue's checks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerships.language import Language, read_catalogue, untranslated
from partnerships.models import Name, PartialDate, Text

EN = Language("en")
FR = Language(
    "fr",
    {
        "Since": "Depuis",
        "Sources checked on %(date)s.": "Sources vérifiées le %(date)s.",
        ("%(num)s partner", "%(num)s partners"): ("%(num)s partenaire", "%(num)s partenaires"),
    },
)


def test_english_is_its_own_catalogue():
    assert EN.t("Sources checked on %(date)s.", date="1 May 2004") == "Sources checked on 1 May 2004."
    assert [EN.tn("%(num)s partner", "%(num)s partners", n) for n in (0, 1, 2)] == [
        "0 partners",
        "1 partner",
        "2 partners",
    ]


def test_french_takes_the_catalogue_and_its_plural_rule():
    assert FR.t("Since") == "Depuis"
    assert FR.t("Sources checked on %(date)s.", date="1er mai 2004") == "Sources vérifiées le 1er mai 2004."
    # French counts 0 and 1 as singular.
    assert [FR.tn("%(num)s partner", "%(num)s partners", n) for n in (0, 1, 2, 1234)] == [
        "0 partenaire",
        "1 partenaire",
        "2 partenaires",
        "1\u202f234 partenaires",
    ]


def test_a_string_missing_from_the_catalogue_is_collected_not_hidden():
    lang = Language("fr", {})
    assert lang.t("Until") == "Until"
    assert lang.tn("a", "as", 2) == "as"
    assert lang.missing == {"Until", "a"}
    problem = untranslated(lang, "Until")
    assert str(problem).startswith("hooks/partnerships/locales/fr.po: msgid: 'Until' has no fr translation")


def test_data_text_dates_labels_and_numbers_follow_the_edition():
    text = Text(en="Finland", fr="Finlande")
    assert (EN.text(text), FR.text(text)) == ("Finland", "Finlande")
    assert FR.text(Name(en="Pakistan")) == "Pakistan"  # a name with no French falls back; checks.py forbids it in data
    day = PartialDate(1994, 1, 10)
    assert (EN.date(day), FR.date(day), FR.date(PartialDate(2004, 5, 1))) == (
        "10 January 1994",
        "10 janvier 1994",
        "1er mai 2004",
    )
    assert (FR.date(None, "—"), FR.span(PartialDate(2016, 7, 8), PartialDate(2016, 7, 9))) == ("—", "8–9 juillet 2016")
    assert (EN.number(1234), FR.number(1234), EN.percent(0.42), FR.percent(0.42)) == (
        "1,234",
        "1\u202f234",
        "42%",
        "42\u00a0%",
    )


def test_french_order_ignores_accents_and_case():
    names = ["Égypte", "Émirats arabes unis", "Estonie", "Azerbaïdjan", "arménie", "Zambie"]
    assert sorted(names, key=FR.sort_key) == [
        "arménie",
        "Azerbaïdjan",
        "Égypte",
        "Émirats arabes unis",
        "Estonie",
        "Zambie",
    ]


def test_a_semicolon_list_is_spaced_the_way_each_language_spaces_it():
    assert EN.semicolons(["Allies: 32", "Partners: 23"]) == "Allies: 32; Partners: 23"
    assert FR.semicolons(["Alliés : 32", "Partenaires : 23"]) == "Alliés : 32\u202f; Partenaires : 23"
    assert FR.semicolons([]) == ""


def test_french_spacing_puts_no_break_spaces_where_french_typography_wants_them():
    assert FR.typography("Date : 1994 ; voir « PPP » ! Vraiment ?") == (
        "Date\u00a0: 1994\u202f; voir «\u00a0PPP\u00a0»\u202f! Vraiment\u202f?"
    )
    # Only a space the writer typed changes: addresses, times and code are left alone.
    assert FR.typography("https://www.nato.int/a?b=1 et 10:30") == "https://www.nato.int/a?b=1 et 10:30"
    assert FR.typography("`a : b` et\n```\nx : y\n```") == "`a : b` et\n```\nx : y\n```"
    assert EN.typography("Date : 1994") == "Date : 1994"


@given(st.text(alphabet=" :;!?«»abc`\n", max_size=40))
def test_french_spacing_changes_only_spaces(text):
    spaced = FR.typography(text)
    assert spaced.replace("\u00a0", " ").replace("\u202f", " ") == text


def test_the_french_catalogue_reads_without_problems():
    lang, problems = read_catalogue("fr")
    assert problems == []
    assert lang.t("Since") != "Since"


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('#, fuzzy\nmsgid "Since"\nmsgstr "Depuis"\n', "'Since' is marked fuzzy"),
        (
            'msgid "On %(date)s"\nmsgstr "Le %(jour)s"\n',
            "'On %(date)s': the translation must use the placeholders ['date']",
        ),
    ],
)
def test_a_bad_catalogue_entry_is_a_located_problem(tmp_path, entry, problem):
    header = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
    path = tmp_path / "fr.po"
    path.write_text(header + entry, encoding="utf-8")
    _, problems = read_catalogue("fr", path=path)
    assert any(problem in p.message for p in problems), problems
    assert all(p.line > 0 for p in problems)


def test_a_wrong_plural_rule_is_refused(tmp_path):
    path = tmp_path / "fr.po"
    path.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', encoding="utf-8")
    _, problems = read_catalogue("fr", path=path)
    assert [p.location for p in problems] == ["Plural-Forms"]
