"""What a built site holds that could run or reach out: tags, attributes, inline scripts and
the URLs of every attribute that a browser fetches or follows. Comparing a build of hostile
data with a build of clean data shows whether any data text became markup."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import idna

# Attributes whose value a browser loads or opens (HTML's URL attributes, plus SVG's).
URL_ATTRIBUTES = frozenset(
    [
        "href",
        "src",
        "srcset",
        "action",
        "formaction",
        "poster",
        "data",
        "xlink:href",
        "background",
        "cite",
        "longdesc",
        "manifest",
        "ping",
    ]
)
_DATA_TYPES = frozenset(["application/json", "application/ld+json"])
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
# OWASP's list of cell starts that a spreadsheet may run as a formula, after leading spaces.
_FORMULA = re.compile(r"[\s\x00-\x1f\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]")


@dataclass
class Markup:
    """Everything active found in a set of pages."""

    tags: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    inline_scripts: set[str] = field(default_factory=set)
    data_blocks: set[str] = field(default_factory=set)  # <script type="application/json">: never run
    urls: set[str] = field(default_factory=set)

    @property
    def schemes(self) -> set[str]:
        return {urlsplit(url).scheme.lower() for url in self.urls}

    @property
    def hosts(self) -> set[str]:
        """Hosts as a browser reads them: UTS 46 mapping and IDNA, so ｗｗｗ.nato.int is www.nato.int."""
        return {_browser_host(host) for url in self.urls if (host := urlsplit(url).hostname)}


class _Collector(HTMLParser):
    def __init__(self, markup: Markup) -> None:
        super().__init__(convert_charrefs=True)
        self.markup = markup
        self._script: list[str] | None = None
        self._script_is_data = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.tags.add(tag)
        for name, value in attrs:
            self.markup.attributes.add(name)
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                parts = value.split(",") if name == "srcset" else [value]
                self.markup.urls.update(part.strip().split(" ")[0] for part in parts if part.strip())
            if name == "style":
                self.markup.urls.update(_CSS_URL.findall(value))
        if tag == "script" and not dict(attrs).get("src"):
            self._script = []
            # A browser runs a script element only when its type is empty or a JavaScript type.
            self._script_is_data = (dict(attrs).get("type") or "").strip().lower() in _DATA_TYPES

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            text = "".join(self._script).strip()
            (self.markup.data_blocks if self._script_is_data else self.markup.inline_scripts).add(text)
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _browser_host(host: str) -> str:
    try:
        return idna.encode(host, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError):
        return host


def collect(site: Path) -> Markup:
    markup = Markup()
    for page in sorted(site.rglob("*.html")):
        collector = _Collector(markup)
        collector.feed(page.read_text(encoding="utf-8"))
        collector.close()
    return markup


def live_markup(site: Path, *, baseline: Markup, allowed_hosts: set[str]) -> list[str]:
    """What `site` holds that `baseline` (a build of clean data) does not, and that data text
    could have put there: new tags, attributes, inline scripts, URL schemes or hosts."""
    found = collect(site)
    findings = [f"tag <{tag}>" for tag in sorted(found.tags - baseline.tags)]
    findings += [f"attribute {name}=" for name in sorted(found.attributes - baseline.attributes)]
    findings += [f"event handler {name}=" for name in sorted(found.attributes) if name.startswith("on")]
    findings += [f"inline script {script[:80]!r}" for script in sorted(found.inline_scripts - baseline.inline_scripts)]
    findings += [
        f"data block that is not JSON {block[:80]!r}" for block in sorted(found.data_blocks) if not _is_json(block)
    ]
    findings += [f"URL scheme {scheme}:" for scheme in sorted(found.schemes - baseline.schemes)]
    findings += [f"host {host}" for host in sorted(found.hosts - baseline.hosts - allowed_hosts)]
    return findings


def formula_cells(site: Path) -> list[str]:
    """CSV cells that a spreadsheet would run as a formula."""
    cells = []
    for table in sorted(site.rglob("*.csv")):
        for row in csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))):
            cells += [f"{table.name}: {cell!r}" for cell in row if _FORMULA.match(cell)]
    return cells
