"""Bar charts: gaps between sources, verdicts, one measure per row, ties by status, dumbbells."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..style import GREYS, SOURCE_STYLES
from ..words import length_figure
from ._layout import _base_layout, reference_line, steady_ticks

__all__ = ["gap_figure", "verdict_figure", "status_stack_figure", "dumbbell_figure"]


def _bars_by_group(fig: go.Figure, table: pd.DataFrame, group: str, y: str, x: str, text, hover: str,
                   styles=None, **bar) -> None:
    """Add one horizontal bar trace per value of ``group``, each with its own colour *and*
    hatching (``styles``: value → (colour, hatching); by default :data:`dushanbe.style.SOURCE_STYLES`
    in order); ``text(rows)`` labels the bars."""
    for i, (name, rows) in enumerate(table.groupby(group, sort=False)):
        colour, pattern = (styles or {}).get(name) or SOURCE_STYLES[i % len(SOURCE_STYLES)]
        fig.add_trace(go.Bar(
            y=rows[y], x=rows[x], name=name, orientation="h", text=text(rows),
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#ffffff")),
            textfont=dict(color="#ffffff" if colour in (GREYS["ink"], GREYS["mid"]) or colour.startswith("#D") else GREYS["ink"]),
            hovertemplate=hover + "<extra>" + str(name) + "</extra>", **bar))


def gap_figure(gaps: pd.DataFrame, reference_label: str, *, accent: str | None = None) -> go.Figure:
    """Diverging bars: each source's figure for a border as its gap from a reference figure.

    ``gaps`` is :func:`dushanbe.borders.gaps_from`'s table. One row per border and source, the
    rows of one border together; a bar runs from zero (the reference) to the gap. Each row's
    label, written on the other side of zero from its bar, gives the gap and the figure itself,
    so a gap of zero reads as "no gap" rather than as a missing bar. Colour and hatching tell
    the sources apart: ``accent`` (the source the chart is about) in the accent, the others grey.
    """
    rows = gaps.sort_values(["reference_km", "source"], ascending=[False, True]).reset_index(drop=True)
    rows["row"] = [f"{b.split('–')[0]}<br>{s}" for b, s in zip(rows["border"], rows["source"])]
    fig = go.Figure()
    others = [s for s in dict.fromkeys(rows["source"]) if s != accent]
    styles = {accent: SOURCE_STYLES[0], **{s: SOURCE_STYLES[1 + i % 3] for i, s in enumerate(others)}}
    _bars_by_group(fig, rows, "source", "row", "gap_km", lambda part: None,
                   "%{y}: %{x:+,.2f} km from " + reference_label, styles=styles)
    for r in rows.itertuples():
        gap = "no gap" if r.gap_km == 0 else ("+" if r.gap_km > 0 else "−") + length_figure(abs(r.gap_km))
        fig.add_annotation(x=0, y=r.row, text=f"{gap}: {length_figure(r.length_km)}", showarrow=False,
                           xanchor="right" if r.gap_km > 0 else "left", xshift=-6 if r.gap_km > 0 else 6,
                           font=dict(size=12))
    widest = float(rows["gap_km"].abs().max()) or 1.0
    _base_layout(fig, 150 + 44 * len(rows), showlegend=False, margin=dict(l=20, r=20, t=40, b=40),
                 xaxis_title=f"difference from {reference_label} (km)")
    fig.update_yaxes(categoryorder="array", categoryarray=list(rows["row"])[::-1], title=None)
    fig.update_xaxes(range=[-widest * 1.3, widest * 1.3], zeroline=True, zerolinecolor="#333333",
                     zerolinewidth=2, showgrid=True, gridcolor="#eeeeee")
    reference_line(fig, 0, reference_label, colour="#333333", dash="solid")
    return steady_ticks(fig, "x")


def verdict_figure(counts: pd.DataFrame, *, verdicts=None, height: int = 320) -> go.Figure:
    """Stacked horizontal bars: claims per verdict, split by how the verdict was reached.

    ``counts`` columns: ``verdict``, ``decided`` (label), ``claims`` (a count). Each part is
    labelled with its count, and the two ways of deciding differ in hatching as well as colour.
    ``verdicts`` lists every verdict in order, those with no claim included.
    """
    fig = go.Figure()
    greys = {name: style for name, style in zip(dict.fromkeys(counts["decided"]),
                                                 [(GREYS["ink"], ""), (GREYS["light"], "/")])}
    _bars_by_group(fig, counts, "decided", "verdict", "claims", lambda rows: rows["claims"],
                   "%{y}: %{x} claims", styles=greys, textposition="auto", insidetextanchor="middle")
    _base_layout(fig, height, barmode="stack", xaxis_title="Number of claims",
                 legend=dict(orientation="h", yref="container", y=1, yanchor="top", x=0),
                 margin=dict(t=80))
    fig.update_yaxes(autorange="reversed")
    if verdicts is not None:   # every verdict on the axis, so "none contradicted" shows as an empty row
        fig.add_trace(go.Bar(y=list(verdicts), x=[0] * len(verdicts), orientation="h", showlegend=False,
                             hoverinfo="skip", marker=dict(color="rgba(0,0,0,0)")))
        fig.update_yaxes(categoryorder="array", categoryarray=list(verdicts))
    fig.update_xaxes(tickformat="d", nticks=8)   # whole claims, few enough ticks for a phone
    return fig


def status_stack_figure(counts: pd.DataFrame, labels: dict[str, str], totals: dict[str, str]) -> go.Figure:
    """One horizontal bar per date, stacked by status: how many state–organisation ties of each
    status there were (:func:`dushanbe.network.ties_by_status`'s table).

    ``labels`` maps each ISO date to its row label, ``totals`` to the text written at the end of
    its bar. Each status has its colour *and* hatching (:data:`dushanbe.style.STATUS_STYLE`); the
    hover lists the ties behind each part. The earliest date is at the top.
    """
    from ..memberships import STATUS_LABELS
    from ..style import STATUS_STYLE

    dates = list(dict.fromkeys(counts["date"]))
    fig = go.Figure()
    for status, style in STATUS_STYLE.items():
        part = counts[counts["status"] == status]
        if part.empty:
            continue
        fig.add_trace(go.Bar(
            y=[labels[d] for d in part["date"]], x=part["ties"], orientation="h", name=STATUS_LABELS[status],
            marker=dict(color=style["color"], line=dict(color="#ffffff", width=1),
                        pattern=dict(shape=style["pattern"], fgcolor="#ffffff", size=6)),
            customdata=[[s.replace(";", "<br>")] for s in part["states"]],
            hovertemplate="<b>%{y}</b>: %{x} " + STATUS_LABELS[status] + " ties<br>%{customdata[0]}<extra></extra>"))
    sums = counts.groupby("date", sort=False)["ties"].sum()
    for date in dates:
        fig.add_annotation(x=float(sums[date]), y=labels[date], text=totals[date], showarrow=False,
                           xanchor="left", xshift=6, font=dict(size=12))
    _base_layout(fig, 150 + 56 * len(dates), barmode="stack", bargap=0.35,
                 legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0, traceorder="normal"),
                 margin=dict(l=20, r=20, t=30, b=40), xaxis_title="state–organisation ties")
    fig.update_yaxes(categoryorder="array", categoryarray=[labels[d] for d in dates][::-1], title=None)
    fig.update_xaxes(range=[0, float(sums.max()) * 1.45], showgrid=True, gridcolor="#eeeeee")
    return steady_ticks(fig, "x")


def dumbbell_figure(table: pd.DataFrame, name: str, a: str, b: str, a_label: str, b_label: str, *,
                    axis_title: str = "", reference: float | None = None, reference_label: str = "",
                    text_format: str = "{:.0%}", height: int | None = None) -> go.Figure:
    """One row per ``name``: a line from its ``a`` value to its ``b`` value, each end a marker
    of its own symbol *and* colour (named in the legend), rows sorted by ``b`` (the value the
    chart's title speaks of); the axis spans the values, not zero, so the gaps show.
    ``reference`` draws a dashed vertical line."""
    rows = table.sort_values([b, name], ascending=[True, True])
    fig = go.Figure()
    xs, ys = [], []
    for r in rows.itertuples():
        xs += [getattr(r, a), getattr(r, b), None]
        ys += [getattr(r, name), getattr(r, name), None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#999999", width=2),
                             hoverinfo="skip", showlegend=False))
    for column, label, (colour, _), symbol in ((a, a_label, SOURCE_STYLES[1], "circle"),
                                               (b, b_label, SOURCE_STYLES[0], "diamond-open")):
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
    steady_ticks(fig, "x")
    if reference is not None:
        reference_line(fig, reference, reference_label, colour=GREYS["ink"], dash="dash", side="right")
    return fig
