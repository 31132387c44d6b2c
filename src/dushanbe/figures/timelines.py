"""Charts over time: events, membership spans, and the status grid by date."""
from __future__ import annotations

import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..memberships import STATUS_LABELS
from ..style import EVENT_STYLE, STATUS_STYLE
from ._layout import _base_layout, narrow, reference_line, steady_ticks



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


def _event_label(name: str, country: str, width: int = 28, lines: int = 2) -> str:
    """An event's row label: its name without asides (parentheses, anything after "; ") and its
    country, in at most ``lines`` lines of ``width`` characters; the hover and the data table
    keep the whole name.

    >>> _event_label("CSTO Collective Peacekeeping Forces deployed to Kazakhstan (first collective deployment)", "KAZ")
    'CSTO Collective Peacekeeping<br>Forces deployed to… (KAZ)'
    >>> _event_label("Taliban enter Kabul; the Afghan government collapses", "AFG")
    'Taliban enter Kabul (AFG)'
    """
    core = re.sub(r"\s*\([^)]*\)", "", name).split("; ")[0].strip()
    wrapped = textwrap.wrap(f"{core} ({country})", width)
    if len(wrapped) > lines:
        for cut in range(width * lines - len(country) - 4, 8, -1):
            wrapped = textwrap.wrap(f"{textwrap.shorten(core, cut, placeholder='…')} ({country})", width)
            if len(wrapped) <= lines:
                break
    return "<br>".join(wrapped)


def event_timeline(events: pd.DataFrame, *, mark: str | None = None, mark_label: str = "",
                   height: int | None = None) -> go.Figure:
    """One row per event on a date axis: a bar from first to last day (inclusive) and a marker
    whose colour *and* symbol give the kind; ``mark`` draws a dated vertical line (e.g. the
    article's date). The height, unless given, follows the labels: each row gets room for every
    line of its label, so that labels never overprint at any width."""
    fig = go.Figure()
    ordered = events.sort_values(["start", "event_id"]).reset_index(drop=True)
    # each label is the event's name (shortened past three lines; the hover and the data table
    # keep it whole) and its country, wrapped narrow enough to leave the plot room on a phone
    labels = [_event_label(r.name, r.country) for r in ordered.itertuples()]
    labels = _unique(labels)
    if height is None:   # rows are evenly spaced: each gets room for the longest label
        height = 120 + len(labels) * (17 * max(label.count("<br>") + 1 for label in labels) + 8)
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
    first, last = ordered["start"].min(), ordered["last_day"].fillna(ordered["start"]).max() + day
    span = last - first
    fig.update_xaxes(type="date", title=None, showgrid=True, gridcolor="#eeeeee",
                     range=[first - span * 0.03, last + span * 0.04],   # no bar ends flush with the edge
                     tickformat="%Y" if span > pd.Timedelta(days=730) else "%d %b<br>%Y")
    return steady_ticks(fig, "x")


def _status_bars(fig: go.Figure, spans: pd.DataFrame, until: pd.Timestamp, *, row=None,
                 shown: set | None = None, names: dict | None = None) -> None:
    """One bar trace per status in ``spans`` (colour *and* hatching give the status); a status
    already in ``shown`` gets no second legend entry."""
    for status, style in STATUS_STYLE.items():
        part = spans[spans["status"] == status]
        if part.empty:
            continue
        ends = part["end"].fillna(until)
        fig.add_trace(go.Bar(
            y=part["state"], base=part["start"], x=(ends - part["start"]).dt.total_seconds() * 1000,
            orientation="h", name=STATUS_LABELS[status], legendgroup=status,
            showlegend=shown is None or status not in shown,
            marker=dict(color=style["color"], line=dict(color="#333333", width=0.5),
                        pattern=dict(shape=style["pattern"], fgcolor="#ffffff", size=6)),
            customdata=[[f"{s:%Y-%m-%d}", "still holds" if pd.isna(e) else f"{e:%Y-%m-%d}",
                         (names or {}).get(o, o)]
                        for s, e, o in zip(part["start"], part["end"], part["org_id"])],
            hovertemplate="<b>%{y}</b>: " + STATUS_LABELS[status] +
                          " of %{customdata[2]}<br>%{customdata[0]} to %{customdata[1]}<extra></extra>"),
            **({} if row is None else dict(row=row, col=1)))
        if shown is not None:
            shown.add(status)


