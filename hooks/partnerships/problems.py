"""Problem: one thing wrong in data/, with where it is. DataError carries them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, printed as `data/partners/x.yaml:12: memberships[0].since: message`."""

    file: str
    line: int
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.location}: {self.message}" if self.location else f"{where}: {self.message}"


class DataError(Exception):
    """Raised once, after every problem in data/ has been collected."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(set(problems)))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in data/:"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)
