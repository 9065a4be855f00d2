"""load.py: strict YAML reading, with a line for every key and no silent coercions."""

from __future__ import annotations

from pathlib import Path

from partnerships.load import load_file, load_records


def _load(tmp_path: Path, text: str | bytes):
    file = tmp_path / "x.yaml"
    file.write_bytes(text if isinstance(text, bytes) else text.encode())
    return load_file(file, kind="partners", shown="data/partners/x.yaml")


def test_dates_stay_text_and_only_true_false_are_booleans(tmp_path):
    record, problems = _load(tmp_path, 'iso: "NO"\nsince: 2004-03-29\nyear: 1994\nok: true\n')

    assert problems == []
    assert record.data == {"iso": "NO", "since": "2004-03-29", "year": 1994, "ok": True}


def test_unquoted_yaml_1_1_booleans_are_kept_as_text_but_reported(tmp_path):
    record, problems = _load(tmp_path, "iso: NO\nflag: yes\n")

    assert record.data == {"iso": "NO", "flag": "yes"}
    assert [str(p) for p in problems] == [
        'data/partners/x.yaml:1: iso: unquoted NO is read as a boolean by YAML 1.1 tools; write "NO" in quotes',
        'data/partners/x.yaml:2: flag: unquoted yes is read as a boolean by YAML 1.1 tools; write "yes" in quotes',
    ]


def test_sexagesimal_and_octal_numbers_stay_text(tmp_path):
    record, _ = _load(tmp_path, "a: 12:30\nb: 0o17\n")

    assert record.data == {"a": "12:30", "b": "0o17"}


def test_every_key_has_its_line(tmp_path):
    record, _ = _load(tmp_path, "id: x\nmemberships:\n  - framework: pfp\n    since: 1994\n")

    assert record.line_of(("memberships", 0, "since")) == 4
    assert record.line_of(("memberships", 0, "missing_key")) == 3


def test_duplicate_key_is_reported_and_first_value_kept(tmp_path):
    record, problems = _load(tmp_path, "id: x\nname: A\nname: B\n")

    assert [str(p) for p in problems] == ["data/partners/x.yaml:3: name: duplicate key (first set on line 2); keep one"]
    assert record.data["name"] == "A"


def test_alias_is_refused_so_bombs_cannot_expand(tmp_path):
    text = "a: &a [x, x, x]\nb: [*a, *a, *a]\n"

    _, problems = _load(tmp_path, text)

    assert "anchors and aliases (&, *) are not allowed" in str(problems[0])


def test_syntax_error_names_the_line(tmp_path):
    record, problems = _load(tmp_path, "id: x\nname: [unclosed\nregion: europe\n")

    assert record is None
    assert str(problems[0]).startswith("data/partners/x.yaml:3: YAML syntax error:")


def test_empty_file_bom_tabs_and_bad_encoding_are_problems(tmp_path):
    cases = {
        "": "data/partners/x.yaml:1: file is empty; it must hold one record (a mapping of fields)",
        "\ufeffid: x\n": "data/partners/x.yaml:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
        "id: x\n\tname: y\n": "data/partners/x.yaml:2: tab character; YAML indents with spaces only",
        b"id: x\nname: Caf\xe9\n": "data/partners/x.yaml:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8",
        "- a\n- b\n": "data/partners/x.yaml:1: the file must hold a mapping of fields, not a list",
    }
    for text, expected in cases.items():
        assert [str(p) for p in _load(tmp_path, text)[1]] == [expected]


def test_records_come_from_each_kind_folder(tmp_path):
    for kind in ("frameworks", "partners", "milestones"):
        (tmp_path / "data" / kind).mkdir(parents=True)
    (tmp_path / "data" / "partners" / "a.yaml").write_text("id: a\n")
    (tmp_path / "data" / "partners" / "b.yml").write_text("id: b\n")

    records, problems = load_records(tmp_path / "data")

    assert [(r.kind, r.path) for r in records] == [("partners", "data/partners/a.yaml")]
    assert [str(p) for p in problems] == ["data/partners/b.yml: rename the file to .yaml (the build reads *.yaml only)"]


def test_text_with_an_ampersand_loads_like_any_other(tmp_path):
    # "&" may start an anchor, so such files take the careful path; the result must not differ.
    record, problems = _load(tmp_path, 'name: "R&D & training"\nnote: Q&A\nlist: [a, b]\n')

    assert problems == []
    assert record.data == {"name": "R&D & training", "note": "Q&A", "list": ["a", "b"]}
    assert record.line_of(("list",)) == 3
