"""Regenerate hooks/partnerships/assets/world.json: country outlines as SVG path data.

Input (both from the npm registry, fetched with `npm pack` unless given as paths):
- world-atlas@2.0.2 (ISC, Mike Bostock): Natural Earth 4.1.0 Admin 0 countries, 1:50m, as
  TopoJSON; Natural Earth is public domain. Country ids are ISO 3166-1 numeric codes.
- i18n-iso-countries@7.14.0 (MIT, widdix GmbH): codes.json, the ISO 3166-1
  alpha-2 / alpha-3 / numeric table used to key the shapes by alpha-2.

Steps: decode the TopoJSON arcs, project them (Equal Earth, cropped to latitudes -58..84,
Antarctica left out), simplify each shared arc once with Douglas-Peucker (so neighbours keep
a common border), round to 0.1 in a 1000-wide view box, drop islands too small to see, and
write one path ("M…l…z", relative moves) per country. Rings crossing the antimeridian (Russia,
Fiji) are split. Partners (the `iso:` lines of data/partners/*.yaml, less EU) get a finer
tolerance than the rest of the world; those too small to see or click also get a marker.

Usage (stdlib only; needs `npm` on PATH when the inputs are not given):
    python tools/make_world_shapes.py
    python tools/make_world_shapes.py --topojson countries-50m.json --codes codes.json
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hooks" / "partnerships" / "assets" / "world.json"
WORLD_ATLAS = "world-atlas@2.0.2"
ISO_CODES = "i18n-iso-countries@7.14.0"

PARTNERS_DIR = ROOT / "data" / "partners"  # one YAML file per partner, with a line `iso: "FI"`
NOT_A_COUNTRY = {"EU"}  # partners that are organisations: no shape


def partner_codes(folder: Path) -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes of NATO's partners (past and present, now Allies too), read from
    the data without a YAML parser: partners get finer outlines and, when small, a marker."""
    pattern = re.compile(r"""^iso:\s*["']?([A-Z]{2})["']?\s*(?:#.*)?$""", re.MULTILINE)
    codes = {m.group(1) for f in sorted(folder.glob("*.yaml")) for m in pattern.finditer(f.read_text("utf-8"))}
    return frozenset(codes - NOT_A_COUNTRY)


WIDTH = 1000.0
LAT_TOP, LAT_BOTTOM = 84.0, -58.0
TOLERANCE = {"partner": 0.3, "other": 0.7}  # Douglas-Peucker, in view-box units
MIN_RING_AREA = {"partner": 1.5, "other": 6.0}  # smaller islands are dropped (a country keeps its largest ring)
MARKER_BELOW = 6.0  # partners whose shape is less than this wide and high get a marker
SKIP = {"AQ"}  # Antarctica: outside the crop
# Areas that have no ISO 3166-1 code in world-atlas, drawn so that the map has no holes. Both keys
# are in ISO 3166-1's user-assigned range (never a country's code): XK is the usual code for
# Kosovo; XX gathers the rest, which are background only.
NO_CODE = {"Kosovo": "XK", "N. Cyprus": "XX", "Somaliland": "XX", "Siachen Glacier": "XX", "Indian Ocean Ter.": "XX"}


# --- Equal Earth projection (Šavrič, Patterson, Jenny 2018) ---------------------------------------

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    lam, phi = math.radians(lon), math.radians(lat)
    t = math.asin(M * math.sin(phi))
    t2 = t * t
    t6 = t2 * t2 * t2
    x = lam * math.cos(t) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


