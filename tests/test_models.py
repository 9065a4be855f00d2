"""models.py: one test per kind of bad record, asserting the exact message an editor sees."""

from __future__ import annotations

import shutil

import pytest

from partnerships import DataError, load_dataset
from partnerships.models import PartialDate, parse_partial_date
from support import TODAY

NORWAY = "partners/norway.yaml"
NORWAY_SOURCE = "sources/example-norway-alpha.yaml"

BAD_RECORDS = [
    pytest.param(
        NORWAY,
        "region: europe",
        "region: [europe",
        ["data/partners/norway.yaml:7: YAML syntax error: did not find expected ',' or ']'"],
        id="yaml-syntax",
    ),
    pytest.param(
        NORWAY,
        "region: europe",
        "region: europe\nreigon: europe",
        [
            "data/partners/norway.yaml:7: reigon: unknown field (did you mean 'region'?); allowed: aliases, id, iso, "
            "memberships, name, nato_accession, notes, region, reviewed, summary, type"
        ],
        id="unknown-field",
    ),
    pytest.param(
        NORWAY,
        "reviewed: 2026-11-01\n",
        "",
        ["data/partners/norway.yaml:1: reviewed: required field is missing"],
        id="missing-field",
    ),
    pytest.param(
        NORWAY,
        "aliases: [Noreg]",
        "aliases: Noreg",
        ["data/partners/norway.yaml:3: aliases: expected a list, got the text 'Noreg'"],
        id="wrong-type",
    ),
    pytest.param(
        NORWAY,
        "region: europe",
        "region: europe\nregion: gulf",
        ["data/partners/norway.yaml:7: region: duplicate key (first set on line 6); keep one"],
        id="duplicate-key",
    ),
    pytest.param(
        NORWAY,
        'iso: "NO"',
        "iso: NO",
        ['data/partners/norway.yaml:4: iso: unquoted NO is read as a boolean by YAML 1.1 tools; write "NO" in quotes'],
        id="yaml-trap-NO",
    ),
    pytest.param(
        NORWAY,
        "region: europe",
        "region: europa",
        [
            "data/partners/norway.yaml:6: region: 'europa' is not allowed; use 'europe', 'south-caucasus', 'central-asia', "
            "'north-africa', 'middle-east', 'gulf', 'asia-pacific', 'south-asia', 'latin-america' or 'international'"
        ],
        id="closed-vocabulary",
    ),
    pytest.param(
        NORWAY,
        "since: 1994-05-09",
        "since: 1994-02-30",
        [
            "data/partners/norway.yaml:12: memberships[0].since: '1994-02-30' is not a real date (day is out of range for month)"
        ],
        id="impossible-date",
    ),
    pytest.param(
        NORWAY,
        "since: 1994-05-09",
        "since: 9 May 1994",
        [
            "data/partners/norway.yaml:12: memberships[0].since: '9 May 1994' is not a date; write YYYY-MM-DD, YYYY-MM or YYYY"
        ],
        id="date-format",
    ),
    pytest.param(
        NORWAY_SOURCE,
        "url: https://example.org/norway/alpha",
        "url: javascript:alert(1)",
        [
            "data/sources/example-norway-alpha.yaml:2: url: 'javascript:alert(1)' is not a web address; "
            "only http:// and https:// links are allowed"
        ],
        id="javascript-url",
    ),
    pytest.param(
        NORWAY_SOURCE,
        "url: https://example.org/norway/alpha",
        "url: example.org/x",
        [
            "data/sources/example-norway-alpha.yaml:2: url: 'example.org/x' is not a web address; "
            "only http:// and https:// links are allowed"
        ],
        id="url-without-scheme",
    ),
    pytest.param(
        NORWAY,
        "sources: [example-norway-alpha]",
        "sources: [https://example.org/norway/alpha]",
        [
            "data/partners/norway.yaml:15: memberships[0].sources[0]: 'https://example.org/norway/alpha' is an "
            "address; sources lists ids of records in data/sources/: cite the id of the record with this url, "
            "or create one"
        ],
        id="address-instead-of-source-id",
    ),
    pytest.param(
        NORWAY,
        "sources: [example-norway-alpha]",
        "sources: [example-norway-alfa]",
        [
            "data/partners/norway.yaml:15: memberships[0].sources[0]: unknown source 'example-norway-alfa'; "
            "did you mean 'example-norway-alpha'?"
        ],
        id="unknown-source-id",
    ),
    pytest.param(
        NORWAY,
        'iso: "NO"',
        'iso: "Norway"',
        [
            "data/partners/norway.yaml:4: iso: 'Norway' is not an ISO 3166-1 alpha-2 code; use two capital letters, e.g. \"FI\""
        ],
        id="iso-code",
    ),
    pytest.param(
        NORWAY,
        "id: norway",
        "id: ../norway",
        [
            "data/partners/norway.yaml:1: id: '../norway' is not an id; use lower-case letters, digits and hyphens, "
            "e.g. north-macedonia"
        ],
        id="path-like-id",
    ),
    pytest.param(
        "frameworks/alpha.yaml",
        "reviewed: 2026-11-01",
        "reviewed: 2026-11",
        ["data/frameworks/alpha.yaml:19: reviewed: 2026-11 must be a full date (YYYY-MM-DD)"],
        id="review-date-precision",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BAD_RECORDS)
def test_bad_record_gives_exact_message(data_dir, file, old, new, expected):
    path = data_dir / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))

    with pytest.raises(DataError) as caught:
        load_dataset(data_dir, today=TODAY)

    assert [str(p) for p in caught.value.problems] == expected


def test_every_problem_is_listed_at_once(data_dir):
    for name in ("norway", "malta"):
        path = data_dir / "partners" / f"{name}.yaml"
        path.write_text(path.read_text().replace("region: europe", "region: europa"))

    with pytest.raises(DataError) as caught:
        load_dataset(data_dir, today=TODAY)

    assert [p.file for p in caught.value.problems] == ["data/partners/malta.yaml", "data/partners/norway.yaml"]
    assert caught.value.report().startswith("2 problems in data/:\n  data/partners/malta.yaml:5: region:")


def test_duplicate_id_in_two_files_is_reported(data_dir):
    shutil.copy(data_dir / "partners" / "norway.yaml", data_dir / "partners" / "norway-2.yaml")

    with pytest.raises(DataError) as caught:
        load_dataset(data_dir, today=TODAY)

    assert [str(p) for p in caught.value.problems] == [
        "data/partners/norway-2.yaml:1: id: id 'norway' must match the file name; rename the file to norway.yaml or change the id",
        "data/partners/norway.yaml:1: id: id 'norway' is already used by data/partners/norway-2.yaml",
        "data/partners/norway.yaml:4: iso: ISO code NO is already used by data/partners/norway-2.yaml",
    ]


@pytest.mark.parametrize(
    ("raw", "expected", "human"),
    [
        ("2004-03-29", PartialDate(2004, 3, 29), "29 March 2004"),
        ("2014-09", PartialDate(2014, 9), "September 2014"),
        (1994, PartialDate(1994), "1994"),
        ("1994", PartialDate(1994), "1994"),
    ],
)
def test_partial_dates_keep_their_precision(raw, expected, human):
    assert parse_partial_date(raw) == expected
    assert expected.human() == human


def test_french_dates():
    assert PartialDate(2008, 4, 1).human("fr") == "1er avril 2008"
