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
import textwrap
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd
import plotly.graph_objects as go

from .geometry import clipped_rings
from .memberships import STATUS_LABELS
from .provenance import figure_source_ids

__all__ = ["FigureSpec", "network_figure", "border_map", "border_comparison_figure", "verdict_figure",
           "event_timeline", "membership_timeline", "status_matrix", "measure_bars", "projection_map",
           "snapshot_figure",
           "STATUS_STYLE", "BLOC_STYLE"]

_ID = re.compile(r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")

#: Colour, line dash and marker symbol for each membership status.
STATUS_STYLE = {
    "member": {"color": "#0072B2", "dash": "solid", "symbol": "circle"},
    "associate": {"color": "#56B4E9", "dash": "longdash", "symbol": "circle-open"},
    "participant": {"color": "#56B4E9", "dash": "dash", "symbol": "circle-dot"},
    "founding_state": {"color": "#BBBBBB", "dash": "dot", "symbol": "circle-open-dot"},
    "observer": {"color": "#E69F00", "dash": "dash", "symbol": "diamond"},
    "dialogue_partner": {"color": "#009E73", "dash": "dot", "symbol": "triangle-up"},
    "partner": {"color": "#F0E442", "dash": "dashdot", "symbol": "triangle-down"},
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
    published as CSV beside the chart, with a ``source_id`` column (';'-separated keys of
    ``data/sources.csv``) on every row; ``source_ids`` lists the chart's sources for its source
    line first; every other source named in ``data`` is added after them, so the chart's
    sources line, cite note, sources CSV and registry entry all name the same list.
    """

    id: str
    title: str
    caption: str
    description: str
    data: pd.DataFrame
    source_ids: list[str] = field(default_factory=list)
    width: int = 900
    height: int = 600
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if not _ID.match(self.id):
            raise ValueError(f"figure id {self.id!r} must look like 'fig-network-2021-09-16'")
        if "source_id" not in self.data.columns:
            raise ValueError(f"figure {self.id!r}: its data need a source_id column, so every "
                             "plotted row can be traced to data/sources.csv")
        # one list of sources for the source line, cite note, BibTeX, sources CSV and registry
        self.source_ids = figure_source_ids(self.source_ids, self.data)
        if not self.source_ids:
            raise ValueError(f"figure {self.id!r} names no source")
        for name in ("title", "caption", "description"):
            if not getattr(self, name).strip():
                raise ValueError(f"figure {self.id!r} has an empty {name}")


def _reference_line(fig: go.Figure, x, label: str, colour: str = "#333333", dash: str = "dot") -> None:
    """A vertical line across the plot at ``x`` with its label above the plot area."""
    fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper", layer="above",
                  line=dict(color=colour, dash=dash, width=1.5))
    fig.add_annotation(x=x, y=1.0, yref="paper", text=label, showarrow=False,
                       font=dict(size=12, color="#333333"), xanchor="left", yanchor="bottom")


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
            xs, ys = _ring_trace_coords(clipped_rings(topo, row.iso3, (lon0 - 2, lon1 + 2, lat0 - 2, lat1 + 2)))
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


def verdict_figure(counts: pd.DataFrame, *, height: int = 320) -> go.Figure:
    """Stacked horizontal bars: claims per verdict, split by how the verdict was reached.

    ``counts`` columns: ``verdict``, ``decided`` (label), ``claims`` (a count). Each part is
    labelled with its count, and the two ways of deciding differ in hatching as well as colour.
    """
    fig = go.Figure()
    styles = {"computed from the data": ("#0072B2", ""), "read from a source": ("#E69F00", "/")}
    for decided, group in counts.groupby("decided", sort=False):
        colour, pattern = styles.get(decided, ("#999999", "."))
        fig.add_trace(go.Bar(
            y=group["verdict"], x=group["claims"], name=decided, orientation="h",
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#ffffff")),
            text=group["claims"], textposition="inside", insidetextanchor="middle",
            hovertemplate="%{y}: %{x} claim(s)<extra>" + decided + "</extra>"))
    _base_layout(fig, height, barmode="stack", legend=dict(orientation="h", y=1.15, x=0),
                 xaxis_title="Number of claims")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(dtick=1)
    return fig


_KIND_STYLE = {
    "summit": {"color": "#0072B2", "symbol": "star", "label": "summit"},
    "exercise": {"color": "#D55E00", "symbol": "diamond", "label": "military exercise"},
    "deployment": {"color": "#CC79A7", "symbol": "triangle-up", "label": "deployment"},
    "decision": {"color": "#56B4E9", "symbol": "square-open", "label": "decision"},
    "political": {"color": "#000000", "symbol": "x", "label": "political event"},
    "attack": {"color": "#E69F00", "symbol": "hexagram", "label": "armed attack"},
    "base": {"color": "#009E73", "symbol": "square", "label": "Russian base attested"},
}


def event_timeline(events: pd.DataFrame, *, mark: str | None = None, mark_label: str = "",
                   height: int = 460) -> go.Figure:
    """One row per event on a date axis: a bar from first to last day (inclusive) and a marker
    whose colour *and* symbol give the kind; ``mark`` draws a dated vertical line (e.g. the
    article's date)."""
    fig = go.Figure()
    ordered = events.sort_values(["start", "event_id"]).reset_index(drop=True)
    labels = ["<br>".join(textwrap.wrap(f"{r.name} ({r.country})", 34)) for r in ordered.itertuples()]
    day = pd.Timedelta(days=1)
    for r, label in zip(ordered.itertuples(), labels):
        if pd.notna(r.last_day):
            fig.add_trace(go.Scatter(
                x=[r.start, r.last_day + day], y=[label, label], mode="lines", showlegend=False,
                line=dict(color=_KIND_STYLE[r.kind]["color"], width=10), hoverinfo="skip"))
    for kind, style in _KIND_STYLE.items():
        part = [(r, lab) for r, lab in zip(ordered.itertuples(), labels) if r.kind == kind]
        if not part:
            continue
        fig.add_trace(go.Scatter(
            x=[r.start for r, _ in part], y=[lab for _, lab in part], mode="markers", name=style["label"],
            marker=dict(symbol=style["symbol"], size=13, color=style["color"],
                        line=dict(color="#ffffff", width=1)),
            customdata=[[r.location, r.participants.replace(";", ", "),
                         f"{r.start:%Y-%m-%d}" + (f" to {r.last_day:%Y-%m-%d}" if pd.notna(r.last_day) else "")]
                        for r, _ in part],
            hovertemplate="<b>%{y}</b><br>%{customdata[2]}<br>%{customdata[0]}<br>"
                          "Participants: %{customdata[1]}<extra></extra>"))
    if mark:
        _reference_line(fig, pd.Timestamp(mark), mark_label)
    _base_layout(fig, height, legend=dict(orientation="h", y=1.08, yanchor="bottom", x=0),
                 margin=dict(l=10, r=20, t=60, b=30))
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1], title=None,
                     tickfont=dict(size=11))
    fig.update_xaxes(type="date", title=None, showgrid=True, gridcolor="#eeeeee", tickformat="%d %b<br>%Y")
    return fig


def membership_timeline(spans: pd.DataFrame, *, height: int | None = None,
                        until=None) -> go.Figure:
    """States × time: one bar per dated status, its colour *and* hatching giving the status.

    ``spans`` columns: ``state`` (label), ``status``, ``start``, ``end`` (NaT = still holds, drawn
    up to ``until``, default today), ``org_id``.
    """
    until = pd.Timestamp(until) if until is not None else pd.Timestamp.today().normalize()
    patterns = {"member": "", "associate": ".", "participant": "+", "founding_state": ".",
                "observer": "/", "dialogue_partner": "x", "partner": "\\", "suspended": "-", "frozen": "|"}
    states = list(dict.fromkeys(spans.sort_values(["start", "state"])["state"]))
    fig = go.Figure()
    for status, style in STATUS_STYLE.items():
        part = spans[spans["status"] == status]
        if part.empty:
            continue
        ends = part["end"].fillna(until)
        fig.add_trace(go.Bar(
            y=part["state"], base=part["start"], x=(ends - part["start"]).dt.total_seconds() * 1000,
            orientation="h", name=STATUS_LABELS[status],
            marker=dict(color=style["color"], line=dict(color="#333333", width=0.5),
                        pattern=dict(shape=patterns[status], fgcolor="#ffffff", size=6)),
            customdata=[[f"{s:%Y-%m-%d}", "still holds" if pd.isna(e) else f"{e:%Y-%m-%d}", o]
                        for s, e, o in zip(part["start"], part["end"], part["org_id"])],
            hovertemplate="<b>%{y}</b>: " + STATUS_LABELS[status] +
                          " of %{customdata[2]}<br>%{customdata[0]} to %{customdata[1]}<extra></extra>"))
    _base_layout(fig, height or 120 + 26 * len(states), barmode="overlay",
                 legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
                 margin=dict(l=20, r=20, t=40, b=30))
    fig.update_yaxes(categoryorder="array", categoryarray=states[::-1], title=None)
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eeeeee")
    return fig


def status_matrix(frames: dict[str, pd.DataFrame], *, active: str, orgs, states,
                  height: int = 560) -> go.Figure:
    """States × organisations on several dates, one animation frame per date.

    ``frames`` maps a date label to rows with ``iso3``, ``state``, ``org_id``, ``status``;
    each status has its own marker symbol *and* colour, and its name is written in the hover text.
    The figure opens on ``active``; a slider (and, in the book, a keyboard-usable list) switches dates.
    """
    labels = {s: n for s, n in states}

    def traces(rows):
        out = []
        for status, style in STATUS_STYLE.items():
            part = rows[rows["status"] == status]
            out.append(go.Scatter(
                x=part["org_id"].tolist(), y=[labels[i] for i in part["iso3"]], mode="markers",
                name=STATUS_LABELS[status], marker=dict(symbol=style["symbol"], size=16, color=style["color"],
                                                         line=dict(color="#222222", width=1)),
                hovertemplate="%{y}: " + STATUS_LABELS[status] + " of %{x}<extra></extra>"))
        return out

    names = list(frames)
    fig = go.Figure(data=traces(frames[active]),
                    frames=[go.Frame(name=n, data=traces(frames[n])) for n in names])
    fig.update_layout(sliders=[dict(
        active=names.index(active), currentvalue=dict(prefix="Date: "), pad=dict(t=40),
        steps=[dict(label=n, method="animate",
                    args=[[n], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                    transition=dict(duration=0))]) for n in names])])
    _base_layout(fig, height, legend=dict(orientation="h", y=1.06, yanchor="bottom", x=0),
                 margin=dict(l=20, r=20, t=100, b=20))
    fig.update_xaxes(categoryorder="array", categoryarray=list(orgs), side="top", title=None,
                     showgrid=True, gridcolor="#eeeeee", range=[-0.5, len(orgs) - 0.5])
    fig.update_yaxes(categoryorder="array", categoryarray=[n for _, n in states][::-1], title=None)
    return fig


