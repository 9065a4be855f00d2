"""settings.py: settings from the environment are checked like data."""

from __future__ import annotations

import datetime as dt

import pytest

from partnerships.settings import read_settings


def test_no_setting_means_today_and_the_configured_edit_links():
    settings, problems = read_settings({})

    assert problems == []
    assert settings.today == dt.date.today()
    assert settings.edit_url_template is None


def test_source_date_epoch_pins_the_build_date():
    settings, problems = read_settings({"SOURCE_DATE_EPOCH": "1795996800"})

    assert problems == []
    assert settings.today == dt.date(2026, 11, 30)


@pytest.mark.parametrize("value", ["", "yesterday", "-1", "1.5", " 1", "１２", str(2**32), "9" * 5000])
def test_a_bad_source_date_epoch_is_a_located_problem(value):
    settings, problems = read_settings({"SOURCE_DATE_EPOCH": value})

    assert [(p.file, p.location) for p in problems] == [("environment", "SOURCE_DATE_EPOCH")]
    assert "give whole seconds since 1970-01-01 UTC" in problems[0].message
    assert settings.today == dt.date.today()  # the data can still be checked


def test_edit_url_must_be_https_with_one_path_placeholder():
    good = "https://git.example.org/site/-/edit/main/{path}"

    assert read_settings({"PARTNERSHIPS_EDIT_URL": good})[0].edit_url_template == good
    for bad in ("http://x.org/{path}", "https://x.org/", "https://x.org/{path}{path}", 'https://x.org/{path}"'):
        settings, problems = read_settings({"PARTNERSHIPS_EDIT_URL": bad})
        assert settings.edit_url_template is None
        assert [p.location for p in problems] == ["PARTNERSHIPS_EDIT_URL"], bad
