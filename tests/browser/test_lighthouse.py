"""Lighthouse on the home page, mobile preset: every category at least 95 (median of 3 runs).

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
def test_home_page_scores_at_least_95_in_every_category(built_site, artifacts):
    scores = lighthouse.measure(built_site, [""], runs=3)["/"]

    (artifacts / "lighthouse-home.json").write_text(json.dumps(scores, indent=1))
    print(f"Lighthouse home page, mobile, median of 3: {scores}")
    assert {category: score for category, score in scores.items() if score < 95} == {}
