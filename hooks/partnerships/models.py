"""The single schema: typed, frozen models of frameworks, partners, milestones and sources.

validate.py turns raw records into these models; the editors' JSON Schema is generated from
them (schema.py). Allowed values come from vocabulary.py."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from .problems import describe, shown
from .text import text_problem
from .urls import parse_web_address
from .vocabulary import MONTHS, FrameworkMapGroup, Region, SourceKind, StatusValue

# --- Dates with a precision ------------------------------------------------------------------

# ASCII digits only: the same pattern in the editors' JSON Schema (where \d is ASCII too).
DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_DATE = re.compile(DATE_PATTERN)


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

    @functools.cached_property  # asked tens of thousands of times by history.py's rules
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
        raise ValueError(f"expected a date such as 2004-03-29, 2014-09 or 1994, got {describe(value)}")
    if not _DATE.fullmatch(value):
        raise ValueError(f"{shown(value)} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = [*map(int, value.split("-")), None, None][:3]
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

    en: Line = Field(description="the text in English")
    fr: Line | None = Field(default=None, description="the text in French, in NATO's own terms")

    def in_language(self, code: str) -> str:
        """The text in `code` ('en' or 'fr'); the English where no French is given."""
        return (self.fr or self.en) if code == "fr" else self.en


class Name(Model):
    """A name or title in English, optionally in French: `{en: Finland, fr: Finlande}`."""

    en: NameLine = Field(description="in English")
    fr: NameLine | None = Field(default=None, description="in French, NATO's own French name where it has one")

    def in_language(self, code: str) -> str:
        """The name in `code` ('en' or 'fr'); the English where no French is given."""
        return (self.fr or self.en) if code == "fr" else self.en


# What a reader needs to know when no acceptable source confirms a fact (see checks.py's policy).
Unverified = Annotated[Text | None, Field(description="what no acceptable source confirms, in plain words for readers")]


class Statement(Model):
    """A sentence of fact and the sources that back it."""

    text: Text = Field(description="the fact, in a sentence or a few")
    sources: Sources
    unverified: Unverified = None


class Event(Model):
    """Something that happened on a date, and the sources that give it."""

    date: Date | None = Field(description="when; null when no source gives it")
    event: Text = Field(description="what happened")
    sources: Sources
    unverified: Unverified = None


# --- Records ------------------------------------------------------------------------------------


class Status(Model):
    """Where a framework stands today."""

    value: StatusValue = Field(description="where the framework stands")
    since: Date | None = Field(default=None, description="since when")
    text: Text = Field(description="the status in a sentence")
    sources: Sources
    unverified: Unverified = None


class Predecessor(Model):
    """The body a framework took over from."""

    name: Name = Field(description="its name")
    created: Date | None = Field(default=None, description="when it was set up")
    text: Text = Field(description="what it was, and what became of it")
    sources: Sources
    unverified: Unverified = None


class Framework(Model):
    """data/frameworks/<id>.yaml: one partnership framework."""

    id: Slug = Field(description="the file name without .yaml; the address of the framework's page")
    name: Name = Field(description="the framework's name")
    acronym: Name | None = Field(default=None, description="its acronym, e.g. PfP")
    aliases: tuple[NameLine, ...] = Field(default=(), description="other names and spellings readers search for")
    launched: Event = Field(description="when and how it was launched")
    status: Status = Field(description="where it stands today")
    replaced_by: Slug | None = Field(default=None, description="the id of the framework that replaced it")
    map_group: FrameworkMapGroup | None = Field(
        default=None, description="the colour its members get on the map; omit for frameworks that do not colour it"
    )
    predecessor: Predecessor | None = Field(default=None, description="the body it took over from")
    description: Statement = Field(description="what the framework is, in a few sentences")
    notes: tuple[Statement, ...] = Field(default=(), description="further facts worth a reader's attention")
    reviewed: DayDate = Field(description="the day a person last reviewed the record")


class Suspension(Model):
    """NATO's suspension of its cooperation with a partner in a framework."""

    since: Date = Field(description="since when")
    text: Text = Field(description="what was suspended, and why")
    sources: Sources
    unverified: Unverified = None


