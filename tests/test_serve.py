"""`mkdocs serve` while an editor breaks and fixes the data: the server keeps answering with the
last good pages, lists the problems (escaped) in a banner, and shows the fixed site once the
problems are gone, with no traceback in its output."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import Served, clean_environment, make_fixture_project

pytestmark = pytest.mark.build
BANNER = 'class="data-problems"'
HOSTILE_REGION = "<img src=x onerror=alert(1)>"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_fixture_project(tmp_path / "project")


@pytest.fixture
def served(project: Path) -> Iterator[Served]:
    server = Served(project, env=clean_environment())
    yield server
    output = server.stop()
    assert "Traceback" not in output, output


def test_a_bad_edit_keeps_the_last_good_site_and_shows_the_problems_until_fixed(project, served):
    malta = project / "data" / "partners" / "malta.yaml"
    good = malta.read_text(encoding="utf-8")
    first = served.wait_for(lambda page: "Malta" in page, "partners/malta/")
    assert BANNER not in first

    malta.write_text(good.replace("region: europe", f"region: '{HOSTILE_REGION}'"), encoding="utf-8")
    page = served.wait_for(lambda page: BANNER in page, "partners/malta/")

    assert "Malta" in page  # the last good version, still served
    message = f"data/partners/malta.yaml:5: region: '{HOSTILE_REGION}' is not allowed"
    assert message in html.unescape(page)
    assert HOSTILE_REGION not in page  # shown escaped, never as markup
    assert BANNER in served.get("")  # on every page

    malta.write_text(good.replace("name: {en: Malta, fr: Malte}", "name: {en: Malta (fixed), fr: Malte}"))
    fixed = served.wait_for(lambda page: BANNER not in page, "partners/malta/")
    assert "Malta (fixed)" in fixed
    assert "1 problem in data/" in served.output()


def test_a_server_started_on_bad_data_shows_the_problems_then_the_site(project):
    malta = project / "data" / "partners" / "malta.yaml"
    good = malta.read_text(encoding="utf-8")
    malta.write_text(good.replace('iso: "MT"', "iso: MT\n\tbad: tab"), encoding="utf-8")
    server = Served(project, env=clean_environment())
    try:
        home = server.wait_for(lambda page: BANNER in page)
        assert "The data has problems" in home
        assert "data/partners/malta.yaml:4: tab character; YAML indents with spaces only" in home

        malta.write_text(good, encoding="utf-8")
        server.wait_for(lambda page: BANNER not in page and "Malta" in page, "partners/malta/")
    finally:
        output = server.stop()
    assert "Traceback" not in output, output


def test_one_server_previews_both_editions_and_a_french_only_edit_rebuilds(project, served):
    english = served.wait_for(lambda page: "Malta" in page, "partners/malta/")
    french = served.wait_for(lambda page: "Malte" in page, "fr/partners/malta/")
    assert '<html lang="en"' in english
    assert '<html lang="fr"' in french

    about = project / "docs" / "about.fr.md"
    about.write_text(about.read_text(encoding="utf-8").replace("site d'essai", "site d'essai révisé"), encoding="utf-8")
    served.wait_for(lambda page: "site d'essai révisé" in html.unescape(page), "fr/about/")
    assert "révisé" not in served.get("about/")

    malta = project / "data" / "partners" / "malta.yaml"
    malta.write_text(malta.read_text(encoding="utf-8").replace("fr: Malte}", "fr: Malte (révisé)}"), encoding="utf-8")
    assert "Malte (révisé)" in served.wait_for(lambda page: "révisé" in page, "fr/partners/malta/")
