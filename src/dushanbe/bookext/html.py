"""The HTML of a chart and of its pages, as pure functions of the chart's record and figure.

Everything text comes from data and is escaped here; JSON that sits in a ``<script>`` is written
by :func:`script_json`, so no text can close the element. The Sphinx side
(:mod:`dushanbe.bookext.writers`) only works out the numbers, paths and addresses
(:class:`Place`) and calls these functions.

* :func:`chart_html`: the chart in a chapter (its drawing, caption, text alternative, sources,
  data table, cite block and downloads);
* :func:`lead_html`: the same chart as another page's lead graphic;
* :func:`embed_page`: the chart's own page, to embed (light, it shares the book's scripts);
* :func:`interactive_book`: every chart in one file to download, that works anywhere.
"""
from __future__ import annotations

import copy
import html
import json
import re
from dataclasses import dataclass

import pandas as pd

from ..figures._layout import untitled
from ..markup import script_json
from ..words import long_date

__all__ = ["Place", "FILES", "ALL_CHARTS", "file_name", "LICENCE", "NARROW_MEDIA", "NARROW_WIDTH", "script_json",
           "page_figure", "narrow_figure", "chart_html", "lead_html", "embed_page", "interactive_book",
           "short_sources", "source_items", "citation_meta", "packed_script"]

#: The files each chart gets beside the pages, by kind: (file suffix, label of its download link).
FILES = {
    "csv": (".csv", "Data (CSV)"),
    "sources": (".sources.csv", "Sources (CSV)"),
    "png": (".png", "Image (PNG)"),
    "svg": (".svg", "Image (SVG)"),
    "interactive": ("", "Interactive (HTML, one file of every chart)"),
    "json": (".json", "Figure (plotly JSON)"),
    "bibtex": (".bib", "BibTeX"),
    "ris": (".ris", "RIS"),
    "csl": (".csl.json", "CSL-JSON"),
    "embed": (".html", "Embeddable page"),
    "wide": (".wide.webp", None),
    "narrow": (".narrow.webp", None),
}

LICENCE = ("Chart and data compilation: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); "
           "each source keeps its own terms.")

#: Screens (or frames) narrower than this take a chart's settings for narrow screens; the same
#: query chooses the narrow static image and the narrow height, in ``dushanbe.css`` and
#: ``dushanbe.js`` alike.
NARROW_MEDIA = "(max-width: 639.98px)"

#: The width, in CSS pixels, at which a chart's narrow layout is drawn for its static image.
NARROW_WIDTH = 360

#: The width, in CSS pixels, at which a chart is drawn for the static image a wide screen paints
#: first: about the width of the book's text column (the exports are drawn at the design width).
PAGE_WIDTH = 720

esc = html.escape


@dataclass(frozen=True)
class Place:
    """Where a chart stands in the built book, as one page sees it.

    ``number`` is its figure number ("3.1"); ``permalink`` its permanent address as a link from
    this page, and ``address`` the same as a citation gives it (both absolute when the book has
    a base URL; else relative to the page, and to the site's root); ``figures`` the path from
    the page to the chart files' folder, ``static`` to the book's ``_static`` folder; ``built``
    the build date; ``book`` the book's title, author, version and data version.
    """

    number: str
    permalink: str
    figures: str
    built: str
    book: dict
    static: str = "../_static/"
    address: str = ""

    def __post_init__(self):
        if not self.address:
            object.__setattr__(self, "address", self.permalink)

    @property
    def label(self) -> str:
        """``Figure 3.2``."""
        return f"Figure {self.number}"


# --- The figure as drawn in a page -----------------------------------------------------------

def page_figure(figure: dict) -> dict:
    """Return the figure as a page draws it: without its title and subtitle, which the page
    writes above it in HTML.

    >>> page_figure({"layout": {"title": {"text": "T"}, "height": 300}})
    {'layout': {'height': 300}}
    """
    out = untitled(figure)
    out.pop("config", None)
    return out


def _merge(target: dict, source: dict) -> dict:
    for key, value in source.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = copy.deepcopy(value)
    return target


