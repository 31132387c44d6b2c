"""The chart builders, on small inputs: which traces they draw, under which names, and the dash,
symbol or hatching each status or kind gets — the promise that nothing is told by colour alone."""
from __future__ import annotations

import networkx as nx
import pandas as pd
import plotly.io as pio

from dushanbe.figures import (border_map, event_timeline, gap_figure, membership_panels, membership_timeline,
                              network_figure, status_matrix, status_stack_figure, verdict_figure)
from dushanbe.memberships import STATUS_LABELS
from dushanbe.style import BORDER_STYLE, EVENT_STYLE, STATUS_STYLE, TEMPLATE, profile_style

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
    lines = {t.name: t for t in fig.data if t.mode == "lines"}
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


def test_status_grid_gives_each_status_its_symbol_and_a_frame_per_date():
    rows = pd.DataFrame({"iso3": ["AAA", "BBB"], "state": ["Aland", "Bland"], "org_id": ["X", "X"],
                         "status": ["member", "frozen"]})
    fig = status_matrix({"2020-01-01": rows, "2021-01-01": rows.iloc[:1]}, active="2020-01-01",
                        orgs=["X"], states=[("AAA", "Aland"), ("BBB", "Bland")])
    symbols = {t.name: t.marker.symbol for t in fig.data}
    assert symbols[STATUS_LABELS["member"]] == STATUS_STYLE["member"]["symbol"]
    assert symbols[STATUS_LABELS["frozen"]] == STATUS_STYLE["frozen"]["symbol"]
    assert [f.name for f in fig.frames] == ["2020-01-01", "2021-01-01"]


def test_event_timeline_marks_each_kind_with_its_symbol_and_the_reference_day():
    events = pd.DataFrame({"event_id": ["a", "b"], "name": ["Drill", "Summit"], "country": ["TJK", "TJK"],
                           "kind": ["exercise", "summit"], "location": ["Range", "Dushanbe"],
                           "participants": ["RUS;TJK", "CSTO"], "start": [TS("2021-10-18"), TS("2021-09-16")],
                           "last_day": [TS("2021-10-23"), pd.NaT]})
    fig = event_timeline(events, mark="2021-09-17", mark_label="the article")
    markers = {t.name: t.marker.symbol for t in fig.data if t.mode == "markers"}
    assert markers == {EVENT_STYLE["exercise"]["label"]: EVENT_STYLE["exercise"]["symbol"],
                       EVENT_STYLE["summit"]["label"]: EVENT_STYLE["summit"]["symbol"]}
    assert fig.layout.shapes[0].x0 == TS("2021-09-17")
    assert fig.layout.annotations[0].text == "the article"


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
