"""publish(): the files a chart gets, and the block a page shows — escaped, complete, citable."""
from __future__ import annotations

import json

import pandas as pd
import plotly.graph_objects as go
import pytest

from dushanbe.publish import FigureSpec
from dushanbe.publish import FILE_KINDS, cite_texts, publish

EVIL = '<script>window.__pwned = 1</script>'


def _spec(**kw):
    base = dict(
        id="fig-test-chart", title="A test chart", caption=f"Caption {EVIL}",
        description="Two bars.", source_ids=["cia_wfb_afg_tjk"],
        data=pd.DataFrame({"border": ["a", "b"], "length_km": [1.0, 2.0],
                           "note": [EVIL, "plain"], "source_id": ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"],
                           "when": pd.to_datetime(["2021-09-16", "2021-09-17"])}),
        width=400, height=300)
    base.update(kw)
    return FigureSpec(**base)


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("DUSHANBE_FIGURE_STORE", str(tmp_path))
    return tmp_path


def test_files_and_metadata(store):
    publish(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), _spec(), images=False)
    for kind, (suffix, _) in FILE_KINDS.items():
        if kind not in ("png", "svg", "html"):
            assert (store / f"fig-test-chart{suffix}").stat().st_size > 0, kind
    data = pd.read_csv(store / "fig-test-chart.csv")
    assert data["when"].tolist() == ["2021-09-16", "2021-09-17"]
    sources = pd.read_csv(store / "fig-test-chart.sources.csv")
    # sources named by the spec and by the data rows, in that order
    assert sources["source_id"].tolist() == ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"]
    meta = json.loads((store / "fig-test-chart.meta.json").read_text())
    assert meta["source_ids"] == ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"]
    assert meta["files"]["png"] == "fig-test-chart.png"
    fig = json.loads((store / "fig-test-chart.json").read_text())
    assert fig["data"][0]["type"] == "bar"


def test_images_are_written(store):
    publish(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), _spec(), images=True)
    assert (store / "fig-test-chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (store / "fig-test-chart.svg").read_bytes()[:400]


def test_block_escapes_text_and_has_every_part(store):
    markup = publish(go.Figure(go.Bar(x=[1], y=[1])), _spec(), images=False).data
    assert EVIL not in markup
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in markup
    for part in ('id="fig-test-chart"', 'data-dushanbe-figure="fig-test-chart"', 'id="fig-test-chart-plot"',
                 "Figure %%FIGNUM:fig-test-chart%%", "What the chart shows</strong> (the chart in words)", "Cite this chart",
                 "@misc{dushanbe:fig-test-chart", "Licence:", "%%ROOT%%figures/fig-test-chart.png",
                 "%%ROOT%%figures/fig-test-chart.svg", "%%ROOT%%figures/fig-test-chart.csv",
                 "%%ROOT%%figures/fig-test-chart.html", "Data table"):
        assert part in markup, part
    # plotly.js is never inlined, and MathJax is never requested
    assert "cdn.plot.ly" not in markup and "mathjax" not in markup.lower()
    assert len(markup) < 50_000


def test_spec_rejects_bad_ids_and_empty_words():
    with pytest.raises(ValueError, match="must look like"):
        _spec(id="Fig 1")
    with pytest.raises(ValueError, match="need a source_id column"):
        _spec(data=pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="names no source"):
        _spec(source_ids=[], data=pd.DataFrame({"x": [1], "source_id": [""]}))
    assert _spec(source_ids=[]).source_ids == ["cia_wfb_afg_tjk", "trt_2021_csto_dushanbe"]
    with pytest.raises(ValueError, match="empty description"):
        _spec(description=" ")


def test_traces_outside_the_bundle_are_refused(store):
    with pytest.raises(ValueError, match=r"uses \['choropleth'\]"):
        publish(go.Figure(go.Choropleth(locations=["AFG"], z=[1])), _spec(), images=False)


def test_unknown_source_fails(store):
    with pytest.raises(KeyError, match="nowhere"):
        publish(go.Figure(), _spec(source_ids=["nowhere"]), images=False)


def test_cite_texts():
    meta = {"author": "The team", "title": "The book", "version": "1.2.3", "data_version": "abc"}
    c = cite_texts(_spec(), meta, "4", "https://example.test/p.html#fig-test-chart", "2026-11-25")
    assert c["short"] == "The team (2026), Figure 4"
    assert c["full"].endswith("Retrieved 2026-11-25 from https://example.test/p.html#fig-test-chart")
    assert "version 1.2.3, data version abc" in c["full"]
    assert c["bibtex"].startswith("@misc{dushanbe:fig-test-chart,")
    assert c["bibtex"].count("{") == c["bibtex"].count("}")


def test_standalone_chart_keeps_data_text_inside_its_script():
    from dushanbe.bookext.registry import _standalone_html

    record = {"id": "fig-x", "title": EVIL, "subtitle": EVIL, "caption": EVIL, "description": EVIL,
              "source_ids": ["s"], "height": 300, "config": {},
              "files": {kind: f"fig-x{suffix}" for kind, (suffix, _) in FILE_KINDS.items()}}
    fig_json = json.dumps({"data": [{"type": "bar", "hovertext": [EVIL]}], "layout": {}})
    meta = {"title": "Book", "version": "1", "data_version": "abc", "baseurl": ""}
    sources = [{"publisher": EVIL, "title": EVIL, "url": "https://example.org/", "published": "",
                "accessed": "2026-11-27", "source_id": "s"}]
    page = _standalone_html(record, fig_json, "var Plotly = {};", 1, "p.html#fig-x", meta, sources,
                            "var DushanbeCharts;")
    # plotly.js, the book's chart helpers and the drawing script: nothing from the data or sources
    assert page.count("</script>") == 3
    assert EVIL not in page
    # the standalone page keeps the chart's downloads and link-preview tags
    assert 'href="fig-x.csv" download' in page and 'href="fig-x.png" download' in page
    assert '<meta property="og:image" content="fig-x.png">' in page


def test_a_long_text_alternative_folds_and_a_short_one_stays_open(store):
    short = publish(go.Figure(go.Bar(x=[1], y=[1])), _spec(), images=False).data
    long = publish(go.Figure(go.Bar(x=[1], y=[1])), _spec(description="A state. " * 60), images=False).data
    assert '<details class="dushanbe-description-fold" open>' in short
    assert '<details class="dushanbe-description-fold">' in long and 'id="fig-test-chart-desc"' in long
