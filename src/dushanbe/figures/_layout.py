"""Shared pieces of every chart's layout."""
from __future__ import annotations

import plotly.graph_objects as go

from ..style import TEMPLATE

def reference_line(fig: go.Figure, x, label: str, colour: str = "#333333", dash: str = "dot",
                   side: str = "left") -> None:
    """A vertical line across the plot at ``x`` with its label above the plot area, written to
    the ``side`` of the line (``"right"`` keeps a label at the right edge inside the chart)."""
    fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper", layer="above",
                  line=dict(color=colour, dash=dash, width=1.5))
    fig.add_annotation(x=x, y=1.0, yref="paper", text=label, showarrow=False,
                       font=dict(size=12, color="#333333"), xanchor="left" if side == "left" else "right",
                       yanchor="bottom")


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


#: Below this width in pixels, a chart drawn in the book takes its :func:`narrow` settings.
NARROW_PX = 600


def narrow(fig: go.Figure, *, layout: dict | None = None, traces: dict[int, dict] | None = None) -> go.Figure:
    """Record settings for narrow screens (below :data:`NARROW_PX`), applied by the book's
    ``dushanbe.js`` just before it draws the chart: ``layout`` is merged into the layout,
    ``traces`` maps a trace's index to properties that replace its own (short names for long
    ones, a smaller font). A ``height`` in ``layout`` replaces the chart's height outright.

    Exports and the static stand-in keep the wide design; the settings travel in the figure's
    JSON as ``layout.meta.narrow``, so a reader of that file can see them.
    """
    meta = dict(fig.layout.meta or {})
    meta["narrow"] = {"layout": layout or {}, "traces": {str(i): t for i, t in (traces or {}).items()}}
    fig.update_layout(meta=meta)
    return fig
