"""Events (``data/events.csv``): pure selections that the claims and the plans share.

>>> from dushanbe.data import load_tables
>>> e = load_tables()["events"]
>>> matching(e, kind="exercise", country="TJK", participant="CSTO")["start"].min().date().isoformat()
'2021-10-18'
"""
from __future__ import annotations

import re

import pandas as pd

__all__ = ["matching", "core_name"]


def core_name(name: str) -> str:
    """An event's name without its asides: what is in parentheses, and what follows "; ".

    >>> core_name("Taliban enter Kabul; the Afghan government collapses"), core_name("Drills (planned for a month)")
    ('Taliban enter Kabul', 'Drills')
    """
    return re.sub(r"\s*\([^)]*\)", "", name).split("; ")[0].strip()


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
