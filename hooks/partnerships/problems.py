"""Problem: one thing wrong in data/ (or in the settings), with where it is. DataError carries them all."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import Any

# Anything a terminal or a log viewer would act on rather than print: controls, bidi controls,
# invisible format characters, line separators, lone surrogates (from undecodable file names).
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
PREVIEW_CHARS = 80
MAX_LISTED_PER_FILE = 20


def shown(value: object, *, limit: int = PREVIEW_CHARS) -> str:
    """A value quoted for a message: cut to `limit` characters, invisible characters as \\u escapes.

    Messages echo what an editor wrote; a 200 KB value or an escape sequence must not reach
    the terminal or the browser as it is."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return f"'{printable(text)}'"
    return f"'{printable(text[:limit])}…' ({len(text):,} characters)"


# Unicode gives control characters no name; these are the ones editors meet.
_CONTROL_NAMES = {0x00: "null", 0x09: "tab", 0x0A: "line feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete"}


def char_name(char: str) -> str:
    """'U+202E (right-to-left override)': how messages name a character an editor cannot see."""
    name = _CONTROL_NAMES.get(ord(char)) or unicodedata.name(char, "").lower()
    return f"U+{ord(char):04X} ({name})" if name else f"U+{ord(char):04X}"


def printable(text: str) -> str:
    """Text with invisible characters as \\u escapes, not cut (file paths and locations)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, printed as `data/partners/x.yaml:12: memberships[0].since: message`.

    `file` is the path shown to people (a data file, a docs file, or `environment` for a
    setting) and `line` is 0 when the problem is about the whole file."""

    file: str
    line: int
    location: str
    message: str

    def __str__(self) -> str:
        where = printable(f"{self.file}:{self.line}" if self.line else self.file)
        location = printable(self.location)
        message = printable(self.message)
        return f"{where}: {location}: {message}" if location else f"{where}: {message}"


class DataError(Exception):
    """Raised once, after every problem has been collected."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, one per line, at most MAX_LISTED_PER_FILE for one file: a file with
        thousands of broken lines is one mistake repeated, and must not flood the terminal."""
        count = len(self.problems)
        # Most runs only find data problems; a setting or a docs file is named in its own line.
        where = " in data/" if all(p.file.startswith("data/") for p in self.problems) else ""
        lines = [f"{count:,} problem{'s' if count != 1 else ''}{where}:"]
        for file, group in groupby(self.problems, key=lambda problem: problem.file):
            problems = list(group)
            lines += [f"  {problem}" for problem in problems[:MAX_LISTED_PER_FILE]]
            if len(problems) > MAX_LISTED_PER_FILE:
                more = len(problems) - MAX_LISTED_PER_FILE
                lines.append(f"  {printable(file)}: {more:,} more problems in this file; fix the ones above first")
        return "\n".join(lines)


def describe(value: Any) -> str:
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