class Membership(Model):
    """A partner's part in one framework, from when to when."""

    framework: Slug = Field(description="the id of the framework")
    since: Date | None = Field(description="when it began; null when no source gives a start date")
    until: Date | None = Field(default=None, description="when it ended, if it has")
    end_reason: Text | None = Field(default=None, description="why it ended")
    suspended: Suspension | None = Field(default=None, description="NATO's suspension of cooperation, if any")
    note: Text | None = Field(default=None, description="anything else a reader should know about it")
    sources: Sources
    unverified: Unverified = None


class Accession(Model):
    """The day a state joined NATO."""

    date: DayDate = Field(description="the day it became an Ally")
    text: Text | None = Field(default=None, description="how it joined")
    sources: Sources
    unverified: Unverified = None


class Partner(Model):
    """data/partners/<id>.yaml: a state or organisation that is or was a partner."""

    id: Slug = Field(description="the file name without .yaml; the address of the partner's page")
    name: Name = Field(description="the partner's name")
    aliases: tuple[NameLine, ...] = Field(default=(), description="other names and spellings readers search for")
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        description="the ISO 3166-1 two-letter code (EU for the European Union)"
    )
    type: Literal["state", "organisation"] = Field(description="a state or an international organisation")
    region: Region = Field(description="the region the site groups it in")
    summary: Statement | None = Field(default=None, description="the relationship with NATO in a few sentences")
    nato_accession: Accession | None = Field(default=None, description="when it joined NATO, if it has")
    memberships: Annotated[tuple[Membership, ...], Field(min_length=1)] = Field(
        description="its part in each framework, one entry per period"
    )
    notes: tuple[Statement, ...] = Field(default=(), description="further facts worth a reader's attention")
    reviewed: DayDate = Field(description="the day a person last reviewed the record")


class Ally(Model):
    """data/allies/<id>.yaml: a NATO member that was never a partner. An Ally that was a partner
    first records its accession in its partner file (`nato_accession`), not here."""

    id: Slug = Field(description="the file name without .yaml; the anchor of its row on the Allies page")
    name: Name = Field(description="the Ally's name, as NATO writes it")
    aliases: tuple[NameLine, ...] = Field(default=(), description="other names and spellings readers search for")
    iso: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(description="the ISO 3166-1 two-letter code")
    nato_accession: Accession = Field(description="when it joined NATO")
    reviewed: DayDate = Field(description="the day a person last reviewed the record")


class Milestone(Model):
    """data/milestones/<id>.yaml: one dated event."""

    id: Slug = Field(description="the file name without .yaml: the date, then a few words")
    date: Date = Field(description="when it happened, or began")
    end_date: Date | None = Field(default=None, description="when it ended, for an event over several days")
    title: Name = Field(description="what happened, in a few words")
    summary: Text = Field(description="what happened and why it matters")
    frameworks: tuple[Slug, ...] = Field(default=(), description="ids of the frameworks it concerns")
    partners: tuple[Slug, ...] = Field(default=(), description="ids of the partners it concerns")
    seed: Text | None = Field(default=None, description="what the 2017 source page said about it, if anything")
    sources: Sources
    unverified: Unverified = None
    reviewed: DayDate = Field(description="the day a person last reviewed the record")


HOST_PATTERN = r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"


class Source(Model):
    """data/sources/<id>.yaml: one page or document that records cite by its id."""

    id: Slug = Field(description="the file name without .yaml; what records cite")
    url: Url = Field(description="the page's address")
    title: Name = Field(description="the page's title, in its own language")
    publisher: Name = Field(description="who published it")
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
    host: Annotated[str, StringConstraints(pattern=HOST_PATTERN, max_length=253)] = Field(
        description="a host name, e.g. example.org; its sub-domains are refused too"
    )
    what: NameLine = Field(description="what kind of site it is, e.g. blog platform, wiki mirror")


class SourcePolicy(Model):
    """data/policy/sources.yaml: the hosts whose pages may not be cited, with why."""

    id: Literal["sources"] = Field(description="always sources: the file is data/policy/sources.yaml")
    refused_hosts: tuple[RefusedHost, ...] = Field(description="the hosts whose pages may not be cited")


def model_types_in(annotation: Any) -> list[type[BaseModel]]:
    """The models a field's annotation may hold: itself, or inside Optional, a tuple, a union
    or Annotated, in the order written."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in model_types_in(arg)]


MODELS: dict[str, type[Model]] = {
    "frameworks": Framework,
    "partners": Partner,
    "allies": Ally,
    "milestones": Milestone,
    "sources": Source,
    "policy": SourcePolicy,
}
