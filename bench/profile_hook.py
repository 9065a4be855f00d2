"""cProfile of the hook's work (load_dataset + build_site) on a synthetic dataset.

    python bench/profile_hook.py [--entities 10000] [--top 30]

Profiles what the hook's on_config does (bench/build_speed.py hook_work: load_dataset, then
build_site for the pages and the downloads). Prints the wall time of each phase (without the
profiler), then the top functions by cumulative and by own time (with the profiler, which
roughly doubles the run time).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import pstats
import sys
import tempfile
from pathlib import Path

import generate
from build_speed import copy_data_extras, hook_work


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        data = Path(folder) / "data"
        counts = generate.generate_dataset(data, args.entities, seed=args.seed, today=today)
        copy_data_extras(data)
        print(f"{args.entities:,} entities: {counts}")

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


if __name__ == "__main__":
    sys.exit(main())
