"""Build-speed benchmark: how much the data hook costs, and how the build scales with the data.

For each size (default 100, 1,000 and 10,000 records; bench/generate.py writes valid synthetic
data in the proportions of the real data/) it measures, with the repetitions interleaved
(size by size, and the order of the three measurements rotated from one repetition to the next):

  (a) the hook's own work, in this process: what its on_config does, i.e.
      the steps of partnerships.prepare_site (load and check the data, build the pages and
      the data downloads, check them against docs/), with the garbage collector paused as
      the hook does, templates compiled in memory, timed with
      time.perf_counter. Its peak memory is measured once per size
      in a fresh subprocess that runs only that: peak RSS (VmHWM from /proc: the whole process,
      interpreter and imports included) and, in a second subprocess, the tracemalloc peak of
      the Python allocations made during the calls (tracemalloc slows the code down, so no
      timing is taken there);
  (b) `python -m mkdocs build -q -d <tmp>` of a temporary project with the hook and the
      synthetic data (wall time of the whole process, as a reader of the issue would run it);
  (c) the same build of a second temporary project holding the SAME pages pre-rendered as
      Markdown files in docs/ and no hook.

It also times, in fresh processes, the import of the hook's package (pydantic and the models):
a fixed cost per build, inside (b) but outside (a).

It prints medians in a table, the targets of the issue with PASS/FAIL, and then measures the
rebuild after editing one YAML file under `mkdocs serve` on a copy of the real project,
against a plain `mkdocs build` of that copy: plain builds and edits alternate, and both are
also timed inside MkDocs by a bench-only hook (bench/build_timer.py) added to that copy.

    python bench/build_speed.py                       # the whole run (about 12 minutes on 2 cores)
    python bench/build_speed.py --sizes 100,1000 --reps 1 --skip-serve   # a quick look

What the bench projects change from the real mkdocs.yml (see bench_config_text and
unlink_missing_pages):
  - (b) uses the real mkdocs.yml unchanged (strict: true, hooks, not_in_nav, theme, plugins).
  - (c) is the same text without the `hooks:` entry (its pages are already in docs/) and
    without `watch:` (serve-only; its paths data/ and hooks/ do not exist there).
  - docs/about.md links to real records (partners/finland.md, ...). With synthetic data those
    pages do not exist and the strict build would stop, so in BOTH bench projects a link from a
    hand-written page to a Markdown page that is not in the site is replaced by its text. The
    page itself stays, so both builds render the same pages.
  - Anything in the real data/ besides frameworks/, partners/ and milestones/ (e.g. schema/)
    is copied next to the synthetic records.
Results are also written as JSON to bench/out/.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import itertools
import json
import os
import platform
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
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / "hooks"
for path in (HOOKS, Path(__file__).resolve().parent):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

import generate  # noqa: E402  bench/generate.py

from partnerships import Project, build_site, paused_gc  # noqa: E402
from partnerships.data_files import KINDS  # noqa: E402  (the record folders bench/generate.py writes)
from partnerships.pipeline import check_data, check_generated_paths  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
DEFAULT_SIZES = (100, 1000, 10000)
SERVE_EDITS = 9
TARGETS = {"hook_share": 0.05, "b_over_c": 1.05, "per_page_growth": 1.3, "hook_peak_mb": 500, "serve_rebuild": 1.10}


class BenchError(RuntimeError):
    pass


# --- Projects -------------------------------------------------------------------------------------


def bench_config_text(real: str, *, with_hook: bool) -> str:
    """mkdocs.yml for a bench project: the real text, minus `hooks:` and `watch:` without the hook."""
    return real if with_hook else drop_top_level_keys(real, ("hooks", "watch"))


def drop_top_level_keys(text: str, keys: tuple[str, ...]) -> str:
    """Remove top-level `key:` entries and their indented (or `- `) continuation lines."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        if re.match(rf"^(?:{'|'.join(map(re.escape, keys))})\s*:", line):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "\t", "- ")) or not line.strip()):
            continue
        skipping = False
        out.append(line)
    return "".join(out)


_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")


