"""The dates the book's story turns on, all from the data, through one function.

:func:`key_dates` is the only place a chapter gets a date: the CSTO summit and the SCO summit
(from ``events.csv``), the article's publication (from ``sources.csv``), the fall of Kabul, the
day the data were last checked, the latest day the sources report on, and today (the build
date). Move the summit in ``events.csv`` and every page, chart and check moves with it.

>>> from dushanbe.data import load_tables
>>> days = key_dates(load_tables())
>>> days["summit"].date().isoformat(), days["article"].date().isoformat()
('2021-09-16', '2021-09-17')
"""
from __future__ import annotations

import pandas as pd

from .meta import build_date

__all__ = ["key_dates", "EVENTS", "ARTICLE_SOURCE"]

#: The events whose first day the story names, by the name the book uses for them.
EVENTS = {"summit": "csto-summit-2021", "sco_summit": "sco-summit-2021", "kabul": "kabul-falls-2021",
          "drills": "csto-drills-oct-2021"}

#: The article's row in ``sources.csv``.
ARTICLE_SOURCE = "trt_2021_csto_dushanbe"


def key_dates(tables: dict) -> dict[str, pd.Timestamp]:
    """Return the story's dates.

    Parameters
    ----------
    tables : dict
        The loaded tables (:func:`dushanbe.data.load_tables`).

    Returns
    -------
    dict
        ``summit``, ``sco_summit``, ``kabul`` and ``drills`` (first days of those events),
        ``article`` (the article's publication), ``checked`` (the latest day a source was read),
        ``sources_stop`` (the latest day an event or a source's publication is dated) and
        ``today`` (the build date).
    """
    events = tables["events"].set_index("event_id")
    sources = tables["sources"].set_index("source_id")
    days = {name: events.at[event_id, "start"] for name, event_id in EVENTS.items()}
    latest = pd.concat([events["start"], events["last_day"].dropna(), sources["published"].dropna()])
    days.update(article=sources.at[ARTICLE_SOURCE, "published"], checked=sources["accessed"].max(),
                sources_stop=latest.max(), today=pd.Timestamp(build_date()))
    return days
