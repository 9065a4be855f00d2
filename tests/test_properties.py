"""Property tests (Hypothesis): random Unicode, random YAML scalars and random URLs in every text
and URL field of the fixture data, and random file names. Whatever comes in, the outcome is one
of two: a DataError whose every problem names a file and a line, or pages in which the value
shows only as text (no tag or attribute that clean data lacks) and every source link names the
host a browser would open."""

from __future__ import annotations

import shutil
import string
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import idna
import markdown
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from partnerships import DataError, Project, build_pages, load_dataset, prepare_site
from partnerships.urls import parse_web_address
from support import FIXTURE_DATA, ROOT, TODAY, clean_environment, make_fixture_project

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONFIG = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in CONFIG["markdown_extensions"]]
EXTENSION_CONFIGS = {k: v for e in CONFIG["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}

# (file, path to a text in it, page that shows it, whether it is a name or title)
TEXT_FIELDS = [
    ("partners/malta.yaml", ("name", "en"), "partners/malta.md", True),
    ("partners/bahrain.yaml", ("aliases", 0), "partners/bahrain.md", True),
    ("partners/bahrain.yaml", ("memberships", 1, "note", "en"), "partners/bahrain.md", False),
    ("partners/malta.yaml", ("memberships", 0, "end_reason", "en"), "partners/malta.md", False),
    ("frameworks/alpha.yaml", ("description", "text", "en"), "frameworks/alpha.md", False),
    ("frameworks/alpha.yaml", ("notes", 0, "text", "en"), "frameworks/alpha.md", False),
    ("frameworks/alpha.yaml", ("acronym", "en"), "frameworks/alpha.md", True),
    ("milestones/2008-04-malta-returns.yaml", ("title", "en"), "milestones/2008-04-malta-returns.md", True),
    ("milestones/2008-04-malta-returns.yaml", ("summary", "en"), "milestones/2008-04-malta-returns.md", False),
]
URL_FIELDS = [
    ("partners/malta.yaml", ("memberships", 1, "sources", 0), "partners/malta.md"),
    ("frameworks/alpha.yaml", ("description", "sources", 0), "frameworks/alpha.md"),
    ("milestones/2008-04-malta-returns.yaml", ("sources", 0), "milestones/2008-04-malta-returns.md"),
]
# Lines of fixture files where a raw YAML scalar is spliced in, block style.
RAW_SLOTS = [
    ("partners/malta.yaml", "region: europe", "region: {}"),
    ("partners/malta.yaml", "name: {en: Malta, fr: Malte}", "name:\n  en: {}\n  fr: Malte"),
    ("milestones/2008-04-malta-returns.yaml", "date: 2008-04", "date: {}"),
    ("milestones/2008-04-malta-returns.yaml", "summary: {en: Malta came back to Alpha.}", "summary:\n  en: {}"),
    ("partners/malta.yaml", "sources: [https://example.org/malta/2]", "sources:\n    - {}"),
]


# --- What to throw ---------------------------------------------------------------------------------

texts = st.text(st.characters(codec="utf-8"), min_size=1, max_size=60) | st.sampled_from(
    ["<script>alert(1)</script>", "[x](javascript:alert(2))", "{: onclick=alert(3) }", "1. item", "- item",
     "&lt;b&gt;", "{{ 7*191 }}", "///Footnotes Go Here///", "<!-- x -->", "\x02klzzwxh:0\x03", "a\u202eb", "＝1+1"]
)  # fmt: skip
raw_scalars = st.text(alphabet=[*list(string.ascii_letters[:6] + "019 .:-#[]{}!&*|>'\"%@`,?\\~\n"), "é"], max_size=40)
good_hosts = st.sampled_from(
    ["www.nato.int", "example.org", "ｗｗｗ.nato.int", "münchen.de", "東京.jp", "WWW.NATO.INT"]
)
bad_hosts = st.sampled_from(
    ["xn--80ak6aa92e.com", "аррӏе.com", "www.nаto.int", "127.0.0.1", "localhost", "evil.example\\@www.nato.int", "a..b",
     "-a.org", ""]
)  # fmt: skip
hosts = st.one_of(
    good_hosts,
    bad_hosts,
    st.text(alphabet=[*list("abcxyz-.0_"), "а", "é", "\u200b", "%", "@", ":"], min_size=1, max_size=20),
)
safe_paths = st.text(alphabet=list("/abc?#=&()é_-.~"), max_size=20)
# Half plausible addresses (most of them accepted), half built from hostile parts.
urls = st.one_of(
    st.builds(
        lambda scheme, host, port, path: f"{scheme}{host}{port}{path}",
        st.sampled_from(["https://", "http://"]),
        good_hosts,
        st.sampled_from(["", ":443", ":8080"]),
        safe_paths,
    ),
    st.builds(
        lambda scheme, user, host, port, path: f"{scheme}{user}{host}{port}{path}",
        st.sampled_from(["https://", "HTTPS://", "javascript:", "https:", "https:///", "data:text/html,", ""]),
        st.sampled_from(["", "user@", "www.nato.int@"]),
        hosts,
        st.sampled_from(["", ":0", ":65536", ":x", ":"]),
        st.one_of(safe_paths, st.text(alphabet=[*list("/abc?#=&%()'\"<> é\\"), "\x00", "\u200b", "\n"], max_size=20)),
    ),
)


# --- How to throw it ----------------------------------------------------------------------------


@contextmanager
def fixture_copy() -> Iterator[Path]:
    # Hypothesis runs a test body many times; pytest's tmp_path would be shared between them.
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(FIXTURE_DATA, data)
        yield data


def _set(document: Any, path: tuple[str | int, ...], value: str) -> None:
    for part in path[:-1]:
        document = document[part]
    document[path[-1]] = value


def write_value(data: Path, file: str, path: tuple[str | int, ...], value: str, *, ascii_only: bool) -> None:
    """The fixture file with one value replaced, written by a YAML emitter (so any string round-trips:
    with ascii_only, every non-ASCII character as an escape; otherwise as itself)."""
    target = data / file
    document = yaml.safe_load(target.read_text(encoding="utf-8"))
    _set(document, path, value)
    text = yaml.safe_dump(document, allow_unicode=not ascii_only, sort_keys=False, width=10_000)
    target.write_bytes(text.encode("utf-8", "surrogatepass"))


def outcome(data: Path) -> list | None:
    """The generated pages, or None after checking that every problem is located."""
    try:
        dataset = load_dataset(data, today=TODAY)
    except DataError as error:
        refused = error
    else:
        event("accepted")
        return build_pages(dataset, today=TODAY)
    event("refused with a located problem")
    assert refused.problems
    for problem in refused.problems:
        assert problem.file.startswith("data/"), problem
        assert problem.line >= 1 or problem.message.startswith(("file is", "cannot be read")), problem
    refused.report().encode("utf-8")  # printable, whatever the value held
    return None


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.sequence: list[str] = []  # every start tag, in document order
        self.attributes: set[str] = set()
        self.text: list[str] = []
        self.links: list[tuple[str, list[str]]] = []
        self._in_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.sequence.append(tag)
        self.attributes.update(name for name, _ in attrs)
        if tag == "a":
            self.links.append((dict(attrs).get("href") or "", []))
            self._in_link = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_link = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_link:
            self.links[-1][1].append(data)


def html_of(page_markdown: str) -> _Html:
    converter = markdown.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
    parsed = _Html()
    parsed.feed(converter.convert(page_markdown))
    return parsed


def _clean() -> dict[str, _Html]:
    pages = build_pages(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)
    return {page.src_uri: html_of(page.markdown) for page in pages}


CLEAN = _clean()
CLEAN_TAGS = set().union(*(html.tags for html in CLEAN.values()))
CLEAN_ATTRIBUTES = set().union(*(html.attributes for html in CLEAN.values()))


def assert_inert(pages: list, src_uri: str) -> _Html:
    html = html_of(next(page.markdown for page in pages if page.src_uri == src_uri))
    assert html.tags <= CLEAN_TAGS, html.tags - CLEAN_TAGS
    assert html.attributes <= CLEAN_ATTRIBUTES, html.attributes - CLEAN_ATTRIBUTES
    return html


# --- The properties -----------------------------------------------------------------------------


@SETTINGS
@given(field=st.sampled_from(TEXT_FIELDS), value=texts, ascii_only=st.booleans())
# Texts that Markdown extensions act on, tried in a note whatever Hypothesis draws.
@example(field=TEXT_FIELDS[5], value="///Footnotes Go Here///", ascii_only=True)
@example(field=TEXT_FIELDS[5], value="1. item", ascii_only=True)
@example(field=TEXT_FIELDS[4], value="!!! note", ascii_only=True)
@example(field=TEXT_FIELDS[4], value="[^1]: a footnote", ascii_only=True)
@example(field=TEXT_FIELDS[4], value="*[HTML]: an abbreviation", ascii_only=True)
def test_any_text_is_refused_with_a_line_or_shown_as_text(field, value, ascii_only):
    file, path, src_uri, _ = field
    with fixture_copy() as data:
        write_value(data, file, path, value, ascii_only=ascii_only)
        pages = outcome(data)

    if pages is not None:
        html = assert_inert(pages, src_uri)
        # Text replaced by text: the page keeps the shape it has with the fixture's own value.
        assert html.sequence == CLEAN[src_uri].sequence
        shown = " ".join(" ".join(html.text).split())
        assert " ".join(value.split()) in shown


@SETTINGS
@given(field=st.sampled_from(URL_FIELDS), url=urls)
def test_any_url_is_refused_with_a_line_or_labelled_with_the_host_a_browser_opens(field, url):
    file, path, src_uri = field
    with fixture_copy() as data:
        write_value(data, file, path, url, ascii_only=True)
        pages = outcome(data)

    if pages is not None:
        html = assert_inert(pages, src_uri)
        address = parse_web_address(url)
        links = [(href, "".join(text)) for href, text in html.links if text and "".join(text) == address.label]
        assert links, f"no link labelled {address.label}"
        for href, _ in links:
            parts = urlsplit(href)
            assert parts.scheme in ("http", "https")
            assert idna.encode(parts.hostname, uts46=True).decode() == address.host


@SETTINGS
@given(slot=st.sampled_from(RAW_SLOTS), raw=raw_scalars)
def test_any_raw_yaml_scalar_is_refused_with_a_line_or_loads(slot, raw):
    file, old, new = slot
    with fixture_copy() as data:
        target = data / file
        text = target.read_text(encoding="utf-8")
        target.write_text(text.replace(old, new.format(raw), 1), encoding="utf-8")
        pages = outcome(data)

    if pages is not None:
        for page in pages:
            assert html_of(page.markdown).tags <= CLEAN_TAGS, page.src_uri


@settings(max_examples=60, deadline=None)
@given(stem=st.text(st.characters(codec="utf-8", exclude_characters="/\x00"), min_size=1, max_size=40))
def test_any_file_name_is_reported_with_its_name_or_read(stem):
    with tempfile.TemporaryDirectory() as folder:
        project = make_fixture_project(Path(folder) / "project")
        source = project / "data" / "partners" / "malta.yaml"
        try:
            source.rename(source.with_name(f"{stem}.yaml"))
        except OSError:  # a name the file system refuses (too long, "..")
            return
        try:
            prepare_site(Project.at(project), environ=clean_environment())
        except DataError as error:
            refused = error
        else:
            assert stem == "malta"
            return
    refused.report().encode("utf-8")  # nothing unprintable reaches the terminal
    assert all(problem.file.startswith("data/") for problem in refused.problems)