def unlink_missing_pages(docs: Path, existing: set[str]) -> int:
    """In hand-written pages, replace links to Markdown pages that are not in the site by their
    text (see the module docstring). Returns how many links were replaced."""
    replaced = 0
    for page in docs.rglob("*.md"):
        src_uri = page.relative_to(docs).as_posix()

        def fix(match: re.Match[str], src_uri: str = src_uri) -> str:
            nonlocal replaced
            target = match.group(2)
            if "://" in target:
                return match.group(0)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), target))
            if resolved in existing:
                return match.group(0)
            replaced += 1
            return match.group(1)

        text = page.read_text(encoding="utf-8")
        new = _MD_LINK.sub(fix, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    return replaced


def copy_project(target: Path, *, data: bool) -> None:
    """mkdocs.yml, docs/, hooks/, the theme's custom_dir if any (and data/ when asked) of the
    real project into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    folders = ["docs", "hooks", *re.findall(r"^\s+custom_dir:\s*['\"]?([^'\"#\s]+)", config, flags=re.M)]
    if data:
        folders.append("data")
    for folder in dict.fromkeys(folders):
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, target / folder, ignore=ignore)


def copy_data_extras(data_dir: Path) -> None:
    """Whatever the real data/ holds besides the records (schema/, ...)."""
    for entry in (ROOT / "data").iterdir():
        if entry.name in KINDS:
            continue
        (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, data_dir / entry.name)


def _with_front_matter(meta: dict, markdown: str) -> str:
    return f"---\n{json.dumps(meta, sort_keys=True)}\n---\n\n{markdown}" if meta else markdown


def hook_work(data_dir: Path, *, today: dt.date) -> tuple[list, list, dict[str, float]]:
    """What the hook's on_config does (hooks/partnership_pages.py), step by step: the steps of
    partnerships.prepare_site, less reading two environment variables.
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
    return site.pages, site.downloads, {"load": loaded - start, "render": done - loaded}


# --- Measurements ---------------------------------------------------------------------------------


@dataclass
class Case:
    size: int
    folder: Path
    counts: dict[str, int] = field(default_factory=dict)
    generated_pages: int = 0
    handwritten_pages: int = 0
    html_pages: dict[str, int] = field(default_factory=dict)
    unlinked: int = 0
    hook: list[float] = field(default_factory=list)
    hook_load: list[float] = field(default_factory=list)
    hook_render: list[float] = field(default_factory=list)
    downloads: int = 0
    with_hook: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)
    rss_with_hook: list[float] = field(default_factory=list)
    rss_plain: list[float] = field(default_factory=list)
    memory: dict[str, float] = field(default_factory=dict)

    @property
    def hook_project(self) -> Path:
        return self.folder / "with-hook"

    @property
    def plain_project(self) -> Path:
        return self.folder / "plain"

    @property
    def pages(self) -> int:
        return self.generated_pages + self.handwritten_pages


def prepare(case: Case, *, today: dt.date, seed: int) -> None:
    """Generate the data, run the hook once (untimed: warm-up, and the pages for project c),
    and write both bench projects."""
    hook_project, plain_project = case.hook_project, case.plain_project
    copy_project(hook_project, data=False)
    data_dir = hook_project / "data"
    case.counts = generate.generate_dataset(data_dir, case.size, seed=seed, today=today)
    copy_data_extras(data_dir)
    pages, downloads, _ = hook_work(data_dir, today=today)
    case.generated_pages = len(pages)
    case.downloads = len(downloads)

    copy_project(plain_project, data=False)
    shutil.rmtree(plain_project / "hooks")
    (plain_project / "mkdocs.yml").write_text(
        bench_config_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), with_hook=False), encoding="utf-8"
    )
    handwritten = {p.relative_to(plain_project / "docs").as_posix() for p in (plain_project / "docs").rglob("*.md")}
    case.handwritten_pages = len(handwritten)
    # The hook hands MkDocs each page's metadata as a dict; a plain project can only write it as
    # front matter (JSON, which is YAML and always parses), so that both builds do the same work.
    written = [(p.src_uri, _with_front_matter(p.meta, p.markdown)) for p in pages]
    for src_uri, content in written + [(d.src_uri, d.content) for d in downloads]:
        target = plain_project / "docs" / src_uri
        if target.exists():
            raise BenchError(f"{src_uri} is both generated and hand-written")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    existing = handwritten | {page.src_uri for page in pages}
    case.unlinked = unlink_missing_pages(hook_project / "docs", existing)
    if unlink_missing_pages(plain_project / "docs", existing) != case.unlinked:
        raise BenchError("the two bench projects differ in their hand-written pages")
    del pages, downloads
    gc.collect()


