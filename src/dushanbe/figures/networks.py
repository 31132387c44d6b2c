"""Network charts: the state–organisation graph and the allies-and-neighbours map."""
from __future__ import annotations

import networkx as nx
import plotly.graph_objects as go

from ..memberships import STATUS_LABELS
from ..style import GREYS, STATUS_STYLE
from ._layout import _base_layout

__all__ = ["network_figure", "projection_map"]

#: Half the gap, in the chart's x units, between a state's two line ends: its name sits there.
PORT = 0.22


def network_figure(graph: nx.Graph, left: str = "CSTO", right: str = "SCO", *, row_px: int = 22,
                   not_taking_part: dict[tuple[str, str], str] | None = None) -> go.Figure:
    """Draw a two-mode graph with two organisations as hubs, from :func:`dushanbe.network.fan_layout`:
    ``left`` at the left edge, ``right`` at the right, one row per state between them.

    A state's name is written in the middle of its row; a line runs from the left hub to the
    name's left side and from the right hub to its right side, in the colour *and* dash of the
    tie's status (one legend entry per status). A tie that holds in law while the state takes no
    part (``not_taking_part``: (organisation, state) → what the state did) ends in a black open
    square, named in the legend and the hover. Rows are ``row_px`` pixels apart whatever the
    chart's width, so names never overprint on a phone; hovering over a name lists its ties.
    """
    from ..network import fan_layout

    positions = fan_layout(graph, left, right)
    states = [n for n, d in graph.nodes(data=True) if d["kind"] == "state"]
    fig = go.Figure()
    by_status: dict[str, list] = {}
    for hub, side in ((left, -1), (right, 1)):
        if hub not in graph:
            continue
        for state in sorted(graph[hub], key=lambda s: positions[s][1], reverse=True):
            by_status.setdefault(graph.edges[state, hub]["status"], []).append((hub, state, side))
    for status, style in STATUS_STYLE.items():
        edges = by_status.get(status)
        if not edges:
            continue
        xs, ys, ends_x, ends_y = [], [], [], []
        for hub, state, side in edges:
            port = positions[state][0] + side * PORT
            xs += [positions[hub][0], port, None]
            ys += [positions[hub][1], positions[state][1], None]
            ends_x.append(port)
            ends_y.append(positions[state][1])
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines", name=STATUS_LABELS[status], legendgroup=status, hoverinfo="skip",
            line=dict(color=style["color"], dash=style["dash"], width=2.5 if status == "member" else 2)))
        fig.add_trace(go.Scatter(
            x=ends_x, y=ends_y, mode="markers", legendgroup=status, showlegend=False, hoverinfo="skip",
            marker=dict(symbol=style["symbol"], size=9, color=style["color"], line=dict(color="#ffffff", width=1))))

    absent = not_taking_part or {}
    marks = [(hub, state, side) for hub, side in ((left, -1), (right, 1)) if hub in graph
             for state in graph[hub] if (hub, state) in absent]
    if marks:
        fig.add_trace(go.Scatter(
            x=[positions[s][0] + side * PORT for _, s, side in marks], y=[positions[s][1] for _, s, _ in marks],
            mode="markers", name=absent[(marks[0][0], marks[0][1])], hoverinfo="skip",
            marker=dict(symbol="square-open", size=15, color="#000000", line=dict(width=2))))

    def ties(node):
        return "<br>".join(f"{STATUS_LABELS[graph.edges[node, o]['status']]} of {o}"
                           + (f" ({absent[(o, node)]})" if (o, node) in absent else "")
                           if graph.nodes[node]["kind"] == "state" else
                           f"{graph.nodes[o]['label']}: {STATUS_LABELS[graph.edges[node, o]['status']]}"
                           for o in sorted(graph[node]))

    names = sorted(states, key=lambda s: -positions[s][1])
    fig.add_trace(go.Scatter(
        x=[positions[s][0] for s in names], y=[positions[s][1] for s in names], mode="text",
        text=[graph.nodes[s]["label"] for s in names], textposition="middle center",
        textfont=dict(size=12, color="#111111"), showlegend=False, hoverinfo="text",
        hovertext=[f"<b>{graph.nodes[s]['label']}</b><br>{ties(s)}" for s in names]))
    hubs = [h for h in (left, right) if h in graph]
    fig.add_trace(go.Scatter(
        x=[positions[h][0] for h in hubs], y=[positions[h][1] for h in hubs], mode="markers+text",
        text=hubs, textposition="middle center", textfont=dict(color="#ffffff", size=12),
        marker=dict(symbol="square", size=44, color="#222222"), showlegend=False, hoverinfo="text",
        hovertext=[f"<b>{h}</b>: {len(graph[h])} states<br>{ties(h)}" for h in hubs], cliponaxis=False))
    _base_layout(fig, 130 + row_px * max(len(states), 1),
                 legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, traceorder="normal"),
                 margin=dict(l=30, r=30, t=30, b=10))
    fig.update_xaxes(visible=False, range=[-0.06, 1.06], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-len(states) + 0.4, 0.8], fixedrange=True)
    return fig


