"""Facts the book states, computed from the data: memberships by date, graphs, borders."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from dushanbe.blocs import bloc_map_layers
from dushanbe.borders import compare_lengths, neighbours
from dushanbe.data import load_tables
from dushanbe.geometry import border_length_km, load_topology
from dushanbe.geometry import neighbours as geo_neighbours
from dushanbe.memberships import as_of, members_on, status_history, status_on, ties_table
from dushanbe.network import fan_layout, membership_graph, state_projection

ROOT = Path(__file__).resolve().parents[1]

DAY = "2021-09-16"


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.fixture(scope="module")
def m(tables):
    return tables["memberships"]


def test_csto_members_on_the_summit_day(m):
    assert members_on(m, "CSTO", DAY) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_sco_members_on_the_summit_day(m):
    assert members_on(m, "SCO", DAY) == ["CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"]
    assert members_on(m, "SCO", DAY, status="observer") == ["AFG", "BLR", "IRN", "MNG"]


def test_intervals_are_half_open(m):
    # India: observer up to the day before 9 June 2017, member from that day
    assert status_on(m, "IND", "SCO", "2017-06-08") == "observer"
    assert status_on(m, "IND", "SCO", "2017-06-09") == "member"
    assert status_on(m, "IRN", "SCO", "2023-07-03") == "observer"
    assert status_on(m, "IRN", "SCO", "2023-07-04") == "member"


def test_uzbekistan_csto_history(m):
    hist = status_history(m, "UZB").query("org_id == 'CSTO'")
    assert hist["status"].tolist() == ["member", "suspended"]
    assert status_on(m, "UZB", "CSTO", "2005-01-01") is None
    assert status_on(m, "UZB", "CSTO", DAY) == "suspended"


def test_csto_before_it_existed_is_empty(m):
    assert members_on(m, "CSTO", "2001-01-01") == []
    assert members_on(m, "CST", "1995-01-01") == ["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert members_on(m, "CST", "2000-01-01") == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]


def test_legal_status_and_participation_are_different_facts(m):
    """Armenia froze its part in the CSTO in February 2024 but is still a member in law: an open
    membership row, and a participation row of its own."""
    from dushanbe.data import load_tables
    from dushanbe.memberships import not_taking_part, participation_on

    today = as_of(m, "2026-11-25")
    assert set(today.query("iso3 == 'ARM' and org_id == 'CSTO'")["status"]) == {"member"}
    participation = load_tables()["participation"]
    assert participation_on(participation, "2026-11-25", "CSTO") == {("CSTO", "ARM"): "frozen"}
    assert participation_on(participation, "2024-02-21", "CSTO") == {}          # the day before the freeze
    assert ("CIS", "UKR") in participation_on(participation, "2026-11-25")
    assert not_taking_part(participation, "CSTO", "2026-11-25") == ["ARM"]
    assert not_taking_part(participation, "CSTO", "2021-09-16") == []


def test_two_mode_graph(m):
    g = membership_graph(m, DAY, orgs=["CSTO", "SCO"])
    assert nx.is_bipartite(g)
    assert {n for n, d in g.nodes(data=True) if d["kind"] == "org"} == {"CSTO", "SCO"}
    assert g.number_of_nodes() == 20  # 18 states (Sri Lanka an SCO dialogue partner since 2009)
    assert g.edges["AFG", "SCO"]["status"] == "observer"
    assert not g.has_edge("AFG", "CSTO")
    assert g.graph["date"] == DAY


def test_projection_weights(m):
    g = membership_graph(m, DAY, orgs=["CSTO", "SCO"])
    p = state_projection(g)
    # KAZ and RUS share both organisations as members; ARM and CHN share none as members
    assert p.edges["KAZ", "RUS"]["weight"] == 2
    assert p.edges["KAZ", "RUS"]["orgs"] == ["CSTO", "SCO"]
    assert p.edges["ARM", "RUS"]["weight"] == 1
    assert not p.has_edge("ARM", "CHN")
    assert "AFG" in p and p.degree("AFG") == 0
    loose = state_projection(g, statuses=("member", "observer", "dialogue_partner", "suspended"))
    assert loose.edges["ARM", "CHN"]["weight"] == 1


def test_fan_layout_puts_the_states_tied_to_both_first(m):
    g = membership_graph(m, DAY, orgs=["CSTO", "SCO"])
    pos = fan_layout(g, "CSTO", "SCO")
    rows = sorted((s for s in pos if s not in ("CSTO", "SCO")), key=lambda s: -pos[s][1])
    both = [s for s in rows if g.has_edge(s, "CSTO") and g.has_edge(s, "SCO")]
    assert rows[:len(both)] == both and rows[:4] == ["KAZ", "KGZ", "RUS", "TJK"]   # members of both
    assert pos["CSTO"][0] == 0.0 and pos["SCO"][0] == 1.0 and pos["CSTO"][1] > pos["SCO"][1]
    assert fan_layout(g.copy(), "CSTO", "SCO") == pos


def test_ties_table(m):
    t = ties_table(m, DAY, orgs=["CSTO", "SCO"]).set_index("iso3")
    assert t.loc["BLR", "CSTO"] == "member" and t.loc["BLR", "SCO"] == "observer"
    assert t.loc["AFG", "CSTO"] == ""
    assert list(t.index[:4]) == ["ARM", "BLR", "KAZ", "KGZ"]  # two ties first, then by name


def test_afghanistan_neighbours_and_the_only_csto_border(tables, m):
    afg = neighbours(tables["borders"], "AFG")
    assert afg == {"CHN", "IRN", "PAK", "TJK", "TKM", "UZB"}
    assert afg & set(members_on(m, "CSTO", DAY)) == {"TJK"}
    # before Uzbekistan's suspension the CSTO had two borders with Afghanistan
    assert afg & set(members_on(m, "CSTO", "2010-01-01")) == {"TJK", "UZB"}


def test_article_and_factbook_lengths(tables):
    c = compare_lengths(tables["borders"], "AFG", {"wfb": "cia_wfb", "rt": "trt_2021"}).set_index("neighbour")
    assert c.loc["TJK", "wfb"] == 1357 and c.loc["TJK", "rt"] == 1344
    assert c.loc["UZB", "wfb"] == c.loc["UZB", "rt"] == 144
    assert c["wfb"].sum() == 5987  # the Factbook's total for Afghanistan


def test_geometry_agrees_with_the_border_table(tables):
    topo = load_topology("ne_50m_region")
    assert geo_neighbours(topo, "AFG") == neighbours(tables["borders"], "AFG")
    # 1:50m boundaries are generalised, so they run shorter than the Factbook, but not wildly
    ratio = border_length_km(topo, "AFG", "TJK") / 1357
    assert 0.7 < ratio < 1.05


def test_map_layers(tables, m):
    countries, lines, data = bloc_map_layers(load_topology("ne_50m_region"), m, tables["borders"],
                                             "AFG", DAY, ["AFG", "TJK", "UZB", "TKM", "IRN", "PAK", "CHN"])
    classes = lines.set_index("iso3_b")["label"].to_dict()
    assert classes == {"CHN": "border with an SCO member outside the CSTO",
                       "IRN": "border with an SCO observer",
                       "PAK": "border with an SCO member outside the CSTO",
                       "TJK": "border with a CSTO member",
                       "TKM": "border with a state in neither bloc",
                       "UZB": "border with an SCO member outside the CSTO"}
    assert data["source_id"].str.startswith("natural_earth_4_1_0").all()
    assert countries.set_index("iso3").loc["UZB", "category"] == "CSTO suspended · SCO member"


def test_economic_unions_and_cis(m):
    assert members_on(m, "EAEU", "2015-01-01") == ["BLR", "KAZ", "RUS"]
    assert members_on(m, "EAEU", DAY) == ["ARM", "BLR", "KAZ", "KGZ", "RUS"]
    assert members_on(m, "EAEU", DAY, status="observer") == ["CUB", "MDA", "UZB"]
    assert members_on(m, "EurAsEC", "2014-12-31") == ["BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert members_on(m, "EurAsEC", "2015-01-01") == []
    assert status_on(m, "TKM", "CIS", DAY) == "associate"
    from dushanbe.memberships import in_both
    assert in_both(m, "CSTO", "SCO", DAY) == ["KAZ", "KGZ", "RUS", "TJK"]


def test_network_measures(m):
    from dushanbe.network import ALL_STATUSES, centrality_table, communities, snapshot_summary

    g = membership_graph(m, DAY, orgs=["CSTO", "SCO", "CIS", "EAEU"])
    t = centrality_table(g).set_index("iso3")
    # states tied to one organisation bridge nothing
    assert t.loc["AFG", "betweenness"] == 0 and t.loc["AFG", "ties"] == 1
    # Tajikistan, the host, is outside the EAEU: fewer ties, lower betweenness than Kazakhstan
    assert t.loc["TJK", "ties"] == 3 and t.loc["KAZ", "ties"] == 4
    assert t.loc["TJK", "betweenness"] < t.loc["KAZ", "betweenness"]
    groups = communities(state_projection(g, statuses=ALL_STATUSES))
    assert sum(len(x) for x in groups) == t.shape[0]
    assert any({"CHN", "IND", "PAK"} <= set(x) for x in groups)
    s = snapshot_summary(m, ["1995-01-01", DAY], ["CST", "CSTO", "SCO", "CIS", "EurAsEC", "EAEU"])
    assert s["states"].tolist() == [12, 22]


def test_computed_border_lengths_against_the_factbook(tables):
    """Natural Earth 1:10m lines are generalised, so they run *shorter* than surveyed lengths.
    Tolerance: every computed length lies between 75 % and 100 % of the Factbook's (measured
    79–95 %), and the coarser 1:50m line is never longer than the 1:10m one (coastline effect)."""
    from dushanbe.borders import measured_three_ways

    three = measured_three_ways(tables["borders"], {"ne_10m": load_topology("ne_10m_region"),
                                                    "ne_50m": load_topology("ne_50m_region")})
    assert len(three) == 18
    assert three["ne_10m_ratio"].between(0.75, 1.0).all(), three[["border", "ne_10m_ratio"]]
    assert (three["ne_50m_km"] <= three["ne_10m_km"]).all()
    tj = three.set_index(["iso3_a", "iso3_b"]).loc[("AFG", "TJK")]
    assert tj["article_km"] == 1344 and 1100 < tj["ne_10m_km"] < 1357


def test_status_vocabulary_is_defined_once():
    """The labels, the chart styles and the schema's enum name the same statuses, in one order."""
    import json

    from dushanbe.memberships import STATUS_LABELS
    from dushanbe.network import ALL_STATUSES
    from dushanbe.style import STATUS_STYLE

    schema = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    enum = next(f for r in schema["resources"] if r["name"] == "memberships"
                for f in r["schema"]["fields"] if f["name"] == "status")["constraints"]["enum"]
    assert list(STATUS_LABELS) == enum == list(ALL_STATUSES)
    assert set(STATUS_STYLE) == set(enum)
    # never colour alone: each status has its own dash and its own marker symbol
    assert len({s["dash"] + s["symbol"] for s in STATUS_STYLE.values()}) == len(enum)
    assert len({s["symbol"] for s in STATUS_STYLE.values()}) == len(enum)


