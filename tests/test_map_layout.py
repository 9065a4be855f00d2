"""map_layout.py: the bounds of a shape, which countries need a marker, and markers that never
overlap, whatever their anchors."""

from __future__ import annotations

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from partnerships.geo import load_world
from partnerships.map_layout import EUROPE, GAP, INSET_RADIUS, Box, bounds, needs_marker, spread


def test_bounds_follow_relative_moves_across_rings():
    # Two rings: a 2 x 1 box from (10, 20), and a point ring at (30, 5).
    assert bounds("M10 20l2 0 0 1-2 0zM30 5l0 0z") == Box(10, 5, 20, 16)


def test_bounds_read_numbers_written_without_separators():
    assert bounds("M1.5 2l-.5-.5 1 .25z") == Box(1.0, 1.5, 1.0, 0.5)


def test_north_macedonia_is_too_small_for_the_inset_and_ukraine_is_not():
    world = load_world()
    assert needs_marker(bounds(world.shapes["MK"]))
    assert not needs_marker(bounds(world.shapes["UA"]))
    assert EUROPE.contains(bounds(world.shapes["MK"]).centre)


def test_markers_far_apart_stay_where_they_are():
    anchors = {"a": (0.0, 0.0), "b": (100.0, 0.0)}
    assert spread(anchors, radius=3) == anchors


def test_markers_on_the_same_point_are_pushed_apart_the_same_way_each_time():
    anchors = {"qa": (10.0, 10.0), "bh": (10.0, 10.0), "kw": (10.0, 10.0)}
    first = spread(anchors, radius=5)
    assert first == spread(dict(reversed(anchors.items())), radius=5)
    assert len(set(first.values())) == 3


def _closest(places: dict[str, tuple[float, float]]) -> float:
    return min((math.dist(a, b) for a, b in itertools.combinations(places.values(), 2)), default=math.inf)


coordinate = st.floats(min_value=0, max_value=40, allow_nan=False)


@given(st.dictionaries(st.text("abcdefgh", min_size=1, max_size=3), st.tuples(coordinate, coordinate), max_size=12))
def test_no_two_markers_overlap_after_spreading(anchors):
    places = spread(anchors, radius=INSET_RADIUS)

    assert places.keys() == anchors.keys()
    assert _closest(places) >= 2 * INSET_RADIUS + GAP


def test_the_inset_markers_of_the_real_map_do_not_overlap():
    world = load_world()
    small = {"AL", "ME", "MK", "MT", "SI", "EE", "SK", "LV", "LT", "CH", "BE", "DK", "LU"}
    anchors = {iso: bounds(world.shapes[iso]).centre if iso in world.shapes else world.markers[iso] for iso in small}
    places = spread(anchors, radius=INSET_RADIUS)
    assert _closest(places) >= 2 * INSET_RADIUS + GAP
    # Each marker stays near its country: a leader line of a few markers' width at most.
    assert max(math.dist(anchors[iso], places[iso]) for iso in small) < 6 * INSET_RADIUS
