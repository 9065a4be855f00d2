"""JSON Schema of the data files, generated from the models (never written by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from .models import MODELS

SCHEMA_FILES = {
    "frameworks": "framework.schema.json",
    "partners": "partner.schema.json",
    "milestones": "milestone.schema.json",
    "sources": "source.schema.json",
    "policy": "source-policy.schema.json",
}
SCHEMA_SUBJECTS = {
    "frameworks": "a framework file",
    "partners": "a partner file",
    "milestones": "a milestone file",
    "sources": "a source file",
    "policy": "the source policy file",
}


def json_schemas() -> dict[str, str]:
    """File name -> JSON text of the schema for each kind of data file."""
    out = {}
    for kind, model in MODELS.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        out[SCHEMA_FILES[kind]] = json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return out


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
