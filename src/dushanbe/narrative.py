"""Sentences the book prints about its data: text alternatives, chart descriptions, key findings.

Each function takes tables (or what a domain function made of them) and returns plain text, so
that no number, date, count or list of states in the book's words is typed by hand: edit a row
in ``data/`` and every sentence that states it changes with the charts.

>>> import pandas as pd
>>> rows = pd.DataFrame({"state": ["Xland", "Yland", "Xland"], "status": ["member"] * 2 + ["suspended"],
...     "start": pd.to_datetime(["2002-10-07", "2002-10-07", "2012-12-19"]),
...     "end": pd.to_datetime(["2012-12-19", None, None])})
>>> org_story(rows, "CSTO")
'CSTO — Xland: member from 7 October 2002, suspended from 19 December 2012. Yland: member from 7 October 2002.'
"""
from __future__ import annotations

import pandas as pd

from .memberships import STATUS_LABELS
from .names import country_name
from .style import BORDER_STYLE
from .words import date_range, join_names, km, length_figure, long_date, month_year, number_word

__all__ = ["state_history", "org_story", "timeline_description", "lengths_description",
           "border_map_description", "events_description", "events_period", "allies_description",
           "only_members_title", "lengths_title"]


def state_history(rows: pd.DataFrame) -> str:
    """Return one state's dated statuses in one organisation as a phrase.

    ``rows`` has ``status``, ``start`` and ``end`` (NaT: still holds). A status that ends with no
    other taking its place says when it ended.
    """
    rows = rows.sort_values("start").reset_index(drop=True)
    parts = []
    for i, r in rows.iterrows():
        phrase = f"{STATUS_LABELS[r.status]} from {long_date(r.start)}"
        nxt = rows.loc[i + 1, "start"] if i + 1 < len(rows) else None
        if pd.notna(r.end) and (nxt is None or nxt != r.end):
            phrase = f"{STATUS_LABELS[r.status]} from {long_date(r.start)} to {long_date(r.end)}"
        parts.append(phrase)
    return ", ".join(parts)


def org_story(rows: pd.DataFrame, org: str) -> str:
    """Return every state's history in one organisation, states with the same history together.

    ``rows``: the organisation's rows with ``state``, ``status``, ``start``, ``end``.
    """
    groups: dict[str, list[str]] = {}
    first: dict[str, pd.Timestamp] = {}
    for state, part in rows.groupby("state", sort=True):
        history = state_history(part)
        groups.setdefault(history, []).append(state)
        first[history] = min(first.get(history, part["start"].min()), part["start"].min())
    ordered = sorted(groups.items(), key=lambda kv: (first[kv[0]], kv[1]))
    return f"{org} — " + " ".join(f"{join_names(states)}: {history}." for history, states in ordered)


def timeline_description(spans: pd.DataFrame, names: dict[str, str] | None = None,
                         participation: pd.DataFrame | None = None) -> str:
    """Return the text alternative of a membership timeline: one :func:`org_story` per
    organisation in ``spans`` (columns ``org_id``, ``state``, ``status``, ``start``, ``end``),
    each followed by its states' non-participation (``participation``: ``org_id``, ``state``,
    ``participation``, ``start``), which the legal status beneath it outlives."""
    from .memberships import PARTICIPATION_LABELS

    names = names or {}
    out = []
    for org, part in spans.groupby("org_id", sort=False):
        story = org_story(part, names.get(org, org))
        if participation is not None:
            for r in participation[participation["org_id"] == org].itertuples():
                story += f" {r.state}: {PARTICIPATION_LABELS[r.participation]} from {long_date(r.start)}."
        out.append(story)
    return " ".join(out)


def lengths_description(compared: pd.DataFrame, columns: dict[str, str]) -> str:
    """Return, for each source column of :func:`dushanbe.borders.compare_lengths`, the lengths it
    gives, longest first (``columns`` maps a column to how the sentence names the source).

    >>> c = pd.DataFrame({"neighbour": ["TJK", "UZB"], "wfb": [1357.0, 144.0], "a": [1344.0, None]})
    >>> lengths_description(c, {"wfb": "The Factbook", "a": "The article"})
    'The Factbook gives Tajikistan 1,357 km and Uzbekistan 144 km. The article gives Tajikistan 1,344 km.'
    """
    out = []
    for column, who in columns.items():
        given = compared.dropna(subset=[column]).sort_values(column, ascending=False)
        out.append(f"{who} gives " + join_names(f"{country_name(n)} {length_figure(v)}"
                                              for n, v in zip(given["neighbour"], given[column])) + ".")
    return " ".join(out)


#: How a sentence names a line's dash pattern.
LINE_WORDS = {"solid": "solid", "dot": "dotted", "dash": "dashed", "longdash": "long-dashed",
              "dashdot": "dash-dotted", "longdashdot": "long-dash-dotted"}


def border_map_description(lines: pd.DataFrame, profile: pd.DataFrame, of: str, date) -> str:
    """Return the text alternative of the bloc map: each class of ``of``'s borders, its
    neighbours and its line style, then who was in both blocs.

    ``lines``: ``iso3_b``, ``class`` and ``label`` (the border class); ``profile``: the shown
    states with their ``CSTO`` and ``SCO`` status labels. Line styles come from
    :data:`dushanbe.style.BORDER_STYLE`.
    """
    n = lines["iso3_b"].nunique()
    parts = [f"A map of Central and South Asia on {long_date(date)}. {country_name(of)} has "
             f"{number_word(n)} neighbours."]
    for (code, label), group in lines.groupby(["class", "label"], sort=False):
        states = join_names(sorted(country_name(i) for i in group["iso3_b"]))
        parts.append(f"{label[0].upper() + label[1:]} ({LINE_WORDS[BORDER_STYLE[code]['dash']]} line): {states}.")
    both = profile[(profile["CSTO"] == "member") & (profile["SCO"] == "member")]
    if len(both):
        parts.append(f"Members of both the CSTO and the SCO shown on the map: {join_names(sorted(both['state']))}.")
    return " ".join(parts)


