"""Memberships over time: each organisation's members and other statuses, from its founding to
today, and the whole grid of who was what on the dates the story turns on.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["n_sco_founders"], f["n_sco_now"]
('six', '10')
"""
from __future__ import annotations

import pandas as pd

from ..charts import ChartRecord, publish
from ..dates import key_dates
from ..figures import membership_panels, membership_timeline, status_matrix
from ..memberships import in_both, members_on, membership_spans, participation_on, status_frames
from ..names import country_name
from ..narrative import timeline_description
from ..network import describe_ties, membership_graph
from ..words import capital, join_names, long_date, number_word

__all__ = ["facts", "charts", "grid_dates", "GRID_ORGS", "closing"]

CST_CSTO, SCO, CIS_EAEU, GRID = "fig-timeline-cst-csto", "fig-timeline-sco", "fig-timeline-cis-eaeu", "fig-status-by-date"
GRID_ORGS = ["CST", "CSTO", "SCO", "CIS", "EurAsEC", "EAEU"]

#: The statuses whose first day the status grid shows: (organisation, state, status), with what
#: the book calls that day. The days themselves come from memberships.csv.
GRID_ANCHORS = [("CSTO", "UZB", "member", "Uzbekistan returns to the CSTO"),
                ("CSTO", "UZB", "suspended", "Uzbekistan suspended"),
                ("SCO", "IND", "member", "India and Pakistan join the SCO"),
                ("SCO", "IRN", "member", "Iran joins the SCO"),
                ("SCO", "BLR", "member", "Belarus joins the SCO"),
                ("SCO", "LAO", "partner", "the SCO's partners")]


def grid_dates(tables: dict) -> dict[str, str]:
    """The dates of the status grid, ISO, each with what happened: the treaty's and the CSTO's
    founding, the turns of :data:`GRID_ANCHORS`, the summit and today."""
    m = tables["memberships"]
    orgs = tables["organizations"].set_index("org_id")["founded"]
    days = key_dates(tables)
    picked = {orgs["CST"]: "the 1992 treaty", orgs["CSTO"]: "the CSTO founded", days["summit"]: "the summit",
              days["today"]: "today"}
    for org, iso3, status, what in GRID_ANCHORS:
        rows = m[(m["org_id"] == org) & (m["iso3"] == iso3) & (m["status"] == status)]
        if len(rows):
            picked.setdefault(rows["start"].min(), what)
    return {d.date().isoformat(): what for d, what in sorted(picked.items())}


def closing(then: list[str], now: list[str], absent: list[tuple[str, str, str]]) -> str:
    """The chapter's last words: the CSTO that met in Dushanbe (its members ``then``) beside the
    CSTO ``now``, in law and in practice (``absent``: state, organisation, since when, for those
    members that take no part).

    >>> six = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    >>> closing(six, six, [("Armenia", "CSTO", "22 February 2024")])
    'The alliance that met in Dushanbe is, in law, the same six states today; in practice it is five, since Armenia has taken no part since 22 February 2024.'
    >>> closing(six, six, [])
    'The alliance that met in Dushanbe is the same six states today, all of them taking part.'
    >>> closing(six, six[:5], [])
    'The alliance that met in Dushanbe had six members; it has five today, all of them taking part.'
    """
    gone = [a for a in absent if a[1] == "CSTO"]
    if sorted(then) == sorted(now):
        head = f"The alliance that met in Dushanbe is{', in law,' if gone else ''} the same {number_word(len(now))} states today"
    else:
        head = f"The alliance that met in Dushanbe had {number_word(len(then))} members; it has {number_word(len(now))} today"
    if not gone:
        return head + ", all of them taking part."
    why = join_names(f"{state} has taken no part since {since}" for state, _, since in gone)
    return f"{head}; in practice it is {number_word(len(now) - len(gone))}, since {why}."


