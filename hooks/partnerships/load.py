"""data/<kind>/*.yaml -> raw records. Strict YAML, limits before work, nothing skipped silently.

data_files.py finds the record files and checks their layout and bytes. This module reads
their YAML as a stream of parser events (never a graph of nodes, so an alias is never
expanded) with the YAML 1.2 core schema: unquoted NO stays text (and is reported, since YAML
1.1 tools read it as false), 2004-03-29 stays text for the models to parse, and anchors,
aliases, tags, merge keys, complex keys, duplicate keys, deep nesting and overlong numbers
are refused. One builder makes the values; the line of each key is mapped only for a record
with a problem, by running the same builder again on its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .data_files import read_text, scan_data_dir
from .problems import Problem, printable, shown

# libyaml's parser, in C, when PyYAML has it; only its events are used.
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_DEPTH = 8  # the deepest real value, memberships[0].suspended.text.en, is 4 levels down
MAX_NUMBER_CHARS = 20  # no field takes more than a year; int() refuses 4,300 digits and more
# Plain scalars that YAML 1.1 tools (PyYAML, many editors) read as booleans. This loader keeps
# them as text, but a file must mean the same thing to every tool, so they must be quoted.
YAML_1_1_BOOLEANS = re.compile(r"y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF")
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NUMBER_STARTS = frozenset("+-.0123456789")  # the first character of every _INT and _FLOAT
_FLOAT_SPECIAL = {".inf": "inf", "+.inf": "inf", "-.inf": "-inf", ".nan": "nan"}
Path_ = tuple[str | int, ...]


# --- The YAML -----------------------------------------------------------------------------------


@dataclass
class RawRecord:
    """One data file as plain Python values; the line of each key path is mapped on first use."""

    kind: str
    path: str  # shown to people, e.g. data/partners/finland.yaml
    stem: str
    data: dict[str, Any]
    text: str = field(default="", repr=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int]:
        """The line of each key path. Only a record with a problem needs it, so it is built
        then, by reading the text a second time."""
        if self._lines is None:
            self._lines = {}
            _Builder(self.text, self.path, lines=self._lines).run()
        return self._lines

    def line_of(self, location: Path_) -> int:
        """Line of the deepest known part of `location` (a pydantic loc or a key path)."""
        location = tuple(location)
        while location and location not in self.lines:
            location = location[:-1]
        return self.lines.get(location, 1)

    def problem(self, location: Path_, message: str) -> Problem:
        """A problem at `location` (a pydantic loc or a key path), with its line."""
        return Problem(self.path, self.line_of(location), dotted(location), message)


@dataclass
class Loaded:
    """Every record that parsed, every record id seen in data/, and every problem."""

    records: list[RawRecord]
    ids: dict[str, set[str]]
    problems: list[Problem]


def load_records(data_dir: Path, *, shown_root: Path | None = None) -> Loaded:
    """Read every data/<kind>/*.yaml file."""
    scan = scan_data_dir(data_dir, shown_root=shown_root or data_dir.parent)
    records: list[RawRecord] = []
    problems = list(scan.problems)
    for file in scan.files:
        text, found = read_text(file)
        if text is not None:
            record, found = parse_record(text, kind=file.kind, shown=file.shown, stem=file.path.stem)
            if record is not None:
                records.append(record)
        problems += found
    return Loaded(records=records, ids=scan.ids, problems=problems)


def parse_record(text: str, *, kind: str, shown: str, stem: str) -> tuple[RawRecord | None, list[Problem]]:
    """Parse one file's text. A file with a problem that leaves a value out yields no record."""
    builder = _Builder(text, shown)
    data, problems, documents = builder.run()
    if not builder.parsed:
        return None, problems
    if documents == 0:
        return None, [Problem(shown, 1, "", "file is empty; it must hold one record (a mapping of fields)")]
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "", f"the file must hold a mapping of fields, not {_kind_of(data)}"))
        return None, problems
    if not builder.complete:  # a value was left out: the models would only report the gaps again
        return None, problems
    return RawRecord(kind=kind, path=shown, stem=stem, data=data, text=text), problems


class _Skip:
    """Marks a mapping value to drop: its key was refused."""


_SKIP = _Skip()
_AWAITING_KEY = object()


class _Builder:
    """Plain values from parser events, with the problems that strict YAML refuses.

    A frame on the stack is [container, its key path, the pending key of a mapping, the line of
    each key seen in that mapping]. With `lines`, it also maps each key path to its line."""

    def __init__(self, text: str, shown: str, *, lines: dict[Path_, int] | None = None) -> None:
        self.text = text
        self.shown = shown
        self.lines = lines
        self.problems: list[Problem] = []
        self.stack: list[list[Any]] = []
        self.root: Any = None
        self.skipping = 0  # depth inside a subtree being skipped
        self.parsed = False  # True once the whole text has been read without a syntax error
        self.complete = True  # False once a refused value (an alias, a tagged value...) is left out

    def run(self) -> tuple[Any, list[Problem], int]:
        documents = 0
        parser = _Parser(self.text)
        try:
            while (event := parser.get_event()) is not None:
                kind = type(event)
                if kind is yaml.ScalarEvent or kind in _OPENING_EVENTS or kind is yaml.AliasEvent:
                    self._value(event, kind)
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    if self.skipping:
                        self.skipping -= 1
                    else:
                        self.stack.pop()
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self._refuse(event, "a second YAML document starts here; a file holds one record")
                        break
            self.parsed = True
        except yaml.MarkedYAMLError as error:
            self.problems.append(_syntax_problem(error, self.shown))
        except yaml.YAMLError as error:  # a reader error without a mark
            self.problems.append(Problem(self.shown, 1, "", f"YAML error: {shown(str(error), limit=200)}"))
        finally:
            parser.dispose()
        return self.root, self.problems, documents

    def _value(self, event: Any, kind: type) -> None:
        opens = kind in _OPENING_EVENTS
        if self.skipping:
            self.skipping += opens
            return
        frame = self.stack[-1] if self.stack else None
        if frame is not None:
            pending = frame[2]
            if pending is _AWAITING_KEY:
                self._key(event, frame, opens=opens)
                return
            if pending is _SKIP:
                frame[2] = _AWAITING_KEY
                self.skipping += opens
                return
            if pending is None and self.lines is not None:  # a list item: map its line
                self.lines.setdefault(self._at(frame), event.start_mark.line + 1)
        if kind is yaml.ScalarEvent and event.anchor is None and event.tag is None:  # the common case
            self._place(frame, self._scalar(event, frame))
            return
        at = self._at(frame)
        if kind is yaml.AliasEvent or event.anchor is not None:
            self._refuse(event, "anchors and aliases (&, *) are not allowed; write the value out", at=at)
            if kind is yaml.AliasEvent:
                self._place(frame, None)
                return
        if event.tag is not None:  # an explicit tag: !!int, !!null, !!python/..., !local
            tag = printable(event.tag.replace("tag:yaml.org,2002:", "!!")[:40])
            self._refuse(event, f"YAML tags ({tag}) are not allowed; remove the tag", at=at)
            self._place(frame, None)
            self.skipping += opens
        elif not opens:
            self._place(frame, self._scalar(event, frame))
        elif len(self.stack) >= MAX_DEPTH:
            self._refuse(event, f"nested more than {MAX_DEPTH} levels deep; a record is never that deep", at=at)
            self._place(frame, None)
            self.skipping += 1
        else:
            container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
            self._place(frame, container)
            self.stack.append([container, at, _AWAITING_KEY if kind is yaml.MappingStartEvent else None, {}])

    def _key(self, event: Any, frame: list[Any], *, opens: bool) -> None:
        at = frame[1]
        if type(event) is not yaml.ScalarEvent:
            if type(event) is yaml.AliasEvent:
                self._refuse(event, "anchors and aliases (&, *) are not allowed; write the value out", at=at)
            else:
                self._refuse(event, "a key must be plain text, not a list or a mapping", at=at)
                self.skipping += 1
            frame[2] = _SKIP
            return
        key = event.value
        if event.tag is not None or event.anchor is not None:
            what = "YAML tags" if event.tag is not None else "anchors and aliases (&, *)"
            self._refuse(event, f"{what} are not allowed on a key; remove it", at=at)
            frame[2] = _SKIP
        elif key == "<<" and event.implicit[0]:
            self._refuse(event, "merge keys (<<) are not allowed; write the fields out", at=at)
            frame[2] = _SKIP
        elif key in frame[3]:
            first = frame[3][key]
            self._problem(event, f"duplicate key (first set on line {first}); keep one", at=(*at, key))
            frame[2] = _SKIP
        else:
            line = event.start_mark.line + 1
            frame[3][key] = line
            frame[2] = key
            if self.lines is not None:
                self.lines.setdefault((*at, key), line)

    @staticmethod
    def _at(frame: list[Any] | None) -> Path_:
        """The key path of the next value in `frame`: its pending key, or its next index."""
        if frame is None:
            return ()
        container, at = frame[0], frame[1]
        return (*at, frame[2]) if type(container) is dict else (*at, len(container))

    def _place(self, frame: list[Any] | None, value: Any) -> None:
        if frame is None:
            self.root = value
        elif type(frame[0]) is dict:
            frame[0][frame[2]] = value
            frame[2] = _AWAITING_KEY
        else:
            frame[0].append(value)

    def _scalar(self, event: Any, frame: list[Any] | None) -> Any:
        value = event.value
        if not event.implicit[0]:  # quoted or block scalar: always text
            return value
        if value in _NULL:
            return None
        if value in _BOOL:
            return _BOOL[value]
        if value[0] in _NUMBER_STARTS and (_INT.fullmatch(value) or _FLOAT.fullmatch(value)):
            if len(value) > MAX_NUMBER_CHARS:
                self._refuse(
                    event,
                    f"a number of {len(value):,} characters; no field takes one that long (quote text)",
                    at=self._at(frame),
                )
                return None
            return int(value) if _INT.fullmatch(value) else float(value)
        if value in _FLOAT_SPECIAL:
            return float(_FLOAT_SPECIAL[value])
        if len(value) <= 5 and YAML_1_1_BOOLEANS.fullmatch(value):
            self._problem(
                event,
                f'unquoted {value} is read as a boolean by YAML 1.1 tools; write "{value}" in quotes',
                at=self._at(frame),
            )
        return value

    def _refuse(self, event: Any, message: str, *, at: Path_ = ()) -> None:
        """A problem whose value is left out of the record."""
        self.complete = False
        self._problem(event, message, at=at)

    def _problem(self, event: Any, message: str, *, at: Path_ = ()) -> None:
        problem = Problem(self.shown, event.start_mark.line + 1, dotted(at), message)
        # One problem per line and message: `[*a, *a, *a]` is one mistake.
        if not any(p.line == problem.line and p.message == problem.message for p in self.problems):
            self.problems.append(problem)


_OPENING_EVENTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    message = error.problem or error.context or "cannot be read"
    if error.context and message.startswith("but "):  # "but found another document"
        message = f"{error.context}, {message}"
    elif error.context_mark and "end of stream" in message:  # an unclosed quote: point at its start
        mark, message = error.context_mark, f"{message} {error.context} that starts on this line"
    line = mark.line + 1 if mark else 1
    return Problem(file, line, "", f"YAML syntax error: {message}")


def dotted(at: Path_) -> str:
    """('memberships', 0, 'since') -> 'memberships[0].since'."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    return {list: "a list", str: "a single text", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), "a single value"
    )
