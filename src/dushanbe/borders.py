"""Land borders: pure functions over the ``borders`` table.

>>> from dushanbe.data import load_tables
>>> b = load_tables()["borders"]
>>> sorted(neighbours(b, "AFG"))
['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']
"""
from __future__ import annotations

import pandas as pd

from .memberships import country_name

__all__ = ["neighbours", "lengths_by_source", "border_label", "compare_lengths"]


def neighbours(borders: pd.DataFrame, iso3: str) -> set[str]:
    """Return every state that any source says shares a land border with ``iso3``."""
    a = borders.loc[borders["iso3_a"] == iso3, "iso3_b"]
    b = borders.loc[borders["iso3_b"] == iso3, "iso3_a"]
    return set(a) | set(b)


def border_label(a: str, b: str, first: str | None = None) -> str:
    """Return a readable name for a border, ``first`` named first if given.

    >>> border_label("AFG", "TJK", first="TJK")
    'Tajikistan–Afghanistan'
    """
    if first == b:
        a, b = b, a
    return f"{country_name(a)}–{country_name(b)}"


def lengths_by_source(borders: pd.DataFrame, source_id: str) -> pd.DataFrame:
    """Return the rows one source gives (a row matches if ``source_id`` is among its sources)."""
    has = borders["source_id"].str.split(";").apply(lambda ids: source_id in ids)
    return borders.loc[has].reset_index(drop=True)


def compare_lengths(borders: pd.DataFrame, of: str, sources: dict[str, str]) -> pd.DataFrame:
    """Return one row per border of ``of`` with each named source's length side by side.

    ``sources`` maps a column label to a source-id prefix (``"cia_wfb"`` matches every Factbook
    page). Missing values mean that source gives no figure for that border.
    """
    rows = borders[(borders["iso3_a"] == of) | (borders["iso3_b"] == of)].copy()
    rows["neighbour"] = rows.apply(lambda r: r.iso3_b if r.iso3_a == of else r.iso3_a, axis=1)
    out = pd.DataFrame({"neighbour": sorted(rows["neighbour"].unique())})
    out["border"] = [border_label(of, n, first=n) for n in out["neighbour"]]
    for label, prefix in sources.items():
        picked = rows[rows["source_id"].str.split(";").apply(
            lambda ids: any(i.startswith(prefix) for i in ids))]
        out[label] = out["neighbour"].map(picked.set_index("neighbour")["length_km"])
    return out
