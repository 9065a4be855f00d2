"""settings.py: settings from the environment are checked like data."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from partnerships.settings import NAMES, read_settings
from support import ROOT


def test_no_setting_means_today_and_no_address_of_a_host_or_repository():
    settings, problems = read_settings({})

    assert problems == []
    assert settings.today == dt.date.today()
    assert (settings.edit_url_template, settings.site_url, settings.repo_url) == (None, None, None)


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("https://github.com/nato/partnerships", "nato/partnerships"),
        ("https://git.example.org/group/sub/site/", "sub/site"),
        ("https://git.example.org", "git.example.org"),
    ],
)
def test_the_repository_link_is_named_after_the_repository(address, name):
    settings, problems = read_settings({"PARTNERSHIPS_REPO_URL": address})

    assert problems == []
    assert settings.repo_name == name


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


def test_site_url_gets_the_final_slash_that_page_paths_are_added_to():
    for given in ("https://org.github.io/partnerships", "https://org.github.io/partnerships/"):
        settings, problems = read_settings({"PARTNERSHIPS_SITE_URL": given})
        assert problems == []
        assert settings.site_url == "https://org.github.io/partnerships/"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PARTNERSHIPS_SITE_URL", "ftp://org.example/"),
        ("PARTNERSHIPS_SITE_URL", "https://org.example/#top"),
        ("PARTNERSHIPS_REPO_URL", "http://git.example.org/org/repo"),
        ("PARTNERSHIPS_REPO_URL", "https://git.example.org/org/repo?tab=readme"),
        ("PARTNERSHIPS_REPO_URL", 'https://git.example.org/" onclick="x'),
    ],
)
def test_a_bad_site_or_repository_address_is_a_located_problem(name, value):
    settings, problems = read_settings({name: value})

    assert [p.location for p in problems] == [name]
    assert (settings.site_url, settings.repo_url) == (None, None)


def test_the_publishing_workflow_tests_first_then_builds_with_every_address_setting():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    build_step = next(step for step in jobs["build"]["steps"] if step.get("run") == "make build")

    assert any(step.get("run") == "bash .ci/run" for step in jobs["test"]["steps"])
    assert jobs["build"]["needs"] == "test"
    assert jobs["deploy"]["needs"] == "build"
    assert set(build_step["env"]) == set(NAMES) - {"SOURCE_DATE_EPOCH"}  # the build date stays the day's
    assert build_step["env"]["PARTNERSHIPS_EDIT_URL"].endswith("/{path}")
