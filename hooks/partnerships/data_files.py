"""data/<kind>/*.yaml as files: which files hold records, and their text.

Two layers, each reporting what it refuses with the file and line:

- the layout: a record is a regular file data/<kind>/<id>.yaml; a .yml or .YAML file, a
  sub-folder, a symbolic link or a folder named like a record is reported, not ignored;
- the bytes: at most MAX_FILE_BYTES (known before reading), UTF-8 without BOM, no tab, no
  control or bidi character, LF or CRLF line ends, so that YAML counts lines as editors do.

load.py reads the YAML in that text.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .text import describe, forbidden_in_file

KINDS = ("frameworks", "partners", "allies", "milestones", "sources", "policy")
OTHER_FOLDERS = ("schema",)  # data/schema/: the editor schema, generated from the models
MAX_FILE_BYTES = 256 * 1024  # the longest real record is ~5 KB; anything bigger is a mistake


# --- The layout ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """A file that should hold one record."""

    kind: str
    path: Path
    shown: str  # as people see it: data/partners/finland.yaml


@dataclass
class Scan:
    """What data/ holds: the files to read, every record id seen (even in a broken entry, so a
    reference to it is not reported a second time), and the layout's problems."""

    files: list[DataFile] = field(default_factory=list)
    ids: dict[str, set[str]] = field(default_factory=lambda: {kind: set() for kind in KINDS})
    problems: list[Problem] = field(default_factory=list)


def scan_data_dir(data_dir: Path, *, shown_root: Path) -> Scan:
    """List data/<kind>/*.yaml, reporting everything there that the build would not read."""
    scan = Scan()
    top = data_dir.relative_to(shown_root).as_posix() if data_dir.is_relative_to(shown_root) else data_dir.name
    if not data_dir.is_dir():
        scan.problems.append(Problem(f"{top}/", 0, "", "folder not found; the records live in data/<kind>/"))
        return scan
    for entry in _entries(data_dir):
        name = entry.name
        if name in KINDS or name in OTHER_FOLDERS:
            if entry.is_symlink() or not entry.is_dir():
                scan.problems.append(Problem(f"{top}/{name}", 0, "", "must be a folder, not a file or a link"))
        elif entry.is_dir():
            scan.problems.append(
                Problem(f"{top}/{name}/", 0, "", f"unknown folder; records go in {_kinds_listing(top)}")
            )
        elif _looks_like_yaml(name):
            scan.problems.append(Problem(f"{top}/{name}", 0, "", f"a record file belongs in {_kinds_listing(top)}"))
    for kind in KINDS:
        folder = data_dir / kind
        if not folder.exists():
            scan.problems.append(Problem(f"{top}/{kind}/", 0, "", "folder is missing; create it, even empty"))
        elif folder.is_dir() and not folder.is_symlink():
            _scan_kind(folder, kind=kind, shown=f"{top}/{kind}", scan=scan)
    return scan


def _scan_kind(folder: Path, *, kind: str, shown: str, scan: Scan) -> None:
    for entry in _entries(folder):
        name, where = entry.name, f"{shown}/{entry.name}"
        stem, dot, suffix = name.rpartition(".")
        if dot and suffix == "yaml":
            scan.ids[kind].add(stem)
        if entry.is_symlink():
            scan.problems.append(
                Problem(where, 0, "", "symbolic link; links are not followed, put the file itself here")
            )
        elif entry.is_dir(follow_symlinks=False):
            message = (
                "is a folder, not a record file"
                if _looks_like_yaml(name)
                else f"sub-folder; records in sub-folders are not read, move them to {shown}/"
            )
            scan.problems.append(Problem(f"{where}/", 0, "", message))
        elif dot and suffix == "yaml":
            scan.files.append(DataFile(kind=kind, path=Path(entry.path), shown=where))
        elif _looks_like_yaml(name):
            scan.problems.append(Problem(where, 0, "", f"rename the file to {stem}.yaml (the build reads *.yaml only)"))


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    # Hidden files and editors' backups (.x.swp, x~, #x#) come and go while an editor saves.
    with os.scandir(folder) as entries:
        return sorted(
            (e for e in entries if not e.name.startswith((".", "#")) and not e.name.endswith("~")),
            key=lambda e: e.name,
        )


def _looks_like_yaml(name: str) -> bool:
    return name.lower().endswith((".yaml", ".yml"))


def _kinds_listing(top: str) -> str:
    return ", ".join(f"{top}/{kind}/" for kind in KINDS)


# --- The bytes ----------------------------------------------------------------------------------


def read_text(file: DataFile) -> tuple[str | None, list[Problem]]:
    """The file's text, or the problem that stops it from being read as YAML."""
    try:
        # O_NONBLOCK: a named pipe put in place of the file must not hang the build.
        descriptor = os.open(file.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        return None, [Problem(file.shown, 0, "", f"cannot be read: {error.strerror or error}")]
    try:  # plain system calls: a buffered file object per record costs more than the read
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None, [Problem(file.shown, 0, "", "not a regular file; a record is a plain text file")]
        if status.st_size > MAX_FILE_BYTES:
            return None, [_too_big(file, status.st_size)]
        raw = _read_at_most(descriptor, MAX_FILE_BYTES + 1, expected=status.st_size)
    except OSError as error:
        return None, [Problem(file.shown, 0, "", f"cannot be read: {error.strerror or error}")]
    finally:
        os.close(descriptor)
    if len(raw) > MAX_FILE_BYTES:  # it grew after the check
        return None, [_too_big(file, len(raw))]
    return decode(raw, shown=file.shown)


def _read_at_most(descriptor: int, limit: int, *, expected: int) -> bytes:
    """Up to `limit` bytes, to the end of the file. The first read asks for the size fstat
    gave, plus one byte to see the end (asking for `limit` each time would allocate that much
    per record); a read may return fewer bytes than asked, and the file may have grown."""
    chunks, size, ask = [], 0, expected + 1
    while size < limit and (chunk := os.read(descriptor, min(ask, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
        ask = 64 * 1024
    return b"".join(chunks)


def _too_big(file: DataFile, size: int) -> Problem:
    return Problem(file.shown, 0, "", f"file is {size:,} bytes; a record file must stay under {MAX_FILE_BYTES:,}")


def decode(raw: bytes, *, shown: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text whose lines YAML counts as an editor does, or the first reason it is not."""
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
        line = text.count("\n", 0, text.index("\t")) + 1
        return None, [Problem(shown, line, "", "tab character; YAML indents with spaces only")]
    found = forbidden_in_file(text)
    if found:
        index, char = found
        line = text.count("\n", 0, index) + 1
        if char == "\x00":
            message = "NUL byte; this looks like a binary file, not YAML text"
        elif char == "\r":
            message = "carriage return without a line feed (old Mac line ends); save the file with LF line ends"
        else:
            message = f"{describe(char)}; remove it (write it as an escape in a quoted string if it is meant)"
        return None, [Problem(shown, line, "", message)]
    return text, []
