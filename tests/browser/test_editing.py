"""An editor's browser on `mkdocs serve`: a bad save brings the problems banner onto the open
page by itself, and the fix takes it away, with no manual reload."""

from __future__ import annotations

from pathlib import Path

from support import Served, clean_environment, make_fixture_project


def test_the_open_page_shows_the_problems_and_then_the_fix_without_a_manual_reload(page, tmp_path: Path):
    project = make_fixture_project(tmp_path / "project")
    malta = project / "data" / "partners" / "malta.yaml"
    good = malta.read_text(encoding="utf-8")
    server = Served(project, env=clean_environment())
    try:
        server.wait_for(lambda html: "Malta" in html, "partners/malta/")
        page.goto(server.url + "partners/malta/")
        banner = page.locator(".data-problems")
        assert banner.count() == 0

        malta.write_text(good.replace("region: europe", "region: europa"), encoding="utf-8")
        banner.wait_for(state="visible", timeout=30_000)
        assert "data/partners/malta.yaml:5: region: 'europa' is not allowed" in banner.inner_text()
        assert page.get_by_role("alert").count() == 1

        malta.write_text(good.replace("name: {en: Malta,", "name: {en: Malta again,"), encoding="utf-8")
        page.get_by_role("heading", name="Malta again").wait_for(timeout=30_000)
        assert banner.count() == 0
    finally:
        output = server.stop()
    assert "Traceback" not in output
    assert all(url.startswith(server.url) for url in page.requests), page.requests
