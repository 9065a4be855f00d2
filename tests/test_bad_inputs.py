"""The bad-input corpus in tests/bad_inputs/: each case names its file and line, fails cleanly, never crashes.

A case is a folder of files laid over a copy of tests/fixtures/data, plus expected.txt with the
exact problem lines (empty for injection cases, which are valid data that must render inert).
See tests/bad_inputs/README.md. After an intended change of messages, rewrite the expected
files with `UPDATE_BAD_INPUTS=1 pytest tests/test_bad_inputs.py` and review the diff.

1. every case through load_dataset(): the exact problems, or inert pages for valid data;
2. every case through `python -m partnerships check`: exit 1 (0 when valid), the same lines, no traceback;
3. a few cases through a real `mkdocs build --strict` of the project (marked `build`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from partnerships import DataError, build_pages, load_dataset
from support import FIXTURE_DATA, ROOT, TODAY, build_command

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(path.name for path in CORPUS.iterdir() if path.is_dir())
DELETE = ".delete"  # a corpus file `partners/malta.yaml.delete` deletes data/partners/malta.yaml

# Too big to keep in the repository: generated here (see README.md).
HUGE_FILE_BYTES = 300_000


def _huge_file(data: Path) -> None:
    file = data / "partners" / "norway.yaml"
    text = file.read_text(encoding="utf-8")
    padding = HUGE_FILE_BYTES - len(text.encode()) - 1
    file.write_text(text + "#" * padding + "\n", encoding="utf-8")


GENERATED = {"huge-file": _huge_file}


def make_data(case: str, parent: Path) -> Path:
    """parent/data: the fixture dataset with the case laid over it."""
    data = parent / "data"
    shutil.copytree(FIXTURE_DATA, data)
    folder = CORPUS / case
    for source in sorted(folder.rglob("*")):
        relative = source.relative_to(folder)
        if source.is_dir() or relative.as_posix() in ("expected.txt", "README.md"):
            continue
        if source.name.endswith(DELETE):
            target = data / relative.with_name(source.name.removesuffix(DELETE))
            assert target.is_file(), f"{case}: {relative} deletes a file the fixtures do not have"
            target.unlink()
        else:
            (data / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, data / relative)
    if case in GENERATED:
        GENERATED[case](data)
    return data


def expected(case: str) -> list[str]:
    return (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_the_corpus_is_complete():
    assert len(CASES) >= 30
    for case in CASES:
        assert (CORPUS / case / "expected.txt").is_file(), f"{case} has no expected.txt"
        assert [p for p in (CORPUS / case).iterdir() if p.name != "expected.txt"] or case in GENERATED, case


# --- 1. load_dataset -----------------------------------------------------------------------------

_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9-]*)")


@cache
def template_tags() -> set[str]:
    """The HTML tags the templates themselves write, from the unbroken fixture dataset."""
    pages = build_pages(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)
    return {tag.lower() for page in pages for tag in _TAG.findall(page.markdown)}


def assert_inert(pages, payload_files: list[Path]) -> None:
    """Data text shows as text: no tag, link, template expression or attribute of its own."""
    for page in pages:
        markdown = page.markdown
        lowered = markdown.lower()
        assert "<script" not in lowered, page.src_uri
        assert "](javascript:" not in lowered.replace(" ", ""), page.src_uri
        assert "<javascript:" not in lowered, page.src_uri
        for opening in ("{{", "{%", "{#"):  # Jinja
            assert opening not in markdown, page.src_uri
        for attributes in re.findall(r"\{:([^}]*)\}", markdown):  # attr_list: only the templates' own
            assert "alert" not in attributes, page.src_uri
            assert not re.search(r"\bon[a-z]+\s*=", attributes), page.src_uri
        assert "1337" not in markdown, page.src_uri  # {{ 7*191 }} was not evaluated
        assert {tag.lower() for tag in _TAG.findall(markdown)} <= template_tags(), page.src_uri
    # Every payload is still on a page, shown as text rather than dropped.
    everything = "\n".join(page.markdown for page in pages)
    for file in payload_files:
        for marker in re.findall(r"alert\(\d+\)", file.read_text(encoding="utf-8")):
            assert marker in everything, f"{marker} from {file.name} is not shown"


@pytest.mark.parametrize("case", CASES)
def test_case_gives_the_expected_problems(case, tmp_path):
    data = make_data(case, tmp_path)

    try:
        dataset = load_dataset(data, today=TODAY)
    except DataError as error:
        problems = [str(problem) for problem in error.problems]
    else:
        problems = []

    if os.environ.get("UPDATE_BAD_INPUTS"):
        (CORPUS / case / "expected.txt").write_text("".join(f"{line}\n" for line in problems), encoding="utf-8")
    assert problems == expected(case)
    if not problems:
        assert_inert(build_pages(dataset, today=TODAY), sorted((CORPUS / case).rglob("*.yaml")))


# --- 2. the command line --------------------------------------------------------------------------


def _check(data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    command = [sys.executable, "-m", "partnerships", "check", "--data", str(data)]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False, timeout=60)


@pytest.fixture(scope="module")
def cli_results(tmp_path_factory) -> dict[str, subprocess.CompletedProcess[str]]:
    """`python -m partnerships check` on every case, run side by side (one process each)."""
    folders = {case: make_data(case, tmp_path_factory.mktemp(case)) for case in CASES}
    with ThreadPoolExecutor(max_workers=min(16, 2 * (os.cpu_count() or 1))) as pool:
        return dict(zip(folders, pool.map(_check, folders.values()), strict=True))


@pytest.mark.parametrize("case", CASES)
def test_check_command_exits_cleanly(cli_results, case):
    result = cli_results[case]
    lines = expected(case)

    assert "Traceback" not in result.stderr
    if lines:
        assert result.returncode == 1, result.stdout
        count = f"{len(lines)} problem{'s' if len(lines) != 1 else ''}"
        assert result.stderr == f"{count} in data/:\n" + "".join(f"  {line}\n" for line in lines)
    else:
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("data/ is valid")


# --- 3. a real MkDocs build of the project -----------------------------------------------------------

MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
FINLAND = "data/partners/finland.yaml"


def _build_cases(finland: str) -> list[tuple[str, str, str, int, str]]:
    """(case, old text, new text, offset of the problem's line from the change's, message)."""
    url = re.search(r"(?m)^ +- (https?://\S+)$", finland)
    assert url, "finland.yaml lists no source"
    return [
        ("yaml-syntax", "region: europe", "region: [europe", 1, "YAML syntax error: did not find expected ',' or ']'"),
        (
            "unknown-reference",
            "framework: eapc",
            "framework: eacp",
            0,
            "unknown framework 'eacp'; did you mean 'eapc'?",
        ),
        (
            "javascript-url",
            url.group(1),
            "javascript:alert(1)",
            0,
            "'javascript:alert(1)' is not a web address; only http:// and https:// links are allowed",
        ),
    ]


INJECTION = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) <javascript:alert(4)> {{ 7*191 }}"
)


PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "data", "overrides")  # what `mkdocs build` reads


def _project(tmp_path: Path) -> Path:
    """A copy of the project that does not depend on data/milestones/, which is still being written."""
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_PARTS:
        source = ROOT / name
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__", "milestones"))
        else:
            shutil.copy(source, project / name)
    (project / "data" / "milestones").mkdir()
    # Hand-written pages may link to single milestones; point those links at the timeline.
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\]\((?:\.\./)*milestones/(?!index\.md)[^)\s]+\.md\)", "](milestones/index.md)", text))
    return project


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    command = build_command()
    return subprocess.run(command, cwd=project, env=MKDOCS_ENV, capture_output=True, text=True, check=False)


def _hashes(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


@pytest.mark.build
def test_bad_data_fails_the_mkdocs_build_and_keeps_the_site(tmp_path):
    project = _project(tmp_path)
    first = _build(project)
    assert first.returncode == 0, first.stderr
    before = _hashes(project / "site")
    finland = project / FINLAND
    original = finland.read_text(encoding="utf-8")

    for case, old, new, offset, message in _build_cases(original):
        assert old in original, case
        finland.write_text(original.replace(old, new, 1), encoding="utf-8")

        result = _build(project)

        assert result.returncode == 1, case
        assert "Traceback" not in result.stderr, case
        assert f"1 problem in data/:\n  {FINLAND}:{_line_of(original, old) + offset}: " in result.stderr, result.stderr
        assert message in result.stderr, result.stderr
        assert _hashes(project / "site") == before, case
        finland.write_text(original, encoding="utf-8")


@pytest.mark.build
def test_markup_in_data_text_builds_inert(tmp_path):
    project = _project(tmp_path)
    finland = project / FINLAND
    text = finland.read_text(encoding="utf-8")
    note = re.search(r"(?m)^  - text:\n      en: (.+)$", text)
    assert note, "finland.yaml has no note to put the payload in"
    finland.write_text(text.replace(note.group(1), f"'{INJECTION}'", 1), encoding="utf-8")

    result = _build(project)

    assert result.returncode == 0, result.stderr
    page = (project / "site" / "partners" / "finland" / "index.html").read_text(encoding="utf-8")
    assert "alert(1)" in page  # shown as text
    assert "1337" not in page  # {{ 7*191 }} was not evaluated
    for html in (project / "site").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<script>alert" not in text, html
        assert 'href="javascript:' not in text, html
        assert "<img src=x" not in text, html


@pytest.mark.build
def test_markup_in_a_name_stays_out_of_the_page_title(tmp_path):
    project = _project(tmp_path)
    finland = project / FINLAND
    text = finland.read_text(encoding="utf-8")
    assert "  en: Finland\n" in text
    finland.write_text(text.replace("  en: Finland\n", "  en: 'Finland</title><script>alert(1)</script>'\n", 1))

    result = _build(project)

    assert result.returncode == 0, result.stderr
    page = (project / "site" / "partners" / "finland" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page
    assert "<title>Finland‹/title›‹script›alert(1)‹/script› - NATO's partnerships</title>" in page