def _outward(x: float, y: float) -> str:
    """The text position that puts a label outside a point on a circle round the origin.

    >>> _outward(1, 0), _outward(-0.9, 0.2), _outward(0.1, 1), _outward(0, 0)
    ('middle right', 'middle left', 'top center', 'bottom center')
    """
    if x > 0.45:
        return "middle right"
    if x < -0.45:
        return "middle left"
    return "top center" if y > 0 else "bottom center"


def _bowed(a, b, bend: float = 0.35, steps: int = 16) -> tuple[list, list]:
    """Points of a curve from ``a`` to ``b`` that bows away from the origin (a quadratic Bézier
    whose control point is the chord's midpoint pushed outwards), so that a line between two
    states on the circle never runs through the state in the middle.

    >>> xs, ys = _bowed((-1.0, 0.0), (1.0, 0.0))
    >>> (xs[0], ys[0]), (xs[-1], ys[-1]), min(ys) < 0 or max(ys) > 0
    ((-1.0, 0.0), (1.0, 0.0), True)
    """
    (ax, ay), (bx, by) = a, b
    mx, my = (ax + bx) / 2, (ay + by) / 2
    nx_, ny_ = -(by - ay), bx - ax
    norm = (nx_ ** 2 + ny_ ** 2) ** 0.5 or 1.0
    nx_, ny_ = nx_ / norm, ny_ / norm
    if nx_ * mx + ny_ * my < 0 or (abs(mx) + abs(my) < 1e-9 and nx_ < 0):
        nx_, ny_ = -nx_, -ny_
    cx, cy = mx + bend * nx_, my + bend * ny_
    ts = [i / steps for i in range(steps + 1)]
    return ([round((1 - t) ** 2 * ax + 2 * (1 - t) * t * cx + t ** 2 * bx, 4) for t in ts],
            [round((1 - t) ** 2 * ay + 2 * (1 - t) * t * cy + t ** 2 * by, 4) for t in ts])


def projection_map(projection: nx.Graph, positions: dict, borders: list[tuple[str, str]], *,
                   height: int = 520) -> go.Figure:
    """States joined by solid lines for shared organisations (width and hover give how many)
    and dashed lines for shared land borders.

    ``positions`` are schematic: one state at the origin and the others on the unit circle
    round it (:func:`dushanbe.geometry.around`); each name is written outside the circle, so
    names never sit on the lines, and lines for shared organisations bow outwards, so they never
    cross the state in the middle.
    """
    from ..network import sorted_edges

    fig = go.Figure()
    edges = sorted_edges(projection)
    for weight in sorted({d["weight"] for *_, d in edges}):
        xs, ys = [], []
        for u, v, d in edges:
            if d["weight"] == weight and u in positions and v in positions:
                cx, cy = _bowed(positions[u], positions[v])
                xs += cx + [None]
                ys += cy + [None]
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
                             line=dict(color=GREYS["mid"], width=2, dash="dash")))
    nodes = sorted(n for n in projection if n in positions)
    centre = [n for n in nodes if positions[n] == (0.0, 0.0)]
    fig.add_trace(go.Scatter(
        x=[positions[n][0] for n in nodes], y=[positions[n][1] for n in nodes], mode="markers+text",
        text=[projection.nodes[n].get("label", n) for n in nodes],
        textposition=["bottom center" if n in centre else _outward(*positions[n]) for n in nodes],
        textfont=dict(size=13), cliponaxis=False,
        marker=dict(size=[18 if n in centre else 12 for n in nodes], color="#ffffff",
                    line=dict(color="#222222", width=1.5)), showlegend=False,
        hovertext=[f"<b>{projection.nodes[n].get('label', n)}</b><br>" + ("<br>".join(
            f"{projection.nodes[m].get('label', m)}: {', '.join(projection.edges[n, m]['orgs'])}"
            for m in sorted(projection[n]) if m in positions) or "no full membership shared with the states shown")
            for n in nodes], hoverinfo="text"))
    _base_layout(fig, height, legend=dict(orientation="h", y=0, x=0, yanchor="bottom", yref="container"),
                 margin=dict(l=20, r=20, t=30, b=80))
    fig.update_xaxes(visible=False, range=[-1.5, 1.5], fixedrange=True)
    fig.update_yaxes(visible=False, range=[-1.2, 1.2], scaleanchor="x", scaleratio=1, fixedrange=True)
    return fig