def narrow_figure(figure: dict, width: int = NARROW_WIDTH) -> tuple[dict, int]:
    """Return the figure as a narrow screen draws it, and its height there: the chart's settings
    for narrow screens (``layout.meta.narrow``) merged in, as ``dushanbe.js`` merges them; a chart
    drawn to scale (a map) keeps its shape, its height following the width.

    >>> fig = {"data": [{"type": "bar"}], "layout": {"height": 600, "meta": {"narrow":
    ...        {"layout": {"height": 420}, "traces": {"0": {"text": ["A"]}}}}}}
    >>> narrow, height = narrow_figure(fig)
    >>> height, narrow["data"][0]["text"], narrow["layout"]["height"]
    (420, ['A'], 420)
    >>> narrow_figure({"layout": {"height": 600, "yaxis": {"scaleanchor": "x"}}})[1]
    320
    """
    out = copy.deepcopy(figure)
    layout = out.setdefault("layout", {})
    settings = (layout.get("meta") or {}).get("narrow") or {}
    if settings.get("figure"):   # a narrow design of its own
        out["data"] = copy.deepcopy(settings["figure"]["data"])
        out["layout"] = copy.deepcopy(settings["figure"]["layout"])
        out["layout"].pop("title", None)
        return out, int(out["layout"].get("height") or 600)
    _merge(layout, settings.get("layout") or {})
    for index, props in (settings.get("traces") or {}).items():
        if int(index) < len(out.get("data", [])):
            _merge(out["data"][int(index)], props)
    height = int(layout.get("height") or 600)
    if not (settings.get("layout") or {}).get("height") and (layout.get("yaxis") or {}).get("scaleanchor"):
        height = max(320, round(height * width / int(layout.get("width") or 900)))
    layout["height"] = height
    return out, height


# --- Pieces of a chart block -----------------------------------------------------------------

def short_sources(sources: list[dict], limit: int = 4) -> str:
    """Return the sources' publishers in short (before any parenthesis), each named once, the
    first ``limit`` of them and the rest counted.

    >>> short_sources([{"publisher": p} for p in ["TASS", "TASS", "RFE/RL (with Interfax)", "A", "B", "C", "D"]])
    'TASS, RFE/RL, A, B and 2 more publishers'
    """
    names = list(dict.fromkeys(s["publisher"].split(" (")[0].strip() for s in sources))
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    return shown + (f" and {rest} more publisher{'s' if rest > 1 else ''}" if rest > 0 else "")


def source_items(sources: list[dict]) -> str:
    """Return the sources as a list of readable citations, each linked to the page read.

    Each item carries its row's ``source_id`` (in ``data-source-id``, as in the chart's sources
    CSV), for a reader who looks it up in the data; the text gives dates as the book writes them.

    >>> source_items([{"publisher": "TASS", "title": "A <b>", "url": "https://t.ru/1",
    ...                "published": "2022-01-05", "accessed": "2026-11-27", "source_id": "t"}])
    '<ul class="dushanbe-source-list"><li data-source-id="t"><a href="https://t.ru/1">TASS, “A &lt;b&gt;”</a> (published 5 January 2022; read 27 November 2026)</li></ul>'
    """
    items = "".join(
        f'<li data-source-id="{esc(s["source_id"])}"><a href="{esc(s["url"])}">{esc(s["publisher"])}, “{esc(s["title"])}”</a> ('
        + (f'published {long_date(s["published"])}; ' if s.get("published") else "")
        + f'read {long_date(s["accessed"])})</li>' for s in sources)
    return f'<ul class="dushanbe-source-list">{items}</ul>'


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3f}".rstrip("0")
    return esc(str(value))


