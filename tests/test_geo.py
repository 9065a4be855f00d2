"""geo.py and assets/world.json: every partner can be drawn, and the data stays small and safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partnerships.geo import WORLD_FILE, World, load_world

ROOT = Path(__file__).resolve().parent.parent
# fmt: off
PARTNERS = [
    "AM", "AT", "AZ", "BY", "BA", "GE", "IE", "KZ", "KG", "MT", "MD", "RU", "RS", "CH", "TJ", "TM", "UA", "UZ",
    "AL", "BG", "HR", "CZ", "EE", "FI", "HU", "LV", "LT", "ME", "MK", "PL", "RO", "SK", "SI", "SE",
    "DZ", "EG", "IL", "JO", "MR", "MA", "TN", "BH", "KW", "QA", "AE",
    "AF", "AU", "CO", "IQ", "JP", "KR", "MN", "NZ", "PK",
]
# fmt: on
NUMBER = r"-?(?:\d+\.?\d*|\.\d+)"
RING = rf"M{NUMBER}[ ,]?{NUMBER}(?:l(?:[ ,]?{NUMBER}){{2,}})?z"
PATH = re.compile(rf"(?:{RING})+")


@pytest.fixture(scope="module")
def world() -> World:
    return load_world()


def view_box(world: World) -> tuple[float, float, float, float]:
    x, y, width, height = (float(n) for n in world.view_box.split())
    return x, y, width, height


@pytest.mark.parametrize("iso", PARTNERS)
def test_every_partner_has_a_shape_or_a_marker(world, iso):
    assert iso in world.shapes or iso in world.markers


def test_every_country_partner_in_the_data_has_a_shape_or_a_marker(world):
    line = re.compile(r"""^iso:\s*["']?([A-Z]{2})\b""", re.MULTILINE)
    codes = {m[1] for f in (ROOT / "data" / "partners").glob("*.yaml") for m in line.finditer(f.read_text("utf-8"))}
    assert len(codes) > 50
    missing = sorted(codes - {"EU"} - world.shapes.keys() - world.markers.keys())
    assert missing == [], "regenerate: python tools/make_world_shapes.py"


def test_small_partners_have_markers_inside_the_view_box(world):
    x0, y0, width, height = view_box(world)
    assert {"MT", "BH"} <= world.markers.keys()
    for iso, (x, y) in world.markers.items():
        assert x0 <= x <= x0 + width, iso
        assert y0 <= y <= y0 + height, iso


def test_view_box_parses_as_a_wide_map(world):
    x, y, width, height = view_box(world)
    assert (x, y) == (0, 0)
    assert 900 <= width <= 1100
    assert 1.8 <= width / height <= 2.8


def test_shapes_are_plain_path_data(world):
    bad = [iso for iso, d in world.shapes.items() if not PATH.fullmatch(d)]
    assert bad == []


def test_shapes_are_keyed_by_alpha_2_codes_and_cover_the_world(world):
    assert all(re.fullmatch(r"[A-Z]{2}", iso) for iso in world.shapes)
    assert len(world.shapes) > 200
    assert {"US", "FR", "DE", "TR", "CN", "BR"} <= world.shapes.keys()  # non-partners, for the background


def test_shapes_stay_inside_the_view_box(world):
    x0, y0, width, height = view_box(world)
    for iso, d in world.shapes.items():
        for ring in re.findall(r"M[^M]*", d):
            numbers = [float(n) for n in re.findall(NUMBER, ring)]
            x, y = numbers[0], numbers[1]
            xs, ys = [x], [y]
            for dx, dy in zip(numbers[2::2], numbers[3::2], strict=True):
                x, y = x + dx, y + dy
                xs.append(x)
                ys.append(y)
            assert x0 - 0.5 <= min(xs), iso
            assert max(xs) <= x0 + width + 0.5, iso
            assert y0 - 0.5 <= min(ys), iso
            assert max(ys) <= y0 + height + 0.5, iso


def test_world_file_is_small():
    assert WORLD_FILE.stat().st_size < 100 * 1024


def test_source_and_licence_are_named(world):
    assert "Natural Earth" in world.source
    assert "public domain" in world.licence
    assert "ISC" in world.licence


def test_load_world_reads_the_given_file(tmp_path):
    file = tmp_path / "w.json"
    file.write_text(
        '{"viewBox": "0 0 10 5", "source": "s", "licence": "l", "markers": {"MT": [1, 2.5]}, "shapes": {"FI": "M1 1l1 0 0 1z"}}'
    )
    assert load_world(file) == World("0 0 10 5", {"FI": "M1 1l1 0 0 1z"}, {"MT": (1.0, 2.5)}, "s", "l")
