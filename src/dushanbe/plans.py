"""What came of the plans the article reports: outcomes computed from ``events.csv``.

``data/plans.csv`` lists the article's forward-looking statements, each naming a check here.
A check reads the events after the summit and returns an outcome and the evidence, with the
events it rests on, so that a new row in ``events.csv`` changes the verdict.

Outcomes: **carried out**, **partly carried out** (a step towards the plan, short of it), **not
carried out** (no event in the data shows it, as of the data's last check).

>>> from dushanbe.data import load_tables
>>> assess_plans(load_tables())["outcome"].tolist()
['carried out', 'partly carried out', 'partly carried out']
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .claims import A_MONTH
from .dates import EVENTS
from .events import core_name, matching
from .provenance import join_ids, merge_ids
from .words import count, date_range, join_names, long_date

__all__ = ["CHECKS", "OUTCOMES", "assess_plans", "after_summit"]

OUTCOMES = ("carried out", "partly carried out", "not carried out")
SUMMIT_EVENT = EVENTS["summit"]


def after_summit(events: pd.DataFrame) -> pd.DataFrame:
    """Return the events that began after the CSTO summit, in date order."""
    summit = events.set_index("event_id").at[SUMMIT_EVENT, "start"]
    return events[events["start"] > summit].sort_values(["start", "event_id"])


def _listed(rows: pd.DataFrame) -> str:
    """Events named in a sentence: their names without asides, and their days.

    >>> e = pd.DataFrame({"name": ["Drill (active phase)"], "start": pd.to_datetime(["2022-10-17"]),
    ...                   "last_day": pd.to_datetime(["2022-10-21"])})
    >>> _listed(e)
    'Drill (17–21 October 2022)'
    """
    return join_names(f"{core_name(r.name)} ({date_range(r.start, r.last_day) if pd.notna(r.last_day) else long_date(r.start)})"
                      for r in rows.itertuples())


def drills_in_a_month(events):
    """Carried out if CSTO drills began in Tajikistan 21 to 45 days after the summit (the
    window of the claim about those drills); partly carried out if they began
    later; not carried out if none did."""
    summit = events.set_index("event_id").at[SUMMIT_EVENT, "start"]
    drills = matching(after_summit(events), kind="exercise", country="TJK", participant="CSTO")
    if drills.empty:
        return "not carried out", "No CSTO exercise in Tajikistan after the summit is in the data.", drills
    first = drills.iloc[:1]
    days = (first["start"].iloc[0] - summit).days
    outcome = "carried out" if A_MONTH[0] <= days <= A_MONTH[1] else "partly carried out"
    return outcome, f"{_listed(first)}, {days} days after the summit.", first


def troops_to_the_border(events):
    """Carried out if the data hold a CSTO deployment (troops sent to act, not to train) in
    Tajikistan after the summit; partly carried out if CSTO troops came only for exercises there;
    not carried out otherwise. Deployments elsewhere are named as context."""
    later = after_summit(events)
    deployed = matching(later, kind="deployment", country="TJK", participant="CSTO")
    exercises = matching(later, kind="exercise", country="TJK", participant="CSTO")
    elsewhere = matching(later, kind="deployment", participant="CSTO")
    elsewhere = elsewhere[elsewhere["country"] != "TJK"]
    context = (f" CSTO deployments elsewhere: {_listed(elsewhere)}."
               if len(elsewhere) else "")
    if len(deployed):
        return "carried out", f"CSTO deployments in Tajikistan: {_listed(deployed)}.{context}", deployed
    if len(exercises):
        return "partly carried out", (f"No CSTO deployment to the Tajik–Afghan border is in the data; CSTO troops "
                                      f"came to Tajikistan for {count(len(exercises), 'exercise')}: "
                                      f"{_listed(exercises)}.{context}"), pd.concat([exercises, elsewhere])
    return "not carried out", "No CSTO troops in Tajikistan after the summit are in the data." + context, elsewhere


def reinforced_presence(events):
    """Carried out if a CSTO deployment or base in Tajikistan follows the summit; partly carried
    out if the CSTO took a formal decision involving Tajikistan (such as a programme for its
    border) without either; not carried out otherwise."""
    later = after_summit(events)
    present = matching(later, kind=["deployment", "base"], country="TJK", participant="CSTO")
    decided = matching(later, kind="decision", participant="CSTO")
    decided = decided[decided["participants"].str.contains("TJK")]
    if len(present):
        return "carried out", f"CSTO forces in Tajikistan: {_listed(present)}.", present
    if len(decided):
        return "partly carried out", (f"Decided, not yet in place: {_listed(decided)}; no CSTO deployment or base "
                                      "in Tajikistan is in the data."), decided
    return "not carried out", "No CSTO decision, deployment or base for Tajikistan after the summit is in the data.", present


CHECKS: dict[str, Callable] = {f.__name__: f for f in (drills_in_a_month, troops_to_the_border, reinforced_presence)}


def assess_plans(tables: dict) -> pd.DataFrame:
    """Return one row per plan: quote, plan, ``outcome``, ``evidence``, the ``event_ids`` it
    rests on and ``source_id`` (the article's and the events' sources)."""
    events = tables["events"]
    rows = []
    for r in tables["plans"].itertuples():
        outcome, evidence, behind = CHECKS[r.check](events)
        rows.append({"plan_id": r.plan_id, "check": r.check, "quote": r.quote, "plan": r.plan, "outcome": outcome,
                     "evidence": evidence, "event_ids": ";".join(behind["event_id"]),
                     "source_id": join_ids(merge_ids([r.source_id, *behind["source_id"]]))})
    return pd.DataFrame(rows)