SCALE = WIDTH / (2 * equal_earth(180, 0)[0])
Y_TOP = equal_earth(0, LAT_TOP)[1]
HEIGHT = round(SCALE * (Y_TOP - equal_earth(0, LAT_BOTTOM)[1]), 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return WIDTH / 2 + SCALE * x, SCALE * (Y_TOP - y)


# --- TopoJSON ------------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as (longitude, latitude) points (TopoJSON arcs are quantized and delta-encoded).

    Longitudes are unwrapped: an arc that crosses the antimeridian goes on past ±180 instead of
    jumping across the map (only Russia and Fiji have such arcs); see `split_at_antimeridian`."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points: list[tuple[float, float]] = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            lon, lat = x * sx + tx, y * sy + ty
            if points:
                lon += 360 * round((points[-1][0] - lon) / 360)
            points.append((lon, lat))
        arcs.append(points)
    return arcs


def ring_lonlat(ring: list[int], arcs: list | dict) -> list[tuple[float, float]]:
    """A ring of arc indexes (a negative index is a reversed arc) as continuous lon/lat points."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[~index][::-1] if index < 0 else arcs[index]
        if points:
            shift = 360 * round((points[-1][0] - arc[0][0]) / 360)
            points.extend((lon + shift, lat) for lon, lat in arc[1:])
        else:
            points.extend(arc)
    return points


def clip(points: list[tuple[float, float]], lon: float, keep_east: bool) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of a ring east (or west) of a meridian."""

    def inside(p: tuple[float, float]) -> bool:
        return p[0] >= lon if keep_east else p[0] <= lon

    out = []
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        if inside(a) != inside(b):
            t = (lon - a[0]) / (b[0] - a[0])
            out.append((lon, a[1] + t * (b[1] - a[1])))
        if inside(b):
            out.append(b)
    return out


def split_at_antimeridian(points: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that runs past ±180 as pieces that each lie within -180..180."""
    lons = [lon for lon, _ in points]
    first, last = math.floor((min(lons) + 180) / 360), math.floor((max(lons) + 180) / 360 - 1e-9)
    if first == last:
        return [[(lon - 360 * first, lat) for lon, lat in points]]
    pieces = []
    for k in range(first, last + 1):
        piece = clip(clip(points, 360 * k - 180, keep_east=True), 360 * k + 180, keep_east=False)
        if len(piece) >= 3:
            pieces.append([(lon - 360 * k, lat) for lon, lat in piece])
    return pieces


def polygons(geometry: dict) -> list[list[list[int]]]:
    """The polygons of a geometry, each a list of rings, each a list of arc indexes."""
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["arcs"]]
    if kind == "MultiPolygon":
        return geometry["arcs"]
    return []


# --- Simplification --------------------------------------------------------------------------------


def douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[bool]:
    """Which points to keep: the end points and every point farther than `tolerance` from the
    simplified line."""
    keep = [True] * len(points)
    if len(points) < 3:
        return keep
    keep[1:-1] = [False] * (len(points) - 2)
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length2 == 0:
                d = math.hypot(px - ax, py - ay)
            else:
                t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
                d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > worst:
                worst, index = d, i
        if worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return keep


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas–Peucker on lon/lat points, measured in view-box units."""
    keep = douglas_peucker([project(lon, lat) for lon, lat in points], tolerance)
    return [p for p, k in zip(points, keep, strict=True) if k]


def area(ring: list[tuple[int, int]]) -> float:
    """Absolute area of a ring of points in tenths, in view-box units squared."""
    total = 0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 200


# --- Output --------------------------------------------------------------------------------------


def number(tenths: int) -> str:
    """A coordinate given in tenths, as short as SVG allows: 12, 1.5, .5, -.5."""
    sign, tenths = ("-" if tenths < 0 else ""), abs(tenths)
    whole, tenth = divmod(tenths, 10)
    if tenth == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tenth}"


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Rings (points in tenths) as "M x y l dx dy … z", relative after the first point."""
    parts = []
    for ring in rings:
        (px, py), numbers = ring[0], []
        for x, y in ring[1:]:
            numbers += [number(x - px), number(y - py)]
            px, py = x, y
        parts.append(f"M{number(ring[0][0])} {number(ring[0][1])}l{' '.join(numbers)}z")
    return "".join(parts).replace(" -", "-")


def ring_points(ring: list[int], arcs: list | dict, tolerance: float = 0.0) -> list[list[tuple[int, int]]]:
    """A ring of arc indexes as one or more rings (two where it crosses the antimeridian) of
    distinct projected points, in tenths of a view-box unit."""
    rings = []
    for piece in split_at_antimeridian(ring_lonlat(ring, arcs)):
        if tolerance:
            piece = simplify(piece, tolerance)
        out: list[tuple[int, int]] = []
        for lon, lat in piece:
            x, y = project(lon, lat)
            p = (round(x * 10), round(y * 10))
            if not out or p != out[-1]:
                out.append(p)
        if len(out) > 1 and out[0] == out[-1]:
            out.pop()
        rings.append(out)
    return rings


def build(topology: dict, numeric_to_alpha2: dict[str, str], partners: frozenset[str]) -> dict:
    arcs = decode_arcs(topology)
    # alpha-2 -> its geometries' polygons: Australia comes in two (with Ashmore and Cartier Is.), XX in four
    countries: dict[str, list[list]] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        iso = numeric_to_alpha2.get(str(geometry.get("id"))) or NO_CODE.get(geometry["properties"]["name"])
        if iso is None or iso in SKIP:
            continue
        countries.setdefault(iso, []).append(polygons(geometry))

    # Each arc is simplified once, with the finest tolerance of the countries it borders.
    tolerance: dict[int, float] = {}
    for iso, geometries in countries.items():
        t = TOLERANCE["partner" if iso in partners else "other"]
        for ring in (r for polys in geometries for p in polys for r in p):
            for index in ring:
                a = ~index if index < 0 else index
                tolerance[a] = min(tolerance.get(a, t), t)
    simple = {a: simplify(arcs[a], t) for a, t in tolerance.items()}

    shapes: dict[str, list] = {}
    markers: dict[str, list[float]] = {}
    for iso, geometries in countries.items():
        kind = "partner" if iso in partners else "other"
        kept, largest = [], []
        for polys in geometries:
            rings = []  # (area, is_outer, points in tenths)
            for poly in polys:
                for n, ring in enumerate(poly):
                    pieces = ring_points(ring, simple)
                    for finer in (TOLERANCE[kind] / 5, 0.0):  # an island that simplification collapsed
                        if all(len(points) < 3 for points in pieces):
                            pieces = ring_points(ring, arcs, tolerance=finer)
                    rings += [(area(points), n == 0, points) for points in pieces if len(points) >= 3]
            outer = [r for r in rings if r[1]]
            if not outer:
                continue  # smaller than 0.1 unit
            main = max(outer, key=lambda r: r[0])  # each geometry keeps its main ring, however small
            kept += [points for a, _, points in rings if a >= MIN_RING_AREA[kind] or points is main[2]]
            largest = max([largest, main[2]], key=area)
        if not kept:
            continue
        shapes[iso] = kept
        xs, ys = [x for pts in kept for x, _ in pts], [y for pts in kept for _, y in pts]
        if iso in partners and max(xs) - min(xs) < MARKER_BELOW * 10 and max(ys) - min(ys) < MARKER_BELOW * 10:
            markers[iso] = [
                round(sum(x for x, _ in largest) / len(largest) / 10, 1),
                round(sum(y for _, y in largest) / len(largest) / 10, 1),
            ]
    return {
        "viewBox": f"0 0 {WIDTH:g} {HEIGHT:g}",
        "source": "Natural Earth 1:50m Admin 0 countries, via the world-atlas 2.0.2 npm package",
        "licence": "Natural Earth: public domain; world-atlas: ISC",
        "projection": f"Equal Earth, latitudes {LAT_BOTTOM:g} to {LAT_TOP:g}",
        "markers": dict(sorted(markers.items())),
        "shapes": {iso: path_data(rings) for iso, rings in sorted(shapes.items())},
    }


def write(world: dict, out: Path) -> None:
    """One shape per line, so that a regeneration gives a readable diff."""
    head = {k: v for k, v in world.items() if k != "shapes"}
    lines = [f" {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}," for k, v in head.items()]
    shapes = [f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in world["shapes"].items()]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("{\n" + "\n".join(lines) + '\n "shapes": {\n' + ",\n".join(shapes) + "\n }\n}\n", encoding="utf-8")


def npm_file(spec: str, member: str, workdir: Path) -> Path:
    """`npm pack` a package into workdir and return one file from it."""
    name = subprocess.run(["npm", "pack", spec, "--silent"], cwd=workdir, check=True, capture_output=True, text=True)
    with tarfile.open(workdir / name.stdout.strip().splitlines()[-1]) as tar:
        tar.extract(f"package/{member}", workdir, filter="data")
    return workdir / "package" / member


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--topojson", type=Path, help="world-atlas countries-50m.json (default: npm pack)")
    parser.add_argument("--codes", type=Path, help="i18n-iso-countries codes.json (default: npm pack)")
    parser.add_argument("--partners", type=Path, default=PARTNERS_DIR, help="folder of partner YAML files")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        topojson = args.topojson or npm_file(WORLD_ATLAS, "countries-50m.json", Path(tmp))
        codes = args.codes or npm_file(ISO_CODES, "codes.json", Path(tmp))
        topology = json.loads(topojson.read_text(encoding="utf-8"))
        numeric_to_alpha2 = {
            numeric: alpha2 for alpha2, _alpha3, numeric, *_ in json.loads(codes.read_text(encoding="utf-8"))
        }
    partners = partner_codes(args.partners)
    if not partners:
        raise SystemExit(f"no partner ISO codes found in {args.partners}")
    world = build(topology, numeric_to_alpha2, partners)
    write(world, args.out)
    total = sum(len(d) for d in world["shapes"].values())
    print(
        f"{args.out}: {len(world['shapes'])} shapes, {total / 1024:.1f} KB of path data, "
        f"{args.out.stat().st_size / 1024:.1f} KB in all; markers: {', '.join(world['markers']) or 'none'}"
    )
    missing = sorted(partners - world["shapes"].keys() - world["markers"].keys())
    if missing:
        raise SystemExit(f"partners with neither shape nor marker: {', '.join(missing)}")


if __name__ == "__main__":
    main()