def events_period(events: pd.DataFrame) -> str:
    """Return the span of the events as ``July to October 2021`` (or ``2021 to 2026`` style).

    >>> e = pd.DataFrame({"start": pd.to_datetime(["2021-07-30", "2021-10-18"]),
    ...                   "last_day": pd.to_datetime([None, "2021-10-23"])})
    >>> events_period(e)
    'July to October 2021'
    """
    first = events["start"].min()
    last = pd.concat([events["start"], events["last_day"].dropna()]).max()
    if first.year == last.year:
        return f"{first:%B} to {month_year(last)}"
    return f"{month_year(first)} to {month_year(last)}"


def events_description(events: pd.DataFrame) -> str:
    """Return each event in date order: name, place and days.

    >>> e = pd.DataFrame({"name": ["Summit"], "location": ["Dushanbe"],
    ...     "start": pd.to_datetime(["2021-09-16"]), "last_day": pd.to_datetime([None])})
    >>> events_description(e)
    'Summit (16 September 2021; Dushanbe).'
    """
    from .events import core_name

    out = []
    for r in events.sort_values("start").itertuples():
        days = date_range(r.start, r.last_day) if pd.notna(r.last_day) else long_date(r.start)
        out.append(f"{core_name(r.name)} ({days}; {r.location}).")
    return " ".join(out)


def allies_description(projection, border_pairs, positions) -> str:
    """Return the text alternative of the allies-and-neighbours map: the states joined by the
    most shared memberships, and the states with land borders but no shared full membership."""
    shown = [n for n in projection if n in positions]
    weights = [(d["weight"], u, v) for u, v, d in projection.edges(data=True)
               if u in positions and v in positions]
    parts = []
    if weights:
        top = max(w for w, *_ in weights)
        states = sorted({country_name(s) for w, u, v in weights if w == top for s in (u, v)})
        parts.append(f"The thickest lines, {number_word(top)} shared organisations, join "
                     f"{join_names(states)}.")
    alone = sorted(n for n in shown if projection.degree(n) == 0)
    for iso3 in alone:
        nbrs = sorted(country_name(b if a == iso3 else a) for a, b in border_pairs if iso3 in (a, b))
        if nbrs:
            parts.append(f"{country_name(iso3)} shares no full membership with any state shown, but "
                         f"borders {join_names(nbrs)}.")
    return " ".join(parts)


# --- Chart titles that state the finding ------------------------------------------------------

def only_members_title(of: str, neighbours: list[str], members: list[str], org: str, date) -> str:
    """Title a map of ``of``'s neighbours by which of them belonged to ``org``.

    >>> only_members_title("AFG", ["CHN", "TJK", "UZB"], ["TJK"], "CSTO", "2021-09-16")
    "Of Afghanistan's three neighbours, only Tajikistan was a CSTO member on 16 September 2021"
    """
    inside = sorted(country_name(m) for m in members)
    head = f"Of {country_name(of)}'s {number_word(len(neighbours))} neighbours"
    if not inside:
        return f"{head}, none was a {org} member on {long_date(date)}"
    verb = "was" if len(inside) == 1 else "were"
    only = "only " if len(inside) < len(neighbours) else ""
    return f"{head}, {only}{join_names(inside)} {verb} {'a ' if len(inside) == 1 else ''}{org} member" \
           f"{'s' if len(inside) > 1 else ''} on {long_date(date)}"


def lengths_title(compared: pd.DataFrame, stated: str, reference: str, reference_name: str,
                  others: dict[str, str] | None = None) -> str:
    """Title the comparison of the article's border lengths with a reference's: whose published
    figure each length is (the reference's, or another source's, ``others``: column → name), or
    how far it lies from the reference's.

    >>> c = pd.DataFrame({"neighbour": ["TJK", "UZB"], "a": [1344.0, 144.0], "f": [1357.0, 144.0],
    ...                   "g": [1344.15, None]})
    >>> lengths_title(c, "a", "f", "the Factbook", {"g": "the Tajik government"})
    "The article's border lengths are published figures: the Factbook's for Uzbekistan, the Tajik government's for Tajikistan"
    >>> lengths_title(c, "a", "f", "the Factbook")
    "The article's length for Uzbekistan is the Factbook's; for Tajikistan it is 13 km below it"
    """
    given = compared.dropna(subset=[stated]).sort_values(stated)
    matched, off = [], []
    for _, r in given.iterrows():
        value, ref, country = r[stated], r[reference], country_name(r["neighbour"])
        agree = [name for col, name in (others or {}).items() if pd.notna(r.get(col)) and round(r[col]) == round(value)]
        if value == ref:
            matched.append((country, reference_name))
        elif agree:
            matched.append((country, agree[0]))
        else:
            off.append(f"for {country} it is {km(abs(value - ref))} {'below' if value < ref else 'above'} it")
    if not off:
        return ("The article's border lengths are published figures: "
                + ", ".join(f"{who}'s for {country}" for country, who in matched))
    head = "; ".join([f"The article's length for {country} is {who}'s" for country, who in matched] + off)
    return head[0].upper() + head[1:]
