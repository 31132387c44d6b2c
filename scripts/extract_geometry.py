"""Cut the region's countries out of Natural Earth's Admin-0 TopoJSON (world-atlas).

Reproduce ``data/geometry/*.topo.json``::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/extract_geometry.py package/countries-50m.json data/geometry/ne_50m_region.topo.json

The output keeps the TopoJSON topology (shared arcs), so a border between two countries is exactly
the set of arcs both reference. Countries are keyed by ISO 3166-1 alpha-3 (``properties.iso3``).
"""
from __future__ import annotations

import json
import sys

import pycountry

REGION = ("AFG", "ARM", "AZE", "CHN", "GEO", "IND", "IRN", "KAZ", "KGZ", "MNG", "PAK", "RUS",
          "TJK", "TKM", "UZB")


def _walk_arcs(arcs, remap):
    if isinstance(arcs, int):
        index = arcs if arcs >= 0 else ~arcs
        new = remap.setdefault(index, len(remap))
        return new if arcs >= 0 else ~new
    return [_walk_arcs(a, remap) for a in arcs]


def subset(topology: dict, codes=REGION) -> dict:
    remap: dict[int, int] = {}
    geometries = []
    for geom in topology["objects"]["countries"]["geometries"]:
        country = pycountry.countries.get(numeric=geom.get("id")) if geom.get("id") else None
        if country is None or country.alpha_3 not in codes:
            continue
        geometries.append({
            "type": geom["type"],
            "id": country.alpha_3,
            "properties": {"iso3": country.alpha_3, "name": geom["properties"]["name"]},
            "arcs": _walk_arcs(geom["arcs"], remap),
        })
    geometries.sort(key=lambda g: g["id"])
    arcs = [None] * len(remap)
    for old, new in remap.items():
        arcs[new] = topology["arcs"][old]
    return {"type": "Topology", "transform": topology["transform"],
            "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
            "arcs": arcs}


if __name__ == "__main__":
    source, target = sys.argv[1:3]
    with open(source, encoding="utf-8") as fh:
        topo = json.load(fh)
    with open(target, "w", encoding="utf-8") as fh:
        json.dump(subset(topo), fh, separators=(",", ":"), sort_keys=True)
