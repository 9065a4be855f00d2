"""cProfile of the hook's work (load_dataset + build_site) on a synthetic dataset.

    python bench/profile_hook.py [--entities 10000] [--top 30] [--floor]

Profiles what the hook's on_config does (bench/build_speed.py hook_work: load_dataset, then
build_site for the pages and the downloads). Prints the wall time of each phase (without the
profiler), then the top functions by cumulative and by own time (with the profiler, which
roughly doubles the run time).

With --floor it prints instead, as medians of --reps runs, what the hook cannot go below
while it reads YAML with PyYAML and validates with pydantic: reading the files, libyaml's
parser events alone (no values built), the loader, and pydantic's validation alone; then the
hook's phases (load and check, pages and downloads) for comparison.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

import generate
import yaml
from build_speed import copy_data_extras, hook_work

from partnerships.data_files import read_text, scan_data_dir
from partnerships.load import load_records
from partnerships.validate import to_models


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--floor", action="store_true", help="time the parts nothing in the hook can avoid")
    parser.add_argument("--reps", type=int, default=5, help="repetitions for --floor")
    args = parser.parse_args(argv)
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        data = Path(folder) / "data"
        counts = generate.generate_dataset(data, args.entities, seed=args.seed, today=today)
        copy_data_extras(data)
        print(f"{args.entities:,} entities: {counts}")
        if args.floor:
            print_floor(data, today=today, reps=args.reps)
            return 0

        for run in (1, 2):
            pages, downloads, steps = hook_work(data, today=today)
            print(
                f"run {run} without profiler: load_dataset {steps['load']:.2f} s, pages and downloads "
                f"{steps['render']:.2f} s ({len(pages):,} pages, {sum(len(p.markdown) for p in pages) / 2**20:.1f} MiB "
                f"of Markdown; {len(downloads)} downloads, {sum(len(d.content) for d in downloads) / 2**20:.1f} MiB)"
            )

        profiler = cProfile.Profile()
        profiler.enable()
        hook_work(data, today=today)
        profiler.disable()
    stats = pstats.Stats(profiler)
    stats.strip_dirs()
    print(f"\n--- top {args.top} by cumulative time ---")
    stats.sort_stats("cumulative").print_stats(args.top)
    print(f"\n--- top {args.top} by own time ---")
    stats.sort_stats("tottime").print_stats(args.top)
    return 0


def print_floor(data: Path, *, today: dt.date, reps: int) -> None:
    files = scan_data_dir(data, shown_root=data.parent).files
    texts = [read_text(file)[0] for file in files]
    records = load_records(data).records
    parser_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def events_only() -> None:
        for text in texts:
            parser = parser_class(text)
            while parser.get_event() is not None:
                pass
            parser.dispose()

    steps = {
        "read the files (data_files.read_text)": lambda: [read_text(file) for file in files],
        "libyaml's events alone": events_only,
        "the loader (load.load_records, reading included)": lambda: load_records(data),
        "pydantic's validation alone (validate.to_models)": lambda: to_models(records),
        "the whole hook (load, check, pages, downloads)": lambda: hook_work(data, today=today),
    }
    print(f"{len(files):,} files; medians of {reps} runs:")
    for name, step in steps.items():
        seconds = []
        for _ in range(reps):
            start = time.perf_counter()
            step()
            seconds.append(time.perf_counter() - start)
        print(f"  {statistics.median(seconds):7.3f} s  {name}")


if __name__ == "__main__":
    sys.exit(main())
