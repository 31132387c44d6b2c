"""States and organisations as graphs (networkx).

The two-mode graph has a node per state (``kind="state"``) and per organisation
(``kind="org"``); an edge joins a state to an organisation it held a status in on the date,
with that ``status`` as an attribute. Node keys are ISO alpha-3 codes and org ids; the loader
guarantees the two never collide.

>>> from dushanbe.data import load_tables
>>> g = membership_graph(load_tables()["memberships"], "2021-09-16", orgs=["CSTO", "SCO"])
>>> sorted(n for n in g["CSTO"] if g.edges[n, "CSTO"]["status"] == "member")
['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']
>>> g.edges["UZB", "CSTO"]["status"], g.edges["UZB", "SCO"]["status"]
('suspended', 'member')
"""
from __future__ import annotations

import networkx as nx
import pandas as pd

from .memberships import STATUS_LABELS, as_of
from .names import country_name
from .provenance import ids_in, join_ids
from .words import join_names

__all__ = ["membership_graph", "state_projection", "sorted_edges", "restricted", "fan_layout", "describe_ties", "centrality_table",
           "communities", "bridges_between", "snapshot_summary", "ties_by_status", "projection_edges", "allies_layers",
           "ALL_STATUSES"]


def membership_graph(memberships: pd.DataFrame, date, orgs=None) -> nx.Graph:
    """Return the two-mode graph of states and organisations on ``date``."""
    rows = as_of(memberships, date)
    if orgs is not None:
        rows = rows[rows["org_id"].isin(list(orgs))]
    graph = nx.Graph(date=pd.Timestamp(date).date().isoformat())
    for org in sorted(rows["org_id"].unique()):
        graph.add_node(org, kind="org", label=org)
    for row in rows.itertuples(index=False):
        graph.add_node(row.iso3, kind="state", label=country_name(row.iso3))
        graph.add_edge(row.iso3, row.org_id, status=row.status)
    return graph


def state_projection(graph: nx.Graph, statuses=("member",)) -> nx.Graph:
    """Return the one-mode graph of states, linked by organisations they share.

    Only edges whose status is in ``statuses`` count. Edge attribute ``weight`` is the number of
    shared organisations and ``orgs`` lists them.
    """
    kept = nx.Graph()
    kept.add_nodes_from((n, d) for n, d in graph.nodes(data=True))
    kept.add_edges_from((u, v, d) for u, v, d in graph.edges(data=True) if d["status"] in statuses)
    states = [n for n, d in kept.nodes(data=True) if d["kind"] == "state"]
    projection = nx.Graph()
    projection.add_nodes_from((n, graph.nodes[n]) for n in states)
    for i, u in enumerate(sorted(states)):
        for v in sorted(states)[i + 1:]:
            shared = sorted(set(kept[u]) & set(kept[v]))
            if shared:
                projection.add_edge(u, v, weight=len(shared), orgs=shared)
    return projection


def sorted_edges(graph: nx.Graph, nodes=None) -> list[tuple[str, str, dict]]:
    """Return the edges (of ``nodes``, if given) with their data, each as (smaller, larger),
    in sorted order: the same list whatever order the graph was built or viewed in.

    >>> sorted_edges(nx.Graph([("B", "A"), ("C", "B")]))
    [('A', 'B', {}), ('B', 'C', {})]
    """
    return sorted((min(u, v), max(u, v), d) for u, v, d in graph.edges(nodes, data=True))


def restricted(graph: nx.Graph, nodes) -> nx.Graph:
    """Return the subgraph on ``nodes`` as a new graph whose node and edge order is fixed
    (nodes in the order given, each edge as (smaller, larger) in sorted order).

    ``graph.subgraph`` iterates a small subgraph in the order of a Python set, which changes
    from one run to the next; charts and tables drawn from it would too.

    >>> g = nx.Graph([("B", "A"), ("C", "A"), ("C", "D")])
    >>> h = restricted(g, ["C", "A", "B"])
    >>> list(h.nodes), list(h.edges)
    (['C', 'A', 'B'], [('C', 'A'), ('A', 'B')])
    """
    keep = [n for n in nodes if n in graph]
    out = nx.Graph(**graph.graph)
    out.add_nodes_from((n, graph.nodes[n]) for n in keep)
    inside = set(keep)
    out.add_edges_from((u, v, d) for u, v, d in sorted_edges(graph, keep) if u in inside and v in inside)
    return out


