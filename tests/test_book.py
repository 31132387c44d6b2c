"""The built book, as a reader's browser sees it (Playwright + Debian Chromium, served on loopback).

Needs `_build/html` (``make test`` builds it first).
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from dushanbe.words import long_date

pytestmark = pytest.mark.book

PLOT_TRACES = ".scatterlayer .trace, .barlayer .trace"
ROOT = Path(__file__).resolve().parents[1]


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("figures/", "_static/", "reports/")))


def _registry(site: Path) -> dict:
    return json.loads((site / "figures" / "registry.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def visits(site, server, browser):
    """Load every page once; record console errors, failed and off-machine requests."""
    results = {}
    host = urlparse(server).netloc
    for rel in _pages(site):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        record = {"console": [], "offsite": [], "failed": []}

        def route(r, record=record):
            if urlparse(r.request.url).netloc == host or r.request.url.startswith(("data:", "blob:")):
                r.continue_()
            else:
                record["offsite"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m, record=record: m.type == "error" and record["console"].append(m.text))
        page.on("pageerror", lambda e, record=record: record["console"].append(str(e)))
        page.on("response", lambda r, record=record: r.status >= 400 and record["failed"].append(f"{r.status} {r.url}"))
        page.goto(server + rel, wait_until="networkidle")
        page.mouse.move(10, 10)          # a reader's first move wakes the interactive charts
        for fig in page.locator("[data-dushanbe-figure]").all():  # charts draw as they scroll into view
            page.locator(f"#{fig.get_attribute('id')}-plot").scroll_into_view_if_needed()
            page.wait_for_selector(f"#{fig.get_attribute('id')} .main-svg", timeout=15_000)
        if page.locator(".dushanbe-cite [data-permalink]").count():
            # dushanbe.js turns relative permalinks absolute once the page is parsed
            page.wait_for_function("""() => Array.from(document.querySelectorAll('.dushanbe-cite [data-permalink]'))
                                        .every(el => el.getAttribute('data-permalink').startsWith('http'))""",
                                   timeout=10_000)
        record["figures"] = page.eval_on_selector_all(
            "[data-dushanbe-figure]", f"""els => els.map(el => ({{
                id: el.id,
                title: el.querySelector('figcaption').innerText,
                traces: el.querySelectorAll('{PLOT_TRACES}').length,
                svg: el.querySelectorAll('.js-plotly-plot .main-svg').length,
                downloads: Array.from(el.querySelectorAll('a.dushanbe-download')).map(a => a.href),
                cite: el.querySelector('.dushanbe-cite-full').textContent,
            }}))""")
        record["scripts"] = page.eval_on_selector_all("script[src]", "els => els.map(e => e.src)")
        record["today"] = page.evaluate("""() => { const d = new Date();
            return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }""")
        results[rel] = record
        page.close()
    return results


def test_every_page_loads_without_errors(visits):
    assert len(visits) >= 7
    for rel, record in visits.items():
        assert record["console"] == [], (rel, record["console"])
        assert record["failed"] == [], (rel, record["failed"])


def test_no_request_leaves_the_machine(visits):
    for rel, record in visits.items():
        assert record["offsite"] == [], (rel, record["offsite"])


def test_every_chart_draws(visits, site):
    drawn = {f["id"]: f for r in visits.values() for f in r["figures"]}
    assert set(drawn) == {f["id"] for f in _registry(site)["figures"]}
    for fid, fig in drawn.items():
        assert fig["svg"] >= 1, fid
        assert fig["traces"] >= 1, fid


def test_plotly_js_is_local_and_loaded_once_per_chart_page(visits, site):
    bundles = list((site / "_static").glob("plotly-*.min.js"))
    assert len(bundles) == 1 and bundles[0].stat().st_size > 1_000_000
    assert bundles[0].read_bytes()[:200].count(b"plotly.js (basic - minified) v") == 1
    for rel, record in visits.items():
        plotly = [s for s in record["scripts"] if "plotly" in s]
        assert len(plotly) == (1 if record["figures"] else 0), (rel, plotly)
    for page in site.rglob("*.html"):
        if page.parent.name == "figures":
            continue  # standalone charts inline plotly.js on purpose
        text = page.read_text(encoding="utf-8")
        assert not re.search(r'<(script|link)[^>]+(src|href)="(https?:)?//', text), page
        assert page.stat().st_size < 1_500_000, page


def test_downloads_resolve_to_real_files(visits):
    seen = 0
    for record in visits.values():
        for fig in record["figures"]:
            assert len(fig["downloads"]) == 9
            for url in fig["downloads"]:
                with urllib.request.urlopen(url) as response:
                    body = response.read()
                assert response.status == 200 and len(body) > 50, url
                if url.endswith(".png"):
                    assert body[:4] == b"\x89PNG"
                elif url.endswith(".svg"):
                    assert b"<svg" in body[:500]
                elif url.endswith(".csv"):
                    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
                    assert rows and "source_id" in rows[0], url
                elif url.endswith((".json", ".csl.json")):
                    json.loads(body)
                elif url.endswith(".ris"):
                    import rispy
                    assert rispy.loads(body.decode("utf-8"))[0]["urls"], url
                elif url.endswith(".bib"):
                    import bibtexparser
                    assert bibtexparser.loads(body.decode("utf-8")).entries[0]["url"], url
                seen += 1
    assert seen == 9 * len({f["id"] for r in visits.values() for f in r["figures"]}) >= 9 * 14


def test_registry_matches_pages(visits, site, server):
    registry = _registry(site)
    figures = registry["figures"]
    # numbered by chapter ("3.2": the second figure of chapter 3), in the order of the book
    numbers = [tuple(int(n) for n in f["number"].split(".")) for f in figures]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    for chapter in {n[0] for n in numbers}:
        assert [n[1] for n in numbers if n[0] == chapter] == list(range(1, sum(n[0] == chapter for n in numbers) + 1))
    on_pages = {f["id"]: (rel, f) for rel, r in visits.items() for f in r["figures"]}
    for entry in figures:
        rel, shown = on_pages[entry["id"]]
        assert rel == entry["page"]
        assert shown["title"].startswith(f"Figure {entry['number']} {entry['title']}"), shown["title"]
        assert entry["permalink"].endswith(f"{entry['page']}#{entry['id']}")
        assert f"Figure {entry['number']}: {entry['title']}" in shown["cite"]
        assert re.match(r"The Dushanbe book team \(\d{4}\)\. ", shown["cite"]), shown["cite"]
        # the cite text names a URL that opens this chart: the configured base URL when the book
        # has one (html.baseurl), else the address it is served at
        expected = (entry["permalink"] if entry["permalink"].startswith("http")
                    else urljoin(server, entry["page"]) + "#" + entry["id"])
        assert expected in shown["cite"]
        assert f"Retrieved {long_date(visits[rel]['today'])} from" in shown["cite"]  # the reader's day
        for path in entry["files"].values():
            assert (site / path.split("#")[0]).is_file(), path
        assert entry["files"]["interactive"] == f"figures/all-charts.interactive.html#{entry['id']}"
        assert entry["source_ids"]


def test_prose_refers_to_a_chart_by_its_sphinx_number(site):
    """A ``{numref}`` in a chapter's prose prints the chart's number and links to its anchor."""
    entry = next(f for f in _registry(site)["figures"] if f["id"] == "fig-events-2021")
    page = (site / entry["page"]).read_text(encoding="utf-8")
    link = re.search(r'<a class="reference internal" href="#fig-events-2021"><span class="std std-numref">'
                     r'(Figure [0-9.]+)</span></a>', page)
    assert link and link.group(1) == f"Figure {entry['number']}"


def test_list_of_figures_links_every_chart(site, server, browser):
    page = browser.new_page()
    page.goto(server + "book/figures.html")
    links = page.eval_on_selector_all(".dushanbe-figure-list a", "els => els.map(a => [a.innerText, a.href])")
    registry = _registry(site)["figures"]
    assert [t.split("\n")[0] for t, _ in links] == [f"Figure {f['number']}. {f['title']}" for f in registry]
    for (_, href), entry in zip(links, registry):
        assert href == urljoin(server, entry["page"]) + "#" + entry["id"]
        page.goto(href)
        assert page.locator(f"#{entry['id']}").is_visible()
    page.close()


def test_standalone_chart_draws_alone(site, browser, tmp_path):
    """The file of every chart, interactive, works alone: copied anywhere, opened at a chart's
    anchor, it draws that chart (and the others as they come into view) with nothing beside it."""
    registry = _registry(site)["figures"]
    entry = registry[-1]
    copy = tmp_path / "charts.html"
    copy.write_bytes((site / entry["files"]["interactive"].split("#")[0]).read_bytes())  # alone, no other files
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(copy.as_uri() + "#" + entry["id"])
    page.wait_for_selector(f"#{entry['id']}-plot .main-svg")
    assert page.locator(f"#{entry['id']} {PLOT_TRACES}").count() >= 1
    assert page.locator("section.dushanbe-embed-page").count() == len(registry)
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    page.close()


def test_script_in_data_shows_as_text(browser, site, tmp_path):
    """Text from data that reaches HTML is escaped: a <script> in a note runs nothing."""
    import pandas as pd
    import plotly.graph_objects as go

    from dushanbe.bookext.html import Place, chart_html
    from dushanbe.charts import ChartRecord, publish
    from dushanbe.cite import citation
    from dushanbe.data import load_tables

    evil = "<script>window.__pwned = true</script><img src=x onerror='window.__pwned=true'>"
    record = ChartRecord(id="fig-evil", title=f"Title {evil}", caption=evil, description=evil,
                         source_ids=("cia_wfb_afg_tjk",),
                         data=pd.DataFrame({"note": [evil], "source_id": ["cia_wfb_afg_tjk"]}))
    chart = publish(go.Figure(go.Bar(x=[1], y=[1])), record, load_tables()["sources"])
    place = Place(number="1.1", permalink="page.html#fig-evil", figures="", built="2026-12-01",
                  book={"title": "B", "author": "A", "version": "1", "data_version": "d", "plotly": ""})
    cite = citation(key="k", kind="figure", title="Figure 1.1", author="A", book="B", version="1", data_version="d",
                    url="page.html#fig-evil", built="2026-12-01")
    block = (f'<figure class="dushanbe-figure" data-dushanbe-figure="fig-evil" id="fig-evil">'
             f"{chart_html(chart.record, chart.figure, cite, place)}</figure>")
    plotly_js = next((site / "_static").glob("plotly-*.min.js")).read_text(encoding="utf-8")
    helper = (site / "_static" / "dushanbe.js").read_text(encoding="utf-8")
    (tmp_path / "page.html").write_text(
        f"<!DOCTYPE html><html><head><script>{plotly_js}</script></head><body>{block}"
        f"<script>{helper}</script></body></html>", encoding="utf-8")
    page = browser.new_page()
    page.goto((tmp_path / "page.html").as_uri())
    page.mouse.move(10, 10)
    page.wait_for_selector("#fig-evil .main-svg")
    assert page.evaluate("window.__pwned === undefined")
    assert evil in page.locator("#fig-evil .dushanbe-caption").inner_text()
    page.locator("#fig-evil details.dushanbe-data summary").click()
    assert evil in page.locator("#fig-evil .dushanbe-table").inner_text()
    page.close()


def test_the_data_package_is_published_whole_and_validates_where_it_is_published(site):
    """A reader can download every table and check it: the published copy is the repository's,
    byte for byte, and the same Frictionless validation passes on it."""
    from dushanbe.data import load_tables

    descriptor = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    names = [r["path"] for r in descriptor["resources"]] + ["datapackage.json", "checklist.yaml"]
    for name in names:
        assert (site / "data" / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name
    geometry = [f"geometry/{p.name}" for p in (ROOT / "data" / "geometry").iterdir()]
    for name in geometry:
        assert (site / "data" / name).read_bytes() == (ROOT / "data" / name).read_bytes(), name
    published = sorted(p.relative_to(site / "data").as_posix() for p in (site / "data").rglob("*") if p.is_file())
    assert published == sorted(names + geometry)
    assert set(load_tables(site / "data")) == {r["name"] for r in descriptor["resources"]}


def test_footer_names_data_version(site):
    from dushanbe.data import data_version

    text = (site / "book" / "index.html").read_text(encoding="utf-8")
    assert f"data version <code>{data_version()}</code>" in text


def test_provenance_is_one_set_per_chart(site):
    """For every chart: the registry, the sources CSV, the sources line and the BibTeX note on
    its page, and its standalone page name the same source ids."""
    import html as _html

    for fig in _registry(site)["figures"]:
        registry = fig["source_ids"]
        with open(site / fig["files"]["sources"], encoding="utf-8") as fh:
            in_csv = [r["source_id"] for r in csv.DictReader(fh)]
        page = (site / fig["page"]).read_text(encoding="utf-8")
        block = page[page.index(f'id="{fig["id"]}"'):]
        block = block[:block.index("</figure>")]
        line = re.search(r'<details class="dushanbe-sources-list">(.*?)</details>', block, re.S).group(1)
        in_line = re.findall(r'data-source-id="([a-z0-9_]+)"', line)
        bibtex = _html.unescape(re.search(r'<pre class="dushanbe-bibtex[^"]*"[^>]*>(.*?)</pre>', block, re.S).group(1))
        in_bibtex = re.search(r"note\s+= \{Sources: (.*?)\}", bibtex).group(1).split("; ")
        in_standalone = []
        every = (site / fig["files"]["interactive"].split("#")[0]).read_text(encoding="utf-8")
        section = every[every.index(f'id="{fig["id"]}">'):]
        for standalone in ((site / fig["files"]["embed"]).read_text(encoding="utf-8"), section):
            listed = re.search(r'<ul class="dushanbe-source-list">(.*?)</ul>', standalone, re.S).group(1)
            in_standalone.append(re.findall(r'data-source-id="([a-z0-9_]+)"', listed))
        ris = re.search(r"N1  - Sources: (.*)", (site / fig["files"]["ris"]).read_text(encoding="utf-8")).group(1)
        csl = json.loads((site / fig["files"]["csl"]).read_text(encoding="utf-8"))[0]["note"]
        assert registry == in_csv == in_line == in_bibtex == in_standalone[0] == in_standalone[1], fig["id"]
        assert ris.split("; ") == registry and csl == f"Sources: {'; '.join(registry)}", fig["id"]


def test_every_chapter_offers_its_executed_notebook(site):
    """Each notebook chapter links "Download this notebook (.ipynb)" to a valid notebook, the
    chapter's own, with its outputs."""
    import nbformat

    chapters = sorted((site / "notebooks").glob("*.html"))
    assert len(chapters) >= 6
    for page in chapters:
        html_text = page.read_text(encoding="utf-8")
        link = re.search(r'<a class="dushanbe-ipynb" href="([^"]+)" download>Download the notebook \(.ipynb\)</a>',
                         html_text)
        assert link, f"{page.name}: no notebook download"
        target = (page.parent / link.group(1)).resolve()
        assert target.name == page.stem + ".ipynb" and target.is_file(), target
        notebook = nbformat.read(target, as_version=4)
        nbformat.validate(notebook)
        outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        assert outputs, f"{target.name} has no outputs"
        assert not [o for o in outputs if o.get("output_type") == "error"], target.name
        assert "%%" not in target.read_text(encoding="utf-8"), target.name          # no placeholder
        charts = [o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
        assert page.stem == "data" or charts, f"{target.name}: no chart as a plotly figure"
        assert (page.parent / f"{page.stem}.md").read_bytes() == (ROOT / "notebooks" / f"{page.stem}.md").read_bytes()


def test_no_launch_button_while_no_repository_is_configured(site):
    """Binder, Colab and JupyterHub buttons would send the reader off the machine; Jupyter Book
    draws them only when `repository.url` is set in _config.yml, and it is empty."""
    import yaml

    config = yaml.safe_load((Path(__file__).resolve().parents[1] / "_config.yml").read_text(encoding="utf-8"))
    assert not (config.get("repository") or {}).get("url")
    for page in _pages(site):
        text = (site / page).read_text(encoding="utf-8")
        for marker in ("mybinder.org", "colab.research.google.com", "launch-buttons", "binderhub"):
            assert marker not in text, f"{page}: {marker}"


def _jsonld(page: Path) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    return [json.loads(b) for b in blocks]


def test_claim_verdicts_are_published_as_claimreview(site):
    """The claims page carries one schema.org ClaimReview per claim, with the properties that
    fact-check readers require: claimReviewed, reviewRating (with its word), url, author, and
    the claim's appearance in the article."""
    import pandas as pd

    from dushanbe.claims import VERDICTS
    claims = pd.read_csv(Path(__file__).resolve().parents[1] / "data" / "claims.csv")
    reviews = [r for r in _jsonld(site / "notebooks" / "claims.html") if r.get("@type") == "ClaimReview"]
    assert len(reviews) == len(claims)
    for review in reviews:
        assert review["@context"] == "https://schema.org"
        assert review["claimReviewed"] and review["author"]["name"]
        assert re.search(r"#claim-c\d\d$", review["url"])
        rating = review["reviewRating"]
        assert rating["alternateName"] in VERDICTS and rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        appearance = review["itemReviewed"]["appearance"]
        assert appearance["url"].startswith("https://www.trtworld.com/") and appearance["datePublished"] == "2021-09-17"
        assert review["itemReviewed"]["author"]["name"] == "TRT World"


def test_data_package_is_published_as_a_dataset(site):
    descriptor = json.loads((Path(__file__).resolve().parents[1] / "data" / "datapackage.json").read_text(encoding="utf-8"))
    found = [d for d in _jsonld(site / "notebooks" / "data.html") if d.get("@type") == "Dataset"]
    assert len(found) == 1
    ds = found[0]
    for prop in ("name", "description", "license", "creator", "distribution", "version", "dateModified"):
        assert ds[prop], prop
    urls = {d["contentUrl"] for d in ds["distribution"]}
    for resource in descriptor["resources"]:
        url = next(u for u in urls if u.endswith("/" + resource["path"]))
        assert (site / "notebooks" / url).resolve().is_file(), url
    assert all(u.startswith(("https://", "http://")) for u in ds["isBasedOn"])


def test_every_chart_page_has_link_previews_and_embed_code(site):
    registry = _registry(site)["figures"]
    for page in sorted({f["page"] for f in registry}):
        text = (site / page).read_text(encoding="utf-8")
        image = re.search(r'<meta property="og:image" content="([^"]+)"', text)
        assert image and image.group(1).endswith(".png"), page
        assert (site / page).parent.joinpath(image.group(1)).resolve().is_file(), image.group(1)
        for prop in ('property="og:title"', 'property="og:description"', 'name="twitter:card"'):
            assert prop in text, (page, prop)
    for fig in registry:
        page = (site / fig["page"]).read_text(encoding="utf-8")
        block = page[page.index(f'id="{fig["id"]}"'):]
        embed = re.search(r'<pre class="dushanbe-embed[^"]*"[^>]*>(.*?)</pre>', block[:block.index("</figure>")], re.S)
        assert embed and "&lt;iframe" in embed.group(1) and f'figures/{fig["id"]}.html' in embed.group(1)
        standalone = (site / fig["files"]["embed"]).read_text(encoding="utf-8")
        assert '<meta property="og:image"' in standalone and 'download>Data (CSV)</a>' in standalone


def test_exported_images_carry_title_source_and_address(site):
    """A PNG or SVG pasted into a slide keeps the chart's title, a source line, the licence and
    the chart's address."""
    for fig in _registry(site)["figures"]:
        svg = (site / fig["files"]["svg"]).read_text(encoding="utf-8")
        text = re.sub(r"\s+", " ", " ".join(re.findall(r">([^<>]+)<", svg)))
        import html as _html
        text = _html.unescape(text)
        assert fig["title"].split()[0] in text and fig["title"].split()[-1].rstrip(".") in text, fig["id"]
        assert "Source:" in text and "CC BY 4.0" in text, fig["id"]
        assert f'{fig["page"]}#{fig["id"]}' in text, fig["id"]
        assert f"Figure {fig['number']}." in text and "Project name" not in text, fig["id"]


def test_a_chart_page_paints_static_images_first_and_draws_on_the_first_move(site, server, browser):
    """Before the reader does anything, each chart shows its static image at its final size and
    plotly.js is not even fetched; the first move brings the interactive charts in their place."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(server + "notebooks/claims.html", wait_until="networkidle")
    plot = page.locator("#fig-claims-verdicts-plot")
    image = plot.locator("img.dushanbe-static")
    assert image.count() == 1 and plot.locator(".main-svg").count() == 0
    size = image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().height]")
    assert size[0] > 0 and abs(size[1] - plot.bounding_box()["height"]) < 2
    assert not [u for u in fetched if "plotly-basic" in u]
    page.mouse.move(20, 20)
    page.wait_for_selector("#fig-claims-verdicts-plot .main-svg", timeout=15_000)
    assert plot.locator("img.dushanbe-static").count() == 0
    assert [u for u in fetched if "plotly-basic" in u]
    page.close()


def test_pages_paint_before_their_scripts_run(site):
    """No page but the search page holds a script in <head> that stops the first paint, or
    fetches the search index it does not use."""
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("_static/", "figures/", "reports/")) or rel in ("index.html", "search.html"):
            continue
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        blocking = [s for s in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", head)
                    if not re.search(r"\b(defer|async)\b|type=\"module\"", s)]
        assert blocking == [], (rel, blocking)
        assert "searchindex.js" not in head, rel


def test_the_icon_font_holds_the_icons_the_pages_show_and_little_else(site):
    from fontTools.ttLib import TTFont

    font = site / "_static" / "vendor" / "fontawesome" / "webfonts" / "fa-solid-900.woff2"
    assert font.stat().st_size < 10_000
    glyphs = set(TTFont(font).getBestCmap())
    # the header's icons: menu, search, full screen, light/dark/auto, contents, back to top
    assert {0xF0C9, 0xF002, 0xF065, 0xF185, 0xF186, 0xF042, 0xF03A, 0xF062} <= glyphs


def test_search_still_finds_pages(server, browser):
    page = browser.new_page()
    page.goto(server + "search.html?q=Tajikistan", wait_until="networkidle")
    page.wait_for_selector("#search-results li", timeout=15_000)
    assert page.locator("#search-results li").count() >= 3
    page.close()


def test_the_pdf_edition_holds_every_chart_is_linked_and_prints_the_same_twice(site, tmp_path):
    """The PDF beside the pages: linked from the front page, every chart's number and title in
    it, the cite text and the references; printed again from the same build, the same bytes."""
    from pypdf import PdfReader

    from dushanbe.pdf import PDF_NAME

    pdf = site / PDF_NAME
    front = (site / "book" / "index.html").read_text(encoding="utf-8")
    assert f'href="../{PDF_NAME}"' in front
    reader = PdfReader(pdf)
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert len(reader.pages) > 30 and reader.metadata.title.startswith("The Dushanbe book")
    for entry in _registry(site)["figures"]:
        assert f"Figure {entry['number']}" in text, entry["id"]
        assert " ".join(entry["title"].split()[:6]) in text, entry["id"]
    assert text.count("Full: The Dushanbe book team (20") >= len(_registry(site)["figures"])   # each chart's cite text
    assert "References" in text
    # in a process of its own: Playwright's sync API refuses the asyncio loop the browser tests run
    again = tmp_path / PDF_NAME
    subprocess.run([sys.executable, "-m", "dushanbe.pdf", "--out", str(again)], cwd=ROOT, check=True)
    assert again.read_bytes() == pdf.read_bytes()
