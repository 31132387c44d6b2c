"""The book's Sphinx extension: citable, numbered, offline charts in a Jupyter Book.

One module per job, wired here:

* :mod:`.config` — configuration: paths, static files, the plotly.js bundle, the build date;
* :mod:`.cachekeys` — notebook cache keys from the data each notebook reads (and the run box);
* :mod:`.numbering` — chart numbers in reading order, tokens filled, the list of figures;
* :mod:`.registry` — chart files, standalone pages and ``figures/registry.json``;
* :mod:`.assets` — page assets and repairs to other extensions' markup;
* :mod:`.fonts` — the theme's icon font, cut down to the icons the book shows.

What publish() writes and the extension reads is in :mod:`dushanbe.contract`.
"""
from __future__ import annotations

from . import assets, cachekeys, config, numbering, registry


def setup(app):
    app.add_node(numbering.figure_list)
    app.add_directive("figure-list", numbering.FigureListDirective)
    app.add_node(numbering.lead_figure)
    app.add_directive("lead-figure", numbering.LeadFigureDirective)
    app.connect("config-inited", config.on_config_inited)
    app.connect("builder-inited", config.on_builder_inited)
    app.connect("source-read", cachekeys.on_source_read)
    app.connect("doctree-read", numbering.on_doctree_read)
    app.connect("env-purge-doc", numbering.on_purge)
    app.connect("env-updated", numbering.on_env_updated)
    app.connect("doctree-resolved", numbering.on_doctree_resolved)
    app.connect("html-page-context", assets.on_html_page_context)
    app.connect("build-finished", registry.on_build_finished)
    app.connect("build-finished", assets.repair_site, priority=100)   # before sphinx-external-toc
    return {"version": "0.2", "parallel_read_safe": False, "parallel_write_safe": True,
            "env_version": 1}
