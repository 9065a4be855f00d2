"""The adversarial corpus in tests/bad_inputs/: every case names its file and line, fails
cleanly, never crashes, and leaves the previous site as it was. See tests/bad_inputs/README.md.

Each case runs three ways, and all three must agree:

1. in process, through prepare_site(): the exact problems, or, for accepted data, inert pages;
2. through `python -m partnerships check`: exit 1 (0 when accepted), the same lines, no
   traceback, within the time and memory bounds;
3. through a real `mkdocs build --strict` of a small project over an earlier good build
   (marked `build`): exit 1 with the same lines and the site byte for byte as before, or, for
   accepted data, a site with no markup, script, URL scheme or host that clean data lacks.

After an intended change of messages, rewrite the expected files with
`UPDATE_BAD_INPUTS=1 pytest tests/test_bad_inputs.py -m "not build"` and review the diff.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import socket
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import bc_magic
from site_audit import Markup, collect, formula_cells, live_markup

from partnerships import DataError, Project, build_pages, load_dataset, prepare_site
from partnerships.render import TEMPLATES
from partnerships.urls import parse_web_address
from support import (
    FIXTURE_DATA,
    TODAY,
    Run,
    build_command,
    clean_environment,
    make_fixture_project,
    run_measured,
)

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
DELETE = ".delete"  # a corpus file `data/partners/malta.yaml.delete` deletes that file
# Files of a case that describe it rather than lie over the project.
DESCRIPTION_FILES = ("expected.txt", "environment.txt", "layout.txt", "absent.txt", "README.md")
# The bounds for any input: no run may take longer or use more.
MAX_SECONDS = 10
MAX_MEMORY_MB = 1024
WORKERS = min(8, 2 * (os.cpu_count() or 1))


# --- Cases ----------------------------------------------------------------------------------------


def _huge_file(project: Path) -> None:
    # Too big to keep in the repository, so written here: 300,000 bytes of valid YAML.
    file = project / "data" / "partners" / "norway.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text + "#" * (300_000 - len(text.encode()) - 1) + "\n", encoding="utf-8")


def _sparse_4_gb_file(project: Path) -> None:
    # A 4 GB file that takes no disk: the size must be refused before a byte is read.
    with (project / "data" / "partners" / "norway.yaml").open("r+b") as handle:
        handle.truncate(4 * 1024**3)


def _long_line(project: Path) -> None:
    # One 250,000-character line, just under the file limit: bounded work, a short message.
    file = project / "data" / "milestones" / "2008-04-malta-returns.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("Malta came back to Alpha.", "a" * 250_000), encoding="utf-8")


def _planted_template_cache(project: Path) -> None:
    # The cache files an earlier version of the hook read back, each a pickle that would
    # create `executed` in the project. Nothing may read them.
    folder = project / ".cache" / "templates"
    folder.mkdir(parents=True)
    cache = FileSystemBytecodeCache(str(folder))
    payload = b"cos\nsystem\n(S'touch " + str(project / "executed").encode() + b"'\ntR."
    for template in TEMPLATES.glob("*.j2"):
        key = cache.get_cache_key(template.name, str(template))
        (folder / (cache.pattern % key)).write_bytes(bc_magic + payload)


GENERATED = {
    "huge-file": _huge_file,
    "huge-file-sparse-4-gb": _sparse_4_gb_file,
    "long-line-under-the-file-limit": _long_line,
    "planted-template-cache": _planted_template_cache,
}


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path

    @property
    def expected(self) -> list[str]:
        return _lines(self.folder / "expected.txt")

    @property
    def environment(self) -> dict[str, str]:
        """Settings for this case (environment.txt: one NAME=value per line)."""
        return dict(line.split("=", 1) for line in _lines(self.folder / "environment.txt"))

    @property
    def absent(self) -> list[str]:
        """Strings that no built page may hold (absent.txt), beyond the generic audit."""
        return _lines(self.folder / "absent.txt")

    def make_project(self, parent: Path) -> Path:
        """parent/project: the fixture project with this case laid over it."""
        project = make_fixture_project(parent / "project")
        for source in sorted(self.folder.rglob("*")):
            relative = source.relative_to(self.folder)
            if source.is_dir() or relative.as_posix() in DESCRIPTION_FILES:
                continue
            target = project / relative
            if source.name.endswith(DELETE):
                target = target.with_name(source.name.removesuffix(DELETE))
                assert target.is_file(), f"{self.name}: {relative} deletes a file the fixture project does not have"
                target.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
        for line in _lines(self.folder / "layout.txt"):
            _lay_out(project, *line.split())
        if self.name in GENERATED:
            GENERATED[self.name](project)
        return project


def _lay_out(project: Path, operation: str, path: str, *target: str) -> None:
    """layout.txt: `mkdir PATH`, `rmdir PATH`, `symlink PATH TARGET`, `fifo PATH` or `socket PATH`."""
    where = project / path
    where.parent.mkdir(parents=True, exist_ok=True)
    if operation == "mkdir":
        where.mkdir()
    elif operation == "rmdir":
        where.rmdir()
    elif operation == "symlink":
        where.symlink_to(target[0])
    elif operation == "fifo":
        os.mkfifo(where)
    elif operation == "socket":
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(where))
    else:
        raise ValueError(f"unknown layout operation {operation!r}")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.is_file() else []


@cache
def case(name: str) -> Case:
    return Case(name=name, folder=CORPUS / name)


def report_lines(report: str) -> list[str]:
    """The problem lines of a DataError report, as printed by the check and by the build."""
    lines = report.splitlines()
    start = next((i for i, line in enumerate(lines) if re.search(r"\d+ problems?( in data/)?:$", line)), None)
    if start is None:
        return []
    return [line[2:] for line in lines[start + 1 :] if line.startswith("  ")]


def test_the_corpus_is_complete_and_large():
    assert len(CASES) >= 110  # 52 before the hardening issue, 60 and more since
    for name in CASES:
        folder = CORPUS / name
        assert (folder / "expected.txt").is_file(), f"{name} has no expected.txt"
        described = [p for p in folder.iterdir() if p.name != "expected.txt"]
        assert described or name in GENERATED, f"{name} changes nothing"


# --- 1. In process -------------------------------------------------------------------------------

_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


@cache
def template_tags() -> frozenset[str]:
    """The HTML tags the templates themselves write, from the clean fixture data."""
    pages = build_pages(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)
    return frozenset(tag.lower() for page in pages for tag in _TAG.findall(page.markdown))


def assert_inert(pages, payload_files: list[Path]) -> None:
    """Data text shows as text: no tag, link, template expression or attribute of its own."""
    for page in pages:
        markdown = page.markdown
        lowered = markdown.lower()
        assert "<script" not in lowered, page.src_uri
        assert "](javascript:" not in lowered.replace(" ", ""), page.src_uri
        assert "<javascript:" not in lowered, page.src_uri
        for attributes in re.findall(r"\{:([^}]*)\}", markdown):  # attr_list: only the templates' own
            assert "alert" not in attributes, page.src_uri
            assert not re.search(r"\bon[a-z]+\s*=", attributes), page.src_uri
        assert "1337" not in markdown, page.src_uri  # {{ 7*191 }} was not evaluated (templates never see data)
        assert {tag.lower() for tag in _TAG.findall(markdown)} <= template_tags(), page.src_uri
    # Every payload is still on a page, shown as text rather than dropped.
    everything = "\n".join(page.markdown for page in pages)
    for file in payload_files:
        for marker in re.findall(r"alert\(\d+\)", file.read_text(encoding="utf-8", errors="replace")):
            assert marker in everything, f"{marker} from {file.name} is not shown"


@pytest.mark.parametrize("name", CASES)
def test_case_gives_the_expected_problems(name, tmp_path):
    this = case(name)
    project = this.make_project(tmp_path)

    try:
        prepared = prepare_site(Project.at(project), environ=clean_environment(**this.environment))
    except DataError as error:
        problems, prepared = report_lines(error.report()), None
    else:
        problems = []

    if os.environ.get("UPDATE_BAD_INPUTS"):
        (this.folder / "expected.txt").write_text("".join(f"{line}\n" for line in problems), encoding="utf-8")
    assert problems == this.expected
    if prepared is not None:
        assert_inert(prepared.site.pages, sorted(this.folder.rglob("*.yaml")))


# --- 2. The command line ----------------------------------------------------------------------------


def _check(project: Path, environment: dict[str, str]) -> Run:
    env = clean_environment(**environment)
    command = [sys.executable, "-m", "partnerships", "check", "--project", str(project)]
    return run_measured(command, cwd=project, env=env, timeout=60)


@pytest.fixture(scope="module")
def check_runs(tmp_path_factory) -> dict[str, Run]:
    """`python -m partnerships check` on every case, run side by side (one process each)."""
    projects = {name: case(name).make_project(tmp_path_factory.mktemp(name)) for name in CASES}
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        runs = pool.map(lambda name: _check(projects[name], case(name).environment), CASES)
        return dict(zip(CASES, runs, strict=True))


def assert_within_bounds(run: Run) -> None:
    assert run.seconds < MAX_SECONDS, f"took {run.seconds:.1f} s"
    assert run.max_rss_mb < MAX_MEMORY_MB, f"used {run.max_rss_mb:.0f} MB"


@pytest.mark.parametrize("name", CASES)
def test_check_command_exits_cleanly(check_runs, name):
    run, lines = check_runs[name], case(name).expected

    assert "Traceback" not in run.stderr
    assert_within_bounds(run)
    if lines:
        assert run.returncode == 1, run.stdout
        header, *listed = run.stderr.splitlines()
        assert re.fullmatch(r"[0-9,]+ problems?( in data/)?:", header)
        assert listed == [f"  {line}" for line in lines]
    else:
        assert run.returncode == 0, run.stderr
        assert "data/ is valid" in run.stdout


# --- 3. A real MkDocs build over an earlier good one -----------------------------------------------


@dataclass(frozen=True)
class Baseline:
    site: Path
    markup: Markup


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Baseline:
    """The clean fixture project, built once: every case is built over a copy of its site."""
    project = make_fixture_project(tmp_path_factory.mktemp("baseline") / "project")
    run = run_measured(build_command(), cwd=project, env=clean_environment())
    assert run.returncode == 0, run.stderr
    return Baseline(site=project / "site", markup=collect(project / "site"))


def _hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


@dataclass(frozen=True)
class Built:
    project: Path
    run: Run
    site_before: dict[str, str]


def _build_case(name: str, parent: Path, baseline: Baseline) -> Built:
    this = case(name)
    project = this.make_project(parent)
    shutil.copytree(baseline.site, project / "site")
    before = _hashes(project / "site")
    run = run_measured(build_command(), cwd=project, env=clean_environment(**this.environment), timeout=60)
    return Built(project=project, run=run, site_before=before)


@pytest.fixture(scope="module")
def build_runs(tmp_path_factory, baseline) -> dict[str, Built]:
    parents = {name: tmp_path_factory.mktemp(f"build-{name}") for name in CASES}
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 1)) as pool:
        runs = pool.map(lambda name: _build_case(name, parents[name], baseline), CASES)
        return dict(zip(CASES, runs, strict=True))


def _allowed_hosts(project: Path, environment: dict[str, str]) -> set[str]:
    """Hosts the data legitimately links to: those of its sources, as a browser reads them,
    and the edit link's."""
    hosts = set()
    for file in (project / "data").rglob("*.yaml"):
        for url in re.findall(r"https?://[^\s\"'\],]+", file.read_text(encoding="utf-8", errors="replace")):
            try:
                hosts.add(parse_web_address(url).host)
            except ValueError:
                continue
    if "PARTNERSHIPS_EDIT_URL" in environment:
        hosts.add(parse_web_address(environment["PARTNERSHIPS_EDIT_URL"].replace("{path}", "x")).host)
    return hosts


