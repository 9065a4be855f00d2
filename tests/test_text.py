"""text.py: what data text may hold. Names and titles are stricter than prose."""

from __future__ import annotations

import pytest

from partnerships.text import text_problem


@pytest.mark.parametrize(
    "value",
    ["Finland", "Émirats arabes unis", "Bahreïn", "北大西洋公約機構", "« Partenariat pour la paix »", "R&D <b> [x](y)"],
)
def test_ordinary_text_in_any_script_is_accepted(value):
    assert text_problem(value, single_line=True) is None
    assert text_problem(value, single_line=False) is None


def test_prose_may_hold_line_breaks_and_joiners_but_names_may_not():
    assert text_problem("one\ntwo", single_line=False) is None
    assert text_problem("می\u200cخواهم", single_line=False) is None  # Persian needs the zero-width non-joiner
    assert text_problem("one\ntwo", single_line=True) == "line break U+000A (line feed) at character 4; remove it"
    assert text_problem("می\u200cخواهم", single_line=True) == (
        "invisible character U+200C (zero width non-joiner) at character 3; remove it"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a\x00b", "control character U+0000 (null) at character 2; remove it"),
        ("a\tb", "control character U+0009 (tab) at character 2; remove it"),
        ("a\rb", "line break U+000D (carriage return) at character 2; remove it"),
        ("a\x1b[31m", "control character U+001B (escape) at character 2; remove it"),
        ("a\x85b", "control character U+0085 at character 2; remove it"),
        ("a\u202eb", "invisible bidirectional control U+202E (right-to-left override) at character 2; remove it"),
        ("a\u2066b", "invisible bidirectional control U+2066 (left-to-right isolate) at character 2; remove it"),
        ("a\u2028b", "line separator U+2028 (line separator) at character 2; remove it"),
        ("a\ufdd0b", "Unicode non-character U+FDD0 at character 2; remove it"),
        ("a\U0001fffeb", "Unicode non-character U+1FFFE at character 2; remove it"),
        ("a\ud800b", "unpaired surrogate U+D800 at character 2; remove it"),
        ("a\U000e0041b", "invisible tag character U+E0041 (tag latin capital letter a) at character 2; remove it"),
    ],
)
def test_characters_no_reader_needs_are_refused_everywhere(value, expected):
    assert text_problem(value, single_line=False) == expected
