"""The book's Sphinx extension: what no library does for a book of citable, offline charts.

Library parts do the rest: myst-nb executes, caches and glues; Sphinx numbers the figures
(``numfig``) and resolves ``{numref}``; sphinxext-opengraph writes link previews;
sphinx-copybutton puts copy buttons on the cite blocks; the theme lays out the page.

* :mod:`.render` — the myst-nb MIME renderer plugin: a chart's bundle becomes a numbered figure;
* :mod:`.writers` — charts collected, written into pages, their files and the registry;
* :mod:`.html` — the HTML of a chart and of its own pages (pure functions);
* :mod:`.images` — the charts' images, drawn with kaleido and cached;
* :mod:`.bookcite` — the book's own citation block and files;
* :mod:`.cachekeys` — notebook cache keys from the data each notebook reads, and the
  "Reproduce this chapter" box;
* :mod:`.assets`, :mod:`.fonts` — what pages load, and the repairs still needed;
* :mod:`.config` — the book's identity, static files, build date.
"""
from __future__ import annotations

from . import assets, bookcite, cachekeys, config, render, writers


def setup(app):
    """Register the book's chart renderer, figure nodes, event handlers and assets with Sphinx."""
    app.add_config_value("dushanbe_book", {}, "html")
    app.add_enumerable_node(render.chart_figure, "figure", render.chart_title,
                            html=(writers.visit_chart_figure, None), latex=(writers.skip, None),
                            text=(writers.skip, None))
    app.add_node(render.lead_figure, html=(writers.visit_lead_figure, None),
                 latex=(writers.skip, None), text=(writers.skip, None))
    app.add_node(writers.figure_list, html=(writers.visit_figure_list, None),
                 latex=(writers.skip, None), text=(writers.skip, None))
    app.add_directive("figure-list", writers.FigureListDirective)
    app.add_node(bookcite.book_cite, html=(bookcite.visit_book_cite, None), latex=(writers.skip, None),
                 text=(writers.skip, None))
    app.add_directive("book-citation", bookcite.BookCitationDirective)
    app.connect("config-inited", config.on_config_inited)
    app.connect("builder-inited", config.on_builder_inited)
    app.connect("source-read", cachekeys.on_source_read)
    app.connect("doctree-read", writers.collect)
    app.connect("env-purge-doc", writers.purge)
    app.connect("env-merge-info", writers.merge)
    app.connect("env-get-updated", writers.every_page)
    app.connect("html-page-context", assets.on_html_page_context, priority=400)   # before opengraph
    app.connect("html-collect-pages", assets.drop_stale_search_terms)
    app.connect("build-finished", writers.write_chart_files)
    app.connect("build-finished", config.publish_files)
    app.connect("build-finished", bookcite.write_book_files)
    app.connect("build-finished", assets.repair_site, priority=100)   # before sphinx-external-toc
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
