"""Command line: `python -m partnerships check` runs every check the site build runs (data,
file layout, docs collisions, settings from the environment) without building the site;
`python -m partnerships schema` regenerates data/schema/*.json from the models;
`python -m partnerships catalogue` gathers the interface strings for translators
(hooks/partnerships/locales/)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .pipeline import Project, prepare_site
from .problems import DataError
from .schema import write_schemas

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m partnerships", description=__doc__)
    parser.add_argument("command", choices=["check", "schema", "catalogue"])
    parser.add_argument(
        "--project", type=Path, default=ROOT, help="folder holding mkdocs.yml, data/ and docs/ (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    project = Project.at(args.project.resolve())
    if args.command == "schema":
        for path in write_schemas(project.data_dir / "schema"):
            print(f"wrote {path}")
        return 0
    if args.command == "catalogue":
        from .catalogue import write_catalogues  # needs Babel, which only translators use here

        for path in write_catalogues():
            print(f"wrote {path}")
        return 0
    try:
        prepared = prepare_site(project, environ=os.environ)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if prepared.notices:
        print(f"{len(prepared.notices)} notices (they do not stop the build):")
        print("\n".join(f"  {notice}" for notice in prepared.notices))
    dataset = prepared.dataset
    print(
        f"data/ is valid: {len(dataset.frameworks)} frameworks, {len(dataset.partners)} partners, "
        f"{len(dataset.milestones)} milestones, {len(dataset.sources)} sources; {len(prepared.site.pages)} pages would be built"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
