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

from .borders import neighbours, rows_from
from .dates import key_dates
from .events import matching
from .memberships import members_on, status_history, status_on
from .names import country_name
from .provenance import split_ids
from .words import count, date_range, join_names, km, length_figure, long_date, number_word

__all__ = ["CHECKS", "VERDICTS", "WEAKEST_FIRST", "assess", "length_verdict", "authoritative_lengths",
           "verdict_counts", "weakest_claims", "check_rules"]

#: Verdicts from strongest to weakest support, with the symbol shown beside each in the book.
VERDICTS = {"supported": "✔", "partly supported": "◐", "contradicted": "✘", "unverifiable": "?"}

#: How little a verdict says for a claim, the least first: a contradicted claim holds least; an
#: unverifiable one cannot be shown to hold; a partly supported one holds in substance only.
WEAKEST_FIRST = ("contradicted", "unverifiable", "partly supported", "supported")

#: Start of the run-up the article describes ("Russia has conducted military exercises…"): the
#: weeks of the Taliban's 2021 summer offensive, taken as from 1 May 2021, when the US withdrawal
#: formally began.
RUN_UP = "2021-05-01"
#: "In a month", read as about a month: from three weeks to six weeks after the summit (days).
A_MONTH = (21, 45)
FORMER_SOVIET_CENTRAL_ASIA = {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


def _names(codes) -> str:
    return join_names(country_name(c) for c in sorted(codes))


_day = long_date


def _event(tables, event_id) -> pd.Series:
    events = tables["events"].set_index("event_id")
    return events.loc[event_id]


def _summit(tables) -> pd.Timestamp:
    return key_dates(tables)["summit"]


#: Kinds of source (``sources.csv``) whose border lengths can decide a length claim.
AUTHORITATIVE_KINDS = ("reference", "official")

#: The article's own row in ``sources.csv``.
ARTICLE_SOURCE = "trt_2021_csto_dushanbe"


def length_verdict(stated: float, authoritative) -> str:
    """Judge a length the article gives against the lengths authoritative sources publish.

    The rule, fixed before any case was judged: a land border has no single true length (its
    measure depends on the scale of the line and the survey; see the borders chapter), so a
    reported figure is *supported* when an authoritative source — a reference work such as the
    CIA World Factbook, or a government of one of the two states — publishes the same figure to
    the kilometre; *partly supported* when it matches none of them but lies within the range they
    span; *contradicted* when it lies outside that range; *unverifiable* when no authoritative
    source gives a length.

    >>> length_verdict(144, [144]), length_verdict(1344, [1357, 1344]), length_verdict(1350, [1357, 1344])
    ('supported', 'supported', 'partly supported')
    >>> length_verdict(1344, [1357]), length_verdict(1344, [])
    ('contradicted', 'unverifiable')
    """
    figures = [float(f) for f in authoritative]
    if not figures:
        return "unverifiable"
    if any(round(f) == round(float(stated)) for f in figures):
        return "supported"
    return "partly supported" if min(figures) <= stated <= max(figures) else "contradicted"


def authoritative_lengths(tables, a: str, b: str) -> pd.DataFrame:
    """Return the reported lengths of the ``a``–``b`` border from authoritative sources, with
    the name the book gives each source in a sentence (``publisher``: its ``cited_as``, else its
    publisher), one row per length and source."""
    borders, sources = tables["borders"], tables["sources"].set_index("source_id")
    pair = borders[(borders["iso3_a"] == min(a, b)) & (borders["iso3_b"] == max(a, b))
                   & (borders["method"] == "reported")]
    rows = []
    for r in pair.itertuples():
        for sid in split_ids(r.source_id):
            if sid in sources.index and sources.at[sid, "kind"] in AUTHORITATIVE_KINDS:
                name = sources.at[sid, "cited_as"] or sources.at[sid, "publisher"].split(" (")[0]
                rows.append({"length_km": r.length_km, "source_id": sid, "publisher": name})
    return pd.DataFrame(rows, columns=["length_km", "source_id", "publisher"]).drop_duplicates(
        subset=["length_km", "publisher"])


def _border_check(neighbour: str):
    def check(tables):
        """The article's length for this border of Afghanistan, judged by the rule for lengths
        (below) against every length a reference work or a government gives in ``borders.csv``."""
        article = rows_from(tables["borders"], ARTICLE_SOURCE)
        stated = article[(article["iso3_a"] == min("AFG", neighbour)) &
                         (article["iso3_b"] == max("AFG", neighbour))]["length_km"].iloc[0]
        found = authoritative_lengths(tables, "AFG", neighbour)
        verdict = length_verdict(stated, found["length_km"])
        if found.empty:
            return verdict, f"No authoritative source in the data gives a length for the {country_name(neighbour)}–Afghanistan border."
        figures = [f"{r.publisher} {length_figure(r.length_km)}" for r in found.itertuples()]
        figures[0] = f"{found['publisher'].iloc[0]} gives {length_figure(found['length_km'].iloc[0])}"
        given = join_names(figures)
        matches = list(found.loc[found["length_km"].round() == round(stated), "publisher"].unique())
        if len(found) == 1:
            return verdict, (f"For the {country_name(neighbour)}–Afghanistan border, {given}, the article's figure."
                             if matches else
                             f"For the {country_name(neighbour)}–Afghanistan border, {given}; the article gives {km(stated)}.")
        tail = (f"the article's {km(stated)} is {join_names(matches)}'s figure, to the kilometre." if matches
                else f"the article's {km(stated)} matches none of them.")
        return verdict, f"For the {country_name(neighbour)}–Afghanistan border, {given}; " + tail
    return check


def summit_on_thursday(tables):
    """Supported if the CSTO summit (``csto-summit-2021`` in events.csv) fell on a Thursday."""
    day = _summit(tables)
    verdict = "supported" if day.day_name() == "Thursday" else "contradicted"
    return verdict, f"The CSTO session was held on {_day(day)}, a {day.day_name()}."


def csto_members_named(tables):
    """Supported if the states the article names, with Russia, are exactly the CSTO's members on
    the summit day (memberships.csv)."""
    named = {"KAZ", "KGZ", "ARM", "BLR", "TJK", "RUS"}
    summit = _summit(tables)
    members = set(members_on(tables["memberships"], "CSTO", summit))
    if named == members:
        return "supported", (f"On {_day(summit)} the CSTO's members were {_names(members)}: the five named states "
                             "and Russia, whose president joined by video link.")
    return "contradicted", f"The CSTO's members on {_day(summit)} were {_names(members)}; the article names {_names(named)}."


def drills_within_a_month(tables):
    """Supported if the CSTO drills announced at the summit (``csto-drills-oct-2021``) began in
    Tajikistan 21–45 days after it ("in a month" read as three weeks to six and a half weeks), a
    window fixed before the drills' date was checked."""
    summit = _summit(tables)
    drills = _event(tables, "csto-drills-oct-2021")
    days = (drills["start"] - summit).days
    verdict = "supported" if A_MONTH[0] <= days <= A_MONTH[1] and drills["country"] == "TJK" else "contradicted"
    return verdict, (f"The CSTO's drills began {days} days after the summit, on {_day(drills['start'])}, "
                     f"at the {drills['location']}.")


def only_csto_border(tables):
    """Supported if, of Afghanistan's neighbours in borders.csv, Tajikistan alone was a CSTO
    member on the summit day."""
    summit = _summit(tables)
    afghan = neighbours(tables["borders"], "AFG")
    csto = set(members_on(tables["memberships"], "CSTO", summit))
    shared = afghan & csto
    verdict = "supported" if shared == {"TJK"} else "contradicted"
    suspended = [c for c in sorted(afghan) if status_on(tables["memberships"], c, "CSTO", summit) == "suspended"]
    since = {c: status_history(tables["memberships"], c).query("org_id == 'CSTO' and status == 'suspended'")["start"].max()
             for c in suspended}
    tail = "".join(f"; {country_name(c)}'s membership had been suspended since {_day(since[c])}" for c in suspended)
    head = (f"only {_names(shared)} was a CSTO member" if len(shared) == 1 else
            f"{_names(shared)} {'were' if len(shared) > 1 else 'was'} CSTO members" if shared else "none was a CSTO member")
    return verdict, f"Of Afghanistan's {number_word(len(afghan))} neighbours, {head} on {_day(summit)}{tail}."


def sco_founders(tables):
    """Supported if Russia and China were among the SCO's founders (members from its founding day)
    and every other founder is a former Soviet Central Asian state."""
    m = tables["memberships"]
    founded = tables["organizations"].set_index("org_id").loc["SCO", "founded"]
    founders = set(m[(m["org_id"] == "SCO") & (m["start"] == founded)]["iso3"])
    others = founders - {"RUS", "CHN"}
    ok = {"RUS", "CHN"} <= founders and others <= FORMER_SOVIET_CENTRAL_ASIA
    left_out = FORMER_SOVIET_CENTRAL_ASIA - others
    return ("supported" if ok else "contradicted"), (
        f"The founders, on {_day(founded)}, were {_names(founders)}: Russia and China with "
        f"{number_word(len(others))} of the {number_word(len(FORMER_SOVIET_CENTRAL_ASIA))} former Soviet Central Asian "
        f"states" + (f"; {_names(left_out)} {'was' if len(left_out) == 1 else 'were'} not among them." if left_out else "."))


def sco_same_week(tables):
    """Supported if the SCO summit was in Dushanbe in the same ISO week as the CSTO summit."""
    csto, sco = _event(tables, "csto-summit-2021"), _event(tables, "sco-summit-2021")
    same = csto["start"].isocalendar()[:2] == sco["start"].isocalendar()[:2] and sco["location"] == "Dushanbe"
    gap = (sco["start"] - csto["start"]).days
    when = {0: "the same day as", 1: "the day after"}.get(gap, f"{count(abs(gap), 'day')} {'after' if gap > 0 else 'before'}")
    return ("supported" if same else "contradicted"), (
        f"The SCO summit met in {sco['location']} on {sco['start']:%A} {_day(sco['start'])}, {when} the CSTO session.")


def india_pakistan_2017(tables):
    """Supported if India and Pakistan each became full SCO members in 2017."""
    m = tables["memberships"]
    sco = m[(m["org_id"] == "SCO") & m["iso3"].isin(["IND", "PAK"])]
    starts = sco[sco["status"] == "member"]
    observed = sco[sco["status"] == "observer"]["start"].min()
    years = set(starts["start"].dt.year)
    return ("supported" if years == {2017} and len(starts) == 2 else "contradicted"), (
        "India and Pakistan became full members on " + join_names(sorted({_day(d) for d in starts["start"]}))
        + f"; both had been observers since {_day(observed)}.")


def afghanistan_sco_observer(tables):
    """Supported if Afghanistan's SCO status on the summit day was observer."""
    summit = _summit(tables)
    status = status_on(tables["memberships"], "AFG", "SCO", summit)
    since = status_history(tables["memberships"], "AFG").query("org_id == 'SCO' and status == 'observer'")["start"].min()
    return ("supported" if status == "observer" else "contradicted"), (
        f"Afghanistan had been an SCO observer since {_day(since)}." if status == "observer" else
        f"Afghanistan's SCO status on {_day(summit)} was {status or 'none'}.")


def kabul_last_month(tables):
    """Supported if Kabul fell (``kabul-falls-2021``) in the calendar month before the article."""
    days = key_dates(tables)
    fall, article = days["kabul"], days["article"]
    last_month = (article.to_period("M") - 1) == fall.to_period("M")
    return ("supported" if last_month else "contradicted"), (
        f"Kabul fell on {_day(fall)}; the article is dated {_day(article)}.")


def _russian_exercises_in(tables, country=None, partner=None):
    """Exercises with Russian troops in the run-up to the article (in ``country``, with ``partner``)."""
    e = tables["events"]
    run_up = e[(e["start"] >= pd.Timestamp(RUN_UP)) & (e["start"] < key_dates(tables)["article"])]
    found = matching(run_up, kind="exercise", country=country, participant="RUS")
    return matching(found, participant=partner)


def russia_drills_kgz_tjk(tables):
    """Supported if events.csv holds an exercise with Russian troops in Kyrgyzstan and one in
    Tajikistan, both CSTO members on the summit day, in the run-up to the article (from the
    start of the Taliban's summer offensive as the book dates it, :data:`RUN_UP`, to the
    article's day); unverifiable otherwise."""
    found = {c: _russian_exercises_in(tables, country=c) for c in ("KGZ", "TJK")}
    both_members = all(status_on(tables["memberships"], c, "CSTO", _summit(tables)) == "member" for c in found)
    ok = all(len(v) for v in found.values()) and both_members
    listed = "; ".join(f"in {country_name(c)}, " + join_names(f"{r.name} ({_span(r)})" for r in v.itertuples())
                       for c, v in found.items() if len(v))
    return ("supported" if ok else "unverifiable"), (f"Exercises with Russian troops before the article: {listed}."
                                                    if listed else "No exercise with Russian troops is in the data.")


def russia_drills_uzb(tables):
    """Supported if events.csv holds a joint exercise of Russia and Uzbekistan in the run-up to
    the article (the same run-up as for the exercises in Kyrgyzstan and Tajikistan); unverifiable
    otherwise."""
    found = _russian_exercises_in(tables, partner="UZB")
    return ("supported" if len(found) else "unverifiable"), (
        "Joint exercises of Russia and Uzbekistan: " + "; ".join(f"{r.name}, {_span(r)}" for r in found.itertuples()) + "."
        if len(found) else "No joint exercise of Russia and Uzbekistan is in the data.")


def _span(r) -> str:
    """An event's days, as ``2–6 August 2021`` or ``from 17 August 2021`` when its last day is unknown."""
    return date_range(r.start, r.last_day) if pd.notna(r.last_day) else f"from {_day(r.start)}"


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


def weakest_claims(assessed: pd.DataFrame) -> pd.DataFrame:
    """Return the claims whose verdict comes first in :data:`WEAKEST_FIRST` (all of them, if tied)."""
    rank = assessed["verdict"].map({v: i for i, v in enumerate(WEAKEST_FIRST)})
    return assessed[rank == rank.min()]


def check_rules() -> list[tuple[str, str]]:
    """Return each computed check's name and rule (its docstring's first paragraph)."""
    from .words import rule_summary
    return [(name, rule_summary(fn)) for name, fn in CHECKS.items()]


def verdict_counts(assessed: pd.DataFrame) -> pd.DataFrame:
    """Count claims per verdict (in the order of :data:`VERDICTS`) and per way of deciding.

    Columns: ``verdict``, ``decided`` ("computed from the data" or "read from a source"), ``claims``.
    """
    decided = assessed["computed"].map({True: "computed from the data", False: "read from a source"})
    counts = (assessed.assign(decided=decided).groupby(["verdict", "decided"]).size()
              .rename("claims").reset_index())
    counts["order"] = counts["verdict"].map({v: i for i, v in enumerate(VERDICTS)})
    return counts.sort_values(["order", "decided"]).drop(columns="order").reset_index(drop=True)