def history_sentence(history: pd.DataFrame, state: str) -> str:
    """One state's way through the treaty and the CSTO, in years (``history``: its rows of
    ``memberships.csv`` for CST and CSTO, with ``org_id``, ``status``, ``start``, ``end``).

    >>> h = pd.DataFrame({"org_id": ["CST", "CSTO", "CSTO"], "status": ["member", "member", "suspended"],
    ...                   "start": pd.to_datetime(["1992-05-15", "2006-06-23", "2012-12-19"]),
    ...                   "end": pd.to_datetime(["1999-04-21", "2012-12-19", None])})
    >>> history_sentence(h, "Uzbekistan")
    'Uzbekistan left the treaty in 1999, joined the CSTO in 2006 and was suspended in 2012'
    """
    steps = []
    for r in history.sort_values("start").itertuples():
        if r.org_id == "CST" and pd.notna(r.end) and not (history["start"] == r.end).any():
            steps.append(f"left the treaty in {r.end.year}")
        elif r.org_id == "CSTO" and r.status == "member" and not steps == []:
            steps.append(f"joined the CSTO in {r.start.year}")
        elif r.status == "suspended":
            steps.append(f"was suspended in {r.start.year}")
    return f"{state} {join_names(steps)}" if steps else ""


def _participation(tables, orgs):
    p = tables["participation"]
    p = p[p["org_id"].isin(orgs)].copy()
    p["state"] = p["iso3"].map(country_name)
    return p


def facts(tables: dict) -> dict[str, str]:
    """Every value the memberships page states."""
    m, orgs = tables["memberships"], tables["organizations"].set_index("org_id")
    days = key_dates(tables)
    today = days["today"]
    ever = sorted(set(m[m["org_id"].isin(["CST", "CSTO"])]["iso3"]))
    absent = [country_name(i) for (_, i) in participation_on(tables["participation"], today, "CSTO")]
    return {
        "today": long_date(today), "summit_day": long_date(days["summit"]),
        "n_treaty_states": number_word(len(ever)), "treaty_year": str(orgs.at["CST", "founded"].year),
        "n_csto_now": number_word(len(members_on(m, "CSTO", today))),
        "csto_absent": join_names(absent), "n_csto_absent": number_word(len(absent)),
        "n_sco_founders": number_word(len(members_on(m, "SCO", orgs.at["SCO", "founded"]))),
        "n_sco_now": number_word(len(members_on(m, "SCO", today))),
        "n_sco_partners": number_word(len(members_on(m, "SCO", today, status="partner"))),
        "n_cis_ever": number_word(m[m["org_id"] == "CIS"]["iso3"].nunique()),
        "n_cis_now": number_word(len(members_on(m, "CIS", today))),
        "n_eaeu_now": number_word(len(members_on(m, "EAEU", today))),
        "closing": closing(members_on(m, "CSTO", days["summit"]), members_on(m, "CSTO", today),
                           _absent_members(tables, today)),
        "uzbekistan": history_sentence(m[(m["iso3"] == "UZB") & m["org_id"].isin(["CST", "CSTO"])], "Uzbekistan"),
    }


def _absent_members(tables, day) -> list[tuple[str, str, str]]:
    """States that are members in law of an organisation but take no part in it on ``day``."""
    p, m = tables["participation"], tables["memberships"]
    out = []
    for (org, iso3) in participation_on(p, day):
        if iso3 in members_on(m, org, day):
            since = p[(p["org_id"] == org) & (p["iso3"] == iso3)]["start"].max()
            out.append((country_name(iso3), org, long_date(since)))
    return out


def _timeline(tables, fid, orgs, title, subtitle, caption, *, panels=False):
    m, organizations = tables["memberships"], tables["organizations"]
    days = key_dates(tables)
    spans = membership_spans(m, orgs)
    names = {o: f"{n} ({o})" for o, n in zip(organizations["org_id"], organizations["name"])}
    part = _participation(tables, orgs)
    # over one chart the line is labelled "the summit"; the panels' legend gives its day too
    marks = [(days["summit"], f"the summit, {long_date(days['summit'])}" if panels else "the summit")]
    fig = (membership_panels(spans, {o: names[o] for o in orgs}, until=days["today"], marks=marks, participation=part)
           if panels else membership_timeline(spans, until=days["today"], marks=marks, participation=part))
    description = timeline_description(spans, dict(zip(organizations["org_id"], organizations["org_id"])), part)
    record = ChartRecord(id=fid, title=title, subtitle=subtitle,
                         caption=caption + f" Bars still open run to {long_date(days['today'])}; the dotted line marks the summit.",
                         description=description, data=pd.concat([spans, part.rename(columns={"participation": "status"})[
                             ["org_id", "iso3", "state", "status", "start", "end", "source_id"]]], ignore_index=True))
    return publish(fig, record, tables["sources"])


