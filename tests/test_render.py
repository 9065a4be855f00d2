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
from partnerships.citations import Citations, Footnotes
from partnerships.language import Language
from partnerships.markup import fold, json_block, link, md, md_with_code
from partnerships.render import make_environment
from partnerships.views import MilestoneRow, search_names
from support import FIXTURE_DATA, HISTORY_STATES, ROOT, TODAY, history_states

EN = Language("en")
EXPECTED = Path(__file__).parent / "fixtures" / "expected"
PAGES = {page.src_uri: page for page in build_pages(load_dataset(FIXTURE_DATA, today=TODAY), today=TODAY)}


@pytest.mark.parametrize("src_uri", sorted(PAGES))
def test_page_matches_golden_file(src_uri):
    """The history states, one long JSON attribute, are compared apart, pretty-printed in
    <page>.states.json, so that a change to them reads as a diff of a few lines."""
    markdown = PAGES[src_uri].markdown
    found = HISTORY_STATES.search(markdown)
    golden, golden_states = EXPECTED / src_uri, EXPECTED / (src_uri.removesuffix(".md") + ".states.json")
    if found:
        states = json.dumps(history_states(markdown), indent=1, ensure_ascii=False) + "\n"
        markdown = markdown.replace(found.group(1), "(see " + golden_states.name + ")")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(markdown, encoding="utf-8")
        if found:
            golden_states.write_text(states, encoding="utf-8")

    assert markdown == golden.read_text(encoding="utf-8")
    if found:
        assert states == golden_states.read_text(encoding="utf-8")
    # One element per line; only a country's outline (geometry from assets/world.json) runs long.
    long_lines = [line[:60] for line in markdown.splitlines() if len(line) > 2_000 and not line.startswith("<path d=")]
    assert not long_lines, "golden lines too long to review"


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


def test_a_description_shows_its_backticked_parts_as_code_and_escapes_the_rest():
    assert md_with_code("A name: `{en: Finland, fr: Finlande}`.") == (
        "A name: <code>{en: Finland, fr: Finlande}</code>."
    )
    assert md_with_code("`<b>` and *a* `x`") == "<code>&lt;b&gt;</code> and &#42;a&#42; <code>x</code>"
    assert md_with_code("no code here") == md("no code here")


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
    cite = Citations(Footnotes({}, EN), EN)

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

    built = markdown.markdown(PAGES[src_uri].markdown, extensions=["tables", "attr_list", "md_in_html", "footnotes"])
    for table in re.findall(r"<table>.*?</table>", built, flags=re.S):
        header = len(re.findall(r"<th\b", table.split("</thead>")[0]))
        rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], flags=re.S)
        assert [len(re.findall(r"<td\b", row)) for row in rows] == [header] * len(rows)


def test_templates_read_attributes_of_typed_views_and_fail_on_a_missing_one():
    env = make_environment()
    row = MilestoneRow(date="10 January 1994", link="[PfP](pfp.md)")

    assert env.from_string("{{ row.date }}: {{ row.link }}").render(row=row) == "10 January 1994: [PfP](pfp.md)"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ row.title }}").render(row=row)


@pytest.mark.parametrize("src_uri", ["partners/index.md", "matrix.md"])
def test_history_states_survive_markdown_as_json(src_uri):
    """The tables' states sit on a md_in_html block, which Python-Markdown re-serialises."""
    import markdown

    built = markdown.markdown(PAGES[src_uri].markdown, extensions=["tables", "attr_list", "md_in_html", "footnotes"])
    states = history_states(built)
    assert set(states["partners"]) == {
        p.removeprefix("partners/").removesuffix(".md")
        for p in PAGES
        if p.startswith("partners/") and p != "partners/index.md"
    }


@pytest.mark.parametrize(
    ("directory_urls", "sweden", "turkiye"),
    [(True, "partners/sweden/", "allies/#turkiye"), (False, "partners/sweden.html", "allies.html#turkiye")],
)
def test_search_names_give_every_framework_partner_and_ally_its_names(directory_urls, sweden, turkiye):
    dataset = load_dataset(ROOT / "data", today=TODAY)
    entries = json.loads(search_names(dataset, directory_urls=directory_urls, lang=EN))

    assert len(entries) == len(dataset.frameworks) + len(dataset.partners) + len(dataset.allies)
    by_path = {path: (title, names) for path, title, names in entries}
    assert by_path[sweden] == ("Sweden", ["Sweden", "Suède", "Kingdom of Sweden", "Sverige"])
    # An Ally that was never a partner has its row on the Allies page, found by its old name too.
    assert by_path[turkiye] == ("Türkiye", ["Türkiye", "Turkey", "Republic of Türkiye", "Turquie"])
    assert all(len(name) > 2 for _, _, names in entries for name in names)


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a & b", "<!--", "\u2028"])
def test_a_json_block_holds_no_character_that_could_end_its_element(text):
    block = json_block({"name": text})

    assert not set("<>&") & set(block)
    assert json.loads(block) == {"name": text}
