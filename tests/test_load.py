"""load.py: the layout of data/, the bytes of a file, and strict YAML, each with a located
problem and never a silent coercion. Whole bad files are in tests/bad_inputs/; these tests
pin the rules one by one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from partnerships import data_files
from partnerships.data_files import KINDS, MAX_FILE_BYTES, DataFile, read_text, scan_data_dir
from partnerships.load import load_records, parse_record

SHOWN = "data/partners/x.yaml"


def _parse(text: str):
    return parse_record(text, kind="partners", shown=SHOWN, stem="x")


def _messages(text: str) -> list[str]:
    return [str(p) for p in _parse(text)[1]]


def test_dates_stay_text_and_yaml_1_2_scalars_are_typed():
    record, problems = _parse('iso: "NO"\nsince: 2004-03-29\nyear: 1994\nok: True\nno: FALSE\nnothing: ~\n')

    assert problems == []
    assert record.data == {"iso": "NO", "since": "2004-03-29", "year": 1994, "ok": True, "no": False, "nothing": None}


def test_unquoted_yaml_1_1_booleans_are_kept_as_text_but_reported():
    record, problems = _parse("iso: NO\nflag: yes\n")

    assert record.data == {"iso": "NO", "flag": "yes"}
    assert [str(p) for p in problems] == [
        'data/partners/x.yaml:1: iso: unquoted NO is read as a boolean by YAML 1.1 tools; write "NO" in quotes',
        'data/partners/x.yaml:2: flag: unquoted yes is read as a boolean by YAML 1.1 tools; write "yes" in quotes',
    ]


def test_yaml_1_1_numbers_stay_text():
    record, _ = _parse("a: 12:30\nb: 0o17\nc: 0x7CA\nd: 1_000\n")

    assert record.data == {"a": "12:30", "b": "0o17", "c": "0x7CA", "d": "1_000"}


def test_every_key_and_item_has_its_line():
    record, _ = _parse("id: x\nmemberships:\n  - framework: pfp\n    since: 1994\n  - framework: eapc\n")

    assert record.line_of(("memberships", 0, "since")) == 4
    assert record.line_of(("memberships", 0, "missing_key")) == 3
    assert record.line_of(("memberships", 1)) == 5


def test_duplicate_key_is_reported_and_first_value_kept():
    record, problems = _parse("id: x\nname: A\nname: B\n")

    assert [str(p) for p in problems] == ["data/partners/x.yaml:3: name: duplicate key (first set on line 2); keep one"]
    assert record.data["name"] == "A"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "a: &a [x, x]\nb:\n  - *a\n  - *a\n",
            [
                "data/partners/x.yaml:1: a: anchors and aliases (&, *) are not allowed; write the value out",
                "data/partners/x.yaml:3: b[0]: anchors and aliases (&, *) are not allowed; write the value out",
                "data/partners/x.yaml:4: b[1]: anchors and aliases (&, *) are not allowed; write the value out",
            ],
            id="alias-on-its-own-line",
        ),
        pytest.param(
            "? [a, b]\n: 1\n",
            ["data/partners/x.yaml:1: a key must be plain text, not a list or a mapping"],
            id="complex-key",
        ),
        pytest.param(
            "a: &x k\n? *x\n: 1\n",
            [
                "data/partners/x.yaml:1: a: anchors and aliases (&, *) are not allowed; write the value out",
                "data/partners/x.yaml:2: anchors and aliases (&, *) are not allowed; write the value out",
            ],
            id="alias-as-key",
        ),
        pytest.param(
            "c: !!int 0x7CA\n",
            ["data/partners/x.yaml:1: c: YAML tags (!!int) are not allowed; remove the tag"],
            id="tag",
        ),
        pytest.param(
            "<<: {a: 1}\n",
            ["data/partners/x.yaml:1: merge keys (<<) are not allowed; write the fields out"],
            id="merge",
        ),
        pytest.param(
            "a: 1\n---\nb: 2\n",
            ["data/partners/x.yaml:2: a second YAML document starts here; a file holds one record"],
            id="two-documents",
        ),
        pytest.param(
            "a: " + "9" * 5000 + "\n",
            ["data/partners/x.yaml:1: a: a number of 5,000 characters; no field takes one that long (quote text)"],
            id="long-number",
        ),
    ],
)
def test_yaml_that_strict_reading_refuses_yields_no_record(text, expected):
    record, problems = _parse(text)

    assert record is None
    assert [str(p) for p in problems] == expected


def test_nesting_is_limited_before_anything_deeper_is_built():
    record, problems = _parse("a: " + "[" * 300 + "]" * 300 + "\n")

    assert record is None
    assert [str(p) for p in problems] == [
        "data/partners/x.yaml:1: a[0][0][0][0][0][0][0]: nested more than 8 levels deep; a record is never that deep"
    ]


def test_an_alias_bomb_in_a_key_is_refused_without_being_built():
    # Ten levels of nine aliases each: expanded, 10^9 items.
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines.append("? [*a9, *a9]\n: v")

    record, problems = _parse("\n".join(lines) + "\n")

    assert record is None
    assert "a key must be plain text, not a list or a mapping" in "\n".join(map(str, problems))


def test_syntax_error_names_the_line():
    record, problems = _parse("id: x\nname: [unclosed\nregion: europe\n")

    assert record is None
    assert str(problems[0]).startswith("data/partners/x.yaml:3: YAML syntax error:")


def test_a_file_must_hold_one_mapping():
    assert _messages("") == ["data/partners/x.yaml:1: file is empty; it must hold one record (a mapping of fields)"]
    assert _messages("- a\n- b\n") == ["data/partners/x.yaml:1: the file must hold a mapping of fields, not a list"]
    assert _messages("~\n") == ["data/partners/x.yaml:1: the file must hold a mapping of fields, not nothing (null)"]


def _read(tmp_path: Path, content: bytes):
    file = tmp_path / "x.yaml"
    file.write_bytes(content)
    return read_text(DataFile(kind="partners", path=file, shown=SHOWN))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"\xef\xbb\xbfid: x\n",
            "data/partners/x.yaml:1: file starts with a byte-order mark; save it as UTF-8 without BOM",
        ),
        (b"id: x\n\tname: y\n", "data/partners/x.yaml:2: tab character; YAML indents with spaces only"),
        (b"id: x\nname: Caf\xe9\n", "data/partners/x.yaml:2: not valid UTF-8 (byte 0xe9); save the file as UTF-8"),
        (b"id: x\nname: a\x00b\n", "data/partners/x.yaml:2: NUL byte; this looks like a binary file, not YAML text"),
        (
            b"id: x\rname: y\r",
            "data/partners/x.yaml:1: carriage return without a line feed (old Mac line ends); save the file with LF line ends",
        ),
        (
            "id: x\n# \u202e hidden\n".encode(),
            "data/partners/x.yaml:2: invisible bidirectional control U+202E (right-to-left override); "
            "remove it (write it as an escape in a quoted string if it is meant)",
        ),
    ],
)
def test_bytes_that_yaml_or_an_editor_would_misread_are_refused(tmp_path, content, expected):
    text, problems = _read(tmp_path, content)

    assert text is None
    assert [str(p) for p in problems] == [expected]


def test_crlf_line_ends_are_fine_and_keep_line_numbers(tmp_path):
    text, problems = _read(tmp_path, b"id: x\r\nname: [y\r\nregion: europe\r\n")

    assert problems == []
    _, problems = _parse(text)
    assert str(problems[0]).startswith("data/partners/x.yaml:3: YAML syntax error")


def test_a_file_over_the_limit_is_not_read(tmp_path):
    file = tmp_path / "x.yaml"
    with file.open("wb") as handle:  # sparse: the size is known without writing the bytes
        handle.truncate(50 * MAX_FILE_BYTES)

    text, problems = read_text(DataFile(kind="partners", path=file, shown=SHOWN))

    assert text is None
    assert [str(p) for p in problems] == [
        f"data/partners/x.yaml: file is {50 * MAX_FILE_BYTES:,} bytes; a record file must stay under {MAX_FILE_BYTES:,}"
    ]


def _stat_saying(size: int):
    """os.fstat as it was before the file changed size: the race read_text must survive."""
    real_fstat = os.fstat

    def fstat(descriptor: int) -> os.stat_result:
        status = list(real_fstat(descriptor))
        status[stat.ST_SIZE] = size
        return os.stat_result(status)

    return fstat


def test_a_file_that_grew_after_its_size_was_read_is_read_whole(tmp_path, monkeypatch):
    text = "id: x\n" + "# a comment line of some length\n" * 5000  # beyond the first read and one chunk
    file = tmp_path / "x.yaml"
    file.write_text(text)
    monkeypatch.setattr(data_files.os, "fstat", _stat_saying(10))

    assert read_text(DataFile(kind="partners", path=file, shown=SHOWN)) == (text, [])


def test_a_file_that_grew_past_the_limit_after_its_size_was_read_is_refused(tmp_path, monkeypatch):
    file = tmp_path / "x.yaml"
    file.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    monkeypatch.setattr(data_files.os, "fstat", _stat_saying(10))

    text, problems = read_text(DataFile(kind="partners", path=file, shown=SHOWN))

    assert text is None
    assert [str(p) for p in problems] == [
        f"data/partners/x.yaml: file is {MAX_FILE_BYTES + 1:,} bytes; a record file must stay under {MAX_FILE_BYTES:,}"
    ]


def test_a_named_pipe_does_not_block_the_read(tmp_path):
    pipe = tmp_path / "x.yaml"
    os.mkfifo(pipe)

    text, problems = read_text(DataFile(kind="partners", path=pipe, shown=SHOWN))

    assert text is None
    assert [str(p) for p in problems] == ["data/partners/x.yaml: not a regular file; a record is a plain text file"]


def _data(tmp_path: Path) -> Path:
    for kind in KINDS:
        (tmp_path / "data" / kind).mkdir(parents=True)
    return tmp_path / "data"


def test_everything_in_data_that_is_not_read_is_reported(tmp_path):
    data = _data(tmp_path)
    (data / "partners" / "a.yaml").write_text("id: a\n")
    (data / "partners" / "b.yml").write_text("id: b\n")
    (data / "partners" / "c.YAML").write_text("id: c\n")
    (data / "partners" / "old").mkdir()
    (data / "partners" / "d.yaml").mkdir()
    (data / "partners" / "e.yaml").symlink_to("/nonexistent")
    (data / "partner").mkdir()
    (data / "finland.yaml").write_text("id: finland\n")
    (data / "partners" / ".a.yaml.swp").write_text("editor state")
    (data / "partners" / "a.yaml~").write_text("backup")

    scan = scan_data_dir(data, shown_root=tmp_path)

    assert [f.shown for f in scan.files] == ["data/partners/a.yaml"]
    assert scan.ids["partners"] == {"a", "d", "e"}
    assert [str(p) for p in scan.problems] == [
        "data/finland.yaml: a record file belongs in data/frameworks/, data/partners/, data/allies/, data/milestones/, "
        "data/sources/, data/policy/",
        "data/partner/: unknown folder; records go in data/frameworks/, data/partners/, data/allies/, data/milestones/, "
        "data/sources/, data/policy/",
        "data/partners/b.yml: rename the file to b.yaml (the build reads *.yaml only)",
        "data/partners/c.YAML: rename the file to c.yaml (the build reads *.yaml only)",
        "data/partners/d.yaml/: is a folder, not a record file",
        "data/partners/e.yaml: symbolic link; links are not followed, put the file itself here",
        "data/partners/old/: sub-folder; records in sub-folders are not read, move them to data/partners/",
    ]


def test_records_come_from_each_kind_folder(tmp_path):
    data = _data(tmp_path)
    (data / "partners" / "a.yaml").write_text("id: a\n")
    (data / "frameworks" / "f.yaml").write_text("id: f\n")

    loaded = load_records(data)

    assert [(r.kind, r.path, r.data) for r in loaded.records] == [
        ("frameworks", "data/frameworks/f.yaml", {"id": "f"}),
        ("partners", "data/partners/a.yaml", {"id": "a"}),
    ]
    assert loaded.problems == []


def test_a_missing_kind_folder_is_reported(tmp_path):
    data = _data(tmp_path)
    (data / "milestones").rmdir()

    assert [str(p) for p in load_records(data).problems] == [
        "data/milestones/: folder is missing; create it, even empty"
    ]
