"""Who is tied to whom: the states and the two organisations on the summit day and today,
Afghanistan and its neighbours, and how the web of ties grew.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["n_csto"], f["n_sco"], f["in_both"]
('six', 'eight', 'Kazakhstan, Kyrgyzstan, Russia and Tajikistan')
"""
from __future__ import annotations

import pandas as pd

from ..borders import neighbours, rows_from
from ..charts import ChartRecord, publish
from ..dates import key_dates
from ..figures import network_figure, projection_map, status_stack_figure
from ..geometry import around, load_topology, positions
from ..memberships import as_of, members_on, participation_on, sources_for
from ..names import country_name
from ..narrative import allies_description
from ..network import (
    allies_layers,
    centrality_table,
    describe_ties,
    membership_graph,
    restricted,
    snapshot_summary,
    state_projection,
    ties_by_status,
)
from ..words import capital, count, join_names, long_date, number_word, short_date

__all__ = ["facts", "charts", "snapshot_dates", "allies_title", "growth_title", "csto_in_sco_sentence", "frozen_sentence", "FOUR", "ALL"]

SUMMIT_NET, TODAY_NET, ALLIES, SNAPSHOTS = ("fig-network-2021-09-16", "fig-network-today",
                                           "fig-allies-and-neighbours-2021-09-16", "fig-network-snapshots")
#: The organisations alive on the summit day, and every organisation the data follow.
FOUR = ["CSTO", "SCO", "CIS", "EAEU"]
ALL = ["CST", "CSTO", "SCO", "CIS", "EurAsEC", "EAEU"]


def snapshot_dates(tables: dict) -> dict[str, pd.Timestamp]:
    """The dates the growth of the web is shown at, each from the data: the 1992 treaty, the
    CSTO's founding, the SCO's first enlargement (India and Pakistan), the summit, the SCO's
    merger of statuses (its first partners), and today."""
    orgs = tables["organizations"].set_index("org_id")["founded"]
    m = tables["memberships"]
    sco = m[m["org_id"] == "SCO"]
    days = key_dates(tables)
    return {"the 1992 treaty": orgs["CST"], "the CSTO's founding": orgs["CSTO"],
            "the SCO's first enlargement": sco[(sco["status"] == "member") & (sco["start"] > orgs["SCO"])]["start"].min(),
            "the summit": days["summit"], "the SCO's merger of statuses": sco[sco["status"] == "partner"]["start"].min(),
            "today": days["today"]}


def allies_title(neighbour_names: list[str], allies: list[str], closest: list[str], most: int, shared: list[str]) -> str:
    """The allies chart's title: whether Afghanistan shares a full membership with a neighbour,
    and which neighbours share the most, and what.

    >>> allies_title(["a"] * 6, [], ["Tajikistan", "Uzbekistan"], 2, ["CIS", "SCO"])
    'Afghanistan shares no full membership with any of its six neighbours'
    >>> allies_title(["a"] * 6, ["Iran"], [], 0, [])
    'Afghanistan shares a full membership with Iran among its six neighbours'
    """
    n = number_word(len(neighbour_names))
    if not allies:
        return f"Afghanistan shares no full membership with any of its {n} neighbours"
    return f"Afghanistan shares a full membership with {join_names(allies)} among its {n} neighbours"


def growth_title(first_year: int, members_then: int, members_now: int, others_then: int, others_now: int) -> str:
    """The snapshots chart's title: what grew, the full memberships or the looser ties.

    >>> growth_title(2002, 27, 30, 2, 24)
    'Since 2002 looser ties grew from two to 24; full memberships only from 27 to 30'
    >>> growth_title(2002, 10, 30, 2, 4)
    'Since 2002 full memberships grew from 10 to 30, looser ties from two to four'
    """
    if others_now - others_then > members_now - members_then:
        return (f"Since {first_year} looser ties grew from {number_word(others_then)} to {number_word(others_now)}; "
                f"full memberships only from {number_word(members_then)} to {number_word(members_now)}")
    return (f"Since {first_year} full memberships grew from {number_word(members_then)} to {number_word(members_now)}, "
            f"looser ties from {number_word(others_then)} to {number_word(others_now)}")


