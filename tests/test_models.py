"""models.py and validate.py: dates with a precision, and every problem of a dataset listed at
once. One bad record per case, with the exact message an editor sees, lives in the corpus
(tests/bad_inputs/, run by test_bad_inputs.py)."""

from __future__ import annotations

import shutil

import pytest

from partnerships import DataError, load_dataset
from partnerships.models import PartialDate, parse_partial_date
from support import TODAY


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
