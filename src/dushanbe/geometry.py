"""Country shapes and shared borders from the TopoJSON files in ``data/geometry/``.

TopoJSON stores each stretch of boundary once, as an *arc*, and lists for each country the arcs
that outline it. A land border between two countries is therefore exactly the set of arcs both
reference — no polygon intersection needed.

>>> topo = load_topology("ne_50m_region")
>>> sorted(neighbours(topo, "AFG"))
['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pyproj import Geod

from .paths import data_dir

__all__ = ["load_topology", "country_rings", "neighbours", "shared_arcs", "border_lines",
           "border_length_km", "label_point", "positions", "around", "clipped_rings"]

_WGS84 = Geod(ellps="WGS84")


@lru_cache(maxsize=4)
def _read(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def load_topology(name: str, folder: Path | None = None) -> dict:
    """Return a decoded topology: ``arcs`` as lists of (lon, lat) and ``countries`` by ISO code."""
    path = (folder or data_dir() / "geometry") / f"{name}.topo.json"
    raw = json.loads(_read(str(path)))
    sx, sy = raw["transform"]["scale"]
    tx, ty = raw["transform"]["translate"]
    arcs = []
    for arc in raw["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 6), round(y * sy + ty, 6)))
        arcs.append(points)
    countries = {g["id"]: g for g in raw["objects"]["countries"]["geometries"]}
    return {"name": name, "arcs": arcs, "countries": countries}


def _arc_points(topo: dict, index: int) -> list[tuple[float, float]]:
    pts = topo["arcs"][index if index >= 0 else ~index]
    return pts if index >= 0 else pts[::-1]


def _polygons(geom: dict) -> list:
    return [geom["arcs"]] if geom["type"] == "Polygon" else geom["arcs"]


def _polygon_rings(topo: dict, polygon: list) -> list[list[tuple[float, float]]]:
    """Stitch one polygon's arcs into closed rings: the outer ring first, then any holes."""
    rings = []
    for ring in polygon:
        points: list[tuple[float, float]] = []
        for index in ring:
            pts = _arc_points(topo, index)
            points.extend(pts if not points else pts[1:])
        rings.append(points)
    return rings


def country_rings(topo: dict, iso3: str) -> list[list[tuple[float, float]]]:
    """Return the closed rings (outer and holes) that outline one country."""
    return [ring for polygon in _polygons(topo["countries"][iso3]) for ring in _polygon_rings(topo, polygon)]


def _arc_set(topo: dict, iso3: str) -> set[int]:
    out = set()
    for polygon in _polygons(topo["countries"][iso3]):
        for ring in polygon:
            out.update(i if i >= 0 else ~i for i in ring)
    return out


def shared_arcs(topo: dict, a: str, b: str) -> list[int]:
    """Return the indices of the arcs two countries share (their common border), sorted."""
    return sorted(_arc_set(topo, a) & _arc_set(topo, b))


def neighbours(topo: dict, iso3: str) -> set[str]:
    """Return the countries in the topology that share at least one arc with ``iso3``."""
    mine = _arc_set(topo, iso3)
    return {other for other in topo["countries"] if other != iso3 and mine & _arc_set(topo, other)}


def border_lines(topo: dict, a: str, b: str) -> list[list[tuple[float, float]]]:
    """Return the border between two countries as a list of polylines of (lon, lat)."""
    return [topo["arcs"][i] for i in shared_arcs(topo, a, b)]


def border_length_km(topo: dict, a: str, b: str) -> float:
    """Return the length of the common border on the WGS84 ellipsoid, in kilometres.

    >>> topo = load_topology("ne_50m_region")
    >>> 1000 < border_length_km(topo, "AFG", "TJK") < 1600
    True
    """
    total = 0.0
    for line in border_lines(topo, a, b):
        lons, lats = zip(*line)
        total += _WGS84.line_length(lons, lats)
    return total / 1000.0


def label_point(topo: dict, iso3: str, bounds=None) -> tuple[float, float] | None:
    """Return a point well inside a country's largest part (its pole of inaccessibility), taking
    only the part inside ``bounds`` = (lon0, lon1, lat0, lat1) if given; None if nothing is inside.

    >>> label_point(load_topology("ne_50m_region"), "TJK")
    (72.8, 38.3)
    """
    from shapely.geometry import Polygon, box
    from shapely.ops import polylabel

    rings = country_rings(topo, iso3)
    shape = Polygon(max(rings, key=len)).buffer(0)
    if bounds:
        lon0, lon1, lat0, lat1 = bounds
        shape = shape.intersection(box(lon0 + 0.5, lat0 + 0.5, lon1 - 0.5, lat1 - 0.5))
    if shape.is_empty:
        return None
    if shape.geom_type != "Polygon":
        shape = max(shape.geoms, key=lambda g: g.area)
    point = polylabel(shape, tolerance=0.05)
    return round(point.x, 1), round(point.y, 1)


def positions(topo: dict, codes) -> dict[str, tuple[float, float]]:
    """Return (lon, lat) label points for the codes present in the topology (others are skipped)."""
    return {c: label_point(topo, c) for c in sorted(codes) if c in topo["countries"]}


def around(points: dict[str, tuple[float, float]], centre: str) -> dict[str, tuple[float, float]]:
    """Return a schematic of ``points`` (lon, lat) around one of them: ``centre`` at (0, 0) and
    every other point on the unit circle, in the compass direction of its true position seen
    from the centre (longitude scaled by the cosine of the centre's latitude). Distances are
    dropped, directions kept, so that near and far neighbours get the same room.

    >>> p = around({"A": (66.0, 34.0), "N": (66.0, 40.0), "E": (90.0, 34.0)}, "A")
    >>> p["A"], p["N"], p["E"]
    ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0))
    """
    import math

    lon0, lat0 = points[centre]
    scale = math.cos(math.radians(lat0))
    out = {centre: (0.0, 0.0)}
    for code, (lon, lat) in points.items():
        if code != centre:
            angle = math.atan2(lat - lat0, (lon - lon0) * scale)
            out[code] = (round(math.cos(angle), 4) + 0.0, round(math.sin(angle), 4) + 0.0)
    return out


def clipped_rings(topo: dict, iso3: str, bounds) -> list[list[tuple[float, float]]]:
    """Return a country's rings cut to ``bounds`` = (lon0, lon1, lat0, lat1), for drawing: parts
    outside the map are dropped (Russia's Arctic coast need not travel to a map of Central Asia).

    >>> topo = load_topology("ne_50m_region")
    >>> full = sum(map(len, country_rings(topo, "RUS")))
    >>> cut = sum(map(len, clipped_rings(topo, "RUS", (46, 92, 24, 55.5))))
    >>> cut < full / 5
    True
    """
    from shapely.geometry import Polygon, box

    window = box(bounds[0], bounds[2], bounds[1], bounds[3])
    out = []
    for polygon in _polygons(topo["countries"][iso3]):
        rings = _polygon_rings(topo, polygon)
        shape = Polygon(rings[0], rings[1:]).buffer(0).intersection(window)
        parts = getattr(shape, "geoms", [shape])
        for part in parts:
            if part.is_empty or part.geom_type != "Polygon":
                continue
            out.append([(round(x, 6), round(y, 6)) for x, y in part.exterior.coords])
            out.extend([(round(x, 6), round(y, 6)) for x, y in hole.coords] for hole in part.interiors)
    return out
