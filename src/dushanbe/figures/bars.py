"""Bar charts: lengths by source, verdicts, one measure per row, snapshots."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..style import PALETTE, SOURCE_STYLES
from ._layout import _base_layout, reference_line



def _bars_by_group(fig: go.Figure, table: pd.DataFrame, group: str, y: str, x: str, text, hover: str,
                   **bar) -> None:
    """Add one horizontal bar trace per value of ``group``, each with its own colour *and*
    hatching from :data:`dushanbe.style.SOURCE_STYLES`; ``text(rows)`` labels the bars."""
    for i, (name, rows) in enumerate(table.groupby(group, sort=False)):
        colour, pattern = SOURCE_STYLES[i % len(SOURCE_STYLES)]
        fig.add_trace(go.Bar(
            y=rows[y], x=rows[x], name=name, orientation="h", text=text(rows),
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#ffffff")),
            hovertemplate=hover + "<extra>" + str(name) + "</extra>", **bar))


def border_comparison_figure(table: pd.DataFrame, *, height: int = 420) -> go.Figure:
    """Horizontal bars: one group per border, one bar per source, the value written on each bar.

    ``table`` columns: ``border`` (label), ``source`` (label), ``length_km``.
    """
    fig = go.Figure()
    _bars_by_group(fig, table, "source", "border", "length_km",
                   lambda rows: [f"{v:,.0f} km" for v in rows["length_km"]], "%{y}: %{x:,.0f} km",
                   textposition="outside")
    _base_layout(fig, height, barmode="group", legend=dict(orientation="h", y=1.08, x=0),
                 xaxis_title="Length of land border (km)")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(range=[0, table["length_km"].max() * 1.18])
    return fig


def verdict_figure(counts: pd.DataFrame, *, verdicts=None, height: int = 320) -> go.Figure:
    """Stacked horizontal bars: claims per verdict, split by how the verdict was reached.

    ``counts`` columns: ``verdict``, ``decided`` (label), ``claims`` (a count). Each part is
    labelled with its count, and the two ways of deciding differ in hatching as well as colour.
    ``verdicts`` lists every verdict in order, those with no claim included.
    """
    fig = go.Figure()
    _bars_by_group(fig, counts, "decided", "verdict", "claims", lambda rows: rows["claims"],
                   "%{y}: %{x} claim(s)", textposition="inside", insidetextanchor="middle")
    _base_layout(fig, height, barmode="stack", legend=dict(orientation="h", y=1.15, x=0),
                 xaxis_title="Number of claims")
    fig.update_yaxes(autorange="reversed")
    if verdicts is not None:   # every verdict on the axis, so "none contradicted" shows as an empty row
        fig.add_trace(go.Bar(y=list(verdicts), x=[0] * len(verdicts), orientation="h", showlegend=False,
                             hoverinfo="skip", marker=dict(color="rgba(0,0,0,0)")))
        fig.update_yaxes(categoryorder="array", categoryarray=list(verdicts))
    fig.update_xaxes(tickformat="d", nticks=8)   # whole claims, few enough ticks for a phone
    return fig


def measure_bars(table: pd.DataFrame, value: str, label: str, *, text_format: str = "{:.3f}",
                 name: str = "state", height: int | None = None, reference: float | None = None,
                 reference_label: str = "") -> go.Figure:
    """One horizontal bar per row (named by column ``name``) for one measure, its value written
    on the bar; ``reference`` draws a dashed vertical line (e.g. 1.0 for a ratio)."""
    rows = table.sort_values([value, name], ascending=[False, True])
    fig = go.Figure(go.Bar(
        y=rows[name], x=rows[value], orientation="h", marker=dict(color=PALETTE["blue"]),
        text=[text_format.format(v) for v in rows[value]], textposition="outside",
        hovertemplate="%{y}: %{x}<extra>" + label + "</extra>"))
    _base_layout(fig, height or 120 + 24 * len(rows), xaxis_title=label, showlegend=False)
    fig.update_yaxes(autorange="reversed")
    top = max(float(rows[value].max()), reference or 0)
    fig.update_xaxes(range=[0, top * 1.25 or 1])
    if reference is not None:
        reference_line(fig, reference, reference_label, colour=PALETTE["vermillion"], dash="dash",
                       side="right")
    return fig


def snapshot_figure(summary: pd.DataFrame, *, height: int = 380) -> go.Figure:
    """Grouped bars per date: states and ties in the two-mode graph, values written on bars."""
    fig = go.Figure()
    for (column, (colour, pattern)) in zip(("states", "ties"), SOURCE_STYLES):
        fig.add_trace(go.Bar(x=summary["date"], y=summary[column], name=column,
                             marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#ffffff")),
                             text=summary[column], textposition="outside"))
    _base_layout(fig, height, barmode="group", legend=dict(orientation="h", y=1.1, x=0),
                 yaxis_title="count")
    fig.update_xaxes(type="category", title="snapshot date")
    fig.update_yaxes(range=[0, summary[["states", "ties"]].to_numpy().max() * 1.2])
    return fig


def dumbbell_figure(table: pd.DataFrame, name: str, a: str, b: str, a_label: str, b_label: str, *,
                    axis_title: str = "", reference: float | None = None, reference_label: str = "",
                    text_format: str = "{:.0%}", height: int | None = None) -> go.Figure:
    """One row per ``name``: a line from its ``a`` value to its ``b`` value, each end a marker
    of its own symbol *and* colour (named in the legend), rows sorted by ``a``; the axis spans
    the values, not zero, so the gaps show. ``reference`` draws a dashed vertical line."""
    rows = table.sort_values([a, name], ascending=[True, True])
    fig = go.Figure()
    xs, ys = [], []
    for r in rows.itertuples():
        xs += [getattr(r, a), getattr(r, b), None]
        ys += [getattr(r, name), getattr(r, name), None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#999999", width=2),
                             hoverinfo="skip", showlegend=False))
    for column, label, (colour, _), symbol in ((a, a_label, SOURCE_STYLES[0], "circle"),
                                               (b, b_label, SOURCE_STYLES[1], "diamond-open")):
        fig.add_trace(go.Scatter(
            x=rows[column], y=rows[name], mode="markers", name=label,
            marker=dict(color=colour, size=11, symbol=symbol, line=dict(width=2, color=colour)),
            hovertemplate="%{y}: %{x:.3f}<extra>" + label + "</extra>"))
    low = float(rows[[a, b]].min().min())
    high = max(float(rows[[a, b]].max().max()), reference or 0)
    pad = (high - low) * 0.08 or 0.05
    _base_layout(fig, height or 140 + 26 * len(rows), xaxis_title=axis_title,
                 legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0))
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows[name]), autorange="reversed")
    fig.update_xaxes(range=[low - pad, high + pad], tickformat=".0%" if "%" in text_format else None,
                     showgrid=True, gridcolor="#eeeeee")
    if reference is not None:
        reference_line(fig, reference, reference_label, colour=PALETTE["vermillion"], dash="dash",
                       side="right")
    return fig