def charts(tables: dict) -> dict:
    """The three membership timelines and the status grid by date."""
    m, orgs = tables["memberships"], tables["organizations"].set_index("org_id")
    days = key_dates(tables)
    today = days["today"]
    f = facts(tables)
    absent = f"; {f['csto_absent']} takes no part" if f["csto_absent"] else ""
    out = {
        CST_CSTO: _timeline(
            tables, CST_CSTO, ["CST", "CSTO"],
            f"Of the {f['n_treaty_states']} states that joined the {f['treaty_year']} treaty, {f['n_csto_now']} are CSTO "
            f"members today{absent}",
            f"Parties to the Collective Security Treaty and members of the CSTO, {f['treaty_year']} to {long_date(today)}",
            "One row per state; bars show membership (solid) and suspension (hatched); black hatching over a bar marks "
            "a member that takes no part. The treaty (CST) rows end where the CSTO's begin."),
        SCO: _timeline(
            tables, SCO, ["SCO"],
            f"The SCO grew from {f['n_sco_founders']} founders to {f['n_sco_now']} members and {f['n_sco_partners']} partners",
            f"Members, observers, dialogue partners and partners of the SCO, {orgs.at['SCO', 'founded'].year} to {long_date(today)}",
            "One row per state; colour and hatching give the status: member (solid), observer (diagonal), dialogue partner "
            "(cross-hatched), partner (back-hatched: the single status that replaced observer and dialogue partner in 2025)."),
        CIS_EAEU: _timeline(
            tables, CIS_EAEU, ["CIS", "EurAsEC", "EAEU"],
            f"{capital(f['n_cis_now'])} of the {f['n_cis_ever']} states ever in the CIS are members today; the EAEU has "
            f"{f['n_eaeu_now']} members",
            f"Statuses in the CIS, the Eurasian Economic Community and the Eurasian Economic Union, to {long_date(today)}",
            "One panel per organisation, one row per state in it; colour and hatching give the status. The Eurasian "
            "Economic Community was replaced by the Eurasian Economic Union.", panels=True),
    }
    dates = grid_dates(tables)
    frames = status_frames(m, list(dates), GRID_ORGS)
    part = tables["participation"]
    for day, rows in frames.items():
        absent_then = participation_on(part, day)
        rows["participation"] = [absent_then.get((o, i), "") for o, i in zip(rows["org_id"], rows["iso3"])]
    summit = days["summit"].date().isoformat()
    all_four = set.intersection(*(set(members_on(m, o, summit)) for o in ("CSTO", "SCO", "CIS", "EAEU")))
    shown = sorted({i for f in frames.values() for i in f["iso3"]}, key=country_name)
    tidy = pd.concat([f.assign(date=d) for d, f in frames.items()], ignore_index=True)
    record = ChartRecord(
        id=GRID,
        title=(f"On the summit day, {join_names(sorted(country_name(c) for c in all_four))} belonged to all four "
               "of the region's blocs"),
        subtitle=f"Each state's status in each organisation on {number_word(len(dates))} dates, from the 1992 treaty to today",
        caption=("Each marker is a state's status in an organisation on the chosen date; symbol and colour both give the "
                 "status, and a black square marks a state that takes no part. The dates: "
                 + join_names(f"{long_date(d)} ({what})" for d, what in dates.items()) + "."),
        description=(f"A grid of states against organisations ({', '.join(GRID_ORGS)}). On {long_date(summit)}: "
                     + describe_ties(membership_graph(m, summit, orgs=GRID_ORGS))),
        data=tidy[["date", "org_id", "iso3", "state", "status", "participation", "source_id"]])
    out[GRID] = publish(status_matrix(frames, active=summit, orgs=GRID_ORGS, states=[(i, country_name(i)) for i in shown],
                                      height=280 + 24 * len(shown)), record, tables["sources"])
    return out


def both_table(tables: dict):
    """The states that were full members of two organisations at once, on the summit day and today."""
    from ..markup import table

    days = key_dates(tables)
    m = tables["memberships"]
    pairs = [("CSTO", "SCO"), ("CSTO", "EAEU"), ("SCO", "EAEU"), ("CSTO", "CIS")]
    rows = [{"organisations": f"{a} and {b}",
             **{f"on {long_date(d)}": ", ".join(country_name(i) for i in in_both(m, a, b, d))
                for d in (days["summit"], days["today"])}} for a, b in pairs]
    return table(pd.DataFrame(rows), caption="States that were full members of both organisations")