def test_allies_layers_keep_only_placed_states_and_name_sources():
    from dushanbe.borders import rows_from
    from dushanbe.network import allies_layers

    t = load_tables()
    g = membership_graph(t["memberships"], "2021-09-16", orgs=["CSTO", "SCO", "CIS", "EAEU"])
    p = state_projection(g)
    placed = {"KAZ": (0, 0), "KGZ": (1, 0), "TJK": (2, 0), "AFG": (3, 0)}
    layers = allies_layers(p, t["memberships"], rows_from(t["borders"], "cia_wfb"), placed, "2021-09-16")
    assert set(layers["layer"]) == {"shared organisations", "land border"}
    assert set(layers["iso3_a"]) | set(layers["iso3_b"]) <= set(placed)
    assert (layers["source_id"] != "").all()
    orgs = layers[layers["layer"] == "shared organisations"].set_index(["iso3_a", "iso3_b"])
    assert orgs.loc[("KAZ", "KGZ"), "weight"] == 4          # CSTO, SCO, CIS and EAEU
    assert ("AFG", "TJK") not in orgs.index                 # Afghanistan shares no full membership
    lands = layers[layers["layer"] == "land border"]
    assert {("AFG", "TJK"), ("KGZ", "TJK")} <= set(zip(lands["iso3_a"], lands["iso3_b"]))
