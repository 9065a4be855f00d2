"""Raw records -> models: each record validated against its model in models.py, every pydantic
error turned into a Problem that names the file, the line and the field in an editor's words."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from .load import RawRecord
from .models import MODELS, SLUG_PATTERN, URL_PATTERN, Model, model_types_in
from .problems import Problem, describe, shown


def to_models(records: Iterable[RawRecord]) -> tuple[list[tuple[RawRecord, Model]], list[Problem]]:
    """Validate each record against its model; collect every error as a Problem."""
    valid: list[tuple[RawRecord, Model]] = []
    problems: list[Problem] = []
    for record in records:
        model = MODELS[record.kind]
        try:
            valid.append((record, model.model_validate(record.data)))
        except ValidationError as error:
            details = error.errors(include_url=False)
            problems += [_problem(record, model, d) for d in details if not _echo_of_item_error(d, details)]
    return valid, problems


def _problem(record: RawRecord, model: type[Model], detail: Any) -> Problem:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    if "sources" in loc and isinstance(value, str) and value.lower().startswith(("http://", "https://")):
        message = (
            f"{shown(value)} is an address; sources lists ids of records in data/sources/: "
            "cite the id of the record with this url, or create one"
        )
    elif kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        name = " (an empty key)" if loc[-1] == "" else _did_you_mean(str(loc[-1]), allowed)
        message = f"unknown field{name}; allowed: {', '.join(allowed)}"
    elif kind == "missing":
        message = "required field is missing"
    elif isinstance(value, bool) and kind in ("string_type", "literal_error", "string_pattern_mismatch"):
        message = (
            f"got the boolean {str(value).lower()}: YAML reads unquoted yes/no/on/off/NO as booleans; "
            "put the value in quotes"
        )
    elif isinstance(value, float) and kind == "string_type":
        message = f"got the number {value!r}: YAML reads 1.10 as 1.1; put the value in quotes"
    elif kind == "literal_error":
        message = f"{shown(value)} is not allowed; {detail['msg'].replace('Input should be', 'use')}"
    elif kind == "string_pattern_mismatch" and _pattern_of(detail) == URL_PATTERN:
        if value.lower().startswith(("http://", "https://")):
            message = f"{shown(value)} starts with an upper-case scheme; write http:// or https:// in lower case"
        else:
            message = f"{shown(value)} is not a web address; only http:// and https:// links are allowed"
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "iso":
        message = f'{shown(value)} is not an ISO 3166-1 alpha-2 code; use two capital letters, e.g. "FI"'
    elif kind == "string_pattern_mismatch" and _pattern_of(detail) == SLUG_PATTERN:
        message = f"{shown(value)} is not an id; use lower-case letters, digits and hyphens, e.g. north-macedonia"
    elif kind in ("string_type", "model_type", "tuple_type", "dict_type"):
        wanted = {
            "string_type": "text",
            "model_type": "a mapping of fields",
            "tuple_type": "a list",
            "dict_type": "a mapping of fields",
        }[kind]
        message = f"expected {wanted}, got {describe(value)}"
    elif kind == "string_too_long":
        limit = (detail.get("ctx") or {}).get("max_length", 0)
        message = f"text of {len(value):,} characters; at most {limit:,} are allowed here"
    elif kind == "too_short" and isinstance(value, (list, tuple)):
        message = "needs at least one entry"
    else:
        message = detail["msg"].removeprefix("Value error, ")
    return record.problem(loc, message)


def _echo_of_item_error(detail: Any, details: list[Any]) -> bool:
    # A list whose only item is invalid also fails its min_length; the item error says it all.
    loc = detail["loc"]
    return detail["type"] == "too_short" and any(
        len(d["loc"]) > len(loc) and d["loc"][: len(loc)] == loc for d in details
    )


def _pattern_of(detail: Any) -> str | None:
    return (detail.get("ctx") or {}).get("pattern")


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """Names of the fields allowed at `loc` inside `model` (for did-you-mean messages)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if current else None
        if field is None:
            return set()
        inner = model_types_in(field.annotation)
        current = inner[0] if inner else None
    return set(current.model_fields) if current else set()