def fan_layout(graph: nx.Graph, left: str, right: str) -> dict[str, tuple[float, float]]:
    """Return positions for a two-hub drawing of a two-mode graph: ``left`` at x = 0, ``right``
    at x = 1, and every state on its own row at x = 0.5, one unit apart going down.

    States tied to both hubs come first, then those tied to ``right`` only, then to ``left``
    only; within a group, stronger statuses (in :data:`dushanbe.memberships.STATUS_LABELS`
    order) come first, then names. Each hub sits level with the middle of its own states, so
    its lines fan out to them. Rows, not a force layout, keep every label on a line of its own
    at any width.

    >>> g = nx.Graph()
    >>> g.add_nodes_from([("L", {"kind": "org"}), ("R", {"kind": "org"})])
    >>> for n, name in (("A", "Aland"), ("B", "Bland"), ("C", "Cland")):
    ...     g.add_node(n, kind="state", label=name)
    >>> g.add_edges_from([("A", "R", {"status": "observer"}), ("B", "L", {"status": "member"}),
    ...                   ("B", "R", {"status": "member"}), ("C", "R", {"status": "member"})])
    >>> fan_layout(g, "L", "R")
    {'B': (0.5, 0.0), 'C': (0.5, -1.0), 'A': (0.5, -2.0), 'L': (0.0, 0.0), 'R': (1.0, -1.0)}
    """
    rank = {status: i for i, status in enumerate(STATUS_LABELS)}
    none = len(rank)

    def key(state):
        on_left, on_right = graph.has_edge(state, left), graph.has_edge(state, right)
        group = 0 if on_left and on_right else 1 if on_right else 2
        return (group, rank[graph.edges[state, left]["status"]] if on_left else none,
                rank[graph.edges[state, right]["status"]] if on_right else none,
                graph.nodes[state].get("label", state))

    states = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "state"), key=key)
    pos = {state: (0.5, 0.0 - row) for row, state in enumerate(states)}
    for x, hub in ((0.0, left), (1.0, right)):
        if hub in graph:
            ys = [pos[s][1] for s in graph[hub] if s in pos]
            pos[hub] = (x, round(sum(ys) / len(ys), 4) if ys else 0.0)
    return pos


def describe_ties(graph: nx.Graph) -> str:
    """Return plain sentences grouping the states by their ties, for a chart's text alternative.

    >>> g = nx.Graph()
    >>> g.add_nodes_from([("A", {"kind": "org"}), ("X", {"kind": "state", "label": "Xland"})])
    >>> g.add_edge("X", "A", status="member")
    >>> describe_ties(g)
    'A member: Xland.'
    """
    groups: dict[str, list[str]] = {}
    for node, data in sorted(graph.nodes(data=True), key=lambda nd: nd[1].get("label", nd[0])):
        if data["kind"] != "state":
            continue
        ties = ", ".join(f"{org} {STATUS_LABELS[graph.edges[node, org]['status']]}"
                         for org in sorted(graph[node]))
        groups.setdefault(ties, []).append(data["label"])
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    return " ".join(f"{ties[0].upper() + ties[1:]}: {join_names(states)}." for ties, states in ordered)


ALL_STATUSES = tuple(STATUS_LABELS)


def centrality_table(two_mode: nx.Graph) -> pd.DataFrame:
    """Return, for each state of a two-mode graph, the measures the book discusses.

    * ``ties`` — organisations it holds any status in; ``memberships`` — those as a full member;
    * ``partners`` — states it shares at least one organisation with (any status);
    * ``shared`` — the same, counting each shared organisation (the projection's weighted degree);
    * ``betweenness`` — the share of shortest paths in the two-mode graph that pass through it
      (normalised): how much it *bridges* organisations and the states around them;
    * ``clustering`` — how far its partners are also partners of each other (weighted).
    """
    projection = state_projection(two_mode, statuses=ALL_STATUSES)
    between = nx.betweenness_centrality(two_mode, normalized=True)
    clustering = nx.clustering(projection, weight="weight")
    rows = []
    for n, data in two_mode.nodes(data=True):
        if data["kind"] != "state":
            continue
        statuses = [two_mode.edges[n, o]["status"] for o in two_mode[n]]
        rows.append({"iso3": n, "state": data["label"], "ties": len(statuses),
                     "memberships": statuses.count("member"), "partners": projection.degree(n),
                     "shared": projection.degree(n, weight="weight"),
                     "betweenness": round(between[n], 4), "clustering": round(clustering[n], 4)})
    return (pd.DataFrame(rows).sort_values(["betweenness", "shared", "state"], ascending=[False, False, True])
            .reset_index(drop=True))


