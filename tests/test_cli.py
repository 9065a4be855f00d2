"""`python -m partnerships check`: validate data/ without building the site."""

from __future__ import annotations

import subprocess
import sys

from support import ROOT, clean_environment


def _check(project):
    env = clean_environment()
    return subprocess.run(
        [sys.executable, "-m", "partnerships", "check", "--project", str(project)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_check_passes_on_the_repository_data():
    result = _check(ROOT)

    assert result.returncode == 0, result.stderr
    assert "data/ is valid: 11 frameworks" in result.stdout


def test_check_lists_problems_and_exits_1_without_traceback(data_dir):
    (data_dir / "partners" / "malta.yaml").write_text("id: malta\nname: {en: Malta}\n\tiso: MT\n")

    result = _check(data_dir.parent)

    assert result.returncode == 1
    assert (
        result.stderr
        == "1 problem in data/:\n  data/partners/malta.yaml:3: tab character; YAML indents with spaces only\n"
    )
    assert "Traceback" not in result.stderr