def _allies(tables):
    summit = key_dates(tables)["summit"]
    wide = membership_graph(tables["memberships"], summit, orgs=FOUR)
    states = ["AFG", *sorted(neighbours(tables["borders"], "AFG"))]
    members_only = restricted(state_projection(wide), states)
    where = around(positions(load_topology("ne_50m_region"), members_only.nodes), "AFG")
    factbook = rows_from(tables["borders"], "cia_wfb")
    pairs = sorted((a, b) for a, b in zip(factbook.iso3_a, factbook.iso3_b) if a in where and b in where)
    layer = allies_layers(members_only, tables["memberships"], factbook, where, summit)
    return summit, members_only, where, pairs, layer, states


def frozen_sentence(states: list[str]) -> str:
    """Which CSTO members take no part, though members in law.

    >>> frozen_sentence([]), frozen_sentence(["Armenia"]), frozen_sentence(["A", "B"])
    ('Every member has kept taking part.', 'Armenia has stayed a member in law but taken no part.', 'A and B have stayed members in law but taken no part.')
    """
    if not states:
        return "Every member has kept taking part."
    if len(states) == 1:
        return f"{states[0]} has stayed a member in law but taken no part."
    return f"{join_names(states)} have stayed members in law but taken no part."


def csto_in_sco_sentence(tied: int, members: int) -> str:
    """How many of the CSTO's members held a status in the SCO, as a sentence.

    >>> csto_in_sco_sentence(6, 6), csto_in_sco_sentence(4, 6), csto_in_sco_sentence(0, 6)
    ("All six of the CSTO's members held some status in the SCO.", "Four of the CSTO's six members held some status in the SCO.", "None of the CSTO's members held a status in the SCO.")
    """
    if tied == 0:
        return "None of the CSTO's members held a status in the SCO."
    if tied == members:
        return f"All {number_word(members)} of the CSTO's members held some status in the SCO."
    return f"{capital(number_word(tied))} of the CSTO's {number_word(members)} members held some status in the SCO."


def facts(tables: dict) -> dict[str, str]:
    """Every value the network page states."""
    days = key_dates(tables)
    summit, today = days["summit"], days["today"]
    m, p = tables["memberships"], tables["participation"]
    csto, sco = members_on(m, "CSTO", summit), members_on(m, "SCO", summit)
    graph = membership_graph(m, summit, orgs=["CSTO", "SCO"])
    frozen_now = [country_name(i) for (_, i) in participation_on(p, today, "CSTO")]
    snaps = snapshot_dates(tables)
    counts = ties_by_status(m, [d.date().isoformat() for d in snaps.values()], ALL)
    members = counts[counts["status"] == "member"].set_index("date")["ties"]
    others = counts[counts["status"] != "member"].groupby("date")["ties"].sum()
    founded = snaps["the CSTO's founding"].date().isoformat()
    now = snaps["today"].date().isoformat()
    return {
        "summit_day": long_date(summit), "today": long_date(today),
        "n_csto": number_word(len(csto)), "n_sco": number_word(len(sco)),
        "in_both": join_names(country_name(c) for c in sorted(set(csto) & set(sco))),
        "n_in_both": number_word(len(set(csto) & set(sco))),
        "csto_in_sco": csto_in_sco_sentence(sum(graph.has_edge(s, "SCO") for s in csto), len(csto)),
        "n_csto_today": number_word(len(members_on(m, "CSTO", today))),
        "n_sco_today": number_word(len(members_on(m, "SCO", today))),
        "n_partners_today": number_word(len(members_on(m, "SCO", today, status="partner"))),
        "frozen": frozen_sentence(frozen_now),
        "members_founding": number_word(int(members.get(founded, 0))), "members_now": number_word(int(members.get(now, 0))),
        "others_founding": number_word(int(others.get(founded, 0))), "others_now": number_word(int(others.get(now, 0))),
        "founding_year": str(snaps["the CSTO's founding"].year),
        "n_snapshots": number_word(len(snaps)),
        "treaty_year": str(snaps["the 1992 treaty"].year),
        "csto_change": csto_change(members_on(m, "CSTO", summit), members_on(m, "CSTO", today), summit.year),
        "afghan_ties": afghan_ties(sorted(country_name(s) for s in _allies(tables)[1]["AFG"]),
                                   sorted(country_name(s) for s in set(neighbours(tables["borders"], "AFG"))
                                          & set(members_on(m, "SCO", summit))),
                                   len(neighbours(tables["borders"], "AFG"))),
    }


