"""The front page: the answer to the article's headline, as far as the sources reach, and the
findings, each from the chapter that makes it.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["answer"].split(",")[0]
'Only to train'
"""
from __future__ import annotations

from ..dates import key_dates
from ..plans import after_summit, assess_plans
from ..words import long_date
from . import borders, claims, events, network

__all__ = ["facts", "answer", "LEAD", "claims_head", "plans_head", "border_head", "ties_head"]

#: The chart the front page shows again as its lead graphic.
LEAD = borders.MAP


def answer(outcome: str, stop: str) -> str:
    """The short answer to the headline's question, and how far the sources reach (``stop``).

    >>> answer("partly carried out", "20 March 2026")
    'Only to train, as far as the sources show (they stop at 20 March 2026).'
    >>> answer("carried out", "20 March 2026"), answer("not carried out", "20 March 2026")
    ('Yes.', 'No, as far as the sources show (they stop at 20 March 2026).')
    """
    if outcome == "carried out":
        return "Yes."
    head = "Only to train" if outcome == "partly carried out" else "No"
    return f"{head}, as far as the sources show (they stop at {stop})."


def claims_head(counts: dict[str, int], total: int) -> str:
    """The heading of the claims finding.

    >>> claims_head({"supported": 18, "partly supported": 2}, 20), claims_head({"supported": 10, "contradicted": 1}, 20)
    ('The article holds.', 'The article holds in part.')
    >>> claims_head({"supported": 5, "contradicted": 9}, 20)
    'The article does not hold.'
    """
    wrong, right = counts.get("contradicted", 0), counts.get("supported", 0)
    if not wrong and right >= total * 0.75:
        return "The article holds."
    return "The article holds in part." if right >= total / 2 else "The article does not hold."


def plans_head(drills: str, troops: str) -> str:
    """The heading of the plans finding, from the outcomes of the drills and of the troops.

    >>> plans_head("carried out", "partly carried out"), plans_head("carried out", "carried out")
    ('The drills came on time; the troops did not.', 'The drills and the troops both came.')
    >>> plans_head("not carried out", "not carried out")
    'Neither the drills nor the troops came.'
    """
    came = {"drills": drills == "carried out", "troops": troops == "carried out"}
    if all(came.values()):
        return "The drills and the troops both came."
    if came["drills"]:
        return "The drills came on time; the troops did not."
    if came["troops"]:
        return "The troops came; the drills did not, on time."
    return "Neither the drills nor the troops came."


def border_head(only: str, length: str) -> str:
    """The heading of the border finding, from the verdicts on "the only border" and its length.

    >>> border_head("supported", "supported")
    "The border was the bloc's only one with Afghanistan, and its length is a government's figure."
    >>> border_head("supported", "contradicted")
    "The border was the bloc's only one with Afghanistan; its length is wrong."
    """
    head = ("The border was the bloc's only one with Afghanistan" if only == "supported"
            else "The border was not the bloc's only one with Afghanistan")
    return head + (", and its length is a government's figure." if length == "supported" else "; its length is wrong.")


def ties_head(absent: list[str]) -> str:
    """The heading of the ties finding.

    >>> ties_head(["Armenia"]), ties_head([])
    ('The blocs overlap, and one member has stepped back.', 'The blocs overlap.')
    """
    return "The blocs overlap." if not absent else \
        f"The blocs overlap, and {'one member has' if len(absent) == 1 else 'some members have'} stepped back."


def exercises_sentence(n: str, years: str, outcome: str) -> str:
    """What the CSTO's troops came to Tajikistan for after the drills.

    >>> exercises_sentence("four", "2021, 2022, 2024 and 2025", "partly carried out")
    'Since the summit, CSTO troops have come to Tajikistan only to train: four exercises, in 2021, 2022, 2024 and 2025.'
    >>> exercises_sentence("four", "2021", "carried out")
    'Since the summit, CSTO troops have come to Tajikistan for four exercises, and have also been deployed there.'
    """
    if outcome == "carried out":
        return f"Since the summit, CSTO troops have come to Tajikistan for {n} exercises, and have also been deployed there."
    return f"Since the summit, CSTO troops have come to Tajikistan only to train: {n} exercises, in {years}."


