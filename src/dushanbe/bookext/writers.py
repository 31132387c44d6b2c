"""The Sphinx side of charts: collect them, write them into pages, write their files.

* ``doctree-read``: :func:`collect` keeps each chart's record and figure in the environment, with
  the page it stands on (so the files, the registry and other pages can be written without
  reading anything back);
* ``env-get-updated``: :func:`every_page` has every page written on every build (only pages
  read again are executed);
* the HTML writer: :func:`visit_chart_figure`, :func:`visit_lead_figure` and
  :func:`visit_figure_list` write the HTML of :mod:`dushanbe.bookext.html`;
* ``build-finished``: :func:`write_chart_files` writes every chart's data, sources, figure,
  images, citations and own pages into ``figures/``, and ``figures/registry.json``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ..cite import citation
from . import html as pages
from .config import write_if_changed
from .images import Image, draw, export_figure
from .render import chart_figure

__all__ = ["figure_list", "FigureListDirective", "collect", "purge", "merge", "every_page",
           "figure_number", "permalink", "visit_chart_figure", "visit_lead_figure", "visit_figure_list",
           "write_chart_files", "chart_citation"]

logger = logging.getLogger(__name__)

#: Columns of a chart's sources file.
SOURCE_COLUMNS = ("source_id", "publisher", "title", "url", "kind", "published", "accessed")


class figure_list(nodes.General, nodes.Element):
    """Placeholder for the list of every chart in the book, written by :func:`visit_figure_list`."""


class FigureListDirective(SphinxDirective):
    """``{figure-list}``: every chart in the book, numbered, each linked to its permalink."""

    def run(self):
        """Leave a placeholder the HTML writer fills with every chart of the book."""
        return [figure_list("")]


# --- The environment ------------------------------------------------------------------------

def charts_of(env) -> dict:
    """``{chart id: {"docname", "record", "figure"}}`` for every chart the book has read."""
    if not hasattr(env, "dushanbe_charts"):
        env.dushanbe_charts = {}
    return env.dushanbe_charts


def collect(app, doctree) -> None:
    """Keep the charts a page publishes."""
    env, charts = app.env, charts_of(app.env)
    for node in doctree.findall(chart_figure):
        fid = node["record"]["id"]
        if fid in charts and charts[fid]["docname"] != env.docname:
            logger.warning(f"chart {fid!r} is published twice ({charts[fid]['docname']} and {env.docname})",
                           type="dushanbe", location=node)
            continue
        charts[fid] = {"docname": env.docname, "record": node["record"], "figure": node["figure"]}


def purge(app, env, docname) -> None:
    """Forget the charts of a page about to be read again (Sphinx's ``env-purge-doc``)."""
    charts = charts_of(env)
    for fid in [f for f, c in charts.items() if c["docname"] == docname]:
        del charts[fid]


def merge(app, env, docnames, other) -> None:
    """Take in the charts a parallel reader collected (Sphinx's ``env-merge-info``)."""
    charts_of(env).update({f: c for f, c in charts_of(other).items() if c["docname"] in docnames})


def every_page(app, env) -> list[str]:
    """Every page of the book, to be written again on every build (Sphinx's ``env-get-updated``).

    Two reasons, each enough. Pages show other pages' charts (the front page's lead graphic, the
    list of figures) and numbers. And Sphinx 7.4's incremental build keeps the search index's
    explicit entries (the glossary's terms) only for the pages it writes: a rebuild that wrote
    one page would drop every other page's entries from the search. Writing a page takes a
    fraction of a second; executing it, which only a page read again needs, is what costs.
    """
    return sorted(env.found_docs)


# --- Numbers and addresses ------------------------------------------------------------------

def figure_number(env, docname: str, fid: str) -> str | None:
    """Return a chart's number as Sphinx assigned it (``"3.1"``), or None if it has none.

    The single-page builder gathers every page's numbers under the root document, keyed
    ``"<page>/figure"``; the other builders keep them per page.
    """
    numbers = env.toc_fignumbers
    found = numbers.get(docname, {}).get("figure", {}).get(fid)
    if found is None:
        found = numbers.get(env.config.root_doc, {}).get(f"{docname}/figure", {}).get(fid)
    return ".".join(map(str, found)) if found else None


def permalink(app, docname: str, fid: str) -> str:
    """A chart's permanent address: its anchor on its page, under the book's base URL if set."""
    rel = app.builder.get_target_uri(docname) + "#" + fid
    base = (app.config.html_baseurl or "").rstrip("/")
    return f"{base}/{rel}" if base else rel


def _page_uri(builder) -> str:
    return builder.get_target_uri(getattr(builder, "current_docname", builder.config.root_doc))


def _place(app, fid: str, *, from_uri: str) -> pages.Place:
    chart = charts_of(app.env)[fid]
    address = permalink(app, chart["docname"], fid)
    return pages.Place(number=figure_number(app.env, chart["docname"], fid) or "?",
                       # without a base URL the address is relative, and must work from where it is written
                       permalink=address if "://" in address else relative_uri(from_uri, address), address=address,
                       figures=relative_uri(from_uri, "figures/"), static=relative_uri(from_uri, "_static/"),
                       built=app.config.dushanbe_book["built"], book=app.config.dushanbe_book)


def chart_citation(record: dict, place: pages.Place) -> dict:
    """The chart's citation in every format (:func:`dushanbe.cite.citation`), at its address as
    cited (without a base URL, from the site's root: the page's script makes it absolute)."""
    book = place.book
    return citation(key=f"dushanbe:{record['id']}", kind="figure", title=f"{place.label}: {record['title']}",
                    author=book["author"], book=book["title"], version=book["version"],
                    data_version=book["data_version"], url=place.address, built=place.built,
                    sources="; ".join(record["source_ids"]))


# --- Writing pages --------------------------------------------------------------------------

def visit_chart_figure(self, node) -> None:
    """The chart in its page: a ``<figure>`` whose caption is the chart's number (Sphinx's, as
    for any figure) and title, then the chart and its apparatus."""
    record, figure = node["record"], node["figure"]
    place = _place(self.builder.app, record["id"], from_uri=_page_uri(self.builder))
    self.body.append(self.starttag(node, "figure", CLASS="dushanbe-figure", **{
        "data-dushanbe-figure": record["id"], "aria-describedby": f"{record['id']}-desc"}))
    self.body.append('<figcaption class="dushanbe-figure-title"><p>')
    self.add_fignumber(node)
    self.body.append(f'<span class="caption-text">{pages.esc(record["title"])}</span>')
    self.add_permalink_ref(node, "Link to this chart")
    if record.get("subtitle"):
        self.body.append(f'<span class="dushanbe-subtitle">{pages.esc(record["subtitle"])}</span>')
    self.body.append("</p></figcaption>\n")
    self.body.append(pages.chart_html(record, figure, chart_citation(record, place), place))
    self.body.append("</figure>\n")
    raise nodes.SkipNode


def visit_lead_figure(self, node) -> None:
    """Write a lead figure: another page's chart, as its picture, number and title, linked to it."""
    record = node["record"]
    app = self.builder.app
    chart = charts_of(app.env).get(record["id"])
    if chart is None:
        logger.warning(f"lead graphic: the chart {record['id']!r} is not published on any page",
                       type="dushanbe", location=node)
        raise nodes.SkipNode
    here = _page_uri(self.builder)
    place = _place(app, record["id"], from_uri=here)
    drawn = pages.page_figure(chart["figure"])
    height = int(drawn["layout"].get("height") or chart["record"]["height"])
    target = relative_uri(here, app.builder.get_target_uri(chart["docname"])) + "#" + record["id"]
    self.body.append(pages.lead_html(record, target, place, height, pages.narrow_figure(drawn)[1]))
    raise nodes.SkipNode


def _in_order(env) -> list[tuple[str, dict, str | None]]:
    def key(item):
        fid, chart = item
        number = figure_number(env, chart["docname"], fid)
        return tuple(int(p) for p in number.split(".")) if number else (10 ** 6,)
    return [(fid, c, figure_number(env, c["docname"], fid)) for fid, c in sorted(charts_of(env).items(), key=key)]


def visit_figure_list(self, node) -> None:
    """Write the list of figures: every chart's number, title, page and downloads."""
    app = self.builder.app
    here = _page_uri(self.builder)
    items = []
    for fid, chart, number in _in_order(app.env):
        target = relative_uri(here, app.builder.get_target_uri(chart["docname"])) + "#" + fid
        page = app.env.titles.get(chart["docname"])
        items.append(f'<li><a href="{pages.esc(target)}">Figure {pages.esc(number or "?")}. '
                     f'{pages.esc(chart["record"]["title"])}</a>'
                     + (f" — {pages.esc(page.astext())}" if page is not None else "") + "</li>")
    self.body.append('<ul class="dushanbe-figure-list">' + "".join(items) + "</ul>" if items
                     else "<p>This book has no charts yet.</p>")
    raise nodes.SkipNode


def skip(self, node) -> None:
    raise nodes.SkipNode


# --- Writing the chart files ----------------------------------------------------------------

def _csv(columns, rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def chart_files(record: dict, figure: dict, place: pages.Place) -> dict[str, str]:
    """Every text file of one chart, by file name."""
    fid = record["id"]
    cite = chart_citation(record, place)
    sources = _csv(SOURCE_COLUMNS, [[s.get(c) for c in SOURCE_COLUMNS] for s in record["sources"]])
    base = place.book["baseurl"]
    image = f"{base}/figures/{fid}.png" if base else f"{fid}.png"
    return {
        f"{fid}.csv": _csv(record["data"]["columns"], record["data"]["rows"]),
        f"{fid}.sources.csv": sources,
        f"{fid}.json": json.dumps(figure, sort_keys=True, ensure_ascii=False),
        f"{fid}.bib": cite["bibtex"] + "\n",
        f"{fid}.ris": cite["ris"],
        f"{fid}.csl.json": cite["csl_text"] + "\n",
        f"{fid}.html": pages.embed_page(record, figure, cite, place, image),
    }


def chart_images(record: dict, figure: dict, place: pages.Place, folder: Path) -> list[Image]:
    """The four images of one chart: PNG (print resolution) and SVG exports, and the wide and
    narrow WebP images a page paints first."""
    fid = record["id"]
    book = place.book
    source_line = (f"Source: {pages.short_sources(record['sources'])} · {book['title'].split(':')[0]} · "
                   f"CC BY 4.0 · {place.address}")
    exported, height = export_figure(figure, label=place.label, title=record["title"],
                                     subtitle=record.get("subtitle", ""), source_line=source_line)
    exported.pop("config", None)
    drawn = pages.page_figure(figure)
    narrow, narrow_height = pages.narrow_figure(drawn)
    wide_height = int(drawn["layout"].get("height") or record["height"])
    return [Image(exported, "png", record["width"], height, 2, folder / f"{fid}.png"),
            Image(exported, "svg", record["width"], height, 1, folder / f"{fid}.svg"),
            Image(drawn, "webp", pages.PAGE_WIDTH, wide_height, 1, folder / f"{fid}.wide.webp"),
            Image(narrow, "webp", pages.NARROW_WIDTH, narrow_height, 2, folder / f"{fid}.narrow.webp")]


def write_chart_files(app, exception) -> None:
    """Write every chart's files and the registry into ``figures/``; remove files of charts
    that are gone."""
    if exception is not None or app.builder.format != "html" or app.builder.name == "singlehtml":
        return   # the single page (printed as the PDF) draws its charts itself
    out = Path(app.outdir) / "figures"
    out.mkdir(parents=True, exist_ok=True)
    book = app.config.dushanbe_book
    plotly_js = (Path(app.outdir) / "_static" / book["plotly"]).read_text(encoding="utf-8")
    kept, images, registry, every = {"registry.json", pages.ALL_CHARTS}, [], [], []
    for fid, chart, number in _in_order(app.env):
        record, figure = chart["record"], chart["figure"]
        place = _place(app, fid, from_uri="figures/x.html")
        every.append((record, figure, chart_citation(record, place), place))
        for name, text in chart_files(record, figure, place).items():
            write_if_changed(out / name, text)
            kept.add(name)
        for job in chart_images(record, figure, place, out):
            images.append(job)
            kept.add(job.target.name)
        registry.append({
            "id": fid, "number": number, "title": record["title"], "subtitle": record.get("subtitle", ""),
            "caption": record["caption"], "description": record["description"],
            "page": app.builder.get_target_uri(chart["docname"]), "anchor": fid, "permalink": place.address,
            "files": {kind: f"figures/{pages.file_name(fid, kind)}" for kind in pages.FILES},
            "source_ids": record["source_ids"], "book_version": book["version"],
            "data_version": book["data_version"]})
    write_if_changed(out / pages.ALL_CHARTS, pages.interactive_book(every, book, plotly_js))
    drawn = draw(images, Path(app.doctreedir) / "dushanbe-images")
    if drawn:
        logger.info(f"dushanbe: drew {drawn} chart image(s)")
    document = {"book": book["title"], "book_version": book["version"], "data_version": book["data_version"],
                "licence": pages.LICENCE, "figures": registry}
    write_if_changed(out / "registry.json", json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    for stale in out.iterdir():
        if stale.is_file() and stale.name not in kept:
            stale.unlink()