def csto_change(then: list[str], now: list[str], year: int) -> str:
    """How the CSTO's membership changed from the summit (in ``year``) to today, as a clause.

    >>> csto_change(["ARM", "RUS"], ["ARM", "RUS"], 2021)
    'its two members in 2021 are its two members today'
    >>> csto_change(["ARM", "RUS"], ["RUS"], 2021)
    'since 2021 it has lost Armenia and gained no member'
    """
    lost, gained = sorted(set(then) - set(now)), sorted(set(now) - set(then))
    if not lost and not gained:
        return f"its {number_word(len(now))} members in {year} are its {number_word(len(now))} members today"
    return (f"since {year} it has lost {join_names(country_name(c) for c in lost) or 'no member'} and gained "
            f"{join_names(country_name(c) for c in gained) or 'no member'}")


def afghan_ties(allies: list[str], together: list[str], neighbours: int) -> str:
    """Whether Afghanistan shared a full membership with a neighbour (``allies``), beside the
    neighbours that were full members of the SCO together (``together``, of ``neighbours``).

    >>> afghan_ties([], ["China", "Pakistan", "Tajikistan", "Uzbekistan"], 6)
    'Afghanistan shared a full membership with none of its six neighbours, although four of them (China, Pakistan, Tajikistan and Uzbekistan) sat together in the SCO.'
    >>> afghan_ties(["Iran"], [], 6)
    'Afghanistan shared a full membership with Iran among its six neighbours.'
    """
    if allies:
        return f"Afghanistan shared a full membership with {join_names(allies)} among its {number_word(neighbours)} neighbours."
    head = f"Afghanistan shared a full membership with none of its {number_word(neighbours)} neighbours"
    if len(together) < 2:
        return head + "."
    return f"{head}, although {number_word(len(together))} of them ({join_names(together)}) sat together in the SCO."


