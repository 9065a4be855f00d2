"""Where the map draws things: the Europe inset's frame, and markers that do not overlap.

Pure geometry in the world map's view-box units (geo.py), no MkDocs and no data records: the
map page asks which countries need a marker and where each marker goes.

At 1280 px the world map is about 940 px wide (about 0.94 px a unit): North Macedonia is
6 x 5 units, far below the 24 x 24 px a finger or a shaky hand needs. The inset shows Europe,
the Caucasus and Central Asia about four times larger, and gives every country still under
MIN_SIDE units a round marker RADIUS units wide, pushed apart so that no two overlap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

Point = tuple[float, float]

_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def view_box(self) -> str:
        return f"{self.x:g} {self.y:g} {self.width:g} {self.height:g}"

    @property
    def centre(self) -> Point:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, point: Point) -> bool:
        x, y = point
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height


# Europe from Ireland, the Caucasus and Central Asia to Kyrgyzstan, Malta and Cyprus included.
EUROPE = Box(470, 14, 232, 104)
# Below this many units, a country in the inset is too small to point at (6 units is 24 px
# when the inset is 930 px wide, its width at 1280 px); it gets a marker instead.
MIN_SIDE = 7.0
INSET_RADIUS = 3.5  # a marker 7 units wide: 28 px at that width
WORLD_RADIUS = 5.0  # markers on the world map, for partners with no shape big enough to see
GAP = 0.6  # between two markers, so that their outlines do not touch


def bounds(path: str) -> Box:
    """The bounding box of path data made of `M x y l dx dy … z` rings (geo.py's format)."""
    xs, ys = [], []
    for ring in path.split("M")[1:]:
        numbers = [float(n) for n in _NUMBER.findall(ring)]
        x, y = numbers[0], numbers[1]
        xs.append(x)
        ys.append(y)
        for dx, dy in zip(numbers[2::2], numbers[3::2], strict=False):
            x, y = x + dx, y + dy
            xs.append(x)
            ys.append(y)
    if not xs:
        raise ValueError(f"no ring in path data {path[:40]!r}")
    return Box(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))


def needs_marker(box: Box, min_side: float = MIN_SIDE) -> bool:
    return min(box.width, box.height) < min_side


def spread(anchors: Mapping[str, Point], radius: float, gap: float = GAP, rounds: int = 400) -> dict[str, Point]:
    """A place for each marker near its anchor, with no two markers closer than 2 * radius + gap.

    Overlapping pairs push each other apart along the line between them, half each, until no
    pair overlaps. The order is fixed (sorted keys), so the same anchors give the same map in
    every build. Markers on one point separate along a direction taken from their order."""
    keys = sorted(anchors)
    place = {key: anchors[key] for key in keys}
    # Aim a little wider than asked, so that rounding the places to 0.01 cannot bring a pair
    # back under the distance.
    need = 2 * radius + gap + 0.02
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(keys):
            for j in range(i + 1, len(keys)):
                b = keys[j]
                (ax, ay), (bx, by) = place[a], place[b]
                dx, dy = bx - ax, by - ay
                apart = math.hypot(dx, dy)
                if apart >= need - 1e-9:
                    continue
                if apart < 1e-9:
                    angle = math.pi * (i + j) / max(len(keys), 2)
                    dx, dy, apart = math.cos(angle), math.sin(angle), 1.0
                push = (need - math.hypot(bx - ax, by - ay)) / 2 + 1e-6
                ux, uy = dx / apart, dy / apart
                place[a] = (ax - ux * push, ay - uy * push)
                place[b] = (bx + ux * push, by + uy * push)
                moved = True
        if not moved:
            break
    return {key: (round(x, 2), round(y, 2)) for key, (x, y) in place.items()}
