"""bench/: generate.py writes synthetic data that the real loader accepts, and build_timer.py times
every build of a project it is added to (no timing is asserted here)."""

from __future__ import annotations

import importlib.util
import sys

from partnerships import load_dataset
from support import ROOT, TODAY


def _bench_module(name: str):
    sys.path.insert(0, str(ROOT / "bench"))  # build_speed.py imports generate.py as a neighbour
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    sys.path.remove(str(ROOT / "bench"))
    return module


def _generate_module():
    return _bench_module("generate")


def test_generated_dataset_of_100_entities_loads(tmp_path):
    generate = _generate_module()

    counts = generate.generate_dataset(tmp_path / "data", 100, seed=1, today=TODAY)
    dataset = load_dataset(tmp_path / "data", today=TODAY)

    assert {k: counts[k] for k in ("frameworks", "partners", "milestones")} == {
        "frameworks": 2,
        "partners": 48,
        "milestones": 50,
    }
    assert (len(dataset.frameworks), len(dataset.partners), len(dataset.milestones)) == (2, 48, 50)
    # About two sources per record, as in the real data, each cited by id from the records.
    assert counts["sources"] == len(dataset.sources)
    assert 100 <= len(dataset.sources) <= 300
    assert all(1 <= len(m.frameworks) <= 3 and 1 <= len(m.partners) <= 4 for m in dataset.milestones)
    assert sum(len(p.memberships) for p in dataset.partners) > len(dataset.partners)  # several per partner
    assert all(m.sources for m in dataset.milestones)


def test_generation_is_deterministic(tmp_path):
    generate = _generate_module()

    generate.generate_dataset(tmp_path / "one", 100, seed=3, today=TODAY)
    generate.generate_dataset(tmp_path / "two", 100, seed=3, today=TODAY)

    one = {p.relative_to(tmp_path / "one"): p.read_text() for p in (tmp_path / "one").rglob("*.yaml")}
    two = {p.relative_to(tmp_path / "two"): p.read_text() for p in (tmp_path / "two").rglob("*.yaml")}
    assert one == two


def test_build_timer_times_a_build_of_the_project_it_is_added_to(tmp_path):
    build_speed = _bench_module("build_speed")
    project = tmp_path / "project"
    build_speed.copy_project(project, data=True)

    build_speed.add_build_timer(project)
    _, seconds = build_speed.timed_plain_build(project, tmp_path)  # fails if no build_timer line was logged

    assert "  - build_timer.py\n" in (project / "mkdocs.yml").read_text()
    assert 0 < seconds < 120


def test_the_bench_measures_one_edition_against_a_plain_build_of_one(tmp_path):
    build_speed = _bench_module("build_speed")
    project = tmp_path / "project"
    build_speed.copy_project(project, data=False)

    build_speed.one_edition(project)

    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "config: mkdocs-fr.yml" not in config
    assert "    fr: null" in config


def test_the_editions_bench_compares_both_editions_with_english_alone(tmp_path):
    editions = _bench_module("editions")
    project = tmp_path / "project"
    editions.copy_project(project)

    editions.timed_build(project, "mkdocs-english-only.yml", tmp_path / "one")
    editions.timed_build(project, "mkdocs.yml", tmp_path / "both")

    assert (tmp_path / "one" / "index.html").exists()
    assert not (tmp_path / "one" / "fr").exists()
    assert (tmp_path / "both" / "fr" / "index.html").exists()
