"""Maps drawn from the book's own Natural Earth geometry, on cartesian axes (no base map from the network)."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ..geometry import clipped_rings
from ..style import BORDER_STYLE, profile_style
from ._layout import _base_layout, narrow


def _ring_trace_coords(rings, decimals: int = 2):
    """Flatten rings into x/y lists separated by None, for one plotly trace.

    Coordinates are rounded to ``decimals`` (0.01° is about 1 km, far below a pixel at the
    map's scale) and repeated points dropped, which keeps the page light.
    """
    xs, ys = [], []
    for ring in rings:
        last = None
        for lon, lat in ring:
            point = (round(lon, decimals), round(lat, decimals))
            if point != last:
                xs.append(point[0])
                ys.append(point[1])
                last = point
        xs.append(None)
        ys.append(None)
    return xs, ys


def _muted(colour: str, alpha: float = 0.45) -> str:
    """Return a hex colour as a lighter rgba, so fills sit behind the lines that carry the point.

    >>> _muted("#0072B2")
    'rgba(0,114,178,0.45)'
    """
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _midpoint(lines) -> tuple[float, float] | None:
    """The middle vertex of a border's longest polyline: where its length label goes."""
    longest = max(lines, key=len, default=[])
    return tuple(longest[len(longest) // 2]) if longest else None


def border_map(topo: dict, categories: pd.DataFrame, borders: pd.DataFrame, *,
               bounds=(46.0, 96.0, 23.0, 56.0), height: int = 620, focus: str | None = None) -> go.Figure:
    """Draw countries filled by category and chosen borders as thick lines.

    ``categories``: one row per country with ``iso3``, ``category_code`` (its CSTO/SCO profile
    code, styled by :func:`dushanbe.style.profile_style`), ``category`` (its label) and ``hover``.
    ``borders``: rows with ``iso3_a``, ``iso3_b``, ``class`` (styled by
    :data:`dushanbe.style.BORDER_STYLE`), ``label`` and ``lines`` (list of polylines). Every
    country also carries a text label with its name, so the category never depends on colour
    alone. Fills are muted so that the borders carry the point: ``focus`` (the state whose
    borders are drawn) is left white, a border of class ``csto_member`` is drawn widest, and a
    border with ``length_km`` is labelled with it. Names too near the edge to fit are left out.
    The map is an equirectangular projection whose aspect is corrected for the mean latitude; it
    draws only the stored geometry, so it needs no base map from the network.
    """
    lon0, lon1, lat0, lat1 = bounds
    fig = go.Figure()
    for (code, category), group in categories.groupby(["category_code", "category"], sort=False):
        first = True
        # the focus state (drawn white) last, so the legend's swatch shows the category's fill
        for row in sorted(group.itertuples(index=False), key=lambda r: r.iso3 == focus):
            xs, ys = _ring_trace_coords(clipped_rings(topo, row.iso3, (lon0 - 2, lon1 + 2, lat0 - 2, lat1 + 2)))
            cs = profile_style(code)
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", fill="toself", name=category, legendgroup=category,
                showlegend=first, line=dict(color="#555555", width=0.6),
                fillcolor="#ffffff" if row.iso3 == focus else _muted(cs["color"]),
                fillpattern=dict(shape="" if row.iso3 == focus else cs.get("pattern", ""),
                                 fgcolor="#666666", size=7, solidity=0.12),
                hoveron="fills", hoverinfo="text", text=row.hover))
            first = False
    for (code, label), group in borders.groupby(["class", "label"], sort=False):
        first = True
        for row in group.itertuples(index=False):
            xs, ys = _ring_trace_coords(row.lines)
            bs = BORDER_STYLE[code]
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", name=label, legendgroup=label, showlegend=first,
                line=dict(color=bs["color"], width=8 if code == "csto_member" else 4,
                          dash=bs.get("dash", "solid")),
                hoverinfo="text", text=row.hover))
            first = False
    if "length_km" in borders.columns:
        # each length in a white box, pushed out from the focus state's centre along the border's
        # own direction, with a thin leader line to the border
        centre = categories.set_index("iso3").loc[focus, ["label_lon", "label_lat"]] \
            if focus in set(categories["iso3"]) else None
        for r in borders.itertuples():
            point = _midpoint(r.lines)
            if point is None or pd.isna(r.length_km):
                continue
            dx, dy = ((point[0] - centre.iloc[0], point[1] - centre.iloc[1]) if centre is not None
                      else (1.0, 0.0))
            norm = math.hypot(dx, dy) or 1.0
            fig.add_annotation(x=point[0], y=point[1], text=f"{r.length_km:,.0f} km", showarrow=True,
                               arrowhead=0, arrowwidth=1, arrowcolor="#333333",
                               ax=60 * dx / norm, ay=-45 * dy / norm, bgcolor="rgba(255,255,255,0.9)",
                               bordercolor="#333333", borderwidth=0.5, font=dict(size=12, color="#000000"))
    labels = categories.dropna(subset=["label_lon"])
    labels = labels[labels["label_lon"].between(lon0 + 2.5, lon1 - 2.5)
                    & labels["label_lat"].between(lat0 + 1, lat1 - 1)]
    fig.add_trace(go.Scatter(
        x=labels["label_lon"], y=labels["label_lat"], mode="text", text=labels["label"],
        textfont=dict(size=12, color="#111111"), hoverinfo="skip", showlegend=False))
    _base_layout(fig, height, legend=dict(orientation="h", x=0, y=-0.02, yanchor="top",
                                          bgcolor="rgba(255,255,255,0.9)", font=dict(size=12)),
                 plot_bgcolor="#eef3f7", margin=dict(l=10, r=10, t=10, b=10))
    mid = math.cos(math.radians((lat0 + lat1) / 2))
    # the map is a schematic of who borders whom, not a survey: no degree ticks to read
    fig.update_xaxes(range=[lon0, lon1], visible=False, constrain="domain")
    fig.update_yaxes(range=[lat0, lat1], visible=False, scaleanchor="x", scaleratio=1 / mid, constrain="domain")
    # on a phone: ISO codes for names, length labels nearer their borders, the legend below the map
    map_px = round(340 * (lat1 - lat0) / ((lon1 - lon0) * mid))
    legend_px = 22 * (categories["category"].nunique() + borders["label"].nunique())
    return narrow(fig, layout=dict(
        height=map_px + legend_px + 30, margin=dict(l=4, r=4, t=10, b=legend_px + 10),
        legend=dict(yref="container", y=0, yanchor="bottom", font=dict(size=11)),
        annotations=[{**a.to_plotly_json(), "ax": (a.ax or 0) * 0.55, "ay": (a.ay or 0) * 0.55,
                      "font": dict(size=11, color="#000000")} for a in fig.layout.annotations]),
        traces={len(fig.data) - 1: dict(text=list(labels["iso3"]), textfont=dict(size=11, color="#111111"))})