@pytest.mark.build
@pytest.mark.parametrize("name", CASES)
def test_build_agrees_with_check_and_keeps_or_replaces_the_site_cleanly(build_runs, check_runs, baseline, name):
    this, built = case(name), build_runs[name]
    run, site = built.run, built.project / "site"

    assert "Traceback" not in run.stderr
    assert_within_bounds(run)
    assert not list(built.project.glob(".site.*")), "the staging folder was left behind"
    assert report_lines(run.stderr) == report_lines(check_runs[name].stderr) == this.expected
    if this.expected:
        assert run.returncode == 1
        assert _hashes(site) == built.site_before
    else:
        assert run.returncode == 0, run.stderr
        assert "partnership_pages: the new build replaced" in run.stderr
        hosts = _allowed_hosts(built.project, this.environment)
        assert live_markup(site, baseline=baseline.markup, allowed_hosts=hosts) == []
        assert formula_cells(site) == []
        pages = "\n".join(page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
        assert [text for text in this.absent if text in pages] == []
        # Every payload is on a page as text, not dropped or turned into something else.
        payloads = {m for f in this.folder.rglob("*.yaml") for m in re.findall(r"alert\(\d+\)", f.read_text("utf-8"))}
        assert {marker for marker in payloads if marker not in html.unescape(pages)} == set()
        assert not (built.project / "executed").exists()
