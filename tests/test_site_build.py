"""The real site, built by the real `mkdocs` command: strict build, every entity page, links,
edit links, search index, the offline edition, and bad data leaving site/ untouched."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from partnerships import load_dataset
from support import (
    PROJECT_FILES,
    PUBLISHED_SETTINGS,
    ROOT,
    TODAY,
    build_command,
    build_real_site,
    clean_environment,
    make_fixture_project,
    run_measured,
)

pytestmark = pytest.mark.build
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
DATASET = load_dataset(ROOT / "data", today=TODAY)


def _build(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(build_command(*args), cwd=cwd, env=ENV, capture_output=True, text=True, check=False)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)
            if name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_entity_has_a_page(built_site):
    for kind in ("frameworks", "partners", "milestones"):
        for record in getattr(DATASET, kind):
            assert (built_site / kind / record.id / "index.html").is_file(), f"{kind}/{record.id}"
    for index in ("frameworks", "partners", "milestones"):
        assert (built_site / index / "index.html").is_file()
    assert (built_site / "matrix" / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    pages = list(built_site.rglob("*.html"))
    parsed = {page: _parse(page) for page in pages}
    for page, links in parsed.items():
        for url in links.urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("//", "mailto:")) or page.name == "404.html":
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} -> {url}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(built_site)} -> {url} (no such anchor)")
    assert broken == []


def test_links_go_both_ways(built_site):
    finland = (built_site / "partners" / "finland" / "index.html").read_text()
    pfp = (built_site / "frameworks" / "pfp" / "index.html").read_text()
    milestone = (built_site / "milestones" / "2023-04-04-finland-joins-nato" / "index.html").read_text()

    assert 'href="../../frameworks/pfp/"' in finland
    assert 'href="../../partners/finland/"' in pfp
    assert 'href="../../milestones/2023-04-04-finland-joins-nato/"' in finland
    assert 'href="../../partners/finland/"' in milestone
    assert 'href="../../frameworks/eop/"' in milestone


def test_edit_link_points_at_the_yaml_file(built_site):
    finland = (built_site / "partners" / "finland" / "index.html").read_text()
    about = (built_site / "about" / "index.html").read_text()

    edit = PUBLISHED_SETTINGS["PARTNERSHIPS_EDIT_URL"]
    assert f'href="{edit.format(path="data/partners/finland.yaml")}"' in finland
    assert f'href="{edit.format(path="docs/about.md")}"' in about


def test_a_published_build_lists_every_page_in_its_sitemap_with_canonical_links(built_site):
    site_url = PUBLISHED_SETTINGS["PARTNERSHIPS_SITE_URL"]
    sitemap = (built_site / "sitemap.xml").read_text()
    pages = {p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    english = {page for page in pages if page != "fr" and not page.startswith("fr/")}
    finland = (built_site / "partners" / "finland" / "index.html").read_text()

    # Each edition has its sitemap, which names each page's twin in the other (hreflang).
    assert len(re.findall(r"<loc>", sitemap)) == len(english) > 100
    assert len(re.findall(r"<loc>", (built_site / "fr" / "sitemap.xml").read_text())) == len(pages - english)
    assert f"<loc>{site_url}partners/finland/</loc>" in sitemap
    assert f'<xhtml:link rel="alternate" hreflang="fr" href="{site_url}fr/partners/finland/"/>' in sitemap
    assert f'<link rel="canonical" href="{site_url}partners/finland/">' in finland
    assert f'href="{PUBLISHED_SETTINGS["PARTNERSHIPS_REPO_URL"]}"' in finland
    # The repository link names the repository, and asks its host's API for nothing.
    assert re.search(r'class="md-source__repository">\s*nato/partnerships\s*<', finland)
    assert 'data-md-component="source"' not in finland


def test_without_settings_a_build_points_at_no_repository_or_host(offline_site):
    # The offline edition is built with none of the settings: the project's defaults.
    finland = (offline_site / "partners" / "finland.html").read_text()

    assert "md-content__button" not in finland  # no edit link
    assert "md-source" not in finland  # no repository link
    assert 'rel="canonical"' not in finland
    assert "<loc>" not in (offline_site / "sitemap.xml").read_text()


def test_search_index_holds_every_entity_with_its_names(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    titles = {doc["location"]: doc for doc in index["docs"]}
    for kind in ("frameworks", "partners"):
        for record in getattr(DATASET, kind):
            doc = titles[f"{kind}/{record.id}/"]
            assert record.name.en in doc["title"]
            if record.name.fr:
                assert record.name.fr.replace("'", "&#39;") in doc["text"] or record.name.fr in doc["text"]
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    assert "Bahrein" in text["partners/bahrain/"]
    assert "UAE" in text["partners/united-arab-emirates/"]
    assert "PfP" in titles["frameworks/pfp/"]["title"]
    assert "OTAN" in text["frameworks/nuc-council/"]


def test_the_real_site_holds_no_javascript_link(built_site):
    # Hostile data is built by the corpus (tests/bad_inputs/injection-*); this looks at the
    # site readers get, from the real data.
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        assert "javascript:" not in html.replace("javascript:void", ""), page


def test_no_request_to_another_host_in_the_online_build(built_site):
    external = set()
    for page in built_site.rglob("*.html"):
        html = page.read_text()
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            # A canonical link names the published address; browsers do not fetch it.
            address = re.search(r'\b(?:src|href)="(?:https?:)?//([^"/]+)', tag)
            if address and 'rel="canonical"' not in tag:
                external.add(address.group(1))
    assert external == set()


def test_offline_build_needs_no_network(offline_site):
    assert (offline_site / "search" / "search_index.js").is_file()
    assert (offline_site / "partners" / "finland.html").is_file()
    home = (offline_site / "index.html").read_text()
    assert "assets/javascripts/iframe-worker-shim.js" in home
    for page in offline_site.rglob("*.html"):
        html = page.read_text()
        assert not re.search(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//', html), page
    assert "unpkg.com/iframe-worker" not in home
    assert "fonts.googleapis" not in home


def test_bad_data_fails_the_build_and_keeps_the_previous_site(tmp_path, built_site):
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    shutil.copytree(built_site, project / "site")  # the previous good build
    before = _hashes(project / "site")
    finland = project / "data" / "partners" / "finland.yaml"
    finland.write_text(finland.read_text().replace('iso: "FI"', "iso: NO").replace("framework: pfp", "framework: ppf"))

    result = _build(cwd=project)

    assert result.returncode == 1
    assert "data/partners/finland.yaml:7: iso: unquoted NO is read as a boolean by YAML 1.1 tools" in result.stderr
    pfp_line = finland.read_text().splitlines().index("  - framework: ppf") + 1
    assert (
        f"data/partners/finland.yaml:{pfp_line}: memberships[0].framework: unknown framework 'ppf'; "
        "did you mean 'pfp'?" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert _hashes(project / "site") == before
    assert not list(project.glob(".site.*"))


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path, built_site):
    # MkDocs writes the build *date* into the gzip header of sitemap.xml.gz, and the hook's
    # "today" (review dates, the history years) is the build date too; SOURCE_DATE_EPOCH pins
    # both. The session's site was built, in another process, with the same settings.
    second = build_real_site("mkdocs.yml", tmp_path / "second", settings=PUBLISHED_SETTINGS)

    first, again = _hashes(built_site), _hashes(second)
    assert first.keys() == again.keys()
    assert [name for name in first if first[name] != again[name]] == []


def _hashes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_strict_mode_warning_fails_the_build_and_keeps_the_previous_site(tmp_path):
    project = make_fixture_project(tmp_path / "project")
    assert run_measured(build_command(), cwd=project, env=clean_environment()).returncode == 0
    before = _hashes(project / "site")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text() + "\n[A page that is not there](partners/atlantis.md)\n")

    result = run_measured(build_command(), cwd=project, env=clean_environment())

    assert result.returncode == 1
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr
    assert _hashes(project / "site") == before
    assert not list(project.glob(".site.*"))


def test_generated_front_matter_fails_the_build_loudly_and_keeps_the_previous_site(tmp_path):
    # MkDocs would take YAML front matter at the top of a generated page as metadata, or drop
    # it silently if it did not parse; the hook refuses it. A template edit is the only way in.
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT / "hooks", hooks, ignore=shutil.ignore_patterns("__pycache__"))
    project = make_fixture_project(tmp_path / "project", hooks=hooks)
    assert run_measured(build_command(), cwd=project, env=clean_environment()).returncode == 0
    before = _hashes(project / "site")
    template = hooks / "partnerships" / "templates" / "partner.md.j2"
    template.write_text("---\ntitle: x\n---\n" + template.read_text())

    result = run_measured(build_command(), cwd=project, env=clean_environment())

    assert result.returncode == 1
    assert "partners/bahrain.md: a generated page must not start with front matter; fix its template" in result.stderr
    assert "Traceback" not in result.stderr
    assert _hashes(project / "site") == before


VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Material's own markup gives its drawer and search toggles autocomplete="off", which HTML allows
# on text fields only; Material needs it so that Firefox does not reopen the drawer or the search
# when a reader comes back to a page. Exactly that is left to the theme; any other error fails.
# (The checker's highlight sometimes starts one character early, on a French page: hence \s*.)
MATERIAL_TOGGLES = re.compile(
    r'\s*<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)" autocomplete="off">\s*'
)


@pytest.mark.skipif(not VNU.exists(), reason="vnu-jar not installed: run `npm ci` (make test does)")
@pytest.mark.skipif(not shutil.which("java"), reason="java not found: apt-get install default-jre-headless")
@pytest.mark.parametrize("edition", ["online", "offline"])
def test_every_page_is_valid_html_for_the_nu_checker(built_site, offline_site, edition):
    site = built_site if edition == "online" else offline_site
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(site)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    pages = sum(1 for _ in site.rglob("*.html"))

    errors = [
        f"{m['url'].removeprefix(site.as_uri().replace('file://', 'file:'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not MATERIAL_TOGGLES.fullmatch(_flagged_markup(m))
    ]
    theme_only = len(messages) - len(errors)
    assert pages > 100
    assert errors == []
    assert theme_only == 2 * pages  # the two toggles of each page


def _flagged_markup(message: dict) -> str:
    start = message.get("hiliteStart", 0)
    return message.get("extract", "")[start : start + message.get("hiliteLength", 0)]
