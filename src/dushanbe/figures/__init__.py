"""Figure builders: data in, a plotly ``Figure`` out, grouped by kind of chart.

Builders are pure: they read no file and know nothing of HTML. The notebooks pass them data
and words, describe the chart with a :class:`~dushanbe.publish.FigureSpec`, and hand both to
:func:`dushanbe.publish.publish`. Their look comes from :mod:`dushanbe.style`.

* :mod:`.networks` — :func:`network_figure`, :func:`projection_map`;
* :mod:`.maps` — :func:`border_map`;
* :mod:`.bars` — :func:`gap_figure`, :func:`verdict_figure`, :func:`measure_bars`,
  :func:`dumbbell_figure`, :func:`status_stack_figure`;
* :mod:`.timelines` — :func:`event_timeline`, :func:`membership_timeline`,
  :func:`membership_panels`, :func:`status_matrix`.
"""
from __future__ import annotations

from .bars import dumbbell_figure, gap_figure, measure_bars, status_stack_figure, verdict_figure
from .maps import border_map
from .networks import network_figure, projection_map
from .timelines import event_timeline, membership_panels, membership_timeline, status_matrix

__all__ = ["network_figure", "projection_map", "border_map",
           "verdict_figure", "gap_figure", "measure_bars", "dumbbell_figure", "status_stack_figure", "event_timeline",
           "membership_timeline", "membership_panels", "status_matrix"]
