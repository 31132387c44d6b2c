"""Network charts: the state–organisation graph and the allies-and-neighbours map."""
from __future__ import annotations

import math

import networkx as nx
import plotly.graph_objects as go

from ..memberships import STATUS_LABELS
from ..style import STATUS_STYLE
from ._layout import _base_layout



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


def projection_map(projection: nx.Graph, positions: dict, borders: list[tuple[str, str]], *,
                   height: int = 560) -> go.Figure:
    """States at their geographic position: solid lines for shared organisations (width and
    hover give how many), dashed lines for shared land borders."""
    fig = go.Figure()
    for weight in sorted({d["weight"] for *_, d in projection.edges(data=True)}):
        xs, ys = [], []
        for u, v, d in sorted(projection.edges(data=True)):
            if d["weight"] == weight and u in positions and v in positions:
                xs += [positions[u][0], positions[v][0], None]
                ys += [positions[u][1], positions[v][1], None]
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", hoverinfo="skip",
                                     name=f"share {weight} organisation{'s' if weight > 1 else ''}",
                                     line=dict(color=f"rgba(0,114,178,{min(0.3 + 0.18 * weight, 1):.2f})",
                                               width=0.8 + 1.4 * weight)))
    xs, ys = [], []
    for a, b in sorted(borders):
        if a in positions and b in positions:
            xs += [positions[a][0], positions[b][0], None]
            ys += [positions[a][1], positions[b][1], None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name="share a land border", hoverinfo="skip",
                             line=dict(color="#D55E00", width=2, dash="dash")))
    nodes = sorted(n for n in projection if n in positions)
    fig.add_trace(go.Scatter(
        x=[positions[n][0] for n in nodes], y=[positions[n][1] for n in nodes], mode="markers+text",
        text=[projection.nodes[n].get("label", n) for n in nodes], textposition="top center",
        marker=dict(size=12, color="#ffffff", line=dict(color="#222222", width=1.5)), showlegend=False,
        hovertext=[f"<b>{projection.nodes[n].get('label', n)}</b><br>" + "<br>".join(
            f"{projection.nodes[m].get('label', m)}: {', '.join(projection.edges[n, m]['orgs'])}"
            for m in sorted(projection[n]) if m in positions) for n in nodes], hoverinfo="text"))
    _base_layout(fig, height, legend=dict(orientation="h", y=-0.05, x=0, yanchor="top"),
                 margin=dict(l=20, r=20, t=20, b=20))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=1 / math.cos(math.radians(40)))
    return fig
