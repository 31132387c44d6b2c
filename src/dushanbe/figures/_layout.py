"""Shared pieces of every chart's layout."""
from __future__ import annotations

import copy
import textwrap

import plotly.graph_objects as go

from ..style import TEMPLATE


def wrap_label(text: str, width: int) -> str:
    """Wrap a label into lines of about ``width`` characters, whole words, nothing cut.

    >>> wrap_label("CSTO drills Echelon-2021, Search-2021 and Interaction-2021", 26)
    'CSTO drills Echelon-2021,<br>Search-2021 and<br>Interaction-2021'
    """
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False))


def reference_line(fig: go.Figure, x, label: str, colour: str = "#333333", dash: str = "dot",
                   side: str = "left") -> None:
    """A vertical line across the plot at ``x`` (plotly's ``add_vline``) with its label above the
    plot area, written to the ``side`` of the line (``"right"`` keeps a label at the right edge
    inside the chart)."""
    fig.add_vline(x=x, line=dict(color=colour, dash=dash, width=1.5), layer="above",
                  annotation=dict(text=label, font=dict(size=12, color="#333333"), yanchor="bottom"),
                  annotation_position="top right" if side == "left" else "top left")


def _base_layout(fig: go.Figure, spec_height: int, **kw) -> go.Figure:
    """Apply the book's template and height, then any other layout settings."""
    fig.update_layout(**(dict(template=TEMPLATE, height=spec_height) | kw))
    return fig


def steady_ticks(fig: go.Figure, *axes: str, n: int = 5) -> go.Figure:
    """Give each numeric or date axis in ``axes`` ("x", "y") at most ``n`` ticks *whatever the
    chart's width*.

    Left alone, plotly picks the number of ticks from the axis's length in pixels, so a phone
    shows fewer labels than a desktop; with ``nticks`` fixed, both show the same ones. Use it
    only on numeric and date axes: on a category axis ``nticks`` would thin the categories.
    """
    for axis in axes:
        (fig.update_xaxes if axis == "x" else fig.update_yaxes)(nticks=n)
    return fig


def narrow(fig: go.Figure, *, layout: dict | None = None, traces: dict[int, dict] | None = None,
           figure: go.Figure | None = None) -> go.Figure:
    """Record how the chart is drawn on a narrow screen (the query
    :data:`dushanbe.bookext.html.NARROW_MEDIA`): either settings merged into the wide design
    (``layout`` into the layout, ``traces``: a trace's index → properties that replace its own; a
    ``height`` in ``layout`` replaces the chart's height), or a whole ``figure`` of its own, where
    a chart must be laid out differently (labels wrapped narrower, say).

    ``dushanbe.js`` applies them just before it draws the chart, and the book draws the chart's
    narrow static image from them. Exports keep the wide design. The settings travel in the
    figure's JSON as ``layout.meta.narrow``, so a reader of that file can see them.
    """
    meta = dict(fig.layout.meta or {})
    if figure is not None:
        drawn = figure.to_plotly_json()
        meta["narrow"] = {"figure": {"data": drawn["data"], "layout": drawn["layout"]}}
    else:
        meta["narrow"] = {"layout": layout or {}, "traces": {str(i): t for i, t in (traces or {}).items()}}
    fig.update_layout(meta=meta)
    return fig


def titled(figure: dict, text: str, *, size: int = 17) -> dict:
    """Return a figure (plotly JSON) with ``text`` (HTML lines, ``<br>`` between them) as its
    title, written above everything else: the chart grows by the title's height, and what sits
    at the figure's top (a legend or a note placed on the whole figure, ``yref="container"``)
    moves down with the plot, so nothing overprints the title. :func:`untitled` undoes it.

    >>> fig = titled({"layout": {"height": 400, "legend": {"yref": "container", "y": 1}}}, "A<br>B")
    >>> fig["layout"]["height"], round(fig["layout"]["legend"]["y"], 3), fig["layout"]["margin"]
    (474, 0.844, {'t': 104})
    >>> untitled(fig)["layout"]
    {'height': 400, 'legend': {'yref': 'container', 'y': 1.0}, 'meta': {}}
    """
    out = copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    top = 30 + 22 * (text.count("<br>") + 1)
    height = int(layout.get("height") or 600)
    _shift_container_items(layout, height / (height + top))
    meta = dict(layout.get("meta") or {})
    meta["titled"] = {"top": top, "margin": layout.get("margin")}
    margin = dict(layout.get("margin") or {})
    margin["t"] = int(margin.get("t") or 30) + top
    layout.update(title=dict(text=text, x=0.01, xanchor="left", xref="container", y=1, yanchor="top",
                             yref="container", pad=dict(t=22), font=dict(size=size)),
                  margin=margin, height=height + top, meta=meta)
    return out


def untitled(figure: dict) -> dict:
    """Return a figure made by :func:`titled` as it was before (any other figure without its title)."""
    out = copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    layout.pop("title", None)
    meta = dict(layout.get("meta") or {})
    was = meta.pop("titled", None)
    if was:
        height = int(layout["height"]) - was["top"]
        _shift_container_items(layout, (height + was["top"]) / height)
        layout.pop("margin", None)
        if was["margin"] is not None:
            layout["margin"] = was["margin"]
        layout["height"] = height
        layout["meta"] = meta
    return out


def _shift_container_items(layout: dict, factor: float) -> None:
    """Scale the vertical position of the legend and annotations placed on the whole figure."""
    legend = layout.get("legend")
    if isinstance(legend, dict) and legend.get("yref") == "container" and "y" in legend:
        legend["y"] = float(legend["y"]) * factor
    for note in layout.get("annotations") or []:
        if note.get("yref") == "container" and "y" in note:
            note["y"] = float(note["y"]) * factor
