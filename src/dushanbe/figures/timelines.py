"""Charts over time: the run-up's events, the story's strands since the summit, membership spans,
and the status grid by date."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..events import core_name
from ..memberships import PARTICIPATION_LABELS, STATUS_LABELS, STATUS_PHRASES
from ..style import ACCENT, EVENT_STYLE, GREYS, PARTICIPATION_STYLE, STATUS_STYLE
from ._layout import _base_layout, narrow, steady_ticks, wrap_label

__all__ = ["event_rows", "event_lanes", "membership_timeline", "membership_panels", "status_matrix"]

DAY = pd.Timedelta(days=1)


def _mark(fig: go.Figure, day, label: str, **where) -> None:
    """A dotted vertical line at ``day``, labelled above the plot (plotly's ``add_vline``)."""
    fig.add_vline(x=pd.Timestamp(day).strftime("%Y-%m-%d"), line=dict(color=GREYS["ink"], dash="dot", width=1.5),
                  annotation=dict(text=label, font=dict(size=12, color=GREYS["ink"]), yanchor="bottom"),
                  annotation_position="top right", **where)


def _event_rows_figure(events: pd.DataFrame, key: set, mark, mark_label: str, span_to, width: int,
                       label_width: int, font: int) -> go.Figure:
    ordered = events.sort_values(["start", "event_id"]).reset_index(drop=True)
    labels = [wrap_label(core_name(r.name), label_width) for r in ordered.itertuples()]
    lines = max(label.count("<br>") + 1 for label in labels)
    height = 130 + len(labels) * ((font + 5) * lines + 10)
    colour = [ACCENT if r.event_id in key else GREYS["mid"] for r in ordered.itertuples()]
    fig = go.Figure()
    for r, label, c in zip(ordered.itertuples(), labels, colour):
        if pd.notna(r.last_day):
            fig.add_trace(go.Scatter(x=[r.start, r.last_day + DAY], y=[label, label], mode="lines", showlegend=False,
                                     line=dict(color=c, width=10), hoverinfo="skip"))
    for kind, style in EVENT_STYLE.items():
        part = [(r, lab, c) for r, lab, c in zip(ordered.itertuples(), labels, colour) if r.kind == kind]
        if not part:
            continue
        fig.add_trace(go.Scatter(
            x=[r.start for r, *_ in part], y=[lab for _, lab, _ in part], mode="markers", name=style["label"],
            marker=dict(symbol=style["symbol"], size=12, color=[c for *_, c in part], line=dict(color="#ffffff", width=1)),
            customdata=[[r.name, r.location, _days(r)] for r, *_ in part],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[2]}<br>%{customdata[1]}<extra></extra>"))
    if mark is not None:
        _mark(fig, mark, mark_label)
    if span_to is not None and mark is not None:
        start, end = pd.Timestamp(mark), pd.Timestamp(span_to)
        y = labels[list(ordered["event_id"]).index(next(iter(key)))] if key else labels[-1]
        fig.add_annotation(x=start, ax=end, y=y, ay=y, xref="x", axref="x", yref="y", ayref="y", text="",
                           showarrow=True, arrowhead=0, arrowside="end+start", arrowwidth=1.5, arrowcolor=ACCENT)
        fig.add_annotation(x=start + (end - start) / 2, y=y, yref="y", text=f"{(end - start).days} days",
                           showarrow=False, yshift=14, font=dict(size=font + 1, color=ACCENT))
    _base_layout(fig, height, legend=dict(orientation="h", x=0, y=1, yanchor="top", yref="container",
                                          font=dict(size=font)),
                 margin=dict(l=10, r=20, t=60 + (30 if width < 600 else 0), b=30))
    fig.update_yaxes(categoryorder="array", categoryarray=labels[::-1], title=None, tickfont=dict(size=font))
    first, last = ordered["start"].min(), ordered["last_day"].fillna(ordered["start"]).max() + DAY
    pad = (last - first) * 0.04
    fig.update_xaxes(type="date", title=None, showgrid=True, gridcolor=GREYS["faint"], range=[first - pad, last + pad],
                     tickformat="%d %b<br>%Y")
    return steady_ticks(fig, "x", n=4 if width < 600 else 6)


def _days(r) -> str:
    from ..words import date_range, long_date

    return date_range(r.start, r.last_day) if pd.notna(r.last_day) else long_date(r.start)


def event_rows(events: pd.DataFrame, *, key=(), mark=None, mark_label: str = "", span_to=None) -> go.Figure:
    """One row per event on a date axis, each row labelled with the event's name, whole: a bar
    from its first to its last day and a marker whose symbol gives its kind, in grey, the
    events in ``key`` in the accent. ``mark`` draws a dated line (the summit); with ``span_to``,
    a bracket from ``mark`` to that day is labelled with the number of days between them.

    Rows are as tall as the longest label; on a narrow screen the labels wrap narrower (the
    chart's narrow figure), so nothing is cut at either width.
    """
    key = set(key)
    wide = _event_rows_figure(events, key, mark, mark_label, span_to, 900, 34, 12)
    slim = _event_rows_figure(events, key, mark, mark_label, span_to, 360, 18, 11)
    return narrow(wide, figure=slim)


def _spaced(wanted: list[float], sizes: list[float], gap: float = 4.0) -> list[float]:
    """Push labels apart, keeping their order: each label's centre (``wanted``, in pixels from the
    top) moves down just enough that it does not overlap the one above (``sizes``: their heights).

    >>> _spaced([0, 10, 100], [30, 30, 30])
    [0, 34.0, 100]
    """
    out: list[float] = []
    for i, (y, size) in enumerate(zip(wanted, sizes)):
        out.append(y if not out else max(y, out[-1] + (sizes[i - 1] + size) / 2 + gap))
    return out


def _event_lanes_figure(events: pd.DataFrame, lanes: dict[str, str], headlines: dict[str, str], mark, mark_label: str,
                        until, width: int) -> go.Figure:
    phone = width < 600
    order = list(lanes)
    shown = events[events["thread"].isin(order)].sort_values(["start", "event_id"])
    first, last = shown["start"].min(), pd.Timestamp(until)
    span = last - first
    low, high = first - span * 0.03, last + span * 0.02
    top, bottom = (30 + 6 * max(len(n) for n in lanes.values()) if phone else 140), (120 if phone else 70)
    # upright names: wrapped on a wide screen; on a phone, where a column is a finger wide, one line each
    lane_names = [lanes[t] if phone else wrap_label(lanes[t], 14) for t in order]
    keyed = shown[shown["event_id"].isin(headlines)].sort_values("start")
    texts = [wrap_label(headlines[e], 22 if phone else 34) for e in keyed["event_id"]]
    sizes = [(t.count("<br>") + 1) * (14 if phone else 15) + 2 for t in texts]
    height = 1000 if phone else 900
    for _ in range(30):   # make the chart as tall as its labels need: none may fall off its end
        plot = height - top - bottom
        wanted = [(d - low) / (high - low) * plot for d in keyed["start"]]
        placed = _spaced(wanted, sizes)
        overflow = (placed[-1] + sizes[-1] / 2 - plot) if placed else 0
        if overflow <= 0:
            break
        height += int(overflow) + 10
    label_days = [low + (high - low) * (y / plot) for y in placed]
    fig = go.Figure()
    for accent in (False, True):   # the labelled events last, so that none hides under a grey one
        for kind, style in EVENT_STYLE.items():
            if not (shown["kind"] == kind).any():
                continue
            part = shown[(shown["kind"] == kind) & (shown["event_id"].isin(headlines) == accent)]
            if accent and part.empty:
                continue
            fig.add_trace(go.Scatter(   # the grey trace carries the legend entry, even when empty
                x=[lane_names[order.index(t)] for t in part["thread"]], y=part["start"], mode="markers",
                name=style["label"], legendgroup=kind, showlegend=not accent,
                marker=dict(symbol=style["symbol"], size=11 if phone else 12, color=ACCENT if accent else GREYS["mid"],
                            line=dict(color="#ffffff", width=1)),
                customdata=[[r.name, r.location, _days(r)] for r in part.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[2]}<br>%{customdata[1]}<extra></extra>"))
    domain = [0, 0.44] if phone else [0, 0.6]
    for r, at, text in zip(keyed.itertuples(), label_days, texts):
        fig.add_annotation(x=domain[1] + 0.02, xref="paper", xanchor="left", y=at, yref="y", yanchor="middle",
                           align="left", text=text, showarrow=False,
                           font=dict(size=11 if phone else 12, color=GREYS["ink"]), width=(172 if phone else 250))
        fig.add_shape(type="line", xref="x", yref="y", x0=lane_names[order.index(r.thread)], y0=r.start,
                      x1=len(order) - 0.5, y1=at, line=dict(color=GREYS["light"], width=1, dash="dot"), layer="below")
    if mark is not None:
        fig.add_hline(y=pd.Timestamp(mark).strftime("%Y-%m-%d"), line=dict(color=GREYS["ink"], dash="dot", width=1.5),
                      annotation=dict(text=mark_label, font=dict(size=11, color=GREYS["ink"])),
                      annotation_position="bottom right")
    _base_layout(fig, height, showlegend=True,
                 legend=dict(orientation="h", x=0, y=0, yanchor="bottom", yref="container", font=dict(size=11)),
                 margin=dict(l=10, r=10, t=top, b=bottom))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=lane_names, side="top", domain=domain,
                     tickangle=-90, tickfont=dict(size=10 if phone else 11), showgrid=True,
                     gridcolor=GREYS["faint"], range=[-0.5, len(order) - 0.5], fixedrange=True)
    fig.update_yaxes(type="date", autorange=False, range=[high, low], tickformat="%Y", dtick="M12", showgrid=True,
                     gridcolor=GREYS["faint"], fixedrange=True)
    return fig


def event_lanes(events: pd.DataFrame, lanes: dict[str, str], *, headlines: dict[str, str], mark=None,
                mark_label: str = "", until=None) -> go.Figure:
    """The story's strands over time, read downwards: one column per strand (``lanes``: the
    ``thread`` codes of ``events.csv`` and their names, in order), one marker per event whose
    symbol gives its kind, in grey; the events in ``headlines`` (event id → a short label) in
    the accent, their labels whole in the right-hand column, spaced so that none overprints.
    The rest are in the hover and the data table. ``mark`` draws a dated line (the summit).

    The same design serves a phone, narrower, with the strands' names upright.
    """
    until = pd.Timestamp(until) if until is not None else events["start"].max()
    wide = _event_lanes_figure(events, lanes, headlines, mark, mark_label, until, 900)
    slim = _event_lanes_figure(events, lanes, headlines, mark, mark_label, until, 360)
    return narrow(wide, figure=slim)


def _span_bar(part: pd.DataFrame, until: pd.Timestamp, **style) -> go.Bar:
    """One horizontal bar per row of ``part``, from its ``start`` to its ``end`` (an open end runs
    to ``until``), on the row of its ``state``; ``style`` is passed to the trace."""
    ends = part["end"].fillna(until)
    return go.Bar(y=part["state"], base=part["start"], x=(ends - part["start"]).dt.total_seconds() * 1000,
                  orientation="h", **style)


def _status_bars(fig: go.Figure, spans: pd.DataFrame, until: pd.Timestamp, *, row=None,
                 shown: set | None = None, names: dict | None = None) -> None:
    """One bar trace per status in ``spans`` (colour *and* hatching give the status); a status
    already in ``shown`` gets no second legend entry."""
    for status, style in STATUS_STYLE.items():
        part = spans[spans["status"] == status]
        if part.empty:
            continue
        fig.add_trace(_span_bar(
            part, until, name=STATUS_LABELS[status], legendgroup=status,
            showlegend=shown is None or status not in shown,
            marker=dict(color=style["color"], line=dict(color="#333333", width=0.5),
                        pattern=dict(shape=style["pattern"], fgcolor="#ffffff", size=6)),
            customdata=[[f"{s:%Y-%m-%d}", "still holds" if pd.isna(e) else f"{e:%Y-%m-%d}",
                         (names or {}).get(o, o)]
                        for s, e, o in zip(part["start"], part["end"], part["org_id"])],
            hovertemplate="<b>%{y}</b>: " + STATUS_PHRASES[status] +
                          " %{customdata[2]}<br>%{customdata[0]} to %{customdata[1]}<extra></extra>"),
            **({} if row is None else dict(row=row, col=1)))
        if shown is not None:
            shown.add(status)


def _participation_bars(fig: go.Figure, rows: pd.DataFrame, until: pd.Timestamp, *, row=None,
                        shown: set | None = None) -> None:
    """Black hatching over the status bar for the time a state did not take part."""
    for kind, style in PARTICIPATION_STYLE.items():
        part = rows[rows["participation"] == kind]
        if part.empty:
            continue
        fig.add_trace(_span_bar(
            part, until, name=PARTICIPATION_LABELS[kind], legendgroup=kind,
            showlegend=shown is None or kind not in shown,
            marker=dict(color="rgba(0,0,0,0)", line=dict(color="#000000", width=1.5),
                        pattern=dict(shape=style["pattern"], fgcolor="#000000", size=5, solidity=0.4)),
            customdata=[[f"{s:%Y-%m-%d}"] for s in part["start"]],
            hovertemplate="<b>%{y}</b>: " + PARTICIPATION_LABELS[kind] + " from %{customdata[0]}<extra></extra>"),
            **({} if row is None else dict(row=row, col=1)))
        if shown is not None:
            shown.add(kind)


def _row_order(spans: pd.DataFrame) -> list[str]:
    """States in the order they first appear, earliest at the top."""
    return list(dict.fromkeys(spans.sort_values(["start", "state"])["state"]))


def membership_timeline(spans: pd.DataFrame, *, until, marks=(), participation: pd.DataFrame | None = None,
                        height: int | None = None) -> go.Figure:
    """States × time: one bar per dated status, its colour *and* hatching giving the status; a
    state's non-participation (``participation``: ``state``, ``participation``, ``start``,
    ``end``) hatched in black over it; each of ``marks`` (day, label) a dotted line.

    ``spans`` columns: ``state`` (label), ``status``, ``start``, ``end`` (NaT = still holds, drawn
    up to ``until``), ``org_id``.
    """
    until = pd.Timestamp(until)
    states = _row_order(spans)
    fig = go.Figure()
    _status_bars(fig, spans, until)
    if participation is not None and len(participation):
        _participation_bars(fig, participation, until)
    for day, label in marks:
        _mark(fig, day, label)
    _base_layout(fig, height or 140 + 26 * len(states), barmode="overlay",
                 legend=dict(orientation="h", y=1, yanchor="top", yref="container", x=0),
                 margin=dict(l=20, r=20, t=90, b=30))
    fig.update_yaxes(categoryorder="array", categoryarray=states[::-1], title=None)
    fig.update_xaxes(type="date", showgrid=True, gridcolor=GREYS["faint"])
    narrow(fig, layout=dict(height=(height or 140 + 26 * len(states)) + 60, margin=dict(t=150),
                            xaxis=dict(tickfont=dict(size=10))))
    return steady_ticks(fig, "x", n=6)


def membership_panels(spans: pd.DataFrame, names: dict[str, str], *, until, marks=(),
                      participation: pd.DataFrame | None = None) -> go.Figure:
    """One panel per organisation, in the order of ``names`` (``{org_id: panel title}``), on a
    shared time axis whose years are written under every panel: each panel has one row per state
    that ever held a status in it, so a state's statuses in different organisations never share a
    row. Panels are as tall as their number of states; the chart's height follows. Each of
    ``marks`` (day, label) is a dotted line across every panel.
    """
    from plotly.subplots import make_subplots

    until = pd.Timestamp(until)
    orgs = [o for o in names if (spans["org_id"] == o).any()]
    rows = {o: _row_order(spans[spans["org_id"] == o]) for o in orgs}
    fig = make_subplots(rows=len(orgs), cols=1, shared_xaxes=True, vertical_spacing=0.09,
                        row_heights=[len(rows[o]) for o in orgs], subplot_titles=[names[o] for o in orgs])
    shown: set = set()
    for i, org in enumerate(orgs, start=1):
        _status_bars(fig, spans[spans["org_id"] == org], until, row=i, shown=shown, names=names)
        if participation is not None:
            part = participation[participation["org_id"] == org]
            if len(part):
                _participation_bars(fig, part, until, row=i, shown=shown)
        fig.update_yaxes(categoryorder="array", categoryarray=rows[org][::-1], title=None, row=i, col=1)
    for annotation in fig.layout.annotations:   # panel titles, left-aligned above each panel
        annotation.update(x=0, xanchor="left", font=dict(size=13))
    for day, label in marks:   # labelled in the legend: over the panels it would meet their titles
        fig.add_vline(x=pd.Timestamp(day).strftime("%Y-%m-%d"), line=dict(color=GREYS["ink"], dash="dot", width=1.5),
                      row="all", col=1)
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", name=label, hoverinfo="skip",
                                 line=dict(color=GREYS["ink"], dash="dot", width=1.5)), row=1, col=1)
    height = 150 + 22 * sum(len(r) for r in rows.values()) + 70 * len(orgs)
    _base_layout(fig, height, barmode="overlay", legend=dict(orientation="h", y=1.0, yanchor="top", x=0,
                                                             yref="container"),
                 margin=dict(l=20, r=20, t=100, b=30))
    fig.update_xaxes(type="date", showgrid=True, gridcolor=GREYS["faint"], showticklabels=True)
    # on a phone the legend wraps to three or four lines: give it room above the first panel
    narrow(fig, layout=dict(height=height + 110, margin=dict(t=210)))
    return steady_ticks(fig, "x")


def _grid_marker(style: dict) -> dict:
    """A status's marker in the grid: an open symbol is drawn in its colour with a thick line
    (its outline is all there is of it), a filled one with a dark edge."""
    if style["symbol"].endswith("-open"):
        return dict(symbol=style["symbol"], size=16, color=style["color"], line=dict(width=3))
    return dict(symbol=style["symbol"], size=16, color=style["color"], line=dict(color="#222222", width=1))


def status_matrix(frames: dict[str, pd.DataFrame], *, active: str, orgs, states,
                  height: int = 560) -> go.Figure:
    """States × organisations on several dates, one animation frame per date.

    ``frames`` maps a date label to rows with ``iso3``, ``state``, ``org_id``, ``status`` and
    ``participation`` (empty where the state takes part); each status has its own marker symbol
    *and* colour, a state not taking part a black square round its marker, and the hover says
    both. The figure opens on ``active``; a slider (and, in the book, a keyboard-usable list)
    switches dates.

    Every frame draws every row and column (a transparent marker per cell), and the axes' ranges
    are fixed, so that no marker changes row when the date changes: plotly lays out a category
    axis from the categories in the data, and a frame without some state would otherwise move
    every marker below it.
    """
    labels = {s: n for s, n in states}
    names = [n for _, n in states]
    grid = go.Scatter(x=[o for o in orgs for _ in names], y=[n for _ in orgs for n in names], mode="markers",
                      marker=dict(size=1, color="rgba(0,0,0,0)"), hoverinfo="skip", showlegend=False)

    absent = dict(symbol="square-open", size=26, color="#000000", line=dict(width=2))

    def traces(rows):
        out = [grid]
        for status, style in STATUS_STYLE.items():
            part = rows[rows["status"] == status]
            out.append(go.Scatter(
                x=part["org_id"].tolist(), y=[labels[i] for i in part["iso3"]], mode="markers", showlegend=False,
                name=STATUS_LABELS[status], marker=_grid_marker(style),
                customdata=[[PARTICIPATION_LABELS.get(p, "")] for p in part.get("participation", [""] * len(part))],
                hovertemplate="%{y}: " + STATUS_PHRASES[status] + " %{x} %{customdata[0]}<extra></extra>"))
        part = rows[rows.get("participation", pd.Series("", index=rows.index)).fillna("") != ""]
        out.append(go.Scatter(x=part["org_id"].tolist(), y=[labels[i] for i in part["iso3"]], mode="markers",
                              name="not taking part", marker=absent, hoverinfo="skip", showlegend=False))
        return out

    # The legend is drawn by traces of its own, which no frame touches: a date on which a
    # status is empty keeps its legend entry, so the legend, the margins and with them the
    # rows stay where they are when the date changes.
    legend = [go.Scatter(x=[None], y=[None], mode="markers", name=STATUS_LABELS[status], hoverinfo="skip",
                         marker=_grid_marker(style))
              for status, style in STATUS_STYLE.items()]
    legend.append(go.Scatter(x=[None], y=[None], mode="markers", name="not taking part", marker=absent, hoverinfo="skip"))
    dates = list(frames)
    animated = list(range(len(traces(frames[active]))))
    fig = go.Figure(data=traces(frames[active]) + legend,
                    frames=[go.Frame(name=n, data=traces(frames[n]), traces=animated) for n in dates])
    fig.update_layout(sliders=[dict(
        active=dates.index(active), currentvalue=dict(prefix="Date: "), pad=dict(t=40),
        steps=[dict(label=n, method="animate",
                    args=[[n], dict(mode="immediate", frame=dict(duration=0, redraw=True),
                                    transition=dict(duration=0))]) for n in dates])])
    # the legend sits at the top of the chart, the organisations' names upright under it, so
    # that on a narrow screen neither runs into the other
    # fixed margins (no autoexpand): nothing a frame changes can move the plot area
    _base_layout(fig, height, legend=dict(orientation="h", y=1.0, yanchor="top", x=0, yref="container"),
                 margin=dict(l=150, r=60, t=170, b=130, autoexpand=False))   # r: room for the slider's last date
    # on a phone the legend wraps to four or five lines: the plot starts lower, the chart is taller
    narrow(fig, layout=dict(height=height + 90, margin=dict(t=260)))
    fig.update_xaxes(categoryorder="array", categoryarray=list(orgs), side="top", title=None, tickangle=-90,
                     showgrid=True, gridcolor=GREYS["faint"], range=[-0.5, len(orgs) - 0.5], autorange=False,
                     fixedrange=True)
    fig.update_yaxes(categoryorder="array", categoryarray=names[::-1], title=None,
                     range=[-0.5, len(names) - 0.5], autorange=False, fixedrange=True)
    return fig