def _programme(tables: dict) -> str:
    """What became of the promise to strengthen the border: the programme, and its latest state."""
    later = after_summit(tables["events"])
    helped = later[later["thread"] == "border-help"]
    decided = helped[helped["kind"] == "decision"]
    if decided.empty:
        return "No CSTO decision on the border is in the data."
    first = decided.iloc[0]
    since = helped[(helped["start"] > first["start"]) & (helped["headline"] != "") & helped["due"].isna()]
    text = f"What the summit promised became a programme on paper, adopted in {first['location']} on {long_date(first['start'])}"
    if len(since):
        latest = since.iloc[-1]
        text += (f"; by {long_date(latest['start'])}, the latest report in the data, "
                 f"{latest['headline'][:1].lower() + latest['headline'][1:]}")
    return text + "."


def facts(tables: dict) -> dict[str, str]:
    """Every value the front page states: the standfirst and the findings."""
    days = key_dates(tables)
    plans = assess_plans(tables).set_index("check")
    outcome = plans.loc["troops_to_the_border", "outcome"]
    e, c, b, n = events.facts(tables), claims.facts(tables), borders.facts(tables), network.facts(tables)
    from ..claims import CHECKS, assess
    from ..memberships import participation_on

    assessed = assess(tables)
    counts = assessed["verdict"].value_counts().to_dict()
    absent = {k: v for k, v in participation_on(tables["participation"], days["today"]).items() if k[0] in ("CSTO", "SCO")}
    return {
        "claims_head": claims_head(counts, len(assessed)),
        "plans_head": plans_head(plans.loc["drills_in_a_month", "outcome"], outcome),
        "border_head": border_head(CHECKS["only_csto_border"](tables)[0], CHECKS["tajik_border_length"](tables)[0]),
        "ties_head": ties_head(list(absent)),
        "article_day": long_date(days["article"]), "summit_day": long_date(days["summit"]),
        "answer": answer(outcome, long_date(days["sources_stop"])),
        "troops": e["troops"] + ".",
        "programme": _programme(tables),
        "sources_stop": e["sources_stop"],
        "claims": f"Of the article's {c['n_claims']} checkable claims, {c['verdicts']}.",
        "weakest": f"The one that holds least, {c['weakest_verdict']}, is {c['weakest_quotes']}.",
        "border": (f"The article's {b['article_tjk']} for the Tajik–Afghan border is the Tajik foreign ministry's figure "
                   f"({b['ministry_tjk']}); the CIA World Factbook gives {b['factbook_tjk']}."),
        "only_border": borders_only(tables),
        "ties": (f"On the summit day {n['in_both']} were full members of both the CSTO and the SCO; by {n['today']} the SCO "
                 f"had {n['n_sco_today']} members and {n['n_partners_today']} partners."),
        "armenia": armenia_sentence(tables),
        "drills": f"The drills promised “in a month” came {e['drill_days']} days after the summit.",
        "exercises": exercises_sentence(e["n_exercises_tjk"], e["exercise_years"], outcome),
    }


def borders_only(tables: dict) -> str:
    """The "only border" finding, from the claims check that decides it."""
    from ..claims import CHECKS

    verdict, evidence = CHECKS["only_csto_border"](tables)
    return evidence


def armenia_sentence(tables: dict) -> str:
    """Armenia's standing in the CSTO today: a member in law, taking no part since its freeze.

    >>> from dushanbe.data import load_tables
    >>> armenia_sentence(load_tables())
    'Armenia is still a CSTO member in law, but has taken no part since 22 February 2024.'
    """
    from ..memberships import members_on

    m, p = tables["memberships"], tables["participation"]
    today = key_dates(tables)["today"]
    frozen = p[(p["org_id"] == "CSTO") & (p["iso3"] == "ARM")]
    member = "ARM" in members_on(m, "CSTO", today)
    if frozen.empty:
        return "Armenia takes part in the CSTO." if member else "Armenia has left the CSTO."
    since = long_date(frozen["start"].iloc[0])
    return (f"Armenia is still a CSTO member in law, but has taken no part since {since}." if member else
            f"Armenia froze its part in the CSTO on {since} and has since left it.")


def lead(tables: dict):
    """The front page's lead graphic: the bloc map, from the borders chapter."""
    from ..charts import lead as as_lead

    return as_lead(borders.charts(tables)[LEAD])
