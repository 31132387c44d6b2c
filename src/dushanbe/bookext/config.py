"""Configuration: where the build writes, what it serves, and the build date.

At ``config-inited`` the extension points the notebooks it executes at this book and at the
figure store (:mod:`dushanbe.contract`), puts its static files and the plotly.js bundle where
Sphinx serves them, and registers its templates and footer; at ``builder-inited`` it adds its
stylesheet and script.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
from pathlib import Path

from ..contract import ENV_BOOK_BUILD, ENV_FIGURE_STORE, ENV_ROOT
from ..meta import book_metadata

__all__ = ["build_date", "copy_if_changed", "figure_store_of", "plotly_bundle", "plotly_js_name", "PACKAGE_DIR"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent

#: The book's own static files, served from ``_static/``.
ASSETS = ("dushanbe.css", "dushanbe.js", "favicon.svg")


def build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date() if epoch else _dt.date.today()
    return day.isoformat()


def figure_store_of(app) -> Path:
    """The figure store this build writes to (set at config-inited)."""
    return Path(os.environ[ENV_FIGURE_STORE])


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
    from plotly.offline import get_plotlyjs_version
    return f"plotly-basic-{get_plotlyjs_version()}.min.js"


def on_config_inited(app, config):
    outdir = Path(app.outdir)
    store = outdir.parent / "figures"
    os.environ[ENV_FIGURE_STORE] = str(store)
    os.environ[ENV_ROOT] = str(Path(app.srcdir).resolve())
    os.environ[ENV_BOOK_BUILD] = "1"  # publish() then leaves drawing to the page
    static = outdir.parent / "dushanbe_static"
    static.mkdir(parents=True, exist_ok=True)
    bundled = plotly_bundle(Path(app.srcdir))
    target = static / plotly_js_name()
    for stale in static.glob("plotly*.js"):
        if stale.name != target.name:
            stale.unlink()
    copy_if_changed(bundled, target)
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
    meta = book_metadata()
    # the assets' fingerprint is part of the config, so an edited script or stylesheet rewrites
    # every page (with its new ?v= checksum) instead of leaving pages pointing at a stale copy
    config.html_context = dict(config.html_context or {}, dushanbe_data_version=meta["data_version"],
                               dushanbe_book_version=meta["version"], dushanbe_build_date=build_date(),
                               dushanbe_assets=assets.hexdigest()[:12])


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` (making its folder) unless ``target`` already holds the same
    bytes: an unchanged file is not rewritten, so a rebuild leaves it alone."""
    if target.is_file() and target.read_bytes() == Path(source).read_bytes():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _place_mystnb_css(app) -> None:
    """Put myst-nb's stylesheet in the output before pages are written. myst-nb copies it only
    when the build finishes, so a clean build's pages link it without the ``?v=`` checksum and a
    rebuild's with it: the same page, two byte sequences."""
    if app.builder.format != "html":
        return
    from myst_nb import static
    from myst_nb.sphinx_ext import _get_file_hash, _import_resources_path

    with _import_resources_path(static, "mystnb.css") as source:
        copy_if_changed(source, Path(app.outdir) / "_static" / f"mystnb.{_get_file_hash(source)}.css")


def _place_assets(app) -> None:
    """Put the book's own script and stylesheet in the output before pages are written, so each
    page links the current file with its checksum (Sphinx copies static files only at the end,
    and not over an existing copy)."""
    if app.builder.format != "html":
        return
    for name in ASSETS:
        copy_if_changed(PACKAGE_DIR / "static" / name, Path(app.outdir) / "_static" / name)


def on_builder_inited(app):
    _place_mystnb_css(app)
    _place_assets(app)
    app.add_css_file("dushanbe.css")
    app.add_js_file("dushanbe.js", loading_method="defer")
