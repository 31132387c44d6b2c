"""What happened next: the drills the summit announced, and the story's strands from the summit
to today — the CSTO's help to Tajikistan's border, attacks across it, Armenia, the SCO, Russia
and the Taliban, the CIS.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["drill_days"], f["n_exercises_tjk"]
('32', 'four')
"""
from __future__ import annotations

import pandas as pd

from ..charts import ChartRecord, publish
from ..dates import EVENTS, key_dates
from ..events import matching
from ..figures import event_lanes, event_rows
from ..narrative import events_description, events_period
from ..plans import after_summit, assess_plans
from ..words import capital, count, date_range, join_names, long_date, month_year, number_word, share

__all__ = ["facts", "charts", "LANES", "RUN_UP", "SINCE", "troops_sentence", "sources_stop_sentence", "exercises_sentence",
           "programme_sentence", "attacks_sentence", "shifts_sentence",
           "delivered_sentence"]

RUN_UP, SINCE = "fig-events-2021", "fig-events-since-2021"

#: The story's strands (the ``thread`` of ``events.csv``) as the chart of events since the summit
#: draws them, left to right, and what the book calls them.
LANES = {"border-help": "Help for Tajikistan's border", "attacks": "Attacks from Afghanistan",
         "csto": "The CSTO elsewhere", "armenia": "Armenia and the CSTO", "sco": "The SCO",
         "russia-taliban": "Russia and the Taliban", "cis": "The CIS"}


def _days(r) -> str:
    return date_range(r.start, r.last_day) if pd.notna(r.last_day) else long_date(r.start)


def troops_sentence(deployed_tjk: int, exercises_tjk: int, elsewhere: list[str]) -> str:
    """Answer the article's headline: did CSTO troops go to the Tajik–Afghan border?

    >>> troops_sentence(0, 4, ["Kazakhstan"])
    "No troops of the Collective Security Treaty Organization (CSTO) were sent to guard the Tajik–Afghan border; they came to Tajikistan only for exercises, four of them, and the bloc's one deployment went to Kazakhstan"
    >>> troops_sentence(1, 4, [])
    'CSTO troops were sent to Tajikistan once, besides four exercises'
    >>> troops_sentence(0, 0, [])
    'No CSTO troops came to Tajikistan at all'
    >>> troops_sentence(0, 1, ["Kazakhstan", "Armenia"])
    "No troops of the Collective Security Treaty Organization (CSTO) were sent to guard the Tajik–Afghan border; they came to Tajikistan only for one exercise, and the bloc's deployments went to Kazakhstan and Armenia"
    """
    if deployed_tjk:
        return (f"CSTO troops were sent to Tajikistan {'once' if deployed_tjk == 1 else number_word(deployed_tjk) + ' times'}"
                + (f", besides {count(exercises_tjk, 'exercise')}" if exercises_tjk else ""))
    if not exercises_tjk:
        return "No CSTO troops came to Tajikistan at all"
    came = (f"only for exercises, {number_word(exercises_tjk)} of them" if exercises_tjk > 1 else "only for one exercise")
    where = ""
    if len(elsewhere) == 1:
        where = f", and the bloc's one deployment went to {elsewhere[0]}"
    elif elsewhere:
        where = f", and the bloc's deployments went to {join_names(elsewhere)}"
    return (f"No troops of the Collective Security Treaty Organization (CSTO) were sent to guard the Tajik–Afghan "
            f"border; they came to Tajikistan {came}{where}")


def sources_stop_sentence(stop, pending: list[str]) -> str:
    """Say where the sources stop, and what they announce that was due by today but is not
    reported (``pending``: the announcements' headlines).

    >>> sources_stop_sentence(pd.Timestamp("2026-03-20"), ["The next CSTO summit, set for 11 November 2026 in Russia"])
    'The sources this book could read stop at 20 March 2026. They announce the next CSTO summit, set for 11 November 2026 in Russia, but do not report whether it took place.'
    >>> sources_stop_sentence(pd.Timestamp("2026-03-20"), [])
    'The sources this book could read stop at 20 March 2026.'
    >>> sources_stop_sentence(pd.Timestamp("2026-03-20"), ["A", "B"]).endswith("A and B, but do not report whether any of them took place.")
    True
    """
    head = f"The sources this book could read stop at {long_date(stop)}."
    if not pending:
        return head
    things = [p[:1].lower() + p[1:] if p[:4] == "The " else p for p in pending]
    if len(things) == 1:
        return head + f" They announce {things[0]}, but do not report whether it took place."
    listed = "; ".join(things[:-1]) + "; and " + things[-1] if any("," in t for t in things) else join_names(things)
    return head + f" They announce {listed}, but do not report whether any of them took place."