def measure_bars(table: pd.DataFrame, value: str, label: str, *, text_format: str = "{:.3f}",
                 name: str = "state", height: int | None = None, reference: float | None = None,
                 reference_label: str = "") -> go.Figure:
    """One horizontal bar per row (named by column ``name``) for one measure, its value written
    on the bar; ``reference`` draws a dashed vertical line (e.g. 1.0 for a ratio)."""
    rows = table.sort_values([value, name], ascending=[False, True])
    fig = go.Figure(go.Bar(
        y=rows[name], x=rows[value], orientation="h", marker=dict(color="#0072B2"),
        text=[text_format.format(v) for v in rows[value]], textposition="outside",
        hovertemplate="%{y}: %{x}<extra>" + label + "</extra>"))
    _base_layout(fig, height or 120 + 24 * len(rows), xaxis_title=label, showlegend=False)
    fig.update_yaxes(autorange="reversed")
    top = max(float(rows[value].max()), reference or 0)
    fig.update_xaxes(range=[0, top * 1.25 or 1])
    if reference is not None:
        _reference_line(fig, reference, reference_label, colour="#D55E00", dash="dash")
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


def snapshot_figure(summary: pd.DataFrame, *, height: int = 380) -> go.Figure:
    """Grouped bars per date: states and ties in the two-mode graph, values written on bars."""
    fig = go.Figure()
    for column, colour, pattern in (("states", "#0072B2", ""), ("ties", "#E69F00", "/")):
        fig.add_trace(go.Bar(x=summary["date"], y=summary[column], name=column,
                             marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#ffffff")),
                             text=summary[column], textposition="outside"))
    _base_layout(fig, height, barmode="group", legend=dict(orientation="h", y=1.1, x=0),
                 yaxis_title="count")
    fig.update_xaxes(type="category", title="snapshot date")
    fig.update_yaxes(range=[0, summary[["states", "ties"]].to_numpy().max() * 1.2])
    return fig
