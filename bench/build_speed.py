"""Build-speed benchmark: what the data hook costs, against MkDocs building the same pages.

For each size (default 100, 1,000 and 10,000 records of synthetic data from bench/generate.py,
in the proportions of the real data/) it measures, with repetitions interleaved (size after
size, the order of the three rotated from one repetition to the next):

  (a) the hook's own work in this process: what its on_config does (partnerships.prepare_site:
      load and check the data, render the pages and downloads, check them against docs/);
  (b) `python -m mkdocs build` of a project with the hook and the synthetic data;
  (c) the same build of a project holding the SAME pages written out as Markdown, no hook.

Then, each in fresh processes: the hook's fixed cost (importing the hook file as MkDocs does
and setting up its templates, after MkDocs and its own imports), the peak memory of (a) at each
size, and, on a copy of the real project, the rebuild after a one-file edit under
`mkdocs serve` against a plain build, both timed inside MkDocs by bench/build_timer.py.

It prints medians and the targets with PASS or FAIL, and writes the figures to bench/out/.

    python bench/build_speed.py                                    # the whole run
    python bench/build_speed.py --sizes 100,1000 --reps 1 --skip-serve   # a quick look

The bench projects use the real mkdocs.yml: (b) unchanged, (c) without `hooks:` and `watch:`.
Hand-written pages link to real records (partners/finland.md), which synthetic data lacks, so in
both projects such links are replaced by their text; both builds render the same pages.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import os
import posixpath
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from generate import generate_dataset  # bench/generate.py, run as a neighbour

from partnerships import Project, build_site, paused_gc
from partnerships.data_files import KINDS
from partnerships.pipeline import check_data, check_generated_paths

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
TARGETS = {"marginal": 1.02, "fixed_s": 0.1, "hook_share": 0.05, "peak_mb": 500, "serve": 1.10}
TARGET_SIZES = (1000, 10000)  # where the per-page targets apply (at 100, start-up dominates)


class BenchError(RuntimeError):
    pass


# --- Projects -------------------------------------------------------------------------------------


def copy_project(target: Path, *, data: bool) -> None:
    """mkdocs.yml and mkdocs-fr.yml, docs/, hooks/ and overrides/ (and data/ when asked) of the
    real project."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy2(ROOT / "mkdocs-fr.yml", target / "mkdocs-fr.yml")
    for folder in ("docs", "hooks", "overrides", *(("data",) if data else ())):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))


FRENCH_EDITION = "    fr:\n      name: Français\n      config: mkdocs-fr.yml\n"