def charts(tables: dict) -> dict:
    """The two-hub networks (summit, today), Afghanistan and its neighbours, and the growth of the web."""
    days = key_dates(tables)
    summit, today = days["summit"], days["today"]
    m, p, sources = tables["memberships"], tables["participation"], tables["sources"]
    out = {}
    for fid, day in ((SUMMIT_NET, summit), (TODAY_NET, today)):
        graph = membership_graph(m, day, orgs=["CSTO", "SCO"])
        absent = {k: v for k, v in _absent(p, day).items() if k[0] in ("CSTO", "SCO")}
        csto, sco = members_on(m, "CSTO", day), members_on(m, "SCO", day)
        both = sorted(set(csto) & set(sco))
        plotted = as_of(m, day).query("org_id in ['CSTO', 'SCO']")
        if fid == SUMMIT_NET:
            title = (f"On {long_date(day)}, {number_word(len(both))} of the CSTO's {number_word(len(csto))} members "
                     "were also full SCO members")
            subtitle = f"Each state's ties to the CSTO and the SCO on {long_date(day)}, the day of the CSTO summit in Dushanbe"
        else:
            partners = members_on(m, "SCO", day, status="partner")
            title = (f"The SCO grew to {number_word(len(sco))} members and {count(len(partners), 'partner')}; the CSTO "
                     f"kept its {number_word(len(csto))}"
                     + (f", {join_names(country_name(i) for (_, i) in absent)} taking no part" if absent else ""))
            subtitle = f"Each state's ties to the CSTO and the SCO on {long_date(day)}"
        record = ChartRecord(
            id=fid, title=title, subtitle=subtitle,
            caption=("Each line joins a state to an organisation, the CSTO on the left, the SCO on the right; its colour, "
                     "dash and end marker give the tie (see the legend). States tied to both come first, then those tied "
                     "to the SCO only, strongest ties first. A black square marks a member that takes no part. Hover over a "
                     "state to list its ties."),
            description=(f"A network of {count(graph.number_of_nodes() - 2, 'state')}, one per row, joined to two hubs, the "
                         "CSTO (left) and the SCO (right). " + describe_ties(graph)
                         + "".join(f" {country_name(i)}: {what} in the {o}." for (o, i), what in absent.items())),
            data=plotted[["org_id", "iso3", "status", "start", "end", "source_id", "note"]]
                .sort_values(["org_id", "iso3"]).reset_index(drop=True))
        out[fid] = publish(network_figure(graph, "CSTO", "SCO", not_taking_part=absent), record, sources)
    summit, members_only, where, pairs, layer, states = _allies(tables)
    org_edges = layer[layer["layer"] == "shared organisations"]
    thick = org_edges[org_edges["weight"] == org_edges["weight"].max()] if len(org_edges) else org_edges
    closest = sorted({country_name(s) for s in set(thick["iso3_a"]) | set(thick["iso3_b"])})
    shared = sorted(set(thick["orgs"].iloc[0].split(";"))) if len(thick) else []
    allies = ChartRecord(
        id=ALLIES, title=allies_title(states[1:], sorted(country_name(s) for s in members_only["AFG"]), closest,
                                      int(org_edges["weight"].max()) if len(org_edges) else 0, shared),
        subtitle=(f"Afghanistan and its neighbours: the organisations they belonged to together as full members (CSTO, SCO, "
                  f"CIS, EAEU), and their land borders, {long_date(summit)}"),
        caption=("Afghanistan in the middle, each neighbour in the compass direction of its geographic centre (directions "
                 "kept, distances not). A solid blue line joins two states that were full members of the same "
                 "organisations, thicker for more of them; a dashed grey line joins states with a common land border."),
        description=allies_description(members_only, pairs, where),
        source_ids=("natural_earth_4_1_0", "cia_wfb_afg_tjk", "cia_wfb_kgz_uzb", "cia_wfb_uzb_kaz", "cia_wfb_tkm_irn"),
        data=layer)
    out[ALLIES] = publish(projection_map(members_only, where, pairs), allies, sources)
    snaps = snapshot_dates(tables)
    iso = {name: d.date().isoformat() for name, d in snaps.items()}
    counts = ties_by_status(m, list(iso.values()), ALL)
    summary = snapshot_summary(m, list(iso.values()), ALL)
    summary["source_id"] = [sources_for(m, d, orgs=ALL) for d in summary["date"]]
    members = counts[counts["status"] == "member"].set_index("date")["ties"]
    others = counts[counts["status"] != "member"].groupby("date")["ties"].sum()
    founding = iso["the CSTO's founding"]
    snap = ChartRecord(
        id=SNAPSHOTS,
        title=growth_title(snaps["the CSTO's founding"].year, int(members[founding]), int(members[iso["today"]]),
                           int(others.get(founding, 0)), int(others[iso["today"]])),
        subtitle=(f"State–organisation ties among the CST/CSTO, SCO, CIS and EurAsEC/EAEU, by status, at "
                  f"{number_word(len(iso))} dates: " + join_names(iso)),
        caption=("One bar per date; its parts count the ties of each status (a state holding a status in an organisation is "
                 "one tie), with colour and hatching for the status. Hover over a part to list the ties. The label at each "
                 "bar's end gives the states and ties in all."),
        description=" ".join(f"{long_date(d)} ({name}): {s} states and {t} ties, {int(members.get(d, 0))} of them full "
                             "memberships." for (name, d), s, t in zip(iso.items(), summary["states"], summary["ties"])),
        data=counts.merge(summary[["date", "source_id"]], on="date"))
    labels = {d: f"{short_date(d)}<br>{name}" for name, d in iso.items()}
    out[SNAPSHOTS] = publish(status_stack_figure(counts, labels=labels, totals={
        d: f"{s} states<br>{t} ties" for d, s, t in zip(summary["date"], summary["states"], summary["ties"])}), snap, sources)
    return out


def _absent(participation: pd.DataFrame, day) -> dict[tuple[str, str], str]:
    from ..memberships import PARTICIPATION_LABELS

    return {k: PARTICIPATION_LABELS[v] for k, v in participation_on(participation, day).items()}


def ties_table(tables: dict):
    """Each state's ties to the CSTO and the SCO on the summit day."""
    from ..markup import table
    from ..memberships import ties_table as ties

    summit = key_dates(tables)["summit"]
    return table(ties(tables["memberships"], summit, orgs=["CSTO", "SCO"]).drop(columns="iso3"),
                 caption=f"Each state's status in the CSTO and the SCO on {long_date(summit)}")


def measures_table(tables: dict):
    """Network measures per state on the summit day, for specialists (an appendix)."""
    from IPython.display import HTML

    from ..markup import table

    summit = key_dates(tables)["summit"]
    measures = centrality_table(membership_graph(tables["memberships"], summit, orgs=FOUR)).drop(columns="iso3")
    shown = table(measures, caption=f"Network measures per state among the CSTO, SCO, CIS and EAEU, {long_date(summit)}")
    return HTML("<details class=\"dushanbe-appendix\"><summary>Appendix: network measures per state (ties, partners, "
                f"betweenness, clustering)</summary>{shown.data}</details>")
