"""Figure builders: data in, a plotly ``Figure`` and a :class:`FigureSpec` out.

Builders are pure: they do not read files or know about HTML. One builder per kind of chart;
the notebooks pass them data and words, then hand both results to :func:`dushanbe.publish.publish`.

Colours follow the Okabe–Ito palette (readable with the common colour-vision deficiencies), and
status is never shown by colour alone: each status also has its own line dash or marker symbol,
and is named in hover text and legends.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from .geometry import country_rings
from .memberships import STATUS_LABELS

__all__ = ["FigureSpec", "network_figure", "border_map", "border_comparison_figure",
           "STATUS_STYLE", "BLOC_STYLE"]

_ID = re.compile(r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")

#: Colour, line dash and marker symbol for each membership status.
STATUS_STYLE = {
    "member": {"color": "#0072B2", "dash": "solid", "symbol": "circle"},
    "observer": {"color": "#E69F00", "dash": "dash", "symbol": "diamond"},
    "dialogue_partner": {"color": "#009E73", "dash": "dot", "symbol": "triangle-up"},
    "suspended": {"color": "#999999", "dash": "longdashdot", "symbol": "x"},
    "frozen": {"color": "#CC79A7", "dash": "dashdot", "symbol": "square-x"},
}

#: Fill (colour and hatching) for a state's CSTO/SCO profile, and colour and dash for a border
#: by the neighbour's bloc (see :mod:`dushanbe.blocs`).
BLOC_STYLE = {
    "CSTO member · SCO member": {"color": "#0072B2", "pattern": ""},
    "CSTO suspended · SCO member": {"color": "#56B4E9", "pattern": "|"},
    "SCO member": {"color": "#56B4E9", "pattern": "/"},
    "SCO observer": {"color": "#E69F00", "pattern": "."},
    "CSTO member · SCO observer": {"color": "#0072B2", "pattern": "."},
    "CSTO member · SCO dialogue partner": {"color": "#0072B2", "pattern": "-"},
    "SCO dialogue partner": {"color": "#009E73", "pattern": "-"},
    "neither CSTO nor SCO": {"color": "#F0F0F0", "pattern": "x"},
    "border with a CSTO member": {"color": "#D55E00", "dash": "solid"},
    "border with an SCO member outside the CSTO": {"color": "#000000", "dash": "dash"},
    "border with an SCO observer": {"color": "#000000", "dash": "dot"},
    "border with a state in neither bloc": {"color": "#666666", "dash": "dashdot"},
}

_FONT = dict(family="Helvetica, Arial, sans-serif", size=13, color="#222222")


@dataclass
class FigureSpec:
    """Everything a chart needs besides its drawing: identity, words, sources and data.

    ``id`` is the chart's stable address (``fig-…``, lower case, hyphens); ``description`` is the
    text alternative for readers who cannot see the chart; ``data`` is the tidy table plotted,
    published as CSV beside the chart; ``source_ids`` are keys of ``data/sources.csv``.
    """

    id: str
    title: str
    caption: str
    description: str
    source_ids: list[str]
    data: pd.DataFrame
    width: int = 900
    height: int = 600
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if not _ID.match(self.id):
            raise ValueError(f"figure id {self.id!r} must look like 'fig-network-2021-09-16'")
        if not self.source_ids:
            raise ValueError(f"figure {self.id!r} names no source")
        for name in ("title", "caption", "description"):
            if not getattr(self, name).strip():
                raise ValueError(f"figure {self.id!r} has an empty {name}")


def _base_layout(fig: go.Figure, spec_height: int, **kw) -> go.Figure:
    settings = dict(template="simple_white", font=_FONT, height=spec_height,
                    margin=dict(l=20, r=20, t=30, b=20), hoverlabel=dict(font_size=13))
    fig.update_layout(**(settings | kw))
    return fig


def network_figure(graph: nx.Graph, positions: dict, *, height: int = 640) -> go.Figure:
    """Draw a two-mode state–organisation graph.

    Organisations are large squares, states circles; each edge is drawn in its status's colour
    *and* dash, one legend entry per status, and every node's hover text lists its ties.
    """
    fig = go.Figure()
    by_status: dict[str, list] = {}
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (e[2]["status"], sorted(e[:2]))):
        by_status.setdefault(data["status"], []).append((u, v))
    for status in STATUS_STYLE:
        edges = by_status.get(status)
        if not edges:
            continue
        xs, ys = [], []
        for u, v in edges:
            xs += [positions[u][0], positions[v][0], None]
            ys += [positions[u][1], positions[v][1], None]
        style = STATUS_STYLE[status]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", name=STATUS_LABELS[status], hoverinfo="skip",
            line=dict(color=style["color"], dash=style["dash"], width=2.5 if status == "member" else 2)))

    def ties(node):
        return "<br>".join(f"{STATUS_LABELS[graph.edges[node, o]['status']]} of {o}"
                           if graph.nodes[node]["kind"] == "state" else
                           f"{graph.nodes[o]['label']}: {STATUS_LABELS[graph.edges[node, o]['status']]}"
                           for o in sorted(graph[node]))

    for kind, symbol, size, colour in (("org", "square", 34, "#222222"), ("state", "circle", 16, "#ffffff")):
        nodes = sorted(n for n, d in graph.nodes(data=True) if d["kind"] == kind)
        fig.add_trace(go.Scatter(
            x=[positions[n][0] for n in nodes], y=[positions[n][1] for n in nodes],
            mode="markers+text", name="organisation" if kind == "org" else "state",
            text=nodes if kind == "org" else [graph.nodes[n]["label"] for n in nodes],
            textposition="middle center" if kind == "org" else "top center",
            textfont=dict(color="#ffffff" if kind == "org" else "#222222", size=12 if kind == "org" else 12),
            marker=dict(symbol=symbol, size=size, color=colour, line=dict(color="#222222", width=1.5)),
            hovertext=[f"<b>{graph.nodes[n]['label']}</b><br>{ties(n)}" for n in nodes],
            hoverinfo="text", showlegend=False))
    _base_layout(fig, height, legend=dict(title="Tie (colour and line style)", orientation="h",
                                          yanchor="bottom", y=1.0, x=0))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1)
    return fig


def _ring_trace_coords(rings):
    xs, ys = [], []
    for ring in rings:
        for lon, lat in ring:
            xs.append(lon)
            ys.append(lat)
        xs.append(None)
        ys.append(None)
    return xs, ys


def border_map(topo: dict, categories: pd.DataFrame, borders: pd.DataFrame, *,
               bounds=(46.0, 96.0, 23.0, 56.0), height: int = 620,
               category_style: dict | None = None) -> go.Figure:
    """Draw countries filled by category and chosen borders as thick lines.

    ``categories``: one row per country with ``iso3``, ``category`` (a label) and ``hover``.
    ``borders``: rows with ``iso3_a``, ``iso3_b``, ``label`` and ``lines`` (list of polylines) —
    each border is drawn in the style of its ``label``. ``category_style`` maps a category to
    ``{"color", "pattern"}``; every country also carries a text label with its name, so the
    category never depends on colour alone. The map is an equirectangular projection whose
    aspect is corrected for the mean latitude; it draws only the stored geometry, so it needs no
    base map from the network.
    """
    lon0, lon1, lat0, lat1 = bounds
    fig = go.Figure()
    style = category_style or BLOC_STYLE
    for category, group in categories.groupby("category", sort=False):
        first = True
        for row in group.itertuples(index=False):
            xs, ys = _ring_trace_coords(country_rings(topo, row.iso3))
            cs = style.get(category, {"color": "#dddddd", "pattern": ""})
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", fill="toself", name=category, legendgroup=category,
                showlegend=first, line=dict(color="#555555", width=0.6),
                fillcolor=cs["color"], fillpattern=dict(shape=cs.get("pattern", ""), fgcolor="#444444",
                                                        size=7, solidity=0.15),
                hoveron="fills", hoverinfo="text", text=row.hover))
            first = False
    for label, group in borders.groupby("label", sort=False):
        first = True
        for row in group.itertuples(index=False):
            xs, ys = _ring_trace_coords(row.lines)
            bs = style.get(label, {"color": "#000000", "dash": "solid"})
            fig.add_trace(go.Scatter(
                x=xs, y=ys, mode="lines", name=label, legendgroup=label, showlegend=first,
                line=dict(color=bs["color"], width=5, dash=bs.get("dash", "solid")),
                hoverinfo="text", text=row.hover))
            first = False
    labels = categories.dropna(subset=["label_lon"])
    fig.add_trace(go.Scatter(
        x=labels["label_lon"], y=labels["label_lat"], mode="text", text=labels["label"],
        textfont=dict(size=12, color="#111111"), hoverinfo="skip", showlegend=False))
    _base_layout(fig, height, legend=dict(orientation="h", x=0, y=-0.06, yanchor="top",
                                          bgcolor="rgba(255,255,255,0.9)", font=dict(size=12)),
                 plot_bgcolor="#eef3f7", margin=dict(l=50, r=10, t=10, b=10))
    mid = math.cos(math.radians((lat0 + lat1) / 2))
    fig.update_xaxes(range=[lon0, lon1], showgrid=False, zeroline=False, ticksuffix="°E",
                     constrain="domain")
    fig.update_yaxes(range=[lat0, lat1], showgrid=False, zeroline=False, ticksuffix="°N",
                     scaleanchor="x", scaleratio=1 / mid, constrain="domain")
    return fig


def border_comparison_figure(table: pd.DataFrame, *, height: int = 420) -> go.Figure:
    """Horizontal bars: one group per border, one bar per source, the value written on each bar.

    ``table`` columns: ``border`` (label), ``source`` (label), ``length_km``.
    """
    fig = go.Figure()
    patterns = ["", "/", "x", "."]
    colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]
    for i, (source, group) in enumerate(table.groupby("source", sort=False)):
        fig.add_trace(go.Bar(
            y=group["border"], x=group["length_km"], name=source, orientation="h",
            marker=dict(color=colours[i % 4], pattern=dict(shape=patterns[i % 4], fgcolor="#ffffff")),
            text=[f"{v:,.0f} km" for v in group["length_km"]], textposition="outside",
            hovertemplate="%{y}: %{x:,.0f} km<extra>" + source + "</extra>"))
    _base_layout(fig, height, barmode="group", legend=dict(orientation="h", y=1.08, x=0),
                 xaxis_title="Length of land border (km)")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, table["length_km"].max() * 1.18])
    return fig
