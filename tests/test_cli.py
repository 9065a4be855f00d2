"""`python -m partnerships check`: validate data/ without building the site."""

from __future__ import annotations

import os
import subprocess
import sys

from support import ROOT


def _check(data_dir):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
    return subprocess.run(
        [sys.executable, "-m", "partnerships", "check", "--data", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_check_passes_on_the_repository_data():
    result = _check(ROOT / "data")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data/ is valid: 11 frameworks")


def test_check_lists_problems_and_exits_1_without_traceback(data_dir):
    (data_dir / "partners" / "malta.yaml").write_text("id: malta\nname: {en: Malta}\n\tiso: MT\n")

    result = _check(data_dir)

    assert result.returncode == 1
    assert (
        result.stderr
        == "1 problem in data/:\n  data/partners/malta.yaml:3: tab character; YAML indents with spaces only\n"
    )
    assert "Traceback" not in result.stderr