def _delay(first, then) -> str:
    """How long after ``first`` something came, in whole years, as a clause.

    >>> _delay(pd.Timestamp("2021-09-16"), pd.Timestamp("2024-11-28")), _delay(pd.Timestamp("2021-09-16"), pd.Timestamp("2022-03-01"))
    ('more than three years', 'less than a year')
    """
    years = (then - first).days // 365
    return "less than a year" if years < 1 else f"more than {count(years, 'year')}"


def _troops_verdict(outcome: str) -> str:
    """What became of the plan to send troops, as a clause.

    >>> _troops_verdict("partly carried out"), _troops_verdict("carried out")
    ('that part of the plan has not happened', 'that part of the plan has happened')
    """
    return "that part of the plan has happened" if outcome == "carried out" else "that part of the plan has not happened"


def _drills_verdict(outcome: str, days: int) -> str:
    """What became of the drills "in a month", as a clause.

    >>> _drills_verdict("carried out", 32), _drills_verdict("carried out", 43), _drills_verdict("not carried out", 0)
    ('was kept, to the week', 'was kept', 'was not kept')
    """
    if outcome == "carried out":
        return "was kept, to the week" if abs(days - 30) <= 7 else "was kept"
    return "was kept, late" if outcome == "partly carried out" else "was not kept"


def exercises_sentence(years: list[int], deployments: list[tuple[str, str]]) -> str:
    """The CSTO's exercises in Tajikistan since the summit (their ``years``, one per exercise),
    and where the bloc sent forces to act (``deployments``: (dates, country)).

    >>> exercises_sentence([2021, 2022, 2024, 2025], [("6–19 January 2022", "Kazakhstan")])
    'In all, CSTO forces came to Tajikistan for four exercises, in 2021, 2022, 2024 and 2025. The one time the bloc sent its forces to act, 6–19 January 2022, they went to Kazakhstan.'
    >>> exercises_sentence([2021], [])
    'CSTO forces came to Tajikistan for one exercise, in 2021. The bloc has not sent its forces to act anywhere.'
    """
    unique = sorted(set(years))
    if not years:
        head = "CSTO forces have not exercised in Tajikistan since."
    elif len(years) == 1:
        head = f"CSTO forces came to Tajikistan for one exercise, in {years[0]}."
    else:
        head = (f"In all, CSTO forces came to Tajikistan for {number_word(len(years))} exercises, in "
                f"{join_names(str(y) for y in unique)}.")
    if not deployments:
        return head + " The bloc has not sent its forces to act anywhere."
    if len(deployments) == 1:
        (dates, country), = deployments
        return head + f" The one time the bloc sent its forces to act, {dates}, they went to {country}."
    return head + " The bloc sent its forces to act " + join_names(f"in {c} ({d})" for d, c in deployments) + "."


def programme_sentence(summit, programme: pd.DataFrame) -> str:
    """When and where the CSTO adopted a programme for the Tajik–Afghan border (``programme``:
    its decision rows, earliest first), counted from the summit.

    >>> row = pd.DataFrame({"start": [pd.Timestamp("2024-11-28")], "location": ["Astana"]})
    >>> programme_sentence(pd.Timestamp("2021-09-16"), row)
    "The CSTO's leaders adopted a programme to strengthen the Tajik–Afghan border in Astana on 28 November 2024, more than three years after the summit."
    >>> programme_sentence(pd.Timestamp("2021-09-16"), row.iloc[:0])
    "The CSTO's leaders have adopted no programme to strengthen the Tajik–Afghan border."
    """
    if programme.empty:
        return "The CSTO's leaders have adopted no programme to strengthen the Tajik–Afghan border."
    first = programme.iloc[0]
    return (f"The CSTO's leaders adopted a programme to strengthen the Tajik–Afghan border in {first['location']} on "
            f"{long_date(first['start'])}, {_delay(summit, first['start'])} after the summit.")


def attacks_sentence(attacks: pd.DataFrame) -> str:
    """The armed attacks across the border since the summit, as the data record them.

    >>> days = pd.DataFrame({"start": pd.to_datetime(["2024-11-18", "2026-01-18"])})
    >>> attacks_sentence(days)
    'The sources also report two armed attacks across the border from Afghanistan, between 18 November 2024 and 18 January 2026.'
    >>> attacks_sentence(days.iloc[:0])
    'The sources report no armed attack across the border from Afghanistan.'
    """
    if attacks.empty:
        return "The sources report no armed attack across the border from Afghanistan."
    first, last = attacks["start"].min(), attacks["start"].max()
    when = f"on {long_date(first)}" if len(attacks) == 1 else f"between {long_date(first)} and {long_date(last)}"
    return f"The sources also report {count(len(attacks), 'armed attack')} across the border from Afghanistan, {when}."


