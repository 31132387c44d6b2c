"""Afghanistan's neighbourhood by bloc: the layers of the borders map, as plain tables.

>>> from dushanbe.data import load_tables
>>> from dushanbe.geometry import load_topology
>>> t = load_tables()
>>> countries, lines, data = bloc_map_layers(load_topology("ne_50m_region"), t["memberships"],
...     t["borders"], "AFG", "2021-09-16", ["AFG", "TJK", "UZB", "TKM", "IRN", "PAK", "CHN"])
>>> lines.set_index("iso3_b")[["class", "label"]].loc["TJK"].tolist()
['csto_member', 'border with a CSTO member']
"""
from __future__ import annotations

import pandas as pd

from .borders import border_label, compare_lengths, neighbours
from .geometry import border_lines, label_point
from .memberships import bloc_profile
from .provenance import ids_in

__all__ = ["border_class", "bloc_map_layers", "BORDER_CLASSES"]

#: How a border is classed by the neighbour's standing, most binding first: code and label.
BORDER_CLASSES = {"csto_member": "border with a CSTO member",
                  "sco_member": "border with an SCO member outside the CSTO",
                  "sco_observer": "border with an SCO observer",
                  "neither": "border with a state in neither bloc"}


def border_class(csto: str, sco: str) -> str:
    """Class a neighbour by its CSTO and SCO status labels ('' = none); return the class code.

    >>> border_class("suspended", "member")
    'sco_member'
    """
    if csto == "member":
        return "csto_member"
    if sco == "member":
        return "sco_member"
    if sco == "observer":
        return "sco_observer"
    return "neither"


def bloc_map_layers(topo: dict, memberships: pd.DataFrame, borders: pd.DataFrame, of: str, date,
                    shown, bounds=None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return the map's three tables.

    * ``countries``: one row per shown state — ``iso3``, ``category`` (its CSTO/SCO profile),
      ``hover``, ``label`` and a label position (``label_lon``, ``label_lat``; empty if off-map);
    * ``lines``: one row per border of ``of`` — ``iso3_b``, ``label`` (its class), ``lines``
      (the polylines from the topology) and ``hover`` (with the Factbook length);
    * ``data``: the tidy table published with the chart (each state's statuses, its border with
      ``of`` and the Factbook's length of it, as the map labels them), with each row's ``source_id``.
    """
    profile = bloc_profile(memberships, date, shown)
    points = {iso: label_point(topo, iso, bounds) for iso in shown}
    countries = profile.assign(
        category=profile["profile"], category_code=profile["profile_code"],
        hover=profile["state"] + ": " + profile["profile"],
        label=profile["state"],
        label_lon=[points[i][0] if points[i] else None for i in profile["iso3"]],
        label_lat=[points[i][1] if points[i] else None for i in profile["iso3"]])
    factbook = compare_lengths(borders, of, {"km": "cia_wfb"}).set_index("neighbour")["km"]
    by_iso = profile.set_index("iso3")
    rows = []
    for n in sorted(neighbours(borders, of)):
        kind = border_class(by_iso.loc[n, "CSTO"], by_iso.loc[n, "SCO"])
        rows.append({"iso3_a": of, "iso3_b": n, "class": kind, "label": BORDER_CLASSES[kind],
                     "lines": border_lines(topo, of, n), "length_km": factbook.get(n),
                     "hover": f"{border_label(of, n, first=n)}: {factbook[n]:,.0f} km (Factbook); "
                              f"{BORDER_CLASSES[kind]}"})
    lines = pd.DataFrame(rows)

    def sources(iso3):
        return ";".join(["natural_earth_4_1_0", *ids_in(memberships[memberships["iso3"] == iso3])])

    data = profile[["iso3", "state", "CSTO", "SCO", "profile"]].merge(
        lines[["iso3_b", "label", "length_km"]].rename(columns={"iso3_b": "iso3", "label": f"border_with_{of}",
                                                              "length_km": "border_km_factbook"}),
        on="iso3", how="left").fillna({f"border_with_{of}": ""})
    data["source_id"] = data["iso3"].map(sources)
    return countries, lines, data
