"""data/<kind>/*.yaml -> raw records, each with the line of every key. Strict YAML, no guessing.

PyYAML's safe_load follows YAML 1.1: unquoted NO becomes False, 2004-03-29 becomes a date,
and a repeated key silently wins. Editors hit all three, so this loader keeps only the YAML 1.2
scalars, keeps dates as text for the models to parse, and reports duplicate keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

# The C parser is about five times faster; resolvers and constructors below apply to both.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

KINDS = ("frameworks", "partners", "milestones")
MAX_FILE_BYTES = 256 * 1024  # the longest real record is ~5 KB; anything bigger is a mistake
# Plain scalars that YAML 1.1 tools (PyYAML, many editors) read as booleans. This loader keeps
# them as text, but a file must mean the same thing to every tool, so they must be quoted.
YAML_1_1_BOOLEANS = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")


class StrictLoader(_BaseLoader):
    """Safe loader with YAML 1.2 booleans and integers and no implicit timestamps."""

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        # The parser asks this for the tag of every node. PyYAML's version also walks path
        # resolvers and concatenates resolver lists on each call, a tenth of the load time; this
        # one gives the same tags for the resolvers below (there are no path or wildcard ones).
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _RESOLVERS.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _MAP if kind is yaml.MappingNode else _SEQ


StrictLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
StrictLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_RESOLVERS = {first: tuple(resolvers) for first, resolvers in StrictLoader.yaml_implicit_resolvers.items()}


Path_ = tuple[str | int, ...]
# The tags plain YAML resolves to; any other (!!python/..., !!binary, !!set, !local) is refused.
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "value", "merge")
}
# Problems whose value is left out of the record; such a file yields no record.
_LEFT_OUT = ("anchors and aliases", "merge keys", "YAML tags")


@dataclass
class RawRecord:
    """One data file as plain Python values, plus the 1-based line of each key path."""

    kind: str
    path: str  # shown to people, e.g. data/partners/finland.yaml
    stem: str
    data: Any
    text: str = field(default="", repr=False)
    _lines: dict[Path_, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Path_, int]:
        """The line of each key path, mapped on first use: only a record with a problem needs it."""
        if self._lines is None:
            self._lines = {}
            loader = StrictLoader(self.text)
            try:
                _construct(loader, loader.get_single_node(), (), self, [], seen=set())
            finally:
                loader.dispose()
        return self._lines

    def line_of(self, location: Path_) -> int:
        """Line of the deepest known part of `location` (a pydantic loc or a key path)."""
        location = tuple(location)
        while location and location not in self.lines:
            location = location[:-1]
        return self.lines.get(location, 1)


def load_records(data_dir: Path, *, shown_root: Path | None = None) -> tuple[list[RawRecord], list[Problem]]:
    """Read every data/<kind>/*.yaml file. Returns the records that parsed and every problem."""
    records: list[RawRecord] = []
    problems: list[Problem] = []
    shown_root = shown_root or data_dir.parent
    for kind in KINDS:
        for file in sorted((data_dir / kind).glob("*"), key=lambda file: file.name):
            shown = file.relative_to(shown_root).as_posix()
            if file.suffix == ".yml":
                problems.append(Problem(shown, 0, "", "rename the file to .yaml (the build reads *.yaml only)"))
                continue
            if file.suffix != ".yaml" or not file.is_file():
                continue
            record, found = load_file(file, kind=kind, shown=shown)
            problems += found
            if record is not None:
                records.append(record)
    return records, problems


def load_file(file: Path, *, kind: str, shown: str) -> tuple[RawRecord | None, list[Problem]]:
    """Parse one file. A file with a problem that stops parsing yields no record."""
    raw = file.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(shown, 0, "", f"file is {len(raw):,} bytes; a record file must stay under {MAX_FILE_BYTES:,}")
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(shown, line, "", f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8")
        ]
    if text.startswith("\ufeff"):
        return None, [Problem(shown, 1, "", "file starts with a byte-order mark; save it as UTF-8 without BOM")]
    if "\t" in text:
        line = text[: text.index("\t")].count("\n") + 1
        return None, [Problem(shown, line, "", "tab character; YAML indents with spaces only")]
    record = RawRecord(kind=kind, path=shown, stem=file.stem, data=None, text=text)
    problems: list[Problem] = []
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(shown, 1, "", "file is empty; it must hold one record (a mapping of fields)")]
        try:
            if "&" in text:  # perhaps an anchor, so perhaps aliases: only _construct refuses them
                raise _Unusual
            record.data = _plain(node)
        except _Unusual:  # build it again, reporting each problem with its line
            record._lines = {}
            record.data = _construct(loader, node, (), record, problems, seen=set())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context
        if error.context and message.startswith("but "):  # "but found another document"
            message = f"{error.context}, {message}"
        elif error.context_mark and "end of stream" in message:  # an unclosed quote: point at its start
            mark, message = error.context_mark, f"{message} {error.context} that starts on this line"
        line = mark.line + 1 if mark else 0
        return None, [Problem(shown, line, "", f"YAML syntax error: {message}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown, 0, "", f"YAML error: {error}")]
    finally:
        loader.dispose()
    if not isinstance(record.data, dict):
        problems.append(Problem(shown, 1, "", f"the file must hold a mapping of fields, not {_kind_of(record.data)}"))
        return None, problems
    if any(p.message.startswith(_LEFT_OUT) for p in problems):  # the model would only report the gaps again
        return None, problems
    return record, problems


class _Unusual(Exception):
    """The file holds something that _construct must report or build (an alias, a tag, 1.10...)."""


def _plain(node: yaml.Node) -> Any:
    # The common case, about twice as fast as _construct: plain mappings, lists and YAML 1.2
    # scalars, no line map. Anything else raises _Unusual, and _construct starts over. Only
    # for text without "&": with no anchor there can be no alias, so no node is seen twice.
    kind = type(node)
    if kind is yaml.ScalarNode:
        build, value = _SCALARS.get(node.tag), node.value
        if build is None or (not node.style and len(value) <= 3 and YAML_1_1_BOOLEANS.match(value)):
            raise _Unusual
        return build(value)
    if kind is yaml.MappingNode and node.tag == _MAP:
        result = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key_node.tag != _STR or key in result:  # merge keys (<<), numbers as keys, duplicates
                raise _Unusual
            result[key] = _plain(value_node)
        return result
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_plain(item) for item in node.value]
    raise _Unusual


def _construct(
    loader: Any, node: yaml.Node, at: Path_, record: RawRecord, problems: list[Problem], *, seen: set[int]
) -> Any:
    # An alias reuses a node already seen; refusing them rules out "billion laughs" bombs.
    # The alias's own line (the node's mark is the anchor's); one problem per line is enough.
    if id(node) in seen:
        alias = Problem(
            record.path,
            record.line_of(at),
            dotted(at),
            "anchors and aliases (&, *) are not allowed; write the value out",
        )
        if not any(p.line == alias.line and p.message == alias.message for p in problems):
            problems.append(alias)
        return None
    seen.add(id(node))
    if node.tag not in _PLAIN_TAGS:  # !!python/..., !!binary, !!set, !custom: refused, never constructed
        tag = node.tag.replace("tag:yaml.org,2002:", "!!")
        problems.append(
            Problem(
                record.path, node.start_mark.line + 1, dotted(at), f"YAML tags ({tag}) are not allowed; remove the tag"
            )
        )
        return None
    record.lines.setdefault(at, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append(
                    Problem(
                        record.path,
                        key_node.start_mark.line + 1,
                        dotted(at),
                        "merge keys (<<) are not allowed; write the fields out",
                    )
                )
                continue
            key = _scalar(loader, key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = record.lines[(*at, key)]
                problems.append(
                    Problem(
                        record.path,
                        key_node.start_mark.line + 1,
                        dotted((*at, key)),
                        f"duplicate key (first set on line {first}); keep one",
                    )
                )
                continue
            record.lines[(*at, key)] = key_node.start_mark.line + 1
            result[key] = _construct(loader, value_node, (*at, key), record, problems, seen=seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(loader, item, (*at, index), record, problems, seen=seen) for index, item in enumerate(node.value)
        ]
    if not node.style and YAML_1_1_BOOLEANS.match(node.value):  # plain style: None or ""
        problems.append(
            Problem(
                record.path,
                node.start_mark.line + 1,
                dotted(at),
                f'unquoted {node.value} is read as a boolean by YAML 1.1 tools; write "{node.value}" in quotes',
            )
        )
    return _scalar(loader, node)


# The scalar types the strict resolvers produce, built directly: PyYAML's generic constructor
# costs about a third of the load time on large datasets.
_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:str": str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:bool": lambda value: value == "true",
    "tag:yaml.org,2002:null": lambda value: None,
}


def _scalar(loader: Any, node: yaml.Node) -> Any:
    build = _SCALARS.get(node.tag) if isinstance(node, yaml.ScalarNode) else None
    return build(node.value) if build else loader.construct_object(node, deep=True)


def dotted(at: Path_) -> str:
    """('memberships', 0, 'since') -> 'memberships[0].since'."""
    text = ""
    for part in at:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _kind_of(value: Any) -> str:
    return {list: "a list", str: "a single text", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), type(value).__name__
    )
