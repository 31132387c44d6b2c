"""The article's claims, checked: verdicts computed from the tables where the data can decide.

``data/claims.csv`` gives each claim either a verdict with evidence (decided by reading a
source) or the name of a *check* here, a small function that computes the verdict and the
evidence from the other tables. :func:`assess` returns the table with every verdict filled in.

>>> from dushanbe.data import load_tables
>>> t = load_tables()
>>> CHECKS["only_csto_border"](t)[0]
'supported'
"""
from __future__ import annotations

from typing import Callable

import pandas as pd

from .borders import compare_lengths, neighbours
from .memberships import country_name, members_on, status_on
from .words import join_names, long_date

__all__ = ["CHECKS", "VERDICTS", "assess", "length_verdict", "verdict_counts"]

#: Verdicts from strongest to weakest support, with the symbol shown beside each in the book.
VERDICTS = {"supported": "✔", "partly supported": "◐", "contradicted": "✘", "unverifiable": "?"}

SUMMIT = "2021-09-16"
ARTICLE = "2021-09-17"
FORMER_SOVIET_CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


def _names(codes) -> str:
    return join_names(country_name(c) for c in sorted(codes))


_day = long_date


def _event(tables, event_id) -> pd.Series:
    events = tables["events"].set_index("event_id")
    return events.loc[event_id]


def length_verdict(stated: float, reference: float) -> str:
    """Class a stated length against a reference one.

    The same figure is *supported*; within 2 % (the spread between published figures for one
    border) is *partly supported*; further off is *contradicted*.

    >>> length_verdict(144, 144), length_verdict(1344, 1357), length_verdict(1200, 1357)
    ('supported', 'partly supported', 'contradicted')
    """
    if stated == reference:
        return "supported"
    return "partly supported" if abs(stated - reference) / reference <= 0.02 else "contradicted"


def _border_check(neighbour: str):
    def check(tables):
        c = compare_lengths(tables["borders"], "AFG", {"wfb": "cia_wfb", "rt": "trt_2021"}) \
            .set_index("neighbour").loc[neighbour]
        verdict = length_verdict(c["rt"], c["wfb"])
        diff = c["rt"] - c["wfb"]
        same = "the same figure" if diff == 0 else f"{abs(diff):,.0f} km ({abs(diff) / c['wfb']:.1%}) {'less' if diff < 0 else 'more'}"
        return verdict, (f"The CIA World Factbook gives {c['wfb']:,.0f} km for the {country_name(neighbour)}–"
                         f"Afghanistan border; the article's {c['rt']:,.0f} km is {same}.")
    return check


def summit_on_thursday(tables):
    day = _event(tables, "csto-summit-2021")["start"]
    verdict = "supported" if day.day_name() == "Thursday" else "contradicted"
    return verdict, f"The CSTO session was held on {_day(day)}, a {day.day_name()}."


def csto_members_named(tables):
    named = {"KAZ", "KGZ", "ARM", "BLR", "TJK", "RUS"}
    members = set(members_on(tables["memberships"], "CSTO", SUMMIT))
    if named == members:
        return "supported", (f"On {_day(SUMMIT)} the CSTO's members were {_names(members)}: the five named states "
                             "and Russia, whose president joined by video link.")
    return "contradicted", f"CSTO members on {_day(SUMMIT)}: {_names(members)}; named: {_names(named)}."


def drills_within_a_month(tables):
    summit = _event(tables, "csto-summit-2021")["start"]
    drills = _event(tables, "csto-drills-oct-2021")
    days = (drills["start"] - summit).days
    verdict = "supported" if 21 <= days <= 45 and drills["country"] == "TJK" else "contradicted"
    return verdict, (f"CSTO drills began {days} days after the summit, on {_day(drills['start'])}, "
                     f"at {drills['location']}.")


def only_csto_border(tables):
    afghan = neighbours(tables["borders"], "AFG")
    csto = set(members_on(tables["memberships"], "CSTO", SUMMIT))
    shared = afghan & csto
    uzb = status_on(tables["memberships"], "UZB", "CSTO", SUMMIT)
    verdict = "supported" if shared == {"TJK"} else "contradicted"
    return verdict, (f"Of Afghanistan's {len(afghan)} neighbours only {_names(shared)} was a CSTO member on "
                     f"{_day(SUMMIT)}; Uzbekistan's membership was {uzb}.")


def sco_founders(tables):
    m = tables["memberships"]
    founded = tables["organizations"].set_index("org_id").loc["SCO", "founded"]
    founders = set(m[(m["org_id"] == "SCO") & (m["start"] == founded)]["iso3"])
    others = founders - {"RUS", "CHN"}
    ok = {"RUS", "CHN"} <= founders and others <= FORMER_SOVIET_CENTRAL_ASIA
    return ("supported" if ok else "contradicted"), (
        f"The founders on {_day(founded)} were {_names(founders)}: Russia and China with "
        f"{len(others)} of the 5 former Soviet Central Asian states (not {_names(FORMER_SOVIET_CENTRAL_ASIA - others)}).")


