"""Lighthouse, mobile preset, served gzip-compressed as a host serves the site: every category
at least 95 on the home page, the map, a partner and the matrix, English and French (median of 3 runs each), and a
cumulative layout shift below 0.02.

The same measurement, printed as a table, is `python tools/lighthouse.py site`."""

from __future__ import annotations

import importlib.util
import json

import pytest

from support import ROOT

SCRIPT = ROOT / "tools" / "lighthouse.py"
spec = importlib.util.spec_from_file_location("lighthouse_tool", SCRIPT)
lighthouse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lighthouse)


@pytest.mark.skipif(
    not lighthouse.LIGHTHOUSE.exists(), reason="lighthouse not installed: run `npm ci` (make test does)"
)
@pytest.mark.parametrize("path", lighthouse.DEFAULT_PAGES)
def test_scores_at_least_95_in_every_category_and_nothing_moves(built_site, artifacts, path):
    scores = lighthouse.measure(built_site, [path], runs=3)[path or "/"]

    name = path.strip("/").replace("/", "-") or "home"
    (artifacts / f"lighthouse-{name}.json").write_text(json.dumps(scores, indent=1))
    print(f"Lighthouse {path or '/'}, mobile, median of 3: {scores}")
    assert {category: scores[category] for category in lighthouse.CATEGORIES if scores[category] < 95} == {}
    assert scores[lighthouse.SHIFT] < 0.02
