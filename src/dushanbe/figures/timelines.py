"""Charts over time: events, membership spans, and the status grid by date."""
from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..memberships import STATUS_LABELS
from ..style import EVENT_STYLE, STATUS_STYLE
from ._layout import _base_layout, reference_line



def _unique(labels: list[str]) -> list[str]:
    """Make category labels unique (a repeat gets a trailing space per repeat), so that two
    events with the same short label keep two rows.

    >>> _unique(["a", "b", "a"])
    ['a', 'b', 'a ']
    """
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        out.append(label + " " * seen.get(label, 0))
        seen[label] = seen.get(label, 0) + 1
    return out


def event_timeline(events: pd.DataFrame, *, mark: str | None = None, mark_label: str = "",
                   height: int = 460) -> go.Figure:
    """One row per event on a date axis: a bar from first to last day (inclusive) and a marker
    whose colour *and* symbol give the kind; ``mark`` draws a dated vertical line (e.g. the
    article's date)."""
    fig = go.Figure()
    ordered = events.sort_values(["start", "event_id"]).reset_index(drop=True)
    # a few events get wrapped labels; many get one line each, shortened (the hover and the data
    # table keep the full name), so that rows never overprint
    if len(ordered) > 15:
        labels = [textwrap.shorten(f"{r.name} ({r.country})", 48, placeholder="…") for r in ordered.itertuples()]
    else:
        labels = ["<br>".join(textwrap.wrap(f"{r.name} ({r.country})", 34)) for r in ordered.itertuples()]
    labels = _unique(labels)
    day = pd.Timedelta(days=1)
    for r, label in zip(ordered.itertuples(), labels):
        if pd.notna(r.last_day):
            fig.add_trace(go.Scatter(
                x=[r.start, r.last_day + day], y=[label, label], mode="lines", showlegend=False,
                line=dict(color=EVENT_STYLE[r.kind]["color"], width=10), hoverinfo="skip"))
    for kind, style in EVENT_STYLE.items():
        part = [(r, lab) for r, lab in zip(ordered.itertuples(), labels) if r.kind == kind]
        if not part:
            continue
        fig.add_trace(go.Scatter(
            x=[r.start for r, _ in part], y=[lab for _, lab in part], mode="markers", name=style["label"],
            marker=dict(symbol=style["symbol"], size=13, color=style["color"],
                        line=dict(color="#ffffff", width=1)),
            customdata=[[r.location, r.participants.replace(";", ", "),
                         f"{r.start:%Y-%m-%d}" + (f" to {r.last_day:%Y-%m-%d}" if pd.notna(r.last_day) else ""),
                         r.name]
                        for r, _ in part],
            hovertemplate="<b>%{customdata[3]}</b><br>%{customdata[2]}<br>%{customdata[0]}<br>"
                          "Participants: %{customdata[1]}<extra></extra>"))
    if mark:
        reference_line(fig, pd.Timestamp(mark), mark_label)
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
                        pattern=dict(shape=style["pattern"], fgcolor="#ffffff", size=6)),
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