def delivered_sentence(exercises: int, deployments_elsewhere: int, programme: bool) -> str:
    """What the CSTO delivered in place of troops on the border.

    >>> delivered_sentence(4, 1, True)
    'What the CSTO delivered instead were drills, a deployment elsewhere and a programme for the border.'
    >>> delivered_sentence(1, 0, False)
    'What the CSTO delivered instead was a drill.'
    >>> delivered_sentence(0, 0, False)
    'The CSTO delivered nothing else either.'
    """
    parts = ([("drills" if exercises > 1 else "a drill")] if exercises else []) + (
        ["deployments elsewhere" if deployments_elsewhere > 1 else "a deployment elsewhere"] if deployments_elsewhere else []) + (
        ["a programme for the border"] if programme else [])
    if not parts:
        return "The CSTO delivered nothing else either."
    plural = len(parts) > 1 or parts[0] in ("drills", "deployments elsewhere")
    return f"What the CSTO delivered instead {'were' if plural else 'was'} {join_names(parts)}."


def shifts_sentence(clauses: list[str]) -> str:
    """How the blocs around the border shifted: the strands' latest events, as one sentence.

    >>> shifts_sentence(["Armenia froze its part (2024)", "the SCO took in Iran", "Russia recognised the Taliban"])
    'Around the border, the blocs shifted. Armenia froze its part (2024); the SCO took in Iran; and Russia recognised the Taliban.'
    >>> shifts_sentence(["the SCO took in Iran"])
    'Around the border, the blocs shifted. The SCO took in Iran.'
    >>> shifts_sentence([])
    'Around the border, the blocs held still.'
    """
    clauses = [c for c in clauses if c]
    if not clauses:
        return "Around the border, the blocs held still."
    body = clauses[0] if len(clauses) == 1 else "; ".join(clauses[:-1]) + "; and " + clauses[-1]
    return f"Around the border, the blocs shifted. {capital(body)}."


def _joined(memberships: pd.DataFrame, org: str, since, until) -> list[tuple[str, pd.Timestamp]]:
    """States that became full members of ``org`` after ``since``, by ``until``, in order of
    joining, with the day each joined."""
    rows = memberships[(memberships["org_id"] == org) & (memberships["status"] == "member")
                       & (memberships["start"] > since) & (memberships["start"] <= until)].sort_values("start")
    return list(zip(rows["iso3"], rows["start"]))


def _latest_headline(events: pd.DataFrame, thread: str) -> str:
    """The latest labelled event of a strand, as a sentence clause with its day."""
    part = events[(events["thread"] == thread) & (events["headline"] != "")]
    if part.empty:
        return ""
    r = part.iloc[-1]
    return f"{r['headline']} ({long_date(r['start'])})"


def _summits_without(events: pd.DataFrame, iso3: str, since) -> pd.DataFrame:
    summits = matching(events, kind="summit", participant="CSTO")
    summits = summits[summits["start"] >= pd.Timestamp(since)]
    return summits[~summits["participants"].str.split(";").apply(lambda p: iso3 in p)]


def facts(tables: dict) -> dict[str, str]:
    """Every value the page on what happened next states."""
    events, days = tables["events"], key_dates(tables)
    summit, drills = days["summit"], events.set_index("event_id").loc[EVENTS["drills"]]
    run_up = events[(events["start"] < summit) & (events["kind"] == "exercise")]
    later = after_summit(events)
    plans = assess_plans(tables).set_index("check")
    in_tjk = matching(later, kind="exercise", country="TJK", participant="CSTO")
    deployed = matching(later, kind="deployment", participant="CSTO")
    elsewhere = deployed[deployed["country"] != "TJK"]
    from ..names import country_name

    programme = matching(later, kind="decision", participant="CSTO")
    programme = programme[programme["thread"] == "border-help"]
    attacks = later[later["kind"] == "attack"]
    freeze = tables["participation"].query("org_id == 'CSTO' and participation == 'frozen'")
    joined = [f"{country_name(c)} ({long_date(d)})" for c, d in _joined(tables["memberships"], "SCO", summit, days["today"])]
    sco_joined = f"the SCO took in {join_names(joined)} as full {'member' if len(joined) == 1 else 'members'}" if joined else ""
    pending = [r.headline for r in events.dropna(subset=["due"]).itertuples() if r.due <= days["today"]]
    f = {
        "summit_day": long_date(summit),
        "runup_russian": share(len(matching(run_up, participant="RUS")), len(run_up)),
        "drill_days": number_word((drills["start"] - summit).days),
        "drill_dates": _days(next(drills.to_frame().T.itertuples())),
        "drill_place": drills["location"].split(",")[0],
        "n_exercises_tjk": number_word(len(in_tjk)),
        "exercise_years": join_names(str(y) for y in sorted(set(in_tjk["start"].dt.year))),
        "delivered": delivered_sentence(len(in_tjk), len(elsewhere), not programme.empty),
        "troops": troops_sentence(len(deployed[deployed["country"] == "TJK"]), len(in_tjk),
                                  [country_name(c) for c in dict.fromkeys(elsewhere["country"])]),
        "exercises": exercises_sentence(list(in_tjk["start"].dt.year),
                                        [(_days(r), country_name(r.country)) for r in elsewhere.itertuples()]),
        "programme": programme_sentence(summit, programme.sort_values("start")),
        "attacks": attacks_sentence(attacks),
        "freeze_day": long_date(freeze["start"].iloc[0]) if len(freeze) else "",
        "shifts": shifts_sentence([_latest_headline(later, "armenia"), sco_joined, _latest_headline(later, "russia-taliban")]),
        "sources_stop": sources_stop_sentence(days["sources_stop"], pending),
        "drill_location": drills["location"],
        "covered": _delay(summit, days["sources_stop"]),
        "sources_stop_day": long_date(days["sources_stop"]),
        "troops_verdict": _troops_verdict(plans.loc["troops_to_the_border", "outcome"]),
        "drills_verdict": _drills_verdict(plans.loc["drills_in_a_month", "outcome"], (drills["start"] - summit).days),
        "today": long_date(days["today"]),
        "n_later": number_word(len(later)),
    }
    return f


