"""editions.py: each edition's hand-written pages, and the way from one edition to another."""

from __future__ import annotations

from partnerships.editions import handwritten_pages, root_from, translation_of

DOCS = ["about.md", "about.fr.md", "editing.md", "editing.fr.md", "notes/x.md", "notes/x.fr.md"]


def test_a_translation_is_named_after_its_original():
    assert translation_of("about.fr.md") == ("about.md", "fr")
    assert translation_of("notes/x.fr.md") == ("notes/x.md", "fr")
    assert translation_of("about.md") is None
    assert translation_of(".fr.md") is None


def test_english_leaves_the_translations_out():
    pages, problems = handwritten_pages(DOCS, "en")
    assert problems == []
    assert pages.left_out == {"about.fr.md", "editing.fr.md", "notes/x.fr.md"}
    assert pages.served_at == {}


def test_french_serves_each_translation_at_the_original_address():
    pages, problems = handwritten_pages(DOCS, "fr")
    assert problems == []
    assert pages.served_at == {"about.md": "about.fr.md", "editing.md": "editing.fr.md", "notes/x.md": "notes/x.fr.md"}
    assert pages.left_out == set(DOCS)  # the originals give way to the translations served in their place


def test_a_page_in_one_language_only_is_a_problem_for_both_editions():
    for lang in ("en", "fr"):
        _, problems = handwritten_pages(["about.md", "about.fr.md", "editing.md", "old.fr.md"], lang)
        assert [str(p) for p in problems] == [
            "docs/editing.md: has no fr twin; write docs/editing.fr.md",
            "docs/old.fr.md: translates docs/old.md, which does not exist",
        ]


def test_each_edition_reaches_the_others_root():
    assert (root_from("en", "fr"), root_from("fr", "en"), root_from("fr", "fr"), root_from("en", "en")) == (
        "fr/",
        "../",
        "",
        "",
    )
