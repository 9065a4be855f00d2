"""schema.py: the JSON Schema for editors comes from the models, and the committed copy is current."""

from __future__ import annotations

import json

from partnerships.schema import SCHEMA_FILES, json_schemas
from support import ROOT

SCHEMA_DIR = ROOT / "data" / "schema"


def test_committed_schema_matches_the_models():
    for name, text in json_schemas().items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, f"data/schema/{name} is stale: run `make schema` and commit the result"


def test_schema_forbids_unknown_fields_and_requires_sources():
    partner = json.loads(json_schemas()[SCHEMA_FILES["partners"]])

    assert partner["additionalProperties"] is False
    assert "memberships" in partner["required"]
    assert partner["$defs"]["Membership"]["properties"]["sources"]["minItems"] == 1


def test_every_data_file_carries_the_schema_modeline():
    for kind, name in SCHEMA_FILES.items():
        for file in (ROOT / "data" / kind).glob("*.yaml"):
            first_line = file.read_text(encoding="utf-8").splitlines()[0]
            assert first_line == f"# yaml-language-server: $schema=../schema/{name}", file