def _row_order(spans: pd.DataFrame) -> list[str]:
    """States in the order they first appear, earliest at the top."""
    return list(dict.fromkeys(spans.sort_values(["start", "state"])["state"]))


def membership_timeline(spans: pd.DataFrame, *, height: int | None = None,
                        until=None) -> go.Figure:
    """States × time: one bar per dated status, its colour *and* hatching giving the status.

    ``spans`` columns: ``state`` (label), ``status``, ``start``, ``end`` (NaT = still holds, drawn
    up to ``until``, default today), ``org_id``.
    """
    until = pd.Timestamp(until) if until is not None else pd.Timestamp.today().normalize()
    states = _row_order(spans)
    fig = go.Figure()
    _status_bars(fig, spans, until)
    _base_layout(fig, height or 120 + 26 * len(states), barmode="overlay",
                 legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
                 margin=dict(l=20, r=20, t=40, b=30))
    fig.update_yaxes(categoryorder="array", categoryarray=states[::-1], title=None)
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eeeeee")
    return steady_ticks(fig, "x", n=7)


def membership_panels(spans: pd.DataFrame, names: dict[str, str], *, until=None) -> go.Figure:
    """One panel per organisation, in the order of ``names`` (``{org_id: panel title}``), on a
    shared time axis: each panel has one row per state that ever held a status in it, so a
    state's statuses in different organisations never share a row.

    Panels are as tall as their number of states; the chart's height follows.
    """
    from plotly.subplots import make_subplots

    until = pd.Timestamp(until) if until is not None else pd.Timestamp.today().normalize()
    orgs = [o for o in names if (spans["org_id"] == o).any()]
    rows = {o: _row_order(spans[spans["org_id"] == o]) for o in orgs}
    fig = make_subplots(rows=len(orgs), cols=1, shared_xaxes=True, vertical_spacing=0.06,
                        row_heights=[len(rows[o]) for o in orgs],
                        subplot_titles=[names[o] for o in orgs])
    shown: set = set()
    for i, org in enumerate(orgs, start=1):
        _status_bars(fig, spans[spans["org_id"] == org], until, row=i, shown=shown, names=names)
        fig.update_yaxes(categoryorder="array", categoryarray=rows[org][::-1], title=None, row=i, col=1)
    for annotation in fig.layout.annotations:   # panel titles, left-aligned above each panel
        annotation.update(x=0, xanchor="left", font=dict(size=13))
    height = 130 + 22 * sum(len(r) for r in rows.values()) + 50 * len(orgs)
    _base_layout(fig, height, barmode="overlay", legend=dict(orientation="h", y=1.0, yanchor="top", x=0,
                                                             yref="container"),
                 margin=dict(l=20, r=20, t=90, b=30))
    fig.update_xaxes(type="date", showgrid=True, gridcolor="#eeeeee")
    fig.update_xaxes(showticklabels=True, row=len(orgs), col=1)
    # on a phone the legend wraps to three or four lines: give it room above the first panel
    narrow(fig, layout=dict(height=height + 110, margin=dict(t=200)))
    return steady_ticks(fig, "x")


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
    # the legend sits at the top of the chart, the organisations' names upright under it, so
    # that on a narrow screen neither runs into the other
    _base_layout(fig, height, legend=dict(orientation="h", y=1.0, yanchor="top", x=0, yref="container"),
                 margin=dict(l=20, r=60, t=170, b=20))   # r: room for the slider's last date
    fig.update_xaxes(categoryorder="array", categoryarray=list(orgs), side="top", title=None, tickangle=-90,
                     showgrid=True, gridcolor="#eeeeee", range=[-0.5, len(orgs) - 0.5])
    fig.update_yaxes(categoryorder="array", categoryarray=[n for _, n in states][::-1], title=None)
    return fig