def time_build(case: Case, step: str, scratch: Path, *, count_pages: bool) -> float:
    """Run build (b), with the hook, or (c), the plain pages, and record it on `case`."""
    project, times, rss_list = (
        (case.hook_project, case.with_hook, case.rss_with_hook)
        if step == "b"
        else (case.plain_project, case.plain, case.rss_plain)
    )
    seconds, rss, html = run_build(project, scratch, count_pages=count_pages)
    times.append(seconds)
    rss_list.append(rss)
    if html is not None:
        case.html_pages[step] = html
    return seconds


def time_hook(case: Case, *, today: dt.date) -> None:
    gc.collect()
    start = time.perf_counter()
    pages, _, steps = hook_work(case.hook_project / "data", today=today)
    case.hook.append(time.perf_counter() - start)
    assert len(pages) == case.generated_pages
    case.hook_load.append(steps["load"])
    case.hook_render.append(steps["render"])
    del pages
    gc.collect()


# What `mkdocs build` has imported by the time it loads the hook (MkDocs, the theme, Markdown,
# Jinja, PyYAML); the hook's package is timed on top of that, as in a real build.
IMPORT_PROBE = """
import sys, time
import jinja2, markdown, material, mkdocs.commands.build, mkdocs.structure.files, yaml
sys.path.insert(0, sys.argv[1])
start = time.perf_counter()
import partnerships
print(time.perf_counter() - start)
"""