def data_table(data: dict, sources: list[dict] | None = None) -> str:
    """Return a chart's data (``{"columns", "rows"}``) as an escaped HTML table. Given the
    chart's sources, its ``source_id`` column is shown as "sources": links named by publisher
    (:func:`dushanbe.markup.source_links`); the ids stay in the data's CSV download.

    >>> data_table({"columns": ["a", "km"], "rows": [["<x>", 1357.0]]})
    '<div class="dushanbe-table-wrap"><table class="dushanbe-table table"><thead><tr><th scope="col">a</th><th scope="col">km</th></tr></thead><tbody><tr><td>&lt;x&gt;</td><td>1,357</td></tr></tbody></table></div>'
    >>> sources = [{"source_id": "t", "publisher": "TASS", "url": "https://t.ru/1", "title": "T", "published": None}]
    >>> '<th scope="col">sources</th>' in data_table({"columns": ["a", "source_id"], "rows": [["x", "t"]]}, sources)
    True
    """
    columns = list(data["columns"])
    linked = columns.index("source_id") if sources and "source_id" in columns else None
    if linked is not None:
        from ..markup import source_links

        known = pd.DataFrame(sources)[["source_id", "publisher", "url", "title", "published"]]
        columns[linked] = "sources"
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    body = "".join("<tr>" + "".join(f'<td class="dushanbe-sources-cell">{source_links(v, known)}</td>' if i == linked
                                    else f"<td>{_cell(v)}</td>" for i, v in enumerate(row)) + "</tr>"
                   for row in data["rows"])
    return (f'<div class="dushanbe-table-wrap"><table class="dushanbe-table table"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _frame_label(name: str) -> str:
    """A frame's name as a reader reads it: an ISO date written out.

    >>> _frame_label("2021-09-16"), _frame_label("today")
    ('16 September 2021', 'today')
    """
    return long_date(name) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", name) else name


def _frame_control(record: dict) -> str:
    """A native, keyboard-usable list of the chart's animation frames (dates)."""
    if not record.get("frames"):
        return ""
    fid = esc(record["id"])
    options = "".join(f'<option value="{esc(n)}"{" selected" if n == record.get("active") else ""}>{esc(_frame_label(n))}</option>'
                      for n in record["frames"])
    return (f'<p class="dushanbe-frames"><label for="{fid}-frame">Show the chart for</label> '
            f'<select id="{fid}-frame" class="dushanbe-frame-select" data-plot="{fid}-plot">{options}</select></p>')


def picture(fid: str, figures: str, width: int, height: int, alt: str = "", lazy: bool = True) -> str:
    """The chart's static image: the narrow layout's on a narrow screen, the wide one elsewhere
    (the box it fills has its height already, from the stylesheet)."""
    loading = ' loading="lazy"' if lazy else ""
    return (f'<picture><source media="{NARROW_MEDIA}" srcset="{esc(figures)}{esc(fid)}.narrow.webp">'
            f'<img class="dushanbe-static" src="{esc(figures)}{esc(fid)}.wide.webp" alt="{esc(alt)}" '
            f'width="{PAGE_WIDTH}" height="{height}"{loading} decoding="async"></picture>')


def plot_markup(record: dict, figure: dict, figures: str, *, lazy: bool = True) -> str:
    """The chart's place in a page: a box at the chart's final height (its narrow height on a
    narrow screen) showing the static image, the figure as inert JSON that ``dushanbe.js`` draws
    in its place once the reader scrolls, points or types, and the SVG for readers without
    JavaScript."""
    fid = esc(record["id"])
    drawn = page_figure(figure)
    _, narrow_height = narrow_figure(drawn)
    height = int(drawn.get("layout", {}).get("height") or record["height"])
    config = figure.get("config", {})
    return (f'<div id="{fid}-plot" class="dushanbe-plotly" role="img" aria-label="{esc(record["title"])}" '
            f'aria-describedby="{fid}-desc" style="--dushanbe-h:{height}px;--dushanbe-hn:{narrow_height}px">'
            f'{picture(record["id"], figures, record["width"], height, lazy=lazy)}</div>\n'
            f'<script type="application/json" class="dushanbe-plotly-data" data-plot="{fid}-plot">'
            f'{script_json({"figure": drawn, "config": config})}</script>\n'
            f'<noscript><img src="{esc(figures)}{fid}.svg" alt="{esc(record["title"])}" style="max-width:100%"></noscript>')


#: The file of every chart, interactive, in the figures folder (each chart at its anchor).
ALL_CHARTS = "all-charts.interactive.html"


def file_name(fid: str, kind: str) -> str:
    """The name of a chart's file of ``kind`` (a key of :data:`FILES`) in the figures folder; its
    interactive copy is its section of :data:`ALL_CHARTS`.

    >>> file_name("fig-a", "csv"), file_name("fig-a", "interactive")
    ('fig-a.csv', 'all-charts.interactive.html#fig-a')
    """
    return f"{ALL_CHARTS}#{fid}" if kind == "interactive" else f"{fid}{FILES[kind][0]}"


def _downloads(fid: str, figures: str) -> str:
    groups = (("Data", ("csv", "sources")), ("Images", ("png", "svg")), ("Interactive", ("interactive", "json")),
              ("Citation", ("bibtex", "ris", "csl")))
    parts = []
    for name, kinds in groups:
        links = " · ".join(f'<a class="dushanbe-download" href="{esc(figures)}{esc(file_name(fid, k))}" download>'
                           f'{FILES[k][1]}</a>' for k in kinds)
        parts.append(f"<span>{name}: {links}</span>")
    return '<p class="dushanbe-downloads"><strong>Download</strong> ' + " ".join(parts) + "</p>"


def embed_code(record: dict, src: str) -> str:
    """The ``<iframe>`` that embeds the chart's own page (which carries its title, sources,
    licence and address) in another site."""
    return (f'<iframe src="{esc(src)}" title="{esc(record["title"])}" width="100%" '
            f'height="{int(record["height"]) + 300}" style="border:0" loading="lazy"></iframe>')


def cite_block(record: dict, cite: dict, place: Place) -> str:
    """The "Cite this chart" fold: short and full text, BibTeX, RIS and the embed code; each code
    block gets a copy button (sphinx-copybutton, selector ``pre.dushanbe-copy``)."""
    link, built = esc(place.address), esc(place.built)
    embed = f"{place.figures}{record['id']}.html"
    return f"""<details class="dushanbe-cite"><summary>Cite this chart</summary>
<p><strong>Short:</strong> <span class="dushanbe-cite-short">{esc(cite['short'])}</span></p>
<p><strong>Full:</strong> <span class="dushanbe-cite-full" data-permalink="{link}" data-built="{built}">{esc(cite['full'])}</span></p>
<p><strong>BibTeX:</strong></p>
<pre class="dushanbe-bibtex dushanbe-copy" data-permalink="{link}" data-built="{built}">{esc(cite['bibtex'])}</pre>
<p><strong>RIS</strong> (Zotero, EndNote, Mendeley):</p>
<pre class="dushanbe-ris dushanbe-copy" data-permalink="{link}" data-built="{built}">{esc(cite['ris'])}</pre>
<p><strong>Embed</strong> this chart in another page:</p>
<pre class="dushanbe-embed dushanbe-copy" data-standalone="{esc(embed)}">{esc(embed_code(record, embed))}</pre>
</details>"""


def chart_html(record: dict, figure: dict, cite: dict, place: Place) -> str:
    """The chart in its chapter, under its numbered title: the drawing, its caption, the text
    alternative, the sources, the data table, the cite block, the licence and the downloads."""
    fid = esc(record["id"])
    sources = record["sources"]
    n = len(sources)
    return f"""{_frame_control(record)}<div class="dushanbe-plot">
{plot_markup(record, figure, place.figures)}
</div>
<p class="dushanbe-caption">{esc(record['caption'])}</p>
<details class="dushanbe-description-fold"{" open" if len(record['description']) <= 400 else ""}><summary><strong>What the chart shows</strong> (the chart in words)</summary>
<p class="dushanbe-description" id="{fid}-desc">{esc(record['description'])}</p></details>
<details class="dushanbe-sources-list"><summary><strong>Sources ({n} document{"s" if n != 1 else ""}):</strong> {esc(short_sources(sources))}</summary>
{source_items(sources)}
</details>
<details class="dushanbe-data"><summary>Data table</summary>
{data_table(record['data'], record.get('sources'))}
</details>
{cite_block(record, cite, place)}
<p class="dushanbe-licence"><strong>Licence:</strong> {esc(LICENCE)}</p>
{_downloads(record['id'], place.figures)}"""


def lead_html(record: dict, target: str, place: Place, height: int, narrow_height: int) -> str:
    """A chart shown again as a page's lead graphic: its static image (the narrow layout's on a
    narrow screen), its number and title, linked to the chart in its chapter."""
    link = esc(target)
    return (f'<figure class="dushanbe-lead"><a href="{link}">'
            f'{picture(record["id"], place.figures, PAGE_WIDTH, height, record["description"], lazy=False)}'
            f'</a><figcaption><a href="{link}">{esc(place.label)}</a>. {esc(record["title"])}'
            + (f' <span class="dushanbe-subtitle">{esc(record["subtitle"])}</span>' if record.get("subtitle") else "")
            + "</figcaption></figure>")


# --- The chart's own pages -------------------------------------------------------------------

def citation_meta(*, title: str, author: str, date: str, publisher: str, url: str, book: str | None = None,
                  image: str | None = None, description: str = "", open_graph: bool = True) -> str:
    """Return the ``citation_*`` meta tags that Zotero's embedded-metadata translator and Google
    Scholar read, with their Dublin Core equivalents and (``open_graph``) the Open Graph tags
    that link previews read.

    >>> citation_meta(title="T", author="A", date="2026-12-01", publisher="A", url="u").splitlines()[0]
    '<meta name="citation_title" content="T">'
    """
    tags = [("name", "citation_title", title), ("name", "citation_author", author),
            ("name", "citation_publication_date", date.replace("-", "/")),
            ("name", "citation_date", date.replace("-", "/")),
            ("name", "citation_publisher", publisher), ("name", "citation_public_url", url),
            ("name", "citation_language", "en")]
    if book:
        tags.append(("name", "citation_book_title", book))
    tags += [("name", "DC.title", title), ("name", "DC.creator", author), ("name", "DC.date", date),
             ("name", "DC.publisher", publisher), ("name", "DC.identifier", url)]
    out = [f'<meta {kind}="{name}" content="{esc(value)}">' for kind, name, value in tags]
    if not open_graph:
        return "\n".join(out)
    out += [f'<meta property="og:title" content="{esc(title)}">',
            f'<meta property="og:description" content="{esc(description[:300])}">',
            f'<meta property="og:url" content="{esc(url)}">', '<meta property="og:type" content="article">',
            '<meta name="twitter:card" content="summary_large_image">']
    if image:
        out.append(f'<meta property="og:image" content="{esc(image)}">')
    return "\n".join(out)


def _standalone_head(record: dict, cite: dict, place: Place, image: str | None, extra: str) -> str:
    """The ``<head>`` of a chart's own page: its title, canonical address (the chart's
    permalink), citation and Open Graph metadata, then ``extra``."""
    book = place.book
    meta = citation_meta(title=f"{place.label}: {record['title']}", author=book["author"], date=place.built,
                         publisher=book["author"], url=place.permalink, book=book["title"], image=image,
                         description=record["description"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(place.label)}: {esc(record['title'])} — {esc(book['title'])}</title>
<link rel="canonical" href="{esc(place.permalink)}">
{meta}
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:1rem auto;padding:0 1rem;color:#222;line-height:1.4}}h1{{font-size:1.25rem;margin:0 0 .25rem}}p,li{{font-size:.92rem}}</style>
{extra}
</head>"""


def _standalone_body(record: dict, cite: dict, place: Place, plot: str, more: str = "", *, tag: str = "main",
                     fid: str = "") -> str:
    """What a chart says outside its chapter, around the drawing ``plot``: title, caption, text
    alternative, sources, citation, where it comes from, licence; then ``more``. In its own page
    (``tag`` "main") the title is the page's heading; in the file of every chart, a ``section``
    with the chart's id."""
    book = place.book
    heading = "h1" if tag == "main" else "h2"
    anchor = f' id="{esc(fid)}"' if fid else ""
    subtitle = f'<p class="dushanbe-subtitle">{esc(record["subtitle"])}</p>' if record.get("subtitle") else ""
    fid = esc(record["id"])
    return f"""<{tag} class="dushanbe-embed-page"{anchor}>
<{heading}>{esc(place.label)}. {esc(record['title'])}</{heading}>
{subtitle}{plot}
<p>{esc(record['caption'])}</p>
<p id="{fid}-desc"><strong>What the chart shows.</strong> {esc(record['description'])}</p>
<p><strong>Sources</strong> ({len(record['sources'])} documents; also in {fid}.sources.csv):</p>
{source_items(record['sources'])}
<p><strong>Cite:</strong> {esc(cite['full'])}</p>
<p><strong>From</strong> {esc(book['title'])}, version {esc(book['version'])}, data version {esc(book['data_version'])}: <a href="{esc(place.permalink)}" target="_top">{esc(place.permalink)}</a></p>
<p><strong>Licence:</strong> {esc(LICENCE)}</p>
{more}</{tag}>"""


def embed_page(record: dict, figure: dict, cite: dict, place: Place, image: str) -> str:
    """The chart's page for embedding (``figures/<id>.html``, what the embed code shows): the
    static image first, plotly.js from the book's own copy once the reader moves, the chart's
    title, sources, licence and address; its canonical address is the chart's permalink."""
    downloads = " · ".join(f'<a href="{esc(file_name(record["id"], k))}" download>{FILES[k][1]}</a>'
                           for k in ("csv", "sources", "png", "svg", "interactive", "json", "bibtex", "ris", "csl"))
    scripts = (f'<link rel="stylesheet" href="{esc(place.static)}dushanbe.css">\n'
               f"<script>window.DUSHANBE_PLOTLY = {json.dumps(place.static + place.book['plotly'])};</script>\n"
               f'<script defer src="{esc(place.static)}dushanbe.js"></script>')
    plot = f"{_frame_control(record)}\n{plot_markup(record, figure, '', lazy=False)}"
    return (_standalone_head(record, cite, place, image, scripts) + "<body>\n"
            + _standalone_body(record, cite, place, plot, f"<p><strong>Download:</strong> {downloads}</p>\n")
            + "\n</body></html>\n")


def packed_script(js: str) -> str:
    """Return JavaScript gzipped and base64-encoded, to travel inside an HTML file at about a
    third of its size; :func:`interactive_page` unpacks it in the browser
    (``DecompressionStream``). The same input always packs to the same text.

    >>> packed_script("var a = 1;") == packed_script("var a = 1;")
    True
    """
    import base64
    import gzip

    return base64.b64encode(gzip.compress(js.encode("utf-8"), compresslevel=9, mtime=0)).decode("ascii")


_UNPACK = """(async function () {
  var packed = document.getElementById("plotly-js-gz").textContent.trim();
  var bytes = Uint8Array.from(atob(packed), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  (0, eval)(await new Response(stream).text());
  document.getElementById("dushanbe-wait").remove();
  async function draw(holder) {
    if (holder.dataset.drawn) return;
    holder.dataset.drawn = "1";
    var payload = JSON.parse(document.getElementById(holder.id.replace(/-plot$/, "-data")).textContent);
    var gd = await Plotly.newPlot(holder, payload.figure.data, payload.figure.layout, payload.config);
    if (payload.figure.frames) { await Plotly.addFrames(gd, payload.figure.frames); }
  }
  var holders = Array.from(document.querySelectorAll(".dushanbe-plot-holder"));
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { if (e.isIntersecting) { seen.unobserve(e.target); draw(e.target); } });
  }, {rootMargin: "800px 0px"});
  holders.forEach(function (h) { seen.observe(h); });
})();"""


def interactive_book(charts: list[tuple[dict, dict, dict, Place]], book: dict, plotly_js: str) -> str:
    """Every chart of the book as one self-contained file to download (``charts``: each chart's
    record, figure, citation and place, in the book's order): plotly.js inside it once (packed,
    see :func:`packed_script`), then each chart under its number and title, with its caption,
    text alternative, sources, cite text and address, at its own anchor (``#fig-…``). It opens
    anywhere, offline, with nothing beside it, in any browser from 2023 on; each chart is drawn
    as it comes into view."""
    sections, data = [], []
    for record, figure, cite, place in charts:
        fid = esc(record["id"])
        plot = f'<div id="{fid}-plot" class="dushanbe-plot-holder" style="height:{int(record["height"])}px"></div>'
        sections.append(_standalone_body(record, cite, place, plot, tag="section", fid=record["id"]))
        data.append(f'<script type="application/json" id="{fid}-data">'
                    f'{script_json({"figure": page_figure(figure), "config": figure.get("config", {})})}</script>')
    contents = "".join(f'<li><a href="#{esc(r["id"])}">{esc(p.label)}. {esc(r["title"])}</a></li>' for r, _, _, p in charts)
    title = f"Every chart of {book['title']}, interactive"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(title)}</title>
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:1rem auto;padding:0 1rem;color:#222;line-height:1.4}}h1{{font-size:1.4rem}}h2{{font-size:1.2rem;margin:2.5rem 0 .25rem;border-top:1px solid #ccc;padding-top:1rem}}p,li{{font-size:.92rem}}</style>
</head><body>
<header><h1>{esc(title)}</h1>
<p>One file to keep or send: every chart of the book, interactive, each with its sources and cite text. It works offline,
in any browser from 2023 on. {esc(book['title'])}, version {esc(book['version'])}, data version {esc(book['data_version'])},
built {esc(book['built'])}. Licence: {esc(LICENCE)}</p>
<p id="dushanbe-wait"><em>Drawing the charts… (this needs JavaScript)</em></p>
<nav><ol>{contents}</ol></nav></header>
{chr(10).join(sections)}
{chr(10).join(data)}
<script type="text/plain" id="plotly-js-gz">{packed_script(plotly_js)}</script>
<script>{_UNPACK}</script>
</body></html>
"""