def communities(graph: nx.Graph, seed: int = 20210916) -> list[list[str]]:
    """Return groups of linked states found by weighted Louvain modularity (seeded, so
    reproducible), largest first, each sorted; states with no partner are left out."""
    linked = graph.subgraph(n for n in graph if graph.degree(n) > 0)
    groups = nx.community.louvain_communities(linked, weight="weight", seed=seed)
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def bridges_between(graph: nx.Graph, org_a: str, org_b: str) -> list[str]:
    """Return the states tied (with any status) to both organisations in a two-mode graph."""
    if org_a not in graph or org_b not in graph:
        return []
    return sorted(set(graph[org_a]) & set(graph[org_b]))


def ties_by_status(memberships: pd.DataFrame, dates, orgs) -> pd.DataFrame:
    """Count the state–organisation ties of each status among ``orgs`` on each of ``dates``.

    One row per date and status held by at least one state that day, statuses in
    :data:`dushanbe.memberships.STATUS_LABELS` order; columns ``date`` (ISO), ``status``,
    ``ties`` and ``states`` (the names, ';'-joined).

    >>> from dushanbe.data import load_tables
    >>> t = ties_by_status(load_tables()["memberships"], ["2021-09-16", "2024-07-04"], ["SCO"])
    >>> t.pivot(index="date", columns="status", values="ties")[["member", "observer"]].values.tolist()
    [[8, 4], [10, 2]]
    """
    order = {status: i for i, status in enumerate(STATUS_LABELS)}
    rows = []
    for date in dates:
        graph = membership_graph(memberships, date, orgs=orgs)
        held: dict[str, list[str]] = {}
        for u, v, d in graph.edges(data=True):
            state = u if graph.nodes[u]["kind"] == "state" else v
            held.setdefault(d["status"], []).append(f"{graph.nodes[state]['label']} ({v if state == u else u})")
        for status in sorted(held, key=order.__getitem__):
            rows.append({"date": pd.Timestamp(date).date().isoformat(), "status": status,
                         "ties": len(held[status]), "states": ";".join(sorted(held[status]))})
    return pd.DataFrame(rows, columns=["date", "status", "ties", "states"])


def snapshot_summary(memberships: pd.DataFrame, dates, orgs) -> pd.DataFrame:
    """Compare the two-mode graph across dates: organisations, states, ties, the projection's
    density, and the state(s) with the highest betweenness (all of them, if tied)."""
    rows = []
    for date in dates:
        g = membership_graph(memberships, date, orgs=orgs)
        states = [n for n, d in g.nodes(data=True) if d["kind"] == "state"]
        p = state_projection(g, statuses=ALL_STATUSES)
        between = nx.betweenness_centrality(g) if states else {}
        best = max((between[s] for s in states), default=0)
        top = sorted(country_name(s) for s in states if between[s] == best and best > 0)
        rows.append({"date": pd.Timestamp(date).date().isoformat(),
                     "organisations": g.number_of_nodes() - len(states), "states": len(states),
                     "ties": g.number_of_edges(),
                     "density": round(nx.density(p), 3) if len(states) > 1 else 0.0,
                     "top_bridges": ", ".join(top), "top_betweenness": round(best, 3)})
    return pd.DataFrame(rows)


def allies_layers(projection: nx.Graph, memberships: pd.DataFrame, borders: pd.DataFrame,
                  positions: dict, date) -> pd.DataFrame:
    """Return the two layers of the allies-and-neighbours map as one tidy table: the
    projection's edges (``layer`` = "shared organisations", with ``weight`` and ``orgs``) and the
    land borders in ``borders`` (``layer`` = "land border", with ``length_km``), both only
    between states that have a position, each row with its ``source_id``."""
    placed = list(positions)
    orgs = projection_edges(projection, memberships, date)
    orgs = orgs[orgs["iso3_a"].isin(placed) & orgs["iso3_b"].isin(placed)] if len(orgs) else orgs
    lands = borders[borders["iso3_a"].isin(placed) & borders["iso3_b"].isin(placed)][
        ["iso3_a", "iso3_b", "length_km", "source_id"]]
    return pd.concat([orgs.assign(layer="shared organisations"), lands.assign(layer="land border")],
                     ignore_index=True)


def projection_edges(projection: nx.Graph, memberships: pd.DataFrame, date) -> pd.DataFrame:
    """Return the projection's edges as a tidy table with the sources of the statuses behind
    each: ``iso3_a``, ``iso3_b``, ``weight``, ``orgs`` (';'-joined) and ``source_id``."""
    rows_on = as_of(memberships, date)
    out = []
    for u, v, d in sorted_edges(projection):
        behind = rows_on[rows_on["iso3"].isin([u, v]) & rows_on["org_id"].isin(d["orgs"])]
        out.append({"iso3_a": min(u, v), "iso3_b": max(u, v), "weight": d["weight"],
                    "orgs": ";".join(d["orgs"]), "source_id": join_ids(ids_in(behind))})
    return pd.DataFrame(out)
