"""What plain text may hold. Data text reaches HTML, search, CSV and JSON; characters that no
reader needs and that can hide or reorder what is shown are refused where the text is read.

Pure functions of a string; models.py applies them to every text field."""

from __future__ import annotations

import re
import unicodedata

from .problems import char_name

# Refused in every text: control characters (newline aside, for multi-line text), lone
# surrogates (from "\ud800" escapes), non-characters, bidi controls (they reorder what a reader
# sees: "Trojan Source"), line and paragraph separators (YAML and JavaScript break lines on
# them, editors and Markdown do not) and tag characters (invisible ASCII look-alikes).
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # tab, line feed and carriage return aside
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BMP_INVISIBLE = f"\ufdd0-\ufdef\ufffe\uffff{_BIDI_CONTROLS}\u2028\u2029"
_IN_PROSE = re.compile(f"[{_CONTROLS}\t\r\ud800-\udfff{_BMP_INVISIBLE}]")
_IN_NAME = re.compile(f"[{_CONTROLS}\t\r\n\ud800-\udfff{_BMP_INVISIBLE}]")
# The same for a whole data file, where tabs are reported on their own and CRLF line ends are
# fine; a lone CR is not, since YAML counts it as a line break and most editors do not.
_IN_FILE = re.compile(f"[{_CONTROLS}{_BMP_INVISIBLE}]")
_LONE_CR = re.compile(r"\r(?!\n)")
# Beyond the first plane: the non-characters of planes 1-16 and the tag characters. Kept apart
# because a character class holding them makes every search several times slower, and few
# texts hold any character beyond U+FFFF.
_ASTRAL = re.compile(
    "["
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "\U000e0000-\U000e007f]"
)
_FORMAT = "Cf"  # zero-width spaces and joiners, soft hyphen, word joiner, BOM...


def text_problem(value: str, *, single_line: bool) -> str | None:
    """Why `value` cannot be data text, or None. Names and titles (`single_line`) also refuse
    line breaks and invisible format characters: two names that look the same must be the same."""
    if value.isascii() and (value.isprintable() or (not single_line and value.replace("\n", "").isprintable())):
        return None  # the common case: printable ASCII holds none of them
    found = _first(value, _IN_NAME if single_line else _IN_PROSE)
    if found is None and single_line:
        found = next(((i, c) for i, c in enumerate(value) if unicodedata.category(c) == _FORMAT), None)
    if found is None:
        return None
    position, char = found
    return f"{describe(char, single_line=single_line)} at character {position + 1}; remove it"


def forbidden_in_file(text: str) -> tuple[int, str] | None:
    """(index, character) of the first character a data file must not hold, or None: control
    and bidi characters, non-characters, line separators, and a CR that is not part of CRLF."""
    found = [match for match in (_first(text, _IN_FILE), _first(text, _LONE_CR)) if match]
    return min(found) if found else None


def _first(text: str, pattern: re.Pattern[str]) -> tuple[int, str] | None:
    candidates = [pattern.search(text)]
    if not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text):  # beyond U+FFFF
        candidates.append(_ASTRAL.search(text))
    found = [(m.start(), m.group()[0]) for m in candidates if m]
    return min(found) if found else None


def describe(char: str, *, single_line: bool = False) -> str:
    """'control character U+001B (escape)': what kind of character an editor cannot see."""
    return f"{_kind(char, single_line=single_line)} {char_name(char)}"


def _kind(char: str, *, single_line: bool) -> str:
    if char in "\n\r":
        return "line break"
    if char in "\u2028\u2029":
        return "line separator"
    category = unicodedata.category(char)
    if category == "Cc":
        return "control character"
    if category == "Cs":
        return "unpaired surrogate"
    if re.match(f"[{_BIDI_CONTROLS}]", char):
        return "invisible bidirectional control"
    if 0xFDD0 <= ord(char) <= 0xFDEF or ord(char) & 0xFFFE == 0xFFFE:
        return "Unicode non-character"
    return "invisible character" if single_line else "invisible tag character"
