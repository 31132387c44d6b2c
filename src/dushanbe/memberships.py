"""Who was what, when: pure functions over the ``memberships`` table.

A row says that ``iso3`` held ``status`` in ``org_id`` on every day ``start <= d < end``
(``end`` missing: still holds).

>>> from dushanbe.data import load_tables
>>> m = load_tables()["memberships"]
>>> members_on(m, "CSTO", "2021-09-16")
['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']
"""
from __future__ import annotations

import pandas as pd

from .names import country_name
from .provenance import ids_in, join_ids

__all__ = ["as_of", "members_on", "status_on", "status_history", "ties_table", "bloc_profile",
           "membership_spans", "status_frames", "in_both", "sources_for", "participation_on",
           "not_taking_part", "STATUS_LABELS", "STATUS_PHRASES", "PARTICIPATION_LABELS"]

#: The legal statuses of ``memberships.csv`` (the ``status`` enum of datapackage.json, in the
#: same order, closest tie first) with the plain-English label the book prints for each.
STATUS_LABELS = {
    "member": "member",
    "associate": "associate member",
    "participant": "participant",
    "observer": "observer",
    "dialogue_partner": "dialogue partner",
    "partner": "partner",
    "suspended": "suspended",
}

#: Each status as a phrase that takes the organisation's name ("suspended from the CSTO").
STATUS_PHRASES = {
    "member": "member of",
    "associate": "associate member of",
    "participant": "participant in",
    "observer": "observer in",
    "dialogue_partner": "dialogue partner of",
    "partner": "partner of",
    "suspended": "suspended from",
}

#: What ``participation.csv`` records: a state's non-participation while its legal status holds.
PARTICIPATION_LABELS = {"frozen": "participation frozen", "recalled": "representatives recalled"}

#: The dating rules: for each kind of status, what ``start`` marks. ``end`` always marks the first
#: day the status no longer holds. The methods page prints this table; every row of
#: memberships.csv and participation.csv follows it, or its note says why it cannot.
DATING_RULES = {
    "member": ("for a founding member, the signature of the organisation's founding instrument (its founding day); "
               "for a later member, the day its admission took effect: the decision of the organisation's council "
               "that admitted it, or the entry into force of its accession where it joined by treaty"),
    "associate": "the decision that made the state an associate member",
    "participant": ("the day the state signed the organisation's founding agreement, for a state that did not (or did "
                    "not yet) ratify it or the organisation's charter"),
    "observer": "the decision of the SCO Council of Heads of State on the status (the memorandum that follows it is in the note)",
    "dialogue_partner": ("the decision of the SCO Council of Heads of State to grant the status, or to launch its grant "
                         "(the memorandum that completes it is in the note)"),
    "partner": "the decision of the SCO Council of Heads of State that created or granted the status",
    "suspended": ("the day the suspension took effect: the organisation's decision, or the day it received the state's "
                  "notice"),
    "frozen": "the day the state announced that it had frozen its participation (participation.csv)",
    "recalled": "the day of the decree that recalled the state's representatives (participation.csv)",
}
END_RULE = "the first day the status no longer holds (an empty end: it still holds)"

def as_of(memberships: pd.DataFrame, date) -> pd.DataFrame:
    """Return the rows in force on ``date`` (``start <= date < end``, open ``end`` = in force).

    >>> from dushanbe.data import load_tables
    >>> m = load_tables()["memberships"]
    >>> as_of(m, "2021-09-16").query("iso3 == 'AFG'")[["org_id", "status"]].to_dict("records")
    [{'org_id': 'SCO', 'status': 'observer'}]
    """
    day = pd.Timestamp(date)
    in_force = (memberships["start"] <= day) & (memberships["end"].isna() | (day < memberships["end"]))
    return memberships.loc[in_force].sort_values(["org_id", "iso3"]).reset_index(drop=True)


def members_on(memberships: pd.DataFrame, org_id: str, date, status: str = "member") -> list[str]:
    """Return the sorted ISO codes holding ``status`` in ``org_id`` on ``date``."""
    rows = as_of(memberships, date)
    return sorted(rows.loc[(rows["org_id"] == org_id) & (rows["status"] == status), "iso3"])


def status_on(memberships: pd.DataFrame, iso3: str, org_id: str, date) -> str | None:
    """Return the status of ``iso3`` in ``org_id`` on ``date``, or None if it had none.

    >>> from dushanbe.data import load_tables
    >>> m = load_tables()["memberships"]
    >>> status_on(m, "IRN", "SCO", "2021-09-16"), status_on(m, "IRN", "SCO", "2024-01-01")
    ('observer', 'member')
    """
    rows = as_of(memberships, date)
    hit = rows.loc[(rows["org_id"] == org_id) & (rows["iso3"] == iso3), "status"]
    return hit.iloc[0] if len(hit) else None


