"""JSON Schema of the data files, and the field reference of the Data page: both generated from
the models, never written by hand."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from .models import MODELS, SLUG_PATTERN, URL_PATTERN, PartialDate, model_types_in

SCHEMA_FILES = {
    "frameworks": "framework.schema.json",
    "partners": "partner.schema.json",
    "allies": "ally.schema.json",
    "milestones": "milestone.schema.json",
    "sources": "source.schema.json",
    "policy": "source-policy.schema.json",
}
SCHEMA_SUBJECTS = {
    "frameworks": "a framework file",
    "partners": "a partner file",
    "allies": "an Ally file",
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


# --- The fields, for readers of the downloads --------------------------------------------------


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str  # "text", "date", "id", "list of Statement", "one of: a, b"...
    required: bool
    meaning: str
    parts: tuple[str, ...]  # the names of the parts (models) its type is made of


@dataclass(frozen=True)
class ModelDoc:
    name: str
    summary: str
    fields: tuple[FieldDoc, ...]


def field_reference(
    kinds: Sequence[str] = ("frameworks", "partners", "allies", "milestones", "sources"),
) -> list[ModelDoc]:
    """Every field of the records of `kinds`, then of each part they are made of (Text,
    Statement, Membership...), in the order met: what the Data page documents."""
    docs: list[ModelDoc] = []
    queue: list[type[BaseModel]] = [MODELS[kind] for kind in kinds]
    seen: set[type[BaseModel]] = set()
    while queue:
        model = queue.pop(0)
        if model in seen:
            continue
        seen.add(model)
        fields = []
        for name, info in model.model_fields.items():
            parts = model_types_in(info.annotation)
            queue += parts
            label = type_label(info.annotation, info.metadata)
            fields.append(
                FieldDoc(name, label, info.is_required(), info.description or "", tuple(p.__name__ for p in parts))
            )
        summary = " ".join((model.__doc__ or "").split())
        docs.append(ModelDoc(model.__name__, summary, tuple(fields)))
    return docs


def type_label(annotation: Any, metadata: Sequence[Any] = ()) -> str:
    """What a field holds, in a reader's words."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *more = get_args(annotation)
        return type_label(base, [*metadata, *more])
    if origin in (Union, UnionType):
        return " or ".join(type_label(arg, metadata) for arg in get_args(annotation) if arg is not type(None))
    if origin is tuple:
        return f"list of {type_label(get_args(annotation)[0])}"
    if origin is Literal:
        return "one of: " + ", ".join(str(arg) for arg in get_args(annotation))
    if annotation is PartialDate:
        return "date"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation.__name__
    patterns = [m.pattern for m in metadata if getattr(m, "pattern", None)]
    if SLUG_PATTERN in patterns:
        return "id"
    if URL_PATTERN in patterns:
        return "web address"
    return "text" if annotation is str else annotation.__name__
