"""Lighthouse scores of the built site, measured in Debian's headless Chromium on 127.0.0.1.

    python tools/lighthouse.py [SITE_DIR] [--page PATH] [--runs N] [--min-score 95] [--max-shift 0.02]

Serves SITE_DIR (default: site/) gzip-compressed, as a static host does, on a free loopback
port; runs Lighthouse (npm, mobile preset: simulated 4x CPU throttling and a slow 4G link) N
times on each page (default: the home page, the map, a partner and the matrix, in both languages) and prints the
median score of each category and the median cumulative layout shift. With --min-score or
--max-shift, exits 1 if a median misses it. Performance is the noisy one on a shared 2-core
machine: compare medians, not single runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHIFT = "cumulative-layout-shift"
# The pages issues 11 and 12 set their bar on: the home page, the map, a partner and the
# matrix, in English and in French.
DEFAULT_PAGES = ("", "map/", "partners/finland/", "matrix/", "fr/", "fr/map/", "fr/partners/finland/", "fr/matrix/")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update "
    "--no-first-run --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'"
)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as any real static host does
    (GitHub Pages, Netlify, nginx with gzip on). Python's own server never compresses, which
    would make Lighthouse time 250 KB of Material's CSS and JavaScript uncompressed."""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_port}/"


def run_once(url: str) -> dict[str, float]:
    """One Lighthouse run: category -> score out of 100, and the layout shift it measured."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
                f"--chrome-flags={CHROME_FLAGS}",
            ],
            env=env,
            check=True,
            capture_output=True,
            timeout=180,
        )
        found = json.loads(report.read_text())
    scores: dict[str, float] = {name: round(found["categories"][name]["score"] * 100) for name in CATEGORIES}
    scores[SHIFT] = found["audits"][SHIFT]["numericValue"]
    return scores


def measure(site: Path, pages: list[str], runs: int) -> dict[str, dict[str, float]]:
    """Page -> category (and layout shift) -> median over `runs` runs."""
    httpd, base = serve(site)
    try:
        results = {}
        for path in pages:
            scores = [run_once(base + path) for _ in range(runs)]
            results[path or "/"] = {c: statistics.median(s[c] for s in scores) for c in (*CATEGORIES, SHIFT)}
        return results
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--page", action="append", dest="pages", help="path under the site (default: the home page)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--min-score", type=int)
    parser.add_argument("--max-shift", type=float)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("lighthouse not installed: run `npm ci`", file=sys.stderr)
        return 2
    results = measure(args.site, args.pages or list(DEFAULT_PAGES), args.runs)
    print(f"Lighthouse, mobile preset, gzip-compressed, median of {args.runs} run(s)")
    print(f"{'page':30} " + " ".join(f"{c:>15}" for c in CATEGORIES) + f" {'layout shift':>13}")
    for page, scores in results.items():
        print(f"{page:30} " + " ".join(f"{scores[c]:>15g}" for c in CATEGORIES) + f" {scores[SHIFT]:>13.3f}")
    missed = []
    for page, scores in results.items():
        if args.min_score is not None:
            missed += [
                f"{page} {c} = {scores[c]:g} < {args.min_score}" for c in CATEGORIES if scores[c] < args.min_score
            ]
        if args.max_shift is not None and scores[SHIFT] >= args.max_shift:
            missed.append(f"{page} layout shift = {scores[SHIFT]:.3f} >= {args.max_shift}")
    for line in missed:
        print(f"missed: {line}", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
