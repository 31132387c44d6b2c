"""Configuration: the book's identity, the files it serves, and the build date.

At ``config-inited`` the extension works out :data:`book <book_identity>` (title, author,
versions, build date and the plotly.js file name) once, for the pages and the chart files; puts
its static files and the plotly.js bundle where Sphinx serves them; and registers its templates
and footer. At ``builder-inited`` it adds its stylesheet and script.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
from importlib.metadata import version as _version
from pathlib import Path

from ..meta import build_date, data_version

__all__ = ["book_identity", "copy_if_changed", "plotly_bundle", "plotly_js_name", "publish_files", "steady_notebook", "write_if_changed",
           "DATA_FILES", "PACKAGE_DIR"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: The book's own static files, served from ``_static/``.
ASSETS = ("dushanbe.css", "dushanbe.js", "favicon.svg")


def plotly_bundle(root: Path) -> Path:
    """Return the plotly.js bundle the book serves: the *basic* build (scatter, bar, pie; a
    quarter of the full bundle's size) from ``node_modules``, at the version the Python plotly
    package targets. ``make book`` installs it (``npm ci``)."""
    from plotly.offline import get_plotlyjs_version

    package = root / "node_modules" / "plotly.js-basic-dist-min"
    if not (package / "plotly-basic.min.js").is_file():
        raise FileNotFoundError(f"{package} is missing: run `make book` (it runs `npm ci`)")
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if version != get_plotlyjs_version():
        raise RuntimeError(f"plotly.js-basic-dist-min is {version} but Python plotly targets "
                           f"plotly.js {get_plotlyjs_version()}: pin the same version in package.json")
    return package / "plotly-basic.min.js"


def plotly_js_name() -> str:
    """The file name of the plotly.js bundle the book serves, with the version plotly.py ships."""
    from plotly.offline import get_plotlyjs_version
    return f"plotly-basic-{get_plotlyjs_version()}.min.js"


def book_identity(config, root: Path) -> dict:
    """The book's title, author, versions, build date and plotly.js file, as pages and chart
    files print them."""
    # Jupyter Book passes the book's title as ``html_title``; ``project`` keeps Sphinx's default
    return {"title": config.html_title or config.project, "author": config.author, "version": _version("dushanbe"),
            "data_version": data_version(root / "data"), "built": build_date(), "plotly": plotly_js_name(),
            "baseurl": (config.html_baseurl or "").rstrip("/")}


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (making its folder) unless ``target`` already holds the same
    bytes: an unchanged file is not rewritten, so a rebuild leaves it alone."""
    if target.is_file() and target.read_bytes() == Path(source).read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def on_config_inited(app, config):
    outdir = Path(app.outdir)
    static = outdir.parent / "dushanbe_static"
    static.mkdir(parents=True, exist_ok=True)
    target = static / plotly_js_name()
    for stale in static.glob("plotly*.js"):
        if stale.name != target.name:
            stale.unlink()
    copy_if_changed(plotly_bundle(Path(app.srcdir)), target)
    assets = hashlib.sha256()
    for name in ASSETS:
        copy_if_changed(PACKAGE_DIR / "static" / name, static / name)
        assets.update((PACKAGE_DIR / "static" / name).read_bytes())
    # paths relative to the book's folder, so that the config (and .buildinfo) is the same
    # wherever the book is built
    config.html_static_path = list(config.html_static_path) + [os.path.relpath(static, app.confdir)]
    config.templates_path = list(config.templates_path) + [str(PACKAGE_DIR / "templates")]
    config.html_favicon = config.html_favicon or os.path.relpath(static / "favicon.svg", app.confdir)
    options = dict(config.html_theme_options or {})
    options["footer_content_items"] = ["author.html", "copyright.html", "dushanbe-footer.html"]
    config.html_theme_options = options
    book = book_identity(config, Path(app.srcdir))
    config.dushanbe_book = book
    config.ogp_site_url = config.ogp_site_url or (book["baseurl"] + "/" if book["baseurl"] else "")
    # the assets' fingerprint is part of the config, so an edited script or stylesheet rewrites
    # every page (with its new ?v= checksum) instead of leaving pages pointing at a stale copy
    config.html_context = dict(config.html_context or {}, dushanbe_data_version=book["data_version"],
                               dushanbe_book_version=book["version"], dushanbe_build_date=book["built"],
                               dushanbe_assets=assets.hexdigest()[:12])


def _place_assets(app) -> None:
    """Put the book's own script and stylesheet in the output before pages are written, so each
    page links the current file with its checksum (Sphinx copies static files only at the end,
    and not over an existing copy)."""
    if app.builder.format != "html":
        return
    for name in ASSETS:
        copy_if_changed(PACKAGE_DIR / "static" / name, Path(app.outdir) / "_static" / name)


def on_builder_inited(app):
    _place_assets(app)
    app.add_css_file("dushanbe.css")
    app.add_js_file("dushanbe.js", loading_method="defer")


#: The data files the book publishes in ``data/`` beside its pages, as they are in the repository.
DATA_FILES = ("*.csv", "datapackage.json", "checklist.yaml", "geometry/*")


def publish_files(app, exception) -> None:
    """Put beside the pages what the book offers to download besides its charts: the tables and
    their package (``data/``), and each chapter's text source and executed notebook
    (``notebooks/<name>.md`` and ``.ipynb``). The notebook is the copy myst-nb writes when it
    executes the chapter or reads it from its cache, so a rebuild that reads nothing again keeps
    the same file, outputs and all. An unchanged file is not rewritten."""
    if exception is not None or app.builder.name != "html":
        return
    source, out = Path(app.srcdir), Path(app.outdir)
    data = source / "data"
    published = {p.relative_to(data) for pattern in DATA_FILES for p in data.glob(pattern) if p.is_file()}
    for path in published:
        copy_if_changed(data / path, out / "data" / path)
    for stale in (out / "data").rglob("*"):
        if stale.is_file() and stale.relative_to(out / "data") not in published:
            stale.unlink()
    executed = Path(app.env.mystnb_config.output_folder)
    for docname in sorted(app.env.found_docs):
        if not docname.startswith("notebooks/"):
            continue
        copy_if_changed(source / f"{docname}.md", out / f"{docname}.md")
        if (executed / f"{docname}.ipynb").is_file():
            write_if_changed(out / f"{docname}.ipynb", steady_notebook((executed / f"{docname}.ipynb").read_text("utf-8")))


def steady_notebook(text: str) -> str:
    """Return a notebook (``.ipynb`` text) ready to download: unpaired from its MyST source, its
    cells' ids numbered in order
    (jupytext draws random ones each time it reads a chapter, and the download must not change
    when the chapter has not), written compactly (a chart's arrays take a line per number in
    Jupyter's indented form; any notebook program reads both).

    >>> steady_notebook('{"cells": [{"id": "x9"}, {"id": "q1"}], "nbformat": 4, "nbformat_minor": 5}')
    '{"cells":[{"id":"cell-1"},{"id":"cell-2"}],"nbformat":4,"nbformat_minor":5}\\n'
    """
    notebook = json.loads(text)
    # the chapter's pairing with its .md source: a download paired with nothing it can find would
    # not open in JupyterLab (jupytext refuses it)
    notebook.get("metadata", {}).pop("jupytext", None)
    for number, cell in enumerate(notebook.get("cells", []), start=1):
        if "id" in cell:
            cell["id"] = f"cell-{number}"
    return json.dumps(notebook, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Write ``path`` unless it already holds exactly this content (a rebuild leaves an unchanged
    file alone); return True if written."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True
