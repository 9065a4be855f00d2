"""The single schema: typed, frozen models of frameworks, partners and milestones.

Raw records from load.py become models here; every pydantic error becomes a Problem that names
the file, the line and the field. The JSON Schema for editors is generated from these classes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)

from .load import RawRecord
from .problems import Problem, shown
from .text import text_problem
from .urls import parse_web_address

# --- Dates with a precision ------------------------------------------------------------------

MONTHS = {
    "en": [calendar.month_name[m] for m in range(1, 13)],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only; fullmatch
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year (`2004-03-29`, `2014-09`, `1994`)."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Literal["day", "month", "year"]:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def order(self) -> tuple[int, int, int]:
        """Sort key: a date known only to the year or month sorts after every day it may be,
        so that '1994' (the Mediterranean Dialogue, decided at the end of the year) never
        comes before '1994-01-10' (the Partnership for Peace)."""
        return (self.year, self.month or 13, self.day or 32)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"

    def human(self, lang: str = "en") -> str:
        """'9 May 1994', 'September 2014' or '1994'."""
        if not self.month:
            return str(self.year)
        month = MONTHS[lang][self.month - 1]
        if not self.day:
            return f"{month} {self.year}"
        day = "1er" if lang == "fr" and self.day == 1 else str(self.day)
        return f"{day} {month} {self.year}"


def parse_partial_date(value: Any) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"expected a date such as 2004-03-29, 2014-09 or 1994, got {_describe(value)}")
    match = _DATE.fullmatch(value)
    if not match:
        raise ValueError(f"{shown(value)} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"{shown(value)} is not a real date ({error})") from None
    return PartialDate(year, month, day)


Date = Annotated[
    PartialDate,
    PlainValidator(parse_partial_date),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": DATE_PATTERN},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "YYYY-MM-DD, YYYY-MM or YYYY",
        }
    ),
]


def _day_precision(value: PartialDate) -> PartialDate:
    if value.precision != "day":
        raise ValueError(f"{value} must be a full date (YYYY-MM-DD)")
    return value


DayDate = Annotated[Date, AfterValidator(_day_precision)]


# --- Small value types ------------------------------------------------------------------------


def _web_address(value: str) -> str:
    parse_web_address(value)  # raises ValueError with the reason
    return value


def _plain_text(*, single_line: bool) -> AfterValidator:
    """The text rules of text.py as a validator: refuse what no reader needs, with its position."""

    def check(value: str) -> str:
        problem = text_problem(value, single_line=single_line)
        if problem:
            raise ValueError(problem)
        return value

    return AfterValidator(check)


URL_PATTERN = r"^https?://"  # for editors' schema; urls.py checks the whole address
Url = Annotated[str, StringConstraints(pattern=URL_PATTERN), AfterValidator(_web_address)]
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# Text a reader sees: a sentence or paragraph (`Line`), or a name or title (`NameLine`), which
# must also hold no line break and no invisible character.
Line = Annotated[str, StringConstraints(min_length=1, max_length=2000, pattern=r"\S"), _plain_text(single_line=False)]
NameLine = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"\S"), _plain_text(single_line=True)]
# Records cite sources by the id of a data/sources/<id>.yaml record.
Sources = Annotated[tuple[Slug, ...], Field(min_length=1, description="ids of records in data/sources/")]


class Model(BaseModel):
    # Lax mode is safe here: pydantic v2 never turns a number or boolean into text, and the
    # schema has no bool or number fields that could swallow a YAML `yes` or `1.10`.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Model):
    """Text in English, optionally in French: `{en: ..., fr: ...}`."""

    en: Line
    fr: Line | None = None


class Name(Model):
    """A name or title in English, optionally in French: `{en: Finland, fr: Finlande}`."""

    en: NameLine
    fr: NameLine | None = None


# What a reader needs to know when no acceptable source confirms a fact (see checks.py's policy).
Unverified = Annotated[Text | None, Field(description="what no acceptable source confirms, in plain words for readers")]


class Statement(Model):
    """A sentence of fact and the sources that back it."""

    text: Text
    sources: Sources
    unverified: Unverified = None


class Event(Model):
    date: Date | None
    event: Text
    sources: Sources
    unverified: Unverified = None


Region = Literal[
    "europe",
    "south-caucasus",
    "central-asia",
    "north-africa",
    "middle-east",
    "gulf",
    "asia-pacific",
    "south-asia",
    "latin-america",
    "international",
]
REGION_NAMES: dict[str, Name] = {
    "europe": Name(en="Europe", fr="Europe"),
    "south-caucasus": Name(en="South Caucasus", fr="Caucase du Sud"),
    "central-asia": Name(en="Central Asia", fr="Asie centrale"),
    "north-africa": Name(en="North Africa", fr="Afrique du Nord"),
    "middle-east": Name(en="Middle East", fr="Moyen-Orient"),
    "gulf": Name(en="Gulf", fr="Golfe"),
    "asia-pacific": Name(en="Asia-Pacific", fr="Asie-Pacifique"),
    "south-asia": Name(en="South Asia", fr="Asie du Sud"),
    "latin-america": Name(en="Latin America", fr="Amérique latine"),
    "international": Name(en="International organisation", fr="Organisation internationale"),
}
StatusValue = Literal["active", "suspended", "dormant", "replaced"]
# Map colours, in priority order: a partner in several frameworks takes the first group it has.
MAP_GROUPS = ("euro-atlantic", "mediterranean", "gulf", "global")
MapGroup = Literal["euro-atlantic", "mediterranean", "gulf", "global"]


# --- Records ------------------------------------------------------------------------------------


class Status(Model):
    value: StatusValue
    since: Date | None = None
    text: Text
    sources: Sources
    unverified: Unverified = None


class Predecessor(Model):
    name: Name
    created: Date | None = None
    text: Text
    sources: Sources
    unverified: Unverified = None


class Framework(Model):
    """data/frameworks/<id>.yaml: one partnership framework."""

    id: Slug
    name: Name
    acronym: Name | None = None
    aliases: tuple[NameLine, ...] = Field(default=(), description="other names and spellings readers search for")
    launched: Event
    status: Status
    replaced_by: Slug | None = None
    map_group: MapGroup | None = Field(
        default=None, description="the colour its members get on the map; omit for frameworks that do not colour it"
    )
    predecessor: Predecessor | None = None
    description: Statement
    notes: tuple[Statement, ...] = ()
    reviewed: DayDate


class Suspension(Model):
    since: Date
    text: Text
    sources: Sources
    unverified: Unverified = None


class Membership(Model):
    framework: Slug
    since: Date | None = Field(description="null when no source gives a start date")
    until: Date | None = None
    end_reason: Text | None = None
    suspended: Suspension | None = None
    note: Text | None = None
    sources: Sources
    unverified: Unverified = None


class Accession(Model):
    date: DayDate
    text: Text | None = None
    sources: Sources
    unverified: Unverified = None


class Partner(Model):
    """data/partners/<id>.yaml: a state or organisation that is or was a partner."""

    id: Slug
    name: Name
    aliases: tuple[NameLine, ...] = ()
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    type: Literal["state", "organisation"]
    region: Region
    summary: Statement | None = Field(default=None, description="the relationship with NATO in a few sentences")
    nato_accession: Accession | None = None
    memberships: Annotated[tuple[Membership, ...], Field(min_length=1)]
    notes: tuple[Statement, ...] = ()
    reviewed: DayDate


class Milestone(Model):
    """data/milestones/<id>.yaml: one dated event."""

    id: Slug
    date: Date
    end_date: Date | None = None
    title: Name
    summary: Text
    frameworks: tuple[Slug, ...] = ()
    partners: tuple[Slug, ...] = ()
    seed: Text | None = Field(default=None, description="what the 2017 source page said about it, if anything")
    sources: Sources
    unverified: Unverified = None
    reviewed: DayDate


SourceKind = Literal["official", "reference", "media", "state-media"]
HOST_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"


class Source(Model):
    """data/sources/<id>.yaml: one page or document that records cite by its id."""

    id: Slug
    url: Url
    title: Name
    publisher: Name
    kind: SourceKind = Field(
        description="official: NATO, the EU, governments, parliaments, treaties; reference: encyclopaedias "
        "and peer-reviewed work; media: independent news organisations; state-media: media a state controls"
    )
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = Field(
        description="ISO 639-1 code of the page's language, e.g. en or fr"
    )
    date: Date | None = Field(default=None, description="publication date, or the update date of the version read")
    archived: Url | None = Field(default=None, description="an archived copy of the same page")
    checked: DayDate = Field(description="the day a person read the page and confirmed what it is cited for")


class RefusedHost(Model):
    host: Annotated[str, StringConstraints(pattern=HOST_PATTERN, max_length=253)]
    what: NameLine = Field(description="what kind of site it is, e.g. blog platform, wiki mirror")


class SourcePolicy(Model):
    """data/policy/sources.yaml: the hosts whose pages may not be cited, with why."""

    id: Literal["sources"]
    refused_hosts: tuple[RefusedHost, ...]


MODELS: dict[str, type[Model]] = {
    "frameworks": Framework,
    "partners": Partner,
    "milestones": Milestone,
    "sources": Source,
    "policy": SourcePolicy,
}


# --- Raw records -> models ----------------------------------------------------------------------


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
        message = f"expected {wanted}, got {_describe(value)}"
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


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return f"the text {shown(value)}"


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> set[str]:
    """Names of the fields allowed at `loc` inside `model` (for did-you-mean messages)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return set()
        current = _inner_model(field.annotation)
    return set(current.model_fields) if _is_model(current) else set()


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _inner_model(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    origin = get_origin(annotation)
    if origin is Annotated:
        return _inner_model(get_args(annotation)[0])
    for arg in get_args(annotation) if origin in (tuple, Union) or origin is not None else ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
