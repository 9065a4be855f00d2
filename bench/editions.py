"""Editions benchmark: building the site in both languages against building it in English only.

On a copy of the real project (real data), it times `python -m mkdocs build` of mkdocs.yml as
it is (English, then the French edition built by the hook from the data checked once) and of
the same project with the French edition switched off (extra.editions.fr: null), alternating
the two so that the machine's drift falls on both. It prints each series, the medians, their
ratio and the target (both editions at most 2.1 times one).

    python bench/editions.py             # 7 builds of each
    python bench/editions.py --reps 3    # a quick look
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("mkdocs.yml", "mkdocs-fr.yml", "docs", "hooks", "data", "overrides")
TARGET = 2.1
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1", "SOURCE_DATE_EPOCH": "1796126400"}
ENGLISH_ONLY = """\
# The bench's English-only build: the real configuration without its French edition.
INHERIT: mkdocs.yml
extra:
  editions:
    fr: null
"""


def copy_project(target: Path) -> None:
    target.mkdir(parents=True)
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "mkdocs-english-only.yml").write_text(ENGLISH_ONLY, encoding="utf-8")


def timed_build(project: Path, config: str, out: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"`mkdocs build -f {config}` failed:\n{result.stderr[-3000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7, help="builds of each kind (default 7)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-editions-") as scratch:
        project = Path(scratch) / "project"
        copy_project(project)
        timed_build(project, "mkdocs.yml", Path(scratch) / "warm-up")  # caches, imports
        both: list[float] = []
        english: list[float] = []
        for rep in range(args.reps):
            # Alternate which goes first, so that neither always follows the other.
            order = [("mkdocs.yml", both), ("mkdocs-english-only.yml", english)]
            for config, series in order if rep % 2 == 0 else reversed(order):
                out = Path(scratch) / f"site-{rep}-{len(series)}"
                series.append(timed_build(project, config, out))
                shutil.rmtree(out)
        pages = sum(1 for _ in (project / "data").rglob("*.yaml"))
    ratio = statistics.median(both) / statistics.median(english)
    print(f"Real data ({pages} YAML files), {args.reps} builds of each, alternating; wall seconds per build:")
    print(f"  English only        : {' '.join(f'{s:.2f}' for s in english)}  median {statistics.median(english):.2f}")
    print(f"  English and French  : {' '.join(f'{s:.2f}' for s in both)}  median {statistics.median(both):.2f}")
    verdict = "PASS" if ratio <= TARGET else "FAIL"
    print(f"  ratio of medians    : {ratio:.2f} (target at most {TARGET}): {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
