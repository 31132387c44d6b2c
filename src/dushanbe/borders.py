"""Land borders: pure functions over the ``borders`` table.

>>> from dushanbe.data import load_tables
>>> b = load_tables()["borders"]
>>> sorted(neighbours(b, "AFG"))
['CHN', 'IRN', 'PAK', 'TJK', 'TKM', 'UZB']
"""
from __future__ import annotations

import pandas as pd

from .names import country_name
from .provenance import split_ids

__all__ = ["neighbours", "rows_from", "border_label", "compare_lengths", "lengths_by_source",
           "gaps_from", "measured_three_ways"]


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


def rows_from(borders: pd.DataFrame, prefix: str) -> pd.DataFrame:
    """Return the rows whose sources include one starting with ``prefix``
    (``"cia_wfb"`` matches every Factbook page, ``"trt_2021"`` the article).

    >>> from dushanbe.data import load_tables
    >>> len(rows_from(load_tables()["borders"], "trt_2021"))
    2
    """
    has = borders["source_id"].apply(lambda cell: any(i.startswith(prefix) for i in split_ids(cell)))
    return borders.loc[has]


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
        picked = rows_from(rows, prefix)
        out[label] = out["neighbour"].map(picked.set_index("neighbour")["length_km"])
    return out


def lengths_by_source(borders: pd.DataFrame, of: str, sources: dict[str, str]) -> pd.DataFrame:
    """Return one row per border of ``of`` and per named source that gives its length: the
    tidy table behind a chart comparing sources.

    ``sources`` maps a label to a source-id prefix, as for :func:`compare_lengths`. Columns:
    ``neighbour``, ``border``, ``source`` (the label), ``length_km`` and ``source_id`` (the row's
    own sources).

    >>> from dushanbe.data import load_tables
    >>> t = lengths_by_source(load_tables()["borders"], "AFG", {"Factbook": "cia_wfb", "Article": "trt_2021"})
    >>> t[t["neighbour"] == "TJK"][["source", "length_km", "source_id"]].values.tolist()
    [['Factbook', 1357.0, 'cia_wfb_afg_tjk'], ['Article', 1344.0, 'trt_2021_csto_dushanbe']]
    """
    touching = borders[(borders["iso3_a"] == of) | (borders["iso3_b"] == of)]
    out = []
    for label, prefix in sources.items():
        for r in rows_from(touching, prefix).itertuples():
            n = r.iso3_b if r.iso3_a == of else r.iso3_a
            out.append({"neighbour": n, "border": border_label(of, n, first=n), "source": label,
                        "length_km": r.length_km, "source_id": r.source_id})
    return (pd.DataFrame(out, columns=["neighbour", "border", "source", "length_km", "source_id"])
            .sort_values(["neighbour"], kind="stable").reset_index(drop=True))


def gaps_from(lengths: pd.DataFrame, reference: str) -> pd.DataFrame:
    """Return each source's figure as its gap from the ``reference`` source's, border by border.

    ``lengths`` is the tidy table of :func:`lengths_by_source`. One row per border and per
    source other than ``reference``, for the borders where both give a figure; columns:
    ``neighbour``, ``border``, ``source``, ``length_km``, ``reference_km``, ``gap_km``
    (figure − reference) and ``gap_share`` (gap / reference), plus ``source_id``.

    >>> from dushanbe.data import load_tables
    >>> t = lengths_by_source(load_tables()["borders"], "AFG", {"Factbook": "cia_wfb", "Article": "trt_2021"})
    >>> gaps_from(t, "Factbook")[["neighbour", "source", "gap_km"]].values.tolist()
    [['TJK', 'Article', -13.0], ['UZB', 'Article', 0.0]]
    """
    ref = lengths[lengths["source"] == reference].set_index("neighbour")
    out = lengths[(lengths["source"] != reference) & lengths["neighbour"].isin(ref.index)].copy()
    out["reference_km"] = out["neighbour"].map(ref["length_km"])
    out["gap_km"] = out["length_km"] - out["reference_km"]
    out["gap_share"] = out["gap_km"] / out["reference_km"]
    return out[["neighbour", "border", "source", "length_km", "reference_km", "gap_km", "gap_share",
                "source_id"]].reset_index(drop=True)


def measured_three_ways(borders: pd.DataFrame, topologies: dict[str, dict]) -> pd.DataFrame:
    """Return every border the Factbook lists with its length three ways.

    Columns: ``iso3_a``, ``iso3_b``, ``border`` (label), ``factbook_km``, ``article_km`` (empty
    where the article is silent), one ``<name>_km`` per topology (computed on the WGS84
    ellipsoid from shared arcs, :func:`dushanbe.geometry.border_length_km`) and
    ``<name>_ratio`` = computed / Factbook, and ``source_id`` (Natural Earth and the Factbook pages).
    """
    from .geometry import border_length_km

    factbook = rows_from(borders, "cia_wfb")
    article = rows_from(borders, "trt_2021").set_index(["iso3_a", "iso3_b"])["length_km"]
    rows = []
    for r in factbook.sort_values(["iso3_a", "iso3_b"]).itertuples():
        row = {"iso3_a": r.iso3_a, "iso3_b": r.iso3_b, "border": border_label(r.iso3_a, r.iso3_b),
               "factbook_km": r.length_km, "article_km": article.get((r.iso3_a, r.iso3_b)),
               "source_id": f"natural_earth_4_1_0;{r.source_id}"}
        for name, topo in topologies.items():
            km = round(border_length_km(topo, r.iso3_a, r.iso3_b), 1)
            row[f"{name}_km"] = km
            row[f"{name}_ratio"] = round(km / r.length_km, 3)
        rows.append(row)
    return pd.DataFrame(rows)
