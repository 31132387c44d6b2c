"""Events (``data/events.csv``): pure selections that the claims and the plans share.

>>> from dushanbe.data import load_tables
>>> e = load_tables()["events"]
>>> matching(e, kind="exercise", country="TJK", participant="CSTO")["start"].min().date().isoformat()
'2021-10-18'
"""
from __future__ import annotations

import pandas as pd

__all__ = ["matching"]


def matching(events: pd.DataFrame, kind=None, country=None, participant=None) -> pd.DataFrame:
    """Return the events of ``kind`` (one or a list), held in ``country``, with ``participant``
    among their ';'-separated participants; a criterion left as None is not applied."""
    mask = pd.Series(True, index=events.index)
    if kind:
        mask &= events["kind"].isin([kind] if isinstance(kind, str) else kind)
    if country:
        mask &= events["country"] == country
    if participant:
        mask &= events["participants"].str.split(";").apply(lambda p: participant in p)
    return events[mask]
