"""Figure builders: data in, a plotly ``Figure`` out, grouped by kind of chart.

Builders are pure: they read no file and know nothing of HTML or of the book. A chapter step
(:mod:`dushanbe.chapters`) passes them data and words and joins each figure to its record with
:func:`dushanbe.charts.publish`. Their look comes from :mod:`dushanbe.style`.

* :mod:`.networks` — :func:`network_figure`, :func:`projection_map`;
* :mod:`.maps` — :func:`border_map`;
* :mod:`.bars` — :func:`gap_figure`, :func:`verdict_figure`, :func:`dumbbell_figure`,
  :func:`status_stack_figure`;
* :mod:`.timelines` — :func:`event_rows`, :func:`event_lanes`, :func:`membership_timeline`,
  :func:`membership_panels`, :func:`status_matrix`.
"""
from __future__ import annotations

from .bars import dumbbell_figure, gap_figure, status_stack_figure, verdict_figure
from .maps import border_map
from .networks import network_figure, projection_map
from .timelines import event_lanes, event_rows, membership_panels, membership_timeline, status_matrix

__all__ = ["network_figure", "projection_map", "border_map", "verdict_figure", "gap_figure", "dumbbell_figure",
           "status_stack_figure", "event_rows", "event_lanes", "membership_timeline", "membership_panels",
           "status_matrix"]