def charts(tables: dict) -> dict:
    """The run-up and the drills; the strands of the story since the summit."""
    events, days = tables["events"], key_dates(tables)
    summit = days["summit"]
    drills = events.set_index("event_id").loc[EVENTS["drills"]]
    window = events[(events["start"] <= drills["start"]) & (events["start"] >= summit - pd.Timedelta(days=60))
                    & (events["kind"] != "base")]
    earlier = matching(window[window["start"] < summit], kind="exercise", participant="RUS")
    gap = (drills["start"] - summit).days
    run_up = ChartRecord(
        id=RUN_UP,
        title=(f"The CSTO's drills began {gap} days after the summit, after "
               f"{count(len(earlier), 'exercise')} with Russian troops"),
        subtitle=f"Exercises, summits and the fall of Kabul, {events_period(window)}",
        caption=(f"Bars run from an event's first to its last day; the marker's symbol gives its kind. The dotted line marks "
                 f"the CSTO summit ({long_date(summit)}); the bracket spans the {gap} days to the drills it announced."),
        description=events_description(window),
        data=window.drop(columns=["row"]))
    later = after_summit(events)
    later = later[later["thread"].isin(LANES)]
    # announcements are not labelled: the text under the chart says what they announce
    headlines = {r.event_id: r.headline for r in later.itertuples() if r.headline and pd.isna(r.due)}
    outcome = assess_plans(tables).set_index("check").loc["troops_to_the_border", "outcome"]
    since = ChartRecord(
        id=SINCE,
        title=("CSTO troops came to Tajikistan only to train; the border programme is still on paper"
               if outcome == "partly carried out" else f"Since the summit: the plan to send troops was {outcome}"),
        subtitle=f"Events from the CSTO summit of {long_date(summit)} to {long_date(later['start'].max())}, by strand of the story",
        caption=("Time runs down the chart, one column per strand of the story; each marker is an event, its symbol "
                 "giving the kind. The labelled events are named on the right; hover over any marker, or open the data "
                 "table, for the rest."),
        description=_lanes_description(later, headlines),
        data=later.drop(columns=["row"]))
    return {RUN_UP: publish(event_rows(window, key={EVENTS["drills"]}, mark=summit, mark_label="the summit",
                                       span_to=drills["start"]), run_up, tables["sources"]),
            SINCE: publish(event_lanes(later, LANES, headlines=headlines, mark=summit, mark_label="the summit",
                                       until=days["today"]), since, tables["sources"])}


def _lanes_description(events: pd.DataFrame, headlines: dict) -> str:
    parts = []
    for lane, name in LANES.items():
        part = events[events["thread"] == lane]
        if part.empty:
            continue
        parts.append(f"{name}: {count(len(part), 'event')}, from {month_year(part['start'].min())} to "
                     f"{month_year(part['start'].max())}" + "".join(
                         f"; {headlines[e]} ({long_date(d)})" for e, d in zip(part["event_id"], part["start"]) if e in headlines)
                     + ".")
    return " ".join(parts)


def plans_table(tables: dict):
    """How the article's plans held up (cards on a phone)."""
    from ..verdict_tables import plans_table as table

    return table(assess_plans(tables), tables["sources"])


def events_table(tables: dict):
    """Every event in the data, for the reader who checks a date."""
    from ..markup import table

    events = tables["events"]
    shown = events.assign(days=[_days(r) for r in events.itertuples()])[["days", "name", "location", "source_id"]]
    return table(shown.rename(columns={"days": "when", "name": "what", "location": "where", "source_id": "sources"}),
                 caption="Every event in the data, in date order", sources=tables["sources"], cards=True)