def one_edition(project: Path) -> None:
    """Switch the project's French edition off: (b) and (c) must build the same pages, and (c)
    has no hook to build a second edition with."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if FRENCH_EDITION not in text:
        raise BenchError("mkdocs.yml no longer names its French edition as the bench expects; update FRENCH_EDITION")
    config.write_text(
        text.replace(FRENCH_EDITION, "    fr: null  # the bench measures one edition\n"), encoding="utf-8"
    )


def copy_data_extras(data_dir: Path) -> None:
    """Whatever the real data/ holds besides the records (schema/)."""
    for entry in (ROOT / "data").iterdir():
        if entry.name not in KINDS:
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, data_dir / entry.name)


def without_keys(config: str, keys: tuple[str, ...]) -> str:
    """mkdocs.yml text without the top-level `key:` entries and their continuation lines."""
    out, skipping = [], False
    for line in config.splitlines(keepends=True):
        if re.match(rf"^(?:{'|'.join(keys)})\s*:", line):
            skipping = True
        elif not (skipping and (line.startswith((" ", "- ")) or not line.strip())):
            skipping = False
            out.append(line)
    return "".join(out)


_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")


def unlink_missing_pages(docs: Path, existing: set[str]) -> None:
    """In hand-written pages, a link to a page that is not in the site becomes its text."""
    for page in docs.rglob("*.md"):
        here = posixpath.dirname(page.relative_to(docs).as_posix())

        def fix(match: re.Match[str], here: str = here) -> str:
            target = posixpath.normpath(posixpath.join(here, match.group(2)))
            return match.group(0) if target in existing or "://" in match.group(2) else match.group(1)

        page.write_text(_MD_LINK.sub(fix, page.read_text(encoding="utf-8")), encoding="utf-8")


def hook_work(data_dir: Path, *, today: dt.date) -> tuple[list, list, dict[str, float]]:
    """What the hook's on_config does: partnerships.prepare_site, less reading two settings.
    Returns (pages, downloads, {"load": seconds, "render": seconds})."""
    project = Project.at(data_dir.parent)
    with paused_gc():
        start = time.perf_counter()
        dataset = check_data(project.data_dir, today=today, shown_root=project.root).dataset
        loaded = time.perf_counter()
        site = build_site(dataset, today=today)
        if check_generated_paths(site, project=project):
            raise BenchError("a generated page collides with a hand-written one")
        done = time.perf_counter()
    return site.pages, [*site.downloads, *site.assets], {"load": loaded - start, "render": done - loaded}


@dataclass
class Case:
    size: int
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    peak_mb: float = float("nan")
    a: list[float] = field(default_factory=list)
    b: list[float] = field(default_factory=list)
    c: list[float] = field(default_factory=list)


def prepare(case: Case, *, today: dt.date, seed: int) -> None:
    """Generate the data, run the hook once (a warm-up, and the pages for c), write both projects."""
    with_hook, plain = case.folder / "with-hook", case.folder / "plain"
    copy_project(with_hook, data=False)
    one_edition(with_hook)
    case.counts = generate_dataset(with_hook / "data", case.size, seed=seed, today=today)
    copy_data_extras(with_hook / "data")
    pages, files, _ = hook_work(with_hook / "data", today=today)

    copy_project(plain, data=False)
    shutil.rmtree(plain / "hooks")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (plain / "mkdocs.yml").write_text(without_keys(config, ("hooks", "watch")), encoding="utf-8")
    handwritten = {p.relative_to(plain / "docs").as_posix() for p in (plain / "docs").rglob("*.md")}
    # The hook hands MkDocs each page's metadata as a dict; here it goes in as front matter
    # (JSON, which YAML reads), so that both builds do the same work.
    for page in pages:
        front = f"---\n{json.dumps(page.meta, sort_keys=True)}\n---\n\n" if page.meta else ""
        _write(plain / "docs" / page.src_uri, front + page.markdown)
    for file in files:
        _write(plain / "docs" / file.src_uri, file.content)
    existing = handwritten | {page.src_uri for page in pages}
    for project in (with_hook, plain):
        unlink_missing_pages(project / "docs", existing)
    case.pages = len(pages) + len(handwritten)
    del pages, files
    gc.collect()


def _write(path: Path, text: str) -> None:
    if path.exists():
        raise BenchError(f"{path} is both generated and hand-written")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# --- Measurements ---------------------------------------------------------------------------------


def run_build(project: Path, scratch: Path) -> float:
    """Wall seconds of `mkdocs build -q` of `project` into a fresh folder."""
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    start = time.perf_counter()
    result = subprocess.run([*MKDOCS, "build", "-q", "-d", str(out)], cwd=project, env=ENV, capture_output=True)
    seconds = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    if result.returncode != 0:
        raise BenchError(f"mkdocs build failed in {project}:\n{result.stderr.decode()[-3000:]}")
    return seconds


def time_hook(case: Case, *, today: dt.date) -> float:
    gc.collect()
    start = time.perf_counter()
    hook_work(case.folder / "with-hook" / "data", today=today)
    return time.perf_counter() - start


# What a build has imported when MkDocs loads the hook; the probe times the hook on top of it,
# loaded as MkDocs loads a hook file, plus the set-up of its templates.
FIXED_COST_PROBE = """
import importlib.util, sys, time
import jinja2, markdown, material, mkdocs.commands.build, mkdocs.plugins, mkdocs.structure.files, yaml
start = time.perf_counter()
spec = importlib.util.spec_from_file_location("partnership_pages", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["partnership_pages"] = module
spec.loader.exec_module(module)
module.make_environment()
print(time.perf_counter() - start)
"""

MEMORY_PROBE = """
import datetime as dt, sys
from pathlib import Path
from build_speed import hook_work
hook_work(Path(sys.argv[1]), today=dt.date.fromisoformat(sys.argv[2]))
with open("/proc/self/status", encoding="ascii") as status:
    print(next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")))
"""


def probe(code: str, *args: str) -> float:
    """Run `code` in a fresh Python beside this file; its last line of output, as a number."""
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=BENCH, env=ENV, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BenchError(f"probe failed:\n{result.stderr[-3000:]}")
    return float(result.stdout.split()[-1])


# --- mkdocs serve ---------------------------------------------------------------------------------

TIMED_BUILD = re.compile(rb"build_timer: build ([0-9]+) took ([0-9.]+) s")


def add_build_timer(project: Path) -> None:
    """Add bench/build_timer.py to the project's hooks (it times every build from inside)."""
    shutil.copy(BENCH / "build_timer.py", project / "build_timer.py")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if text.count("\nhooks:\n") != 1:
        raise BenchError("mkdocs.yml has no `hooks:` list to add the build timer to")
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - build_timer.py\n"), encoding="utf-8")


def timed_plain_build(project: Path, scratch: Path) -> tuple[float, float]:
    """A plain `mkdocs build`: (wall seconds of the process, the build alone as timed inside)."""
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    start = time.perf_counter()
    result = subprocess.run([*MKDOCS, "build", "-d", str(out)], cwd=project, env=ENV, capture_output=True, check=True)
    wall = time.perf_counter() - start
    shutil.rmtree(out, ignore_errors=True)
    return wall, float(TIMED_BUILD.findall(result.stdout + result.stderr)[-1][1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(condition, *, what: str, server: subprocess.Popen, seconds: float = 300) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if server.poll() is not None:
            raise BenchError(f"mkdocs serve exited with {server.returncode}")
        if time.monotonic() > deadline:
            raise BenchError(f"{what} within {seconds:.0f} s")
        time.sleep(0.05)


def measure_serve(scratch: Path, *, edits: int) -> dict[str, list[float]]:
    """Rebuilds after editing data/partners/finland.yaml under `mkdocs serve`, alternating with
    plain builds of the same project: the machine's speed drifts within minutes, and two
    separate series would measure the drift along with the builds."""
    project = scratch / "serve-project"
    copy_project(project, data=True)
    add_build_timer(project)
    record = project / "data" / "partners" / "finland.yaml"
    original = record.read_text(encoding="utf-8")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    page = f"http://127.0.0.1:{port}/partners/finland/"
    log_path = scratch / "serve.log"
    plain, plain_own, edited = [], [], []
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT
        )
        try:
            wait_for(lambda: fetch(page) is not None, what="mkdocs serve did not come up", server=server)
            for index in range(edits):
                wall, own = timed_plain_build(project, scratch)
                plain.append(wall)
                plain_own.append(own)
                marker = f"benchedit{index}x{random.randrange(16**6):06x}"
                record.write_text(original.replace("\nreviewed:", f"\n# {marker}\nreviewed:", 1), encoding="utf-8")
                # A comment changes no page: wait for the rebuild's own log line instead.
                started = time.perf_counter()
                wait_for(
                    lambda n=index: len(TIMED_BUILD.findall(log_path.read_bytes())) >= n + 2,
                    what=f"edit {index + 1} was not rebuilt",
                    server=server,
                )
                edited.append(time.perf_counter() - started)
                print(
                    f"  serve edit {index + 1}: plain build {wall:.2f} s ({own:.2f} s inside), rebuild seen after {edited[-1]:.2f} s",
                    flush=True,
                )
                time.sleep(1.0)  # let the watcher settle before the next edit
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
            record.write_text(original, encoding="utf-8")
    # Build 1 is the start-up build; one more follows each edit.
    rebuilds_own = [float(s) for n, s in TIMED_BUILD.findall(log_path.read_bytes()) if int(n) > 1]
    return {"plain_s": plain, "plain_own_s": plain_own, "rebuild_seen_s": edited, "rebuild_own_s": rebuilds_own}


# --- Report ---------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(cases: list[Case], fixed: list[float], serve: dict | None) -> dict:
    base = cases[0]
    print(
        f"\n| records | pages | reps | hook (a) s | build with hook (b) s | plain build (c) s | hook share a/b | marginal (b-b{base.size})/(c-c{base.size}) | hook peak MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    rows = []
    for case in cases:
        a, b, c = median(case.a), median(case.b), median(case.c)
        marginal = (b - median(base.b)) / (c - median(base.c)) if case is not base else float("nan")
        rows.append(
            {
                "size": case.size,
                "pages": case.pages,
                "counts": case.counts,
                "a": a,
                "b": b,
                "c": c,
                "hook_share": a / b,
                "marginal": marginal,
                "peak_mb": case.peak_mb,
                "raw": {"a": case.a, "b": case.b, "c": case.c},
            }
        )
        shown = "—" if case is base else f"{marginal:.3f}"
        print(
            f"| {case.size:,} | {case.pages:,} | {len(case.b)} | {a:.2f} | {b:.2f} | {c:.2f} | {a / b:.1%} | {shown} | {case.peak_mb:.0f} |"
        )
    for row in rows:
        counts = ", ".join(f"{n} {kind}" for kind, n in row["counts"].items())
        print(
            f"  {row['size']:,} records ({counts}): a={_fmt(row['raw']['a'])} b={_fmt(row['raw']['b'])} c={_fmt(row['raw']['c'])}"
        )
    print(f"  fixed cost (import of the hook file and its templates' set-up, fresh processes): {_fmt(fixed)}")

    verdicts = []

    def verdict(name: str, ok: bool, detail: str) -> None:
        verdicts.append({"target": name, "pass": ok, "detail": detail})
        print(f"  [{'PASS' if ok else 'FAIL'}] {name}: {detail}")

    print("\nTargets:")
    measured = [r for r in rows if r["size"] in TARGET_SIZES]
    if measured:
        verdict(
            f"marginal cost per page <= {TARGETS['marginal']}x a plain build",
            all(r["marginal"] <= TARGETS["marginal"] for r in measured),
            ", ".join(f"{r['size']:,}: {r['marginal']:.3f}" for r in measured),
        )
        verdict(
            f"hook share <= {TARGETS['hook_share']:.0%}",
            all(r["hook_share"] <= TARGETS["hook_share"] for r in measured),
            ", ".join(f"{r['size']:,}: {r['hook_share']:.1%}" for r in measured),
        )
    verdict(
        f"fixed cost <= {TARGETS['fixed_s']} s", median(fixed) <= TARGETS["fixed_s"], f"median {median(fixed):.3f} s"
    )
    biggest = rows[-1]
    verdict(
        f"hook peak memory < {TARGETS['peak_mb']} MB at {biggest['size']:,}",
        biggest["peak_mb"] < TARGETS["peak_mb"],
        f"{biggest['peak_mb']:.0f} MB peak RSS of a process running only the hook's work",
    )
    if serve:
        own, plain = median(serve["rebuild_own_s"]), median(serve["plain_own_s"])
        verdict(
            f"rebuild under serve within {TARGETS['serve'] - 1:.0%} of a plain build",
            own / plain <= TARGETS["serve"],
            f"{own:.2f} s / {plain:.2f} s = {own / plain:.2f} (timed inside MkDocs; rebuilds {_fmt(serve['rebuild_own_s'])}, "
            f"plain {_fmt(serve['plain_own_s'])}; edit to rebuild logged, end to end: median {median(serve['rebuild_seen_s']):.2f} s)",
        )
    return {"rows": rows, "fixed_s": fixed, "serve": serve, "targets": verdicts}


def _fmt(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:.2f}" for v in values) + "]"


# --- Main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="record counts (default 100,1000,10000)")
    parser.add_argument("--reps", type=int, help="repetitions per size (default 9, 5 from 1,000, 3 from 10,000)")
    parser.add_argument("--skip-serve", action="store_true", help="skip the `mkdocs serve` rebuilds")
    parser.add_argument("--serve-edits", type=int, default=7, help="edits under mkdocs serve (default 7)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data")
    args = parser.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    reps = {size: args.reps or (3 if size >= 10000 else 5 if size >= 1000 else 9) for size in sizes}
    today = dt.date.today()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # through the `finally` below
    scratch = Path(tempfile.mkdtemp(prefix="bench-build-speed-"))
    started, load = time.perf_counter(), os.getloadavg()
    print(
        f"Working in {scratch}; load average {load[0]:.2f} on {os.cpu_count()} CPUs; {dt.datetime.now():%Y-%m-%d %H:%M}",
        flush=True,
    )
    try:
        cases = [Case(size, scratch / f"n{size}") for size in sizes]
        for case in cases:
            prepare(case, today=today, seed=args.seed)
            case.peak_mb = probe(MEMORY_PROBE, str(case.folder / "with-hook" / "data"), today.isoformat())
            print(f"prepared {case.size:,} records: {case.pages:,} pages; hook peak {case.peak_mb:.0f} MB", flush=True)
        run_build(cases[0].folder / "with-hook", scratch)  # warm-up, untimed: the OS file cache
        steps = ("a", "b", "c")
        for rep in range(max(reps.values())):
            for case in (c for c in cases if rep < reps[c.size]):
                for step in steps[rep % 3 :] + steps[: rep % 3]:
                    if step == "a":
                        case.a.append(time_hook(case, today=today))
                    else:
                        project = case.folder / ("with-hook" if step == "b" else "plain")
                        getattr(case, step).append(run_build(project, scratch))
                    print(
                        f"  rep {rep + 1}, {case.size:,} records, ({step}): {getattr(case, step)[-1]:.2f} s", flush=True
                    )
        fixed = [probe(FIXED_COST_PROBE, str(ROOT / "hooks" / "partnership_pages.py")) for _ in range(9)]
        serve = None if args.skip_serve else measure_serve(scratch, edits=args.serve_edits)
        results = report(cases, fixed, serve)
        end = os.getloadavg()
        results |= {"minutes": (time.perf_counter() - started) / 60, "load_average": {"start": load, "end": end}}
        print(
            f"\nWhole run: {results['minutes']:.1f} min; load average {load[0]:.2f} at the start, {end[0]:.2f} at the end"
        )
        out = BENCH / "out"
        out.mkdir(exist_ok=True)
        (out / f"build_speed-{dt.datetime.now():%Y%m%d-%H%M%S}.json").write_text(json.dumps(results, indent=1))
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