def sco_same_week(tables):
    csto, sco = _event(tables, "csto-summit-2021"), _event(tables, "sco-summit-2021")
    same = csto["start"].isocalendar()[:2] == sco["start"].isocalendar()[:2] and sco["location"] == "Dushanbe"
    return ("supported" if same else "contradicted"), (
        f"The SCO summit was held in {sco['location']} on {sco['start']:%A} {_day(sco['start'])}, "
        f"{(sco['start'] - csto['start']).days} day(s) after the CSTO session.")


def india_pakistan_2017(tables):
    m = tables["memberships"]
    sco = m[(m["org_id"] == "SCO") & m["iso3"].isin(["IND", "PAK"])]
    starts = sco[sco["status"] == "member"]
    observed = sco[sco["status"] == "observer"]["start"].min()
    years = set(starts["start"].dt.year)
    return ("supported" if years == {2017} and len(starts) == 2 else "contradicted"), (
        "India and Pakistan became full members on " + " and ".join(sorted({_day(d) for d in starts["start"]}))
        + f", after observer status from {_day(observed)}.")


def afghanistan_sco_observer(tables):
    status = status_on(tables["memberships"], "AFG", "SCO", SUMMIT)
    return ("supported" if status == "observer" else "contradicted"), (
        f"Afghanistan's SCO status on {_day(SUMMIT)}: {status or 'none'}.")


def kabul_last_month(tables):
    fall = _event(tables, "kabul-falls-2021")["start"]
    article = pd.Timestamp(ARTICLE)
    last_month = (article.to_period("M") - 1) == fall.to_period("M")
    return ("supported" if last_month else "contradicted"), (
        f"Kabul fell on {_day(fall)}; the article is dated {_day(ARTICLE)}.")


def _russian_exercises_in(tables, country=None, partner=None):
    e = tables["events"]
    mask = (e["kind"] == "exercise") & (e["start"] >= pd.Timestamp("2021-05-01")) & (e["start"] < pd.Timestamp(ARTICLE))
    parts = e["participants"].str.split(";")
    mask &= parts.apply(lambda p: "RUS" in p)
    if country:
        mask &= e["country"] == country
    if partner:
        mask &= parts.apply(lambda p: partner in p)
    return e[mask]


def russia_drills_kgz_tjk(tables):
    found = {c: _russian_exercises_in(tables, country=c) for c in ("KGZ", "TJK")}
    both_members = all(status_on(tables["memberships"], c, "CSTO", SUMMIT) == "member" for c in found)
    ok = all(len(v) for v in found.values()) and both_members
    listed = "; ".join(f"in {country_name(c)}, " + ", ".join(f"{r.name} (from {_day(r.start)})" for r in v.itertuples())
                       for c, v in found.items())
    return ("supported" if ok else "unverifiable"), f"Exercises with Russian troops before the article: {listed}."


def russia_drills_uzb(tables):
    found = _russian_exercises_in(tables, partner="UZB")
    return ("supported" if len(found) else "unverifiable"), (
        "Joint exercises of Russia and Uzbekistan: " + "; ".join(
            f"{r.name}, {_day(r.start)} to {_day(r.last_day)}" for r in found.itertuples()) + ".")


CHECKS: dict[str, Callable] = {
    "summit_on_thursday": summit_on_thursday,
    "csto_members_named": csto_members_named,
    "drills_within_a_month": drills_within_a_month,
    "tajik_border_length": _border_check("TJK"),
    "uzbek_border_length": _border_check("UZB"),
    "only_csto_border": only_csto_border,
    "sco_founders": sco_founders,
    "sco_same_week": sco_same_week,
    "india_pakistan_2017": india_pakistan_2017,
    "afghanistan_sco_observer": afghanistan_sco_observer,
    "kabul_last_month": kabul_last_month,
    "russia_drills_kgz_tjk": russia_drills_kgz_tjk,
    "russia_drills_uzb": russia_drills_uzb,
}


def assess(tables: dict) -> pd.DataFrame:
    """Return the claims with ``verdict`` and ``evidence`` filled in and ``computed`` telling
    which were computed from the data (True) and which come from reading a source (False)."""
    claims = tables["claims"].copy()
    computed = claims["check"] != ""
    for i in claims.index[computed]:
        verdict, evidence = CHECKS[claims.at[i, "check"]](tables)
        claims.at[i, "verdict"], claims.at[i, "evidence"] = verdict, evidence
    claims["computed"] = computed
    return claims.drop(columns=["row"])


def verdict_counts(assessed: pd.DataFrame) -> pd.DataFrame:
    """Count claims per verdict (in the order of :data:`VERDICTS`) and per way of deciding.

    Columns: ``verdict``, ``decided`` ("computed from the data" or "read from a source"), ``claims``.
    """
    decided = assessed["computed"].map({True: "computed from the data", False: "read from a source"})
    counts = (assessed.assign(decided=decided).groupby(["verdict", "decided"]).size()
              .rename("claims").reset_index())
    counts["order"] = counts["verdict"].map({v: i for i, v in enumerate(VERDICTS)})
    return counts.sort_values(["order", "decided"]).drop(columns="order").reset_index(drop=True)
