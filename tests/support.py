"""Constants shared by the tests (a plain module: conftest files are not meant to be imported)."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

from partnerships.settings import NAMES as SETTING_NAMES

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
TODAY = dt.date(2026, 12, 1)
# What `mkdocs build` reads: copy these to build the real site somewhere else.
PROJECT_FILES = (
    "mkdocs.yml",
    "mkdocs-fr.yml",
    "mkdocs-offline.yml",
    "mkdocs-offline-fr.yml",
    "docs",
    "hooks",
    "data",
    "overrides",
)

# The generator the build tests run: mkdocs, or its maintained fork properdocs (CI runs both).
SITE_GENERATOR = os.environ.get("SITE_GENERATOR", "mkdocs")


def build_command(*args: str) -> list[str]:
    """`<generator> build --strict ...` run with this Python, as an editor would run it."""
    return [sys.executable, "-m", SITE_GENERATOR, "build", "--strict", *args]


# The fixture project: the fixture data, built with the real configuration, theme overrides
# and assets, and one hand-written page (tests/fixtures/docs/about.md).
# One page of each type of the real site, by the path a reader opens.
PAGE_TYPES = {
    "home": "",
    "frameworks": "frameworks/",
    "framework": "frameworks/pfp/",
    "partners": "partners/",
    "partner": "partners/finland/",
    "allies": "allies/",
    "matrix": "matrix/",
    "map": "map/",
    "timeline": "milestones/",
    "milestone": "milestones/2023-04-04-finland-joins-nato/",
    "data": "data/",
    "sources": "sources/",
    "about": "about/",
    "editing": "editing/",
}

FIXTURE_DOCS = ROOT / "tests" / "fixtures" / "docs"
# SOURCE_DATE_EPOCH for TODAY, so that builds and checks agree with the in-process tests.
TODAY_EPOCH = str(int(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=dt.UTC).timestamp()))
FIXTURE_NAV = [
    {"Home": "index.md"},
    {"Frameworks": "frameworks/index.md"},
    {"Partners": "partners/index.md"},
    {"Membership matrix": "matrix.md"},
    {"World map": "map.md"},
    {"Timeline": "milestones/index.md"},
    {"Data downloads": "data.md"},
    {"Sources": "sources.md"},
    {"About": "about.md"},
]
FIXTURE_NAV_FR = [
    {"Accueil": "index.md"},
    {"Cadres de partenariat": "frameworks/index.md"},
    {"Partenaires": "partners/index.md"},
    {"Tableau des participations": "matrix.md"},
    {"Carte du monde": "map.md"},
    {"Chronologie": "milestones/index.md"},
    {"Téléchargements": "data.md"},
    {"Sources": "sources.md"},
    {"À propos": "about.md"},
]


def make_fixture_project(target: Path, *, data: Path = FIXTURE_DATA, hooks: Path = ROOT / "hooks") -> Path:
    """target/: mkdocs.yml, data/ (a copy of `data`) and docs/, ready for `mkdocs build`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(data, target / "data")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    shutil.copytree(FIXTURE_DOCS, target / "docs", dirs_exist_ok=True)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config |= {
        "hooks": [str(hooks / "partnership_pages.py")],
        "nav": FIXTURE_NAV,
        "watch": ["data"],
    }
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    # The French edition, built with the English one: the real mkdocs-fr.yml, with the
    # fixture's navigation.
    french = yaml.safe_load((ROOT / "mkdocs-fr.yml").read_text(encoding="utf-8")) | {"nav": FIXTURE_NAV_FR}
    (target / "mkdocs-fr.yml").write_text(yaml.safe_dump(french, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def clean_environment(**settings: str) -> dict[str, str]:
    """os.environ without the project's own settings, with TODAY as the build date, plus `settings`."""
    environ = {k: v for k, v in os.environ.items() if k not in SETTING_NAMES}
    return {**environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": TODAY_EPOCH, **settings}


@dataclass(frozen=True)
class Run:
    """A finished command, with its wall time and the peak memory of its process."""

    returncode: int
    stdout: str
    stderr: str
    seconds: float
    max_rss_mb: float


def run_measured(command: list[str], *, cwd: Path, env: dict[str, str], timeout: float = 120) -> Run:
    """Run `command` and measure it: os.wait4 gives the child's own peak resident memory."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=err)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            returncode=process.returncode,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
            seconds=seconds,
            max_rss_mb=usage.ru_maxrss / 1024,  # Linux reports KiB
        )


def serve_command(*args: str) -> list[str]:
    """`<generator> serve ...` run with this Python, as an editor would run it."""
    return [sys.executable, "-m", SITE_GENERATOR, "serve", *args]


class Served:
    """`mkdocs serve` of `project` on a free 127.0.0.1 port, with its output kept in a file."""

    def __init__(self, project: Path, *, env: dict[str, str]) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop(), after the server)
        self.process = subprocess.Popen(
            serve_command("-a", f"127.0.0.1:{port}"), cwd=project, env=env, stdout=self.log, stderr=self.log
        )

    def get(self, path: str = "", *, timeout: float = 20) -> str:
        """The page at `path`; the server answers once any rebuild under way has finished."""
        with urllib.request.urlopen(self.url + path, timeout=timeout) as response:
            return response.read().decode("utf-8")

    def wait_for(self, condition, path: str = "", *, timeout: float = 60) -> str:
        """Poll `path` until condition(page) holds; the page that satisfied it."""
        deadline = time.monotonic() + timeout
        page = ""
        while time.monotonic() < deadline:
            try:
                page = self.get(path)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                page = ""
            if page and condition(page):
                return page
            time.sleep(0.3)
        raise AssertionError(f"{path or '/'} never met the condition; last output:\n{self.output()[-3000:]}")

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read().decode("utf-8", "replace")

    def stop(self) -> str:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        output = self.output()
        self.log.close()
        return output


# Where a page carries its history states for the browser (markup.as_attribute).
HISTORY_STATES = re.compile(r'data-history-states="([^"]*)"')


def history_states(page: str) -> dict:
    """The history states of a page's Markdown or HTML, as the browser reads them."""
    found = HISTORY_STATES.search(page)
    assert found, "the page carries no history states"
    return json.loads(html.unescape(found.group(1)))


# The build date pinned to the tests' TODAY, so the built pages agree with in-process renders
# and two builds of the same data can be compared byte for byte. The project's own settings are
# taken out: a build gets only those it is given.
BUILD_ENV = clean_environment()
# The settings of a published build (README, "Publishing"): where the site lives, its
# repository and its edit links. Reserved example hosts; nothing is ever fetched from them.
PUBLISHED_SETTINGS = {
    "PARTNERSHIPS_SITE_URL": "https://partnerships.example.org/",
    "PARTNERSHIPS_REPO_URL": "https://git.example.org/nato/partnerships",
    "PARTNERSHIPS_EDIT_URL": "https://git.example.org/nato/partnerships/edit/main/{path}",
}


def build_real_site(config: str, out: Path, *, settings: dict[str, str] | None = None) -> Path:
    """`<generator> build --strict -f <config> -d <out>` of the real project, with `settings`."""
    result = subprocess.run(
        build_command("-f", config, "-d", str(out)),
        cwd=ROOT,
        env={**BUILD_ENV, **(settings or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out
