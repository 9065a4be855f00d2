"""World map geometry: country outlines as SVG path data, read from assets/world.json.

The file is made by tools/make_world_shapes.py (Natural Earth via world-atlas; see
assets/README.md). Shapes are keyed by ISO 3166-1 alpha-2 code; `markers` gives a centre point,
in view-box coordinates, for partners too small to see or click on the world map."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

WORLD_FILE = Path(__file__).parent / "assets" / "world.json"


@dataclass(frozen=True)
class World:
    view_box: str  # "0 0 1000 437.4"
    shapes: dict[str, str]  # alpha-2 -> SVG path data ("M…l…z"); XK is Kosovo, XX other areas without a code
    markers: dict[str, tuple[float, float]]  # alpha-2 -> (x, y) centre of a country too small to click
    source: str
    licence: str


def load_world(path: Path = WORLD_FILE) -> World:
    """Read the world map geometry (once per build: nothing is cached)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return World(
        view_box=data["viewBox"],
        shapes=dict(data["shapes"]),
        markers={iso: (float(x), float(y)) for iso, (x, y) in data["markers"].items()},
        source=data["source"],
        licence=data["licence"],
    )
