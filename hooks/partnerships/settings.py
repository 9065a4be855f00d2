"""Settings from the environment, checked like data: a bad value is a located problem, never a
traceback halfway through a build. The only place that reads os.environ's values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .problems import Problem, shown
from .urls import parse_web_address

ENVIRONMENT = "environment"  # the `file` of a setting's Problem
# SOURCE_DATE_EPOCH (reproducible-builds.org) pins "today" for the hook and the date MkDocs
# stamps into sitemap.xml.gz, whose gzip header holds it in 32 bits.
EPOCH_LIMIT = 2**32
_DIGITS = re.compile(r"[0-9]{1,10}")
EDIT_URL = "PARTNERSHIPS_EDIT_URL"
SITE_URL = "PARTNERSHIPS_SITE_URL"
REPO_URL = "PARTNERSHIPS_REPO_URL"
PATH_PLACEHOLDER = "{path}"
NAMES = ("SOURCE_DATE_EPOCH", EDIT_URL, SITE_URL, REPO_URL)  # every setting the build reads


@dataclass(frozen=True)
class Settings:
    today: dt.date
    edit_url_template: str | None  # None: no edit links
    site_url: str | None = None  # where the site is published, ending in /; None: no sitemap entries
    repo_url: str | None = None  # the repository the header links to; None: no link

    @property
    def repo_name(self) -> str | None:
        """What the header's repository link says: 'nato/partnerships' for
        https://github.com/nato/partnerships, the host when the address has no path."""
        if self.repo_url is None:
            return None
        _, _, host_and_path = self.repo_url.partition("://")
        host, _, path = host_and_path.partition("/")
        parts = [part for part in path.split("/") if part]
        return "/".join(parts[-2:]) if parts else host


def read_settings(environ: Mapping[str, str]) -> tuple[Settings, list[Problem]]:
    """The build's settings, and what is wrong with them. A bad date falls back to the system
    date so that the data can still be checked."""
    problems: list[Problem] = []
    today, problem = _build_date(environ.get("SOURCE_DATE_EPOCH"))
    problems += problem
    edit_url, problem = _edit_url(environ.get(EDIT_URL))
    problems += problem
    site_url, problem = _address(environ.get(SITE_URL), name=SITE_URL, schemes=("https", "http"))
    problems += problem
    repo_url, problem = _address(environ.get(REPO_URL), name=REPO_URL, schemes=("https",))
    problems += problem
    if site_url is not None and not site_url.endswith("/"):
        site_url += "/"  # the sitemap and canonical links add page paths to it
    return Settings(today=today, edit_url_template=edit_url, site_url=site_url, repo_url=repo_url), problems


def _build_date(value: str | None) -> tuple[dt.date, list[Problem]]:
    if value is None:
        return dt.date.today(), []
    if not _DIGITS.fullmatch(value) or int(value) >= EPOCH_LIMIT:
        return dt.date.today(), [
            Problem(
                ENVIRONMENT,
                0,
                "SOURCE_DATE_EPOCH",
                f"{shown(value)} is not a build time; give whole seconds since 1970-01-01 UTC, "
                f"from 0 to {EPOCH_LIMIT - 1} (for example `date +%s`), or unset it",
            )
        ]
    return dt.datetime.fromtimestamp(int(value), tz=dt.UTC).date(), []


def _edit_url(value: str | None) -> tuple[str | None, list[Problem]]:
    if value is None:
        return None, []
    rest = value.replace(PATH_PLACEHOLDER, "")
    if value.count(PATH_PLACEHOLDER) != 1 or "{" in rest or "}" in rest:
        reason = f"{shown(value)} must hold {PATH_PLACEHOLDER} once, where the file's path goes, and no other braces"
        return None, [Problem(ENVIRONMENT, 0, EDIT_URL, reason)]
    example = value.replace(PATH_PLACEHOLDER, "data/x.yaml")
    address, problems = _address(example, name=EDIT_URL, schemes=("https",), template=value, query=True)
    return (value if address else None), problems


def _address(
    value: str | None, *, name: str, schemes: tuple[str, ...], template: str | None = None, query: bool = False
) -> tuple[str | None, list[Problem]]:
    """A web address setting, checked as a source's address is, with the schemes allowed.
    `template`: the setting as given, when `value` is an example made from it. A site's or a
    repository's address is a base that paths are added to: no query or fragment."""
    if value is None:
        return None, []
    try:
        address = parse_web_address(value)
    except ValueError as error:
        return None, [Problem(ENVIRONMENT, 0, name, str(error))]
    if address.scheme not in schemes:
        allowed = " or ".join(f"{scheme}://" for scheme in schemes)
        return None, [Problem(ENVIRONMENT, 0, name, f"{shown(template or value)} must be an {allowed} address")]
    if not query and ("?" in value or "#" in value):
        return None, [Problem(ENVIRONMENT, 0, name, f"{shown(value)} must not hold a query (?) or a fragment (#)")]
    return value, []
