"""cProfile of the hook's work (load_dataset + build_pages) on a synthetic dataset.

    python bench/profile_hook.py [--entities 10000] [--top 30]
    python bench/profile_hook.py --what-if [--entities 10000] [--runs 3]

Profiles what the hook's on_config does (bench/build_speed.py hook_work: load_dataset,
build_pages and build_downloads). Prints the wall time of each phase (without the profiler), then the top functions by
cumulative and by own time (with the profiler, which roughly doubles the run time).

--what-if measures changes proposed from the profile WITHOUT editing hooks/partnerships (garbage
collector settings the hook could use; a short cut for the matrix's empty cells): each variant
monkeypatches the imported modules in a fresh process, checks that every page and
download comes out byte-identical to the unpatched run, and reports the median time of
load_dataset and of the rest (pages and downloads) over --runs runs and the process's peak RSS.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import hashlib
import json
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate
from build_speed import copy_data_extras, hook_work

VARIANTS = {
    "baseline": "the hook as it is",
    "gc-off": "gc.disable() around the hook's work (on_config could do this), gc.enable() after",
    "gc-freeze": "gc.freeze() once the dataset is loaded, gc.unfreeze() after: full collections skip it",
    "gc-threshold": "gc.set_threshold(50_000, 20, 100) during the hook's work (default 700, 10, 10)",
    "matrix-empty": "render_matrix: an empty cell costs no _matrix_cell call (partners x frameworks cells, most empty)",
    "gc-off+matrix": "gc-off and matrix-empty together",
}


def apply_variant(name: str) -> None:
    """Monkeypatch the imported modules (never the hook's files) for one what-if variant."""
    import build_speed

    from partnerships import render

    work, load = build_speed.hook_work, build_speed.load_dataset

    def gc_off(*args, **kwargs):
        gc.disable()
        try:
            return work(*args, **kwargs)
        finally:
            gc.enable()

    def load_then_freeze(*args, **kwargs):
        dataset = load(*args, **kwargs)
        gc.freeze()
        return dataset

    def unfreeze_after(*args, **kwargs):
        try:
            return work(*args, **kwargs)
        finally:
            gc.unfreeze()

    def higher_threshold(*args, **kwargs):
        before = gc.get_threshold()
        gc.set_threshold(50_000, 20, 100)
        try:
            return work(*args, **kwargs)
        finally:
            gc.set_threshold(*before)

    if name in ("matrix-empty", "gc-off+matrix"):
        cell = render._matrix_cell

        def matrix_cell(memberships, **kwargs):
            return cell(memberships, **kwargs) if memberships else ""

        render._matrix_cell = matrix_cell
    if name in ("gc-off", "gc-off+matrix"):
        build_speed.hook_work = gc_off
    elif name == "gc-freeze":
        build_speed.load_dataset = load_then_freeze
        build_speed.hook_work = unfreeze_after
    elif name == "gc-threshold":
        build_speed.hook_work = higher_threshold


def run_variant(name: str, data: Path, runs: int, today: dt.date) -> dict:
    import build_speed

    apply_variant(name)
    steps: dict[str, list[float]] = {"load": [], "render": [], "total": []}
    digest = ""
    for _ in range(runs):
        gc.collect()
        pages, downloads, took = build_speed.hook_work(data, today=today)
        for key in ("load", "render"):
            steps[key].append(took[key])
        steps["total"].append(sum(took.values()))
        sha = hashlib.sha256()
        for item in pages:
            sha.update(item.src_uri.encode() + b"\0" + item.markdown.encode())
        for item in downloads:
            sha.update(item.src_uri.encode() + b"\0" + item.content.encode())
        digest = sha.hexdigest()
        del pages, downloads
    return {
        "median": {key: statistics.median(values) for key, values in steps.items()},
        "digest": digest,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def what_if(data: Path, runs: int, today: dt.date) -> None:
    results = {}
    for name in VARIANTS:
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--_variant",
                name,
                "--_data",
                str(data),
                "--runs",
                str(runs),
                "--_today",
                today.isoformat(),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise SystemExit(f"variant {name} failed:\n{done.stderr[-3000:]}")
        results[name] = json.loads(done.stdout.strip().splitlines()[-1])
        row = results[name]["median"]
        same = "identical output" if results[name]["digest"] == results["baseline"]["digest"] else "OUTPUT DIFFERS"
        print(
            f"{name:13s} load {row['load']:5.2f} s  pages+downloads {row['render']:5.2f} s  "
            f"total {row['total']:6.2f} s ({row['total'] / results['baseline']['median']['total']:4.0%} of baseline)  "
            f"peak RSS {results[name]['rss_mb']:5.0f} MB  {same}  - {VARIANTS[name]}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, default=10000)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--what-if", action="store_true", help="measure the proposed changes (see above)")
    parser.add_argument("--runs", type=int, default=3, help="runs per --what-if variant (median)")
    parser.add_argument("--_variant", help=argparse.SUPPRESS)
    parser.add_argument("--_data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_today", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args._variant:
        result = run_variant(args._variant, args._data, args.runs, dt.date.fromisoformat(args._today))
        print(json.dumps(result))
        return 0
    today = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as folder:
        data = Path(folder) / "data"
        counts = generate.generate_dataset(data, args.entities, seed=args.seed, today=today)
        copy_data_extras(data)
        print(f"{args.entities:,} entities: {counts}")
        if args.what_if:
            what_if(data, args.runs, today)
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


if __name__ == "__main__":
    sys.exit(main())
