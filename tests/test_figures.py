"""The chart builders, on small inputs: which traces they draw, under which names, and the dash,
symbol or hatching each status or kind gets — the promise that nothing is told by colour alone."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.io as pio

from dushanbe.figures import (
    border_map,
    event_lanes,
    event_rows,
    gap_figure,
    membership_panels,
    membership_timeline,
    network_figure,
    status_matrix,
    status_stack_figure,
    verdict_figure,
)
from dushanbe.memberships import PARTICIPATION_LABELS, STATUS_LABELS
from dushanbe.style import ACCENT, BORDER_STYLE, EVENT_STYLE, GREYS, STATUS_STYLE, TEMPLATE, profile_style

TS = pd.Timestamp


def _graph():
    g = nx.Graph()
    g.add_node("ORG", kind="org", label="ORG")
    for iso, status in (("AAA", "member"), ("BBB", "observer"), ("CCC", "suspended"), ("DDD", "partner")):
        g.add_node(iso, kind="state", label=iso.title())
        g.add_edge(iso, "ORG", status=status)
    return g


def test_network_draws_one_line_trace_per_status_with_its_dash():
    g = _graph()
    fig = network_figure(g, "ORG", "NONE")
    lines = {t.name: t for t in fig.data if t.mode == "lines" and t.name in STATUS_LABELS.values()}
    assert set(lines) == {STATUS_LABELS[s] for s in ("member", "observer", "suspended", "partner")}
    for status in ("member", "observer", "suspended", "partner"):
        trace = lines[STATUS_LABELS[status]]
        assert trace.line.dash == STATUS_STYLE[status]["dash"] and trace.line.color == STATUS_STYLE[status]["color"]
    assert fig.layout.template == pio.templates[TEMPLATE]


def test_network_gives_each_state_a_row_of_fixed_height_and_its_name_between_the_line_ends():
    g = _graph()
    g.add_node("RIGHT", kind="org", label="RIGHT")
    g.add_edge("AAA", "RIGHT", status="observer")
    fig = network_figure(g, "ORG", "RIGHT", row_px=30)
    names = next(t for t in fig.data if t.mode == "text")
    assert list(names.text) == ["Aaa", "Bbb", "Ddd", "Ccc"]    # tied to both first, then by status: observer, partner, suspended
    assert list(names.y) == [0, -1, -2, -3] and set(names.x) == {0.5}
    assert fig.layout.height == 130 + 30 * 4                   # rows, not the width, set the height
    ends = [x for t in fig.data if t.mode == "lines" for x in t.x[1::3]]
    assert all(abs(x - 0.5) > 0.2 for x in ends)                # no line runs into a name


def test_membership_timeline_hatches_each_status():
    spans = pd.DataFrame({"org_id": ["X", "X", "X"], "state": ["A", "A", "B"],
                          "status": ["member", "suspended", "dialogue_partner"],
                          "start": [TS("2000-01-01"), TS("2010-01-01"), TS("2005-01-01")],
                          "end": [TS("2010-01-01"), pd.NaT, pd.NaT]})
    fig = membership_timeline(spans, until="2020-01-01")
    assert sorted(t.name for t in fig.data) == sorted(
        STATUS_LABELS[s] for s in ("member", "suspended", "dialogue_partner"))
    for trace in fig.data:
        status = next(s for s, label in STATUS_LABELS.items() if label == trace.name)
        assert trace.marker.pattern.shape == STATUS_STYLE[status]["pattern"]
    # an open span runs to `until`
    open_bar = next(t for t in fig.data if t.name == STATUS_LABELS["suspended"])
    assert open_bar.x[0] == (TS("2020-01-01") - TS("2010-01-01")).total_seconds() * 1000


def test_status_grid_gives_each_status_its_symbol_marks_absence_and_keeps_rows_in_every_frame():
    rows = pd.DataFrame({"iso3": ["AAA", "BBB"], "state": ["Aland", "Bland"], "org_id": ["X", "X"],
                         "status": ["member", "observer"], "participation": ["frozen", ""]})
    fig = status_matrix({"2020-01-01": rows, "2021-01-01": rows.iloc[1:]}, active="2020-01-01",
                        orgs=["X", "Y"], states=[("AAA", "Aland"), ("BBB", "Bland")])
    symbols = {t.name: t.marker.symbol for t in fig.data if t.name}
    assert symbols[STATUS_LABELS["member"]] == STATUS_STYLE["member"]["symbol"]
    assert symbols[STATUS_LABELS["observer"]] == STATUS_STYLE["observer"]["symbol"]
    assert [f.name for f in fig.frames] == ["2020-01-01", "2021-01-01"]
    # every frame redraws the same data traces, in the same order; the legend's own traces and
    # the margins are never touched by a frame, so a date change cannot move the rows
    animated = {tuple(f.traces) for f in fig.frames}
    assert len(animated) == 1 and {len(f.data) for f in fig.frames} == {len(next(iter(animated)))}
    legend = [t for i, t in enumerate(fig.data) if i not in next(iter(animated))]
    assert {t.name for t in legend} == {*STATUS_LABELS.values(), "not taking part"}
    assert all(t.showlegend is not False for t in legend) and all(fig.data[i].showlegend is False for i in next(iter(animated)))
    assert fig.layout.margin.autoexpand is False
    assert list(fig.layout.yaxis.categoryarray) == ["Bland", "Aland"]      # the first state at the top
    assert fig.layout.yaxis.autorange is False and tuple(fig.layout.yaxis.range) == (-0.5, 1.5)
    assert tuple(fig.layout.xaxis.range) == (-0.5, 1.5)                      # Y holds no status, keeps its column
    later = fig.frames[1]
    member = next(i for i, t in enumerate(fig.data) if t.name == STATUS_LABELS["member"])
    assert list(later.data[member].y or []) == []                  # Aland holds no status in the second frame
    observer = next(t for t in fig.data if t.name == STATUS_LABELS["observer"])
    assert "observer in %{x}" in observer.hovertemplate
    absent = next(t for t in fig.data if t.name == "not taking part")
    assert list(absent.y) == ["Aland"] and absent.marker.symbol == "square-open"
    assert PARTICIPATION_LABELS["frozen"] in str(fig.data[member].customdata)


def _events():
    return pd.DataFrame({"event_id": ["a", "b", "c"], "name": ["Drill (first)", "Summit", "Attack across the river"],
                         "country": ["TJK", "TJK", "TJK"], "kind": ["exercise", "summit", "attack"],
                         "location": ["Range", "Dushanbe", "Khatlon"], "participants": ["RUS;TJK", "CSTO", ""],
                         "start": [TS("2021-10-18"), TS("2021-09-16"), TS("2024-11-18")],
                         "last_day": [TS("2021-10-23"), pd.NaT, pd.NaT],
                         "thread": ["border-help", "csto", "attacks"], "headline": ["Drills held", "", "An attack"]})


def test_event_rows_mark_each_kind_with_its_symbol_the_key_in_the_accent_and_the_day_counted():
    events = _events().iloc[:2]
    fig = event_rows(events, key=["a"], mark="2021-09-16", mark_label="the summit", span_to="2021-10-18")
    markers = {t.name: t for t in fig.data if t.mode == "markers"}
    assert {n: t.marker.symbol for n, t in markers.items()} == {
        EVENT_STYLE["exercise"]["label"]: EVENT_STYLE["exercise"]["symbol"],
        EVENT_STYLE["summit"]["label"]: EVENT_STYLE["summit"]["symbol"]}
    assert list(markers[EVENT_STYLE["exercise"]["label"]].marker.color) == [ACCENT]
    assert "32 days" in [a.text for a in fig.layout.annotations]
    assert "the summit" in [a.text for a in fig.layout.annotations]
    assert "Drill" in list(fig.layout.yaxis.categoryarray)          # the name without its aside
    slim = fig.layout.meta["narrow"]["figure"]
    assert slim["layout"]["yaxis"]["tickfont"]["size"] < fig.layout.yaxis.tickfont.size
    assert len(slim["data"]) == len(fig.data)                        # the phone's figure draws the same events


def test_event_lanes_put_each_strand_in_its_column_and_label_the_headlined_events_on_top():
    lanes = {"border-help": "Help", "csto": "The CSTO", "attacks": "Attacks"}
    fig = event_lanes(_events(), lanes, headlines={"a": "Drills held", "c": "An attack"}, mark="2021-09-16",
                      mark_label="the summit", until="2026-01-01")
    assert list(fig.layout.xaxis.categoryarray) == ["Help", "The CSTO", "Attacks"]
    accent = [t for t in fig.data if t.marker.color == ACCENT]
    grey = [t for t in fig.data if t.marker.color == GREYS["mid"]]
    assert {x for t in accent for x in t.x} == {"Help", "Attacks"} and {x for t in grey for x in t.x} == {"The CSTO"}
    assert fig.data.index(accent[0]) > fig.data.index(grey[-1])     # labelled events drawn last, on top
    assert all(t.showlegend is False for t in accent)                # the grey traces carry the legend
    assert {t.name for t in grey} == {EVENT_STYLE[k]["label"] for k in ("exercise", "summit", "attack")}
    labels = {a.text: a for a in fig.layout.annotations if a.text in ("Drills held", "An attack")}
    assert set(labels) == {"Drills held", "An attack"} and labels["Drills held"].y < labels["An attack"].y
    assert all(a.xref == "paper" and a.x > fig.layout.xaxis.domain[1] for a in labels.values())   # right of the lanes
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]    # time runs down the page
    assert "narrow" in fig.layout.meta and fig.layout.meta["narrow"]["figure"]["layout"]["height"] > 0


def test_border_map_styles_countries_and_borders_by_code():
    from dushanbe.blocs import bloc_map_layers
    from dushanbe.data import load_tables
    from dushanbe.geometry import load_topology

    t = load_tables()
    topo = load_topology("ne_50m_region")
    countries, lines, _ = bloc_map_layers(topo, t["memberships"], t["borders"], "AFG", "2021-09-16",
                                          ["AFG", "TJK", "UZB", "TKM", "IRN", "PAK", "CHN"])
    fig = border_map(topo, countries, lines)
    uzb = countries.set_index("iso3").loc["UZB"]
    fill = next(t for t in fig.data if t.name == uzb["category"])
    assert uzb["category_code"] == "suspended|member"
    assert fill.fillpattern.shape == profile_style("suspended|member")["pattern"]
    for code in lines["class"].unique():
        label = lines.loc[lines["class"] == code, "label"].iloc[0]
        line = next(t for t in fig.data if t.name == label and t.mode == "lines" and not t.fill)
        assert line.line.dash == BORDER_STYLE[code]["dash"]
    assert set(lines["class"]) == {"csto_member", "sco_member", "sco_observer", "neither"}
    # Afghanistan, drawn white, shares its category with Iran: the legend's swatch is Iran's fill
    focused = border_map(topo, countries, lines, focus="AFG")
    swatch = next(t for t in focused.data if t.fill and t.showlegend is not False
                  and t.name == countries.set_index("iso3").loc["AFG", "category"])
    assert swatch.fillcolor != "#ffffff"


def test_gap_bars_run_from_the_reference_and_say_same_for_no_gap():
    gaps = pd.DataFrame({"neighbour": ["TJK", "TJK", "UZB"], "border": ["T–A", "T–A", "U–A"],
                         "source": ["article", "government", "article"], "length_km": [1344.0, 1344.15, 144.0],
                         "reference_km": [1357.0, 1357.0, 144.0], "gap_km": [-13.0, -12.85, 0.0],
                         "gap_share": [-0.0096, -0.0095, 0.0], "source_id": ["a", "b", "a"]})
    fig = gap_figure(gaps, "the Factbook")
    assert [t.name for t in fig.data] == ["article", "government"]
    assert len({t.marker.pattern.shape for t in fig.data}) == 2 and len({t.marker.color for t in fig.data}) == 2
    texts = [a.text for a in fig.layout.annotations]
    assert "−13 km: 1,344 km" in texts and "no gap: 144 km" in texts
    assert "−12.85 km: 1,344.15 km" in texts                       # a figure given to the metre stays so
    low, high = fig.layout.xaxis.range
    assert low < -13 < 0 < high and low == -high                 # zero in the middle, every gap inside


def test_status_stack_counts_each_status_with_its_hatching():
    counts = pd.DataFrame({"date": ["2001-01-01", "2001-01-01", "2021-01-01"],
                           "status": ["member", "observer", "member"], "ties": [3, 1, 5],
                           "states": ["A (X);B (X);C (X)", "D (X)", "A (X);B (X);C (X);D (X);E (X)"]})
    fig = status_stack_figure(counts, labels={"2001-01-01": "2001", "2021-01-01": "2021"},
                              totals={"2001-01-01": "4 ties", "2021-01-01": "5 ties"})
    assert [t.name for t in fig.data] == [STATUS_LABELS["member"], STATUS_LABELS["observer"]]
    assert [t.marker.pattern.shape for t in fig.data] == [STATUS_STYLE[s]["pattern"] for s in ("member", "observer")]
    assert [a.text for a in fig.layout.annotations] == ["4 ties", "5 ties"]
    assert list(fig.layout.yaxis.categoryarray) == ["2021", "2001"]    # earliest at the top
    counts = pd.DataFrame({"verdict": ["supported", "supported"], "decided": ["computed", "read"], "claims": [3, 4]})
    fig = verdict_figure(counts)
    assert len({t.marker.pattern.shape for t in fig.data}) == 2


def test_membership_panels_give_each_organisation_its_own_rows():
    spans = pd.DataFrame({"org_id": ["CIS", "EAEU", "EAEU"], "state": ["A", "A", "B"],
                          "status": ["member", "observer", "member"],
                          "start": [TS("1991-12-21"), TS("2020-12-11"), TS("2015-01-01")],
                          "end": [pd.NaT, pd.NaT, pd.NaT]})
    fig = membership_panels(spans, {"CIS": "Commonwealth (CIS)", "EAEU": "Union (EAEU)"}, until="2026-01-01")
    assert [a.text for a in fig.layout.annotations] == ["Commonwealth (CIS)", "Union (EAEU)"]
    assert list(fig.layout.yaxis.categoryarray) == ["A"] and list(fig.layout.yaxis2.categoryarray) == ["A", "B"]
    assert sum(t.showlegend is not False for t in fig.data) == 2     # one legend entry per status


def test_dumbbell_spans_the_values_not_zero_and_marks_both_ends_differently():
    from dushanbe.figures import dumbbell_figure

    table = pd.DataFrame({"border": ["A", "B"], "coarse": [0.80, 0.85], "fine": [0.90, 0.93]})
    fig = dumbbell_figure(table, "border", "coarse", "fine", "1:50m", "1:10m", reference=1.0)
    ends = [t for t in fig.data if t.mode == "markers"]
    assert [t.name for t in ends] == ["1:50m", "1:10m"]
    assert ends[0].marker.symbol != ends[1].marker.symbol and ends[0].marker.color != ends[1].marker.color
    assert fig.layout.xaxis.range[0] > 0.7 and fig.layout.xaxis.range[1] >= 1.0
