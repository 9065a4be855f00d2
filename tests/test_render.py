"""render.py: golden pages from the fixture dataset, and escaping of data text.

Golden files live in tests/fixtures/expected/. After an intended change, regenerate them with
`UPDATE_GOLDEN=1 pytest tests/test_render.py` and review the diff before committing.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jinja2
import pytest

from partnerships import build_pages, load_dataset
from partnerships.models import Name
from partnerships.render import Citations, fold, link, make_environment, md
from support import FIXTURE_DATA, TODAY

EXPECTED = Path(__file__).parent / "fixtures" / "expected"
PAGES = {page.src_uri: page for page in build_pages(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)}


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_page_matches_golden_file(src_uri):
    golden = EXPECTED / src_uri
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(PAGES[src_uri].markdown, encoding="utf-8")

    assert PAGES[src_uri].markdown == golden.read_text(encoding="utf-8")


def test_page_metadata_matches_golden_file():
    golden = EXPECTED / "meta.json"
    meta = {src_uri: page.meta for src_uri, page in sorted(PAGES.items()) if page.meta}
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    assert meta == json.loads(golden.read_text(encoding="utf-8"))


def test_no_golden_file_is_left_over():
    golden = {p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md")}

    assert golden == set(PAGES)


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_markdown_starts_with_its_heading_so_no_line_reads_as_metadata(src_uri):
    # MkDocs reads a page's first lines as YAML front matter or as "key: value" metadata.
    assert PAGES[src_uri].markdown.startswith("# ")


def test_entity_pages_name_their_yaml_file_and_index_pages_none():
    assert PAGES["partners/malta.md"].source_file == "data/partners/malta.yaml"
    assert PAGES["partners/index.md"].source_file is None


def test_markup_in_data_text_is_escaped():
    escaped = md('<script>alert(1)</script> [x](javascript:y) *a* | {: onclick="z"} &amp;')

    for character in "<[|*{":
        assert character not in escaped
    assert escaped.startswith("&#60;script&#62;")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. not a list", "1&#46; not a list"),
        ("1994) a year", "1994&#41; a year"),
        ("- not a list", "&#45; not a list"),
        ("+ not a list", "&#43; not a list"),
        ("===", "&#61;=="),
        ("---", "&#45;--"),
        ("-5 degrees", "-5 degrees"),
        ("1.5 million", "1.5 million"),
        ("2004 enlargement", "2004 enlargement"),
    ],
)
def test_text_that_starts_a_line_cannot_open_a_list_or_a_rule(text, expected):
    assert md(text) == expected


def test_newlines_fold_so_text_cannot_break_a_table_row():
    assert md("one\n| two |\n\nthree") == "one &#124; two &#124; three"


def test_citations_number_sources_in_order_of_first_use():
    cite = Citations({})

    first = cite(["a-1", "b-2"])
    again = cite(["a-1"])

    assert (first, again) == ("[^1]<sup>,</sup>[^2]", "[^1]")
    assert list(cite._numbers.values()) == [1, 2]


def test_relative_links_between_generated_pages():
    assert link("partners/malta.md", "frameworks/pfp.md", "PfP") == "[PfP](../frameworks/pfp.md)"
    assert link("index.md", "frameworks/pfp.md", "PfP") == "[PfP](frameworks/pfp.md)"


def test_fold_removes_accents_for_search():
    assert fold("Bahreïn, Émirats, Türkiye") == "Bahrein, Emirats, Turkiye"


@pytest.mark.parametrize("src_uri", ["partners/index.md", "matrix.md", "frameworks/index.md", "partners/bahrain.md"])
def test_every_table_row_has_as_many_cells_as_its_header(src_uri):
    import markdown

    html = markdown.markdown(PAGES[src_uri].markdown, extensions=["tables", "attr_list", "md_in_html", "footnotes"])
    for table in re.findall(r"<table>.*?</table>", html, flags=re.S):
        header = len(re.findall(r"<th\b", table.split("</thead>")[0]))
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
        assert [len(re.findall(r"<td\b", row)) for row in rows] == [header] * len(rows)


def test_templates_read_view_keys_and_still_fail_on_a_missing_one():
    env = make_environment()
    template = env.from_string("{{ page.title }} {{ page.items | length }} {{ model.en }}")

    assert template.render(page={"title": "Finland", "items": [1, 2]}, model=Name(en="Finland")) == "Finland 2 Finland"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ page.missing }}").render(page={"title": "Finland"})
