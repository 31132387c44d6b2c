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