def status_history(memberships: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """Return every dated status of one state, ordered by organisation and start."""
    cols = ["org_id", "status", "start", "end", "source_id", "note"]
    return (memberships.loc[memberships["iso3"] == iso3, cols]
            .sort_values(["org_id", "start"]).reset_index(drop=True))


def ties_table(memberships: pd.DataFrame, date, orgs=None) -> pd.DataFrame:
    """Return one row per state with its status in each organisation on ``date``.

    Columns: ``iso3``, ``state`` and one column per organisation (empty where no tie), sorted
    by the number of ties (most first), then by name.
    """
    rows = as_of(memberships, date)
    if orgs is not None:
        rows = rows[rows["org_id"].isin(list(orgs))]
    wide = (rows.assign(label=rows["status"].map(STATUS_LABELS))
            .pivot(index="iso3", columns="org_id", values="label").fillna(""))
    wide.columns.name = None
    wide = wide.reset_index()
    wide.insert(1, "state", wide["iso3"].map(country_name))
    org_cols = [c for c in wide.columns if c not in ("iso3", "state")]
    wide["ties"] = (wide[org_cols] != "").sum(axis=1)
    wide = wide.sort_values(["ties", "state"], ascending=[False, True]).drop(columns="ties")
    return wide.reset_index(drop=True)


def bloc_profile(memberships: pd.DataFrame, date, iso3s, orgs=("CSTO", "SCO")) -> pd.DataFrame:
    """Return each state's status in each of ``orgs`` on ``date``, a one-line ``profile`` and
    its ``profile_code`` (the status codes joined by ``|``, ``none`` for no status).

    >>> from dushanbe.data import load_tables
    >>> m = load_tables()["memberships"]
    >>> bloc_profile(m, "2021-09-16", ["TJK", "UZB", "TKM"])["profile"].tolist()
    ['CSTO member · SCO member', 'CSTO suspended · SCO member', 'neither CSTO nor SCO']
    """
    rows = []
    for iso3 in iso3s:
        statuses = {org: status_on(memberships, iso3, org, date) for org in orgs}
        parts = [f"{org} {STATUS_LABELS[s]}" for org, s in statuses.items() if s]
        profile = " · ".join(parts) if parts else "neither " + " nor ".join(orgs)
        rows.append({"iso3": iso3, "state": country_name(iso3),
                     **{org: STATUS_LABELS.get(s, "") if s else "" for org, s in statuses.items()},
                     "profile": profile,
                     "profile_code": "|".join(s or "none" for s in statuses.values())})
    return pd.DataFrame(rows)


def membership_spans(memberships: pd.DataFrame, orgs) -> pd.DataFrame:
    """Return the rows of ``orgs`` with a ``state`` name column, ready for a timeline."""
    rows = memberships[memberships["org_id"].isin(list(orgs))].copy()
    rows["state"] = rows["iso3"].map(country_name)
    return rows[["org_id", "iso3", "state", "status", "start", "end", "source_id"]] \
        .sort_values(["start", "state"]).reset_index(drop=True)


def status_frames(memberships: pd.DataFrame, dates, orgs) -> dict[str, pd.DataFrame]:
    """Return, for each date (ISO string), who held which status in ``orgs`` on that day."""
    frames = {}
    for date in dates:
        rows = as_of(memberships, date)
        rows = rows[rows["org_id"].isin(list(orgs))]
        frames[pd.Timestamp(date).date().isoformat()] = rows.assign(state=rows["iso3"].map(country_name))[
            ["iso3", "state", "org_id", "status", "source_id"]].reset_index(drop=True)
    return frames


def in_both(memberships: pd.DataFrame, org_a: str, org_b: str, date, status: str = "member") -> list[str]:
    """Return the states holding ``status`` in both organisations on ``date``.

    >>> from dushanbe.data import load_tables
    >>> in_both(load_tables()["memberships"], "CSTO", "EAEU", "2021-09-16")
    ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']
    """
    return sorted(set(members_on(memberships, org_a, date, status)) &
                  set(members_on(memberships, org_b, date, status)))


def participation_on(participation: pd.DataFrame, date, org_id: str | None = None) -> dict[tuple[str, str], str]:
    """Return ``{(org_id, iso3): participation}`` for the non-participation in force on ``date``.

    >>> from dushanbe.data import load_tables
    >>> participation_on(load_tables()["participation"], "2025-01-01", "CSTO")
    {('CSTO', 'ARM'): 'frozen'}
    """
    rows = as_of(participation.rename(columns={"participation": "status"}), date)
    if org_id is not None:
        rows = rows[rows["org_id"] == org_id]
    return {(r.org_id, r.iso3): r.status for r in rows.itertuples()}


def not_taking_part(participation: pd.DataFrame, org_id: str, date) -> list[str]:
    """Return the states of ``org_id`` that were not taking part in it on ``date`` (sorted codes).

    >>> from dushanbe.data import load_tables
    >>> not_taking_part(load_tables()["participation"], "CSTO", "2021-09-16")
    []
    """
    return sorted(iso3 for (_, iso3) in participation_on(participation, date, org_id))


def sources_for(memberships: pd.DataFrame, date, iso3: str | None = None, orgs=None) -> str:
    """Return the ';'-joined source ids of the statuses in force on ``date`` (optionally for one
    state and some organisations): the sources behind a derived number.

    >>> from dushanbe.data import load_tables
    >>> sources_for(load_tables()["memberships"], "2021-09-16", iso3="AFG").split(";")[-2:]
    ['uzdaily_2012_afg_tur', 'zeenews_2012_afg']
    """
    rows = as_of(memberships, date)
    if iso3 is not None:
        rows = rows[rows["iso3"] == iso3]
    if orgs is not None:
        rows = rows[rows["org_id"].isin(list(orgs))]
    return join_ids(ids_in(rows))
