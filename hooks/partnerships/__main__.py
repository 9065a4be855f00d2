"""Command line: `python -m partnerships check` validates data/ without building the site;
`python -m partnerships schema` regenerates data/schema/*.json from the models."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .pipeline import load_dataset
from .problems import DataError
from .schema import write_schemas

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnerships", description=__doc__)
    parser.add_argument("command", choices=["check", "schema"])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="data folder (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.command == "schema":
        for path in write_schemas(args.data / "schema"):
            print(f"wrote {path}")
        return 0
    try:
        dataset = load_dataset(args.data, today=dt.date.today())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    print(
        f"data/ is valid: {len(dataset.frameworks)} frameworks, {len(dataset.partners)} partners, "
        f"{len(dataset.milestones)} milestones"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