def measure_import(hooks_dir: Path, reps: int) -> list[float]:
    """Seconds to import the hook's package (pydantic and the models included) in fresh processes.

    (a) leaves this out: it is paid once per process, whatever the size of the data."""
    return [
        float(
            subprocess.run(
                [sys.executable, "-c", IMPORT_PROBE, str(hooks_dir)],
                env=ENV,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        for _ in range(reps)
    ]


def vm_hwm_mb(pid: int | str = "self") -> float | None:
    """Peak resident memory (VmHWM) of a live process, in MiB; None if unknown.

    Not ru_maxrss: a child's ru_maxrss starts from the RSS of the process that forked it (here
    this bench, which holds a whole dataset), so it would report the bench's size, not mkdocs's.
    VmHWM belongs to the address space and starts afresh at exec."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def run_build(project: Path, scratch: Path, *, count_pages: bool = False) -> tuple[float, float, int | None]:
    """`mkdocs build -q -d <fresh dir>` in `project`: (wall seconds, peak RSS MB, HTML pages or None).
    The peak RSS is VmHWM sampled every 50 ms by a thread, so the wall time is not disturbed."""
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    log = scratch / "build.log"
    peak = [float("nan")]
    done = threading.Event()
    with log.open("wb") as sink:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*MKDOCS, "build", "-q", "-d", str(out)], cwd=project, env=ENV, stdout=sink, stderr=subprocess.STDOUT
        )

        def sample() -> None:
            while not done.wait(0.05):
                value = vm_hwm_mb(proc.pid)
                if value is not None:
                    peak[0] = value

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            proc.wait()
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        finally:
            seconds = time.perf_counter() - start
            done.set()
            sampler.join()
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"mkdocs build failed in {project} (exit {proc.returncode}):\n{tail}")
    html = sum(1 for _ in out.rglob("index.html")) if count_pages else None
    shutil.rmtree(out, ignore_errors=True)
    return seconds, peak[0], html


_MEMORY_PROBE = r"""
import datetime as dt, gc, json, sys, time
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, sys.argv[2])
from build_speed import hook_work, vm_hwm_mb
from pathlib import Path
data_dir, mode, today = Path(sys.argv[3]), sys.argv[4], dt.date.fromisoformat(sys.argv[5])
gc.collect()
base = vm_hwm_mb()
if mode == "tracemalloc":
    import tracemalloc
    tracemalloc.start()
start = time.perf_counter()
pages, downloads, _ = hook_work(data_dir, today=today)
seconds = time.perf_counter() - start
result = {"seconds": seconds, "pages": len(pages), "rss_base_mb": base, "rss_peak_mb": vm_hwm_mb()}
if mode == "tracemalloc":
    result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
print(json.dumps(result))
"""


def measure_memory(case: Case, *, today: dt.date) -> None:
    """Peak memory of the hook's work, each mode in a fresh process (see the module docstring)."""
    for mode in ("rss", "tracemalloc"):
        result = subprocess.run(
            [
                sys.executable,
                "-c",
                _MEMORY_PROBE,
                str(HOOKS),
                str(Path(__file__).resolve().parent),
                str(case.hook_project / "data"),
                mode,
                today.isoformat(),
            ],
            env=ENV,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BenchError(f"memory probe failed:\n{result.stderr[-3000:]}")
        found = json.loads(result.stdout.strip().splitlines()[-1])
        if mode == "rss":
            case.memory.update(rss_peak_mb=found["rss_peak_mb"], rss_base_mb=found["rss_base_mb"])
        else:
            case.memory.update(tracemalloc_peak_mb=found["tracemalloc_peak_mb"], tracemalloc_seconds=found["seconds"])


# --- mkdocs serve -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 30) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def insert_marker(text: str, marker: str) -> str:
    """Append ` <marker>` to the last English text (`en:`) of a record file, whatever its style:
    plain, quoted, or a folded/literal block."""
    lines = text.splitlines(keepends=True)
    for index in range(len(lines) - 1, -1, -1):
        match = re.match(r"^(\s*)en:\s*(.*?)\s*$", lines[index])
        if not match:
            continue
        indent, value = len(match.group(1)), match.group(2)
        if value.startswith((">", "|")):
            last = index
            for follow in range(index + 1, len(lines)):
                if lines[follow].strip() and len(lines[follow]) - len(lines[follow].lstrip()) <= indent:
                    break
                if lines[follow].strip():
                    last = follow
            lines[last] = lines[last].rstrip("\n") + f" {marker}\n"
        elif value[:1] in "\"'":
            lines[index] = lines[index].rstrip().removesuffix(value[0]) + f" {marker}{value[0]}\n"
        else:
            lines[index] = lines[index].rstrip() + f" {marker}\n"
        return "".join(lines)
    raise BenchError("no `en:` text found in the record to edit")


@dataclass
class ServeResult:
    edited: str
    page: str
    startup: float
    rebuilds: list[float]
    plain_builds: list[float]
    # The build alone, timed inside MkDocs by bench/build_timer.py: without the watcher's
    # polling (serve) or Python's start-up and imports (a plain build).
    rebuilds_own: list[float]
    plain_builds_own: list[float]


TIMED_BUILD = re.compile(rb"build_timer: build ([0-9]+) took ([0-9.]+) s")


def add_build_timer(project: Path) -> None:
    """Add bench/build_timer.py to the project's hooks (it times every build from inside)."""
    shutil.copy(Path(__file__).with_name("build_timer.py"), project / "build_timer.py")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if text.count("\nhooks:\n") != 1:
        raise BenchError("mkdocs.yml has no `hooks:` list to add the build timer to")
    config.write_text(text.replace("\nhooks:\n", "\nhooks:\n  - build_timer.py\n"), encoding="utf-8")


def timed_plain_build(project: Path, scratch: Path) -> tuple[float, float]:
    """A plain `mkdocs build` of `project`: (wall seconds of the process, the build alone as
    build_timer.py logs it)."""
    out = Path(tempfile.mkdtemp(prefix="site-", dir=scratch))
    start = time.perf_counter()
    result = subprocess.run([*MKDOCS, "build", "-d", str(out)], cwd=project, env=ENV, capture_output=True, check=True)
    wall = time.perf_counter() - start
    return wall, float(TIMED_BUILD.findall(result.stdout + result.stderr)[-1][1])


def measure_serve(scratch: Path, *, edits: int) -> ServeResult:
    project = scratch / "serve-project"
    copy_project(project, data=True)
    add_build_timer(project)
    partners = sorted((project / "data" / "partners").glob("*.yaml"))
    record = next((p for p in partners if p.stem == "finland"), partners[0])
    page_url_path = f"/partners/{record.stem}/"

    plain_builds, plain_builds_own = [], []
    run_build(project, scratch)  # warm-up, untimed

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (scratch / "serve.log").open("wb")
    start = time.perf_counter()
    server = subprocess.Popen(
        [*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT
    )
    rebuilds: list[float] = []
    original = record.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 300
        while fetch(base + page_url_path, timeout=5) is None:
            if server.poll() is not None:
                raise BenchError(f"mkdocs serve exited with {server.returncode}; see {scratch / 'serve.log'}")
            if time.monotonic() > deadline:
                raise BenchError("mkdocs serve did not come up within 300 s")
            time.sleep(0.1)
        startup = time.perf_counter() - start
        print(f"  mkdocs serve is up on {base} after {startup:.2f} s", flush=True)
        time.sleep(1.0)
        # Plain builds and edits alternate: this machine's speed drifts by 10-20% within minutes,
        # and two separate series would measure the drift along with the builds.
        for index in range(edits):
            wall, alone = timed_plain_build(project, scratch)
            plain_builds.append(wall)
            plain_builds_own.append(alone)
            print(
                f"  plain build of the same project: {plain_builds[-1]:.2f} s "
                f"(build alone, timed inside MkDocs: {plain_builds_own[-1]:.2f} s)",
                flush=True,
            )
            marker = f"benchedit{index}x{random.randrange(16**6):06x}"
            changed = insert_marker(original, marker)
            edit_started = time.perf_counter()
            record.write_text(changed, encoding="utf-8")
            deadline = time.monotonic() + 300
            while True:
                html = fetch(base + page_url_path, timeout=120)
                if html and marker in html:
                    break
                if server.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {server.returncode}; see {scratch / 'serve.log'}")
                if time.monotonic() > deadline:
                    raise BenchError(f"edit {index + 1} did not show up within 300 s")
                time.sleep(0.02)
            rebuilds.append(time.perf_counter() - edit_started)
            print(f"  edit {index + 1}: the page showed the new text after {rebuilds[-1]:.2f} s", flush=True)
            time.sleep(1.5)  # let the watcher settle before the next edit
    finally:
        stop(server)
        log.close()
        record.write_text(original, encoding="utf-8")
    # Build 1 is the initial build; one more follows each edit.
    rebuilds_own = [float(s) for n, s in TIMED_BUILD.findall((scratch / "serve.log").read_bytes()) if int(n) > 1]
    return ServeResult(
        edited=f"data/partners/{record.name}",
        page=page_url_path,
        startup=startup,
        rebuilds=rebuilds,
        plain_builds=plain_builds,
        rebuilds_own=rebuilds_own,
        plain_builds_own=plain_builds_own,
    )


def stop(process: subprocess.Popen) -> None:
    """Stop a server this script started (by its own handle), escalating if it does not exit."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGINT)  # mkdocs serve shuts down cleanly on Ctrl-C
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --- Report ---------------------------------------------------------------------------------------


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(cases: list[Case], serve: ServeResult | None, args: argparse.Namespace, *, imports: list[float]) -> dict:
    rows = []
    base = cases[0]
    base_per_page = median(base.with_hook) / base.pages
    for case in cases:
        a, b, c = median(case.hook), median(case.with_hook), median(case.plain)
        per_page = b / case.pages
        rows.append(
            {
                "size": case.size,
                "counts": case.counts,
                "pages": case.pages,
                "hook_s": a,
                "hook_load_s": median(case.hook_load),
                "hook_render_s": median(case.hook_render),
                "downloads": case.downloads,
                "hook_peak_rss_mb": case.memory.get("rss_peak_mb"),
                "hook_base_rss_mb": case.memory.get("rss_base_mb"),
                "hook_tracemalloc_peak_mb": case.memory.get("tracemalloc_peak_mb"),
                "build_with_hook_s": b,
                "build_plain_s": c,
                "b_over_c": b / c,
                "hook_share": a / b,
                "ms_per_page": per_page * 1000,
                "per_page_vs_base": per_page / base_per_page,
                "build_with_hook_rss_mb": median(case.rss_with_hook),
                "build_plain_rss_mb": median(case.rss_plain),
                "html_pages": case.html_pages,
                "reps": len(case.with_hook),
                "raw": {"hook": case.hook, "with_hook": case.with_hook, "plain": case.plain},
            }
        )

    print()
    print(
        f"Build speed, medians of interleaved repetitions (python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {dt.datetime.now():%Y-%m-%d %H:%M})"
    )
    header = (
        "| entities | pages | reps | hook (a) s | hook peak MB (RSS / tracemalloc) | build with hook (b) s "
        f"| plain build (c) s | b/c | hook share a/b | (b) ms/page | per page vs {base.size} |"
    )
    print(header)
    print("|" + "|".join("---" for _ in range(11)) + "|")
    for row in rows:
        print(
            f"| {row['size']:,} | {row['pages']:,} | {row['reps']} | {row['hook_s']:.2f} "
            f"| {row['hook_peak_rss_mb']:.0f} / {row['hook_tracemalloc_peak_mb']:.0f} "
            f"| {row['build_with_hook_s']:.2f} | {row['build_plain_s']:.2f} | {row['b_over_c']:.3f} "
            f"| {row['hook_share']:.1%} | {row['ms_per_page']:.1f} | {row['per_page_vs_base']:.2f}x |"
        )
    print()
    for row in rows:
        print(
            f"  {row['size']:,} entities = {row['counts']['frameworks']} frameworks, {row['counts']['partners']} "
            f"partners, {row['counts']['milestones']} milestones, {row['counts'].get('sources', 0)} sources; hook = load {row['hook_load_s']:.2f} s + pages and "
            f"{row['downloads']} downloads {row['hook_render_s']:.2f} s; HTML pages written (b/c): {row['html_pages'].get('b')}/"
            f"{row['html_pages'].get('c')}; mkdocs peak RSS (b/c): {row['build_with_hook_rss_mb']:.0f}/"
            f"{row['build_plain_rss_mb']:.0f} MB; raw a={_fmt(row['raw']['hook'])} b={_fmt(row['raw']['with_hook'])} "
            f"c={_fmt(row['raw']['plain'])}"
        )
    for first, second in itertools.pairwise(rows):
        pages = second["pages"] - first["pages"]
        print(
            f"  marginal cost {first['size']:,} -> {second['size']:,} entities: "
            f"(b) {1000 * (second['build_with_hook_s'] - first['build_with_hook_s']) / pages:.1f} ms/page, "
            f"(c) {1000 * (second['build_plain_s'] - first['build_plain_s']) / pages:.1f} ms/page, "
            f"hook {1000 * (second['hook_s'] - first['hook_s']) / pages:.2f} ms/page"
        )
    print("  hook peak MB: peak RSS of a fresh process running only the hook's work (its interpreter")
    print(f"  and imports alone: {rows[0]['hook_base_rss_mb']:.0f} MB) / tracemalloc peak of the Python allocations")
    print(f"  of those two calls. Links replaced by their text in hand-written pages: {cases[0].unlinked} per project.")
    package_import = median(imports)
    print(
        f"  Importing the hook's package (pydantic and the models) takes {package_import:.3f} s in a fresh process "
        f"(median of {len(imports)}), outside (a) but inside (b): "
        + ", ".join(f"{package_import / r['build_plain_s']:.1%} of (c) at {r['size']:,}" for r in rows)
        + "."
    )

    print()
    print("Targets of the issue:")
    verdicts = []

    def verdict(name: str, ok: bool | None, detail: str) -> None:
        state = "n/a " if ok is None else ("PASS" if ok else "FAIL")
        verdicts.append({"target": name, "result": state.strip(), "detail": detail})
        print(f"  [{state}] {name}: {detail}")

    worst = max(rows, key=lambda r: r["hook_share"])
    verdict(
        f"hook share <= {TARGETS['hook_share']:.0%} at every size",
        all(r["hook_share"] <= TARGETS["hook_share"] for r in rows),
        ", ".join(f"{r['size']:,}: {r['hook_share']:.1%}" for r in rows) + f" (worst {worst['size']:,})",
    )
    verdict(
        f"build with hook / plain build <= {TARGETS['b_over_c']}",
        all(r["b_over_c"] <= TARGETS["b_over_c"] for r in rows),
        ", ".join(f"{r['size']:,}: {r['b_over_c']:.3f}" for r in rows),
    )
    big = next((r for r in rows if r["size"] == 10000), None)
    small = next((r for r in rows if r["size"] == 100), None)
    if big and small:
        ratio = big["ms_per_page"] / small["ms_per_page"]
        verdict(
            f"time per page at 10,000 within {TARGETS['per_page_growth']}x of that at 100",
            ratio <= TARGETS["per_page_growth"],
            f"{big['ms_per_page']:.1f} vs {small['ms_per_page']:.1f} ms/page = {ratio:.2f}x",
        )
    else:
        verdict(
            f"time per page at 10,000 within {TARGETS['per_page_growth']}x of that at 100",
            None,
            "needs sizes 100 and 10,000 (largest/smallest measured: "
            f"{rows[-1]['ms_per_page'] / rows[0]['ms_per_page']:.2f}x)",
        )
    if big:
        peak = max(big["hook_peak_rss_mb"], big["hook_tracemalloc_peak_mb"])
        verdict(
            f"hook peak memory < {TARGETS['hook_peak_mb']} MB at 10,000",
            peak < TARGETS["hook_peak_mb"],
            f"peak RSS {big['hook_peak_rss_mb']:.0f} MB (whole process), tracemalloc {big['hook_tracemalloc_peak_mb']:.0f} MB",
        )
    else:
        verdict(f"hook peak memory < {TARGETS['hook_peak_mb']} MB at 10,000", None, "10,000 not measured")

    serve_row = None
    if serve:
        rebuild, plain = median(serve.rebuilds), median(serve.plain_builds)
        serve_row = {
            "edited": serve.edited,
            "page": serve.page,
            "startup_s": serve.startup,
            "rebuilds_s": serve.rebuilds,
            "plain_builds_s": serve.plain_builds,
            "rebuild_median_s": rebuild,
            "plain_build_median_s": plain,
            "ratio": rebuild / plain,
            "rebuilds_own_s": serve.rebuilds_own,
            "plain_builds_own_s": serve.plain_builds_own,
            "ratio_own": median(serve.rebuilds_own) / median(serve.plain_builds_own) if serve.rebuilds_own else None,
        }
        print()
        print(f"mkdocs serve on a copy of the real project, editing {serve.edited} ({len(serve.rebuilds)} edits):")
        print(f"  edit -> {serve.page} shows the new text: {_fmt(serve.rebuilds)}; median {rebuild:.2f} s")
        print(f"  plain `mkdocs build` of the same project: {_fmt(serve.plain_builds)}; median {plain:.2f} s")
        print(f"  ratio rebuild under serve / plain build: {rebuild / plain:.2f}")
        print(
            "  (the rebuild includes the watcher's polling, every 0.5 s, and its 0.1 s debounce; the plain build"
            " includes starting Python and importing MkDocs, which serve does once)"
        )
        if serve.rebuilds_own:
            own_rebuild, own_plain = median(serve.rebuilds_own), median(serve.plain_builds_own)
            print(
                f"  build alone (timed inside MkDocs), rebuild under serve: {_fmt(serve.rebuilds_own)}; median {own_rebuild:.2f} s"
            )
            print(
                f"  build alone (timed inside MkDocs), plain build: {_fmt(serve.plain_builds_own)}; median {own_plain:.2f} s"
            )
            print(f"  ratio of the builds alone, rebuild / plain: {own_rebuild / own_plain:.2f}")
            # Timed inside MkDocs, both figures cover the same work; the end-to-end figures add the
            # watcher's polling to one and Python's start-up to the other.
            verdict(
                f"rebuild under serve within {TARGETS['serve_rebuild'] - 1:.0%} of a plain build (the builds alone)",
                own_rebuild / own_plain <= TARGETS["serve_rebuild"],
                f"{own_rebuild:.2f} s / {own_plain:.2f} s = {own_rebuild / own_plain:.2f} "
                f"(end to end: {rebuild:.2f} s / {plain:.2f} s = {rebuild / plain:.2f})",
            )
    return {
        "rows": rows,
        "package_import_s": package_import,
        "package_import_raw_s": imports,
        "targets": verdicts,
        "serve": serve_row,
        "args": vars(args),
    }


def code_version() -> str:
    """Which hook and configuration were measured: a digest of mkdocs.yml and hooks/ (no git)."""
    files = [
        ROOT / "mkdocs.yml",
        *sorted(p for p in (ROOT / "hooks").rglob("*") if p.is_file() and "__pycache__" not in p.parts),
    ]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    newest = max(path.stat().st_mtime for path in files)
    return f"mkdocs.yml + hooks/ sha256 {digest.hexdigest()[:12]} (newest file {dt.datetime.fromtimestamp(newest):%Y-%m-%d %H:%M:%S})"


def _load(values: tuple[float, float, float]) -> str:
    return ", ".join(f"{v:.2f}" for v in values)


def _fmt(values: list[float]) -> str:
    return "[" + ", ".join(f"{v:.2f}" for v in values) + "]"


# --- Main -----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="entity counts (default 100,1000,10000)"
    )
    parser.add_argument(
        "--reps",
        type=int,
        default=None,
        help="repetitions per size (default 9; 5 from 1,000 and 3 from 10,000 records)",
    )
    parser.add_argument("--skip-serve", action="store_true", help="skip the `mkdocs serve` rebuild measurement")
    parser.add_argument(
        "--serve-edits",
        type=int,
        default=SERVE_EDITS,
        help=f"edits under mkdocs serve, each after a plain build (default {SERVE_EDITS})",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic data")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    return args


def reps_for(size: int, args: argparse.Namespace) -> int:
    if args.reps is not None:
        return args.reps
    # Repetitions of one size differ by up to 20% on a shared 2-core machine: small sizes are
    # cheap to repeat, and more repetitions steady their medians.
    return 3 if size >= 10000 else 5 if size >= 1000 else 9


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    today = dt.date.today()
    # A SIGTERM ends the run through the `finally` blocks, so the server and temp files go too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    scratch = Path(tempfile.mkdtemp(prefix="bench-build-speed-"))
    load_at_start = os.getloadavg()
    print(f"Working in {scratch}; load average {_load(load_at_start)}", flush=True)
    print(f"Measuring {code_version()}", flush=True)
    if load_at_start[0] > 0.5 * (os.cpu_count() or 1):
        print("  WARNING: the machine is busy; timings will be noisy (other processes share the CPUs)", flush=True)
    started = time.perf_counter()
    try:
        cases = [Case(size, scratch / f"n{size}") for size in args.sizes]
        for case in cases:
            prepare(case, today=today, seed=args.seed)
            print(
                f"prepared {case.size:,} entities: {case.generated_pages:,} generated + {case.handwritten_pages} "
                f"hand-written pages",
                flush=True,
            )
            measure_memory(case, today=today)
            print(
                f"  hook memory: peak RSS {case.memory['rss_peak_mb']:.0f} MB, tracemalloc peak "
                f"{case.memory['tracemalloc_peak_mb']:.0f} MB",
                flush=True,
            )
        # Warm-up (untimed): OS file cache for Python, MkDocs and the theme, in both kinds of build.
        for project in (cases[0].hook_project, cases[0].plain_project):
            run_build(project, scratch)

        steps = ("a", "b", "c")
        for rep in range(max(reps_for(c.size, args) for c in cases)):
            order = steps[rep % 3 :] + steps[: rep % 3]
            for case in cases:
                if rep >= reps_for(case.size, args):
                    continue
                for step in order:
                    if step == "a":
                        time_hook(case, today=today)
                        got = case.hook[-1]
                    else:
                        got = time_build(case, step, scratch, count_pages=rep == 0)
                    print(f"  rep {rep + 1}, {case.size:,} entities, ({step}): {got:.2f} s", flush=True)

        imports = measure_import(cases[0].hook_project / "hooks", reps=9)
        print(f"  import of the hook's package in a fresh process: {_fmt(imports)}", flush=True)

        serve = None
        if not args.skip_serve:
            print("mkdocs serve on a copy of the real project:", flush=True)
            serve = measure_serve(scratch, edits=args.serve_edits)
        results = report(cases, serve, args, imports=imports)
        results["total_seconds"] = time.perf_counter() - started
        results["load_average"] = {"start": load_at_start, "end": os.getloadavg()}
        results["code"] = code_version()
        print(
            f"\nLoad average (1, 5, 15 min) at the start: {_load(load_at_start)}, at the end: {_load(os.getloadavg())}"
            f" ({os.cpu_count()} CPUs; above ~{os.cpu_count()} other work competed with the bench)"
        )
        out = Path(__file__).resolve().parent / "out"
        out.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        (out / f"build_speed-{stamp}.json").write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
        print(f"\nWhole run: {results['total_seconds'] / 60:.1f} min; results in bench/out/build_speed-{stamp}.json")
    finally:
        if args.keep:
            print(f"kept {scratch}")
        else:
            with contextlib.suppress(OSError):
                shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
