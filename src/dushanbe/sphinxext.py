"""Sphinx extension that turns published charts into a citable, offline book.

What it does, by build phase:

* **source-read** — for each notebook page, appends a hidden cell holding a fingerprint of the
  files the notebook reads (its ``data_dependencies`` front-matter globs, default all of
  ``data/``, plus the package's source). The notebook cache keys on cell text, so a changed data
  file re-executes exactly the notebooks that read it; ``note_dependency`` makes Sphinx re-read
  the page when such a file changes.
* **doctree-read** — finds the chart blocks that :func:`dushanbe.publish.publish` emitted and
  registers each id as a cross-reference target (``{ref}`fig-…```).
* **env-updated** — numbers the charts in reading order (the table of contents, then the order
  on the page) and asks Sphinx to rewrite every page whose numbers may have changed.
* **doctree-resolved** — fills the blocks' tokens (number, permalink, path to the root, date) and
  renders the ``{figure-list}`` directive.
* **html-page-context** — on pages that hold a chart, names the local plotly.js for
  ``dushanbe.js`` to fetch after the page has loaded (text first, charts next).
* **build-finished** — copies each chart's files into ``figures/``, writes a standalone HTML per
  chart and the machine-readable registry ``figures/registry.json``.
"""
from __future__ import annotations

import datetime as _dt
import fnmatch
import hashlib
import html
import json
import os
import re
import shutil
from pathlib import Path

import yaml
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .publish import FILE_KINDS, LICENCE, book_metadata, script_json

logger = logging.getLogger(__name__)

MARKER = re.compile(r'data-dushanbe-figure="([^"]+)"')
TOKEN = re.compile(r"%%(FIGNUM|FIGURL|FIGREL):([a-z0-9-]+)%%")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
PACKAGE_DIR = Path(__file__).resolve().parent


# ---------------------------------------------------------------------------------------------
# Inputs fingerprint: re-execute a notebook when the data it reads change
# ---------------------------------------------------------------------------------------------

def _dependencies(root: Path, front: dict) -> list[Path]:
    patterns = front.get("data_dependencies") or ["data/**/*"]
    files = set()
    for pattern in patterns:
        files.update(p for p in root.glob(pattern) if p.is_file())
    files.update(p for p in (root / "src" / "dushanbe").rglob("*.py"))
    return sorted(files)


def fingerprint(paths: list[Path], root: Path) -> str:
    """Return a SHA-256 over the files' paths (relative to ``root``) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_it_yourself(name: str) -> str:
    """Return the "Run it yourself" box that ends every notebook chapter (MyST markdown)."""
    return f"""## Run it yourself

:::{{admonition}} Run it yourself
:class: tip dushanbe-run

<a class="dushanbe-ipynb" href="{name}.ipynb" download>Download this notebook (.ipynb)</a>, as
executed for this page, outputs included, or its text source <a href="{name}.md">{name}.md</a>.
To run it: clone the book's repository, then `make notebooks` (executes every chapter into
`_build/notebooks/`) or `make book` (builds the whole book); or open `notebooks/{name}.md` in
JupyterLab, where jupytext opens it as a notebook (see the README).
:::
"""


def _on_source_read(app, docname, source):
    text = source[0]
    match = FRONT_MATTER.match(text)
    if not match or "kernelspec" not in match.group(1):
        return
    front = yaml.safe_load(match.group(1)) or {}
    root = Path(app.srcdir)
    deps = _dependencies(root, front)
    for path in deps:
        app.env.note_dependency(str(path))
    listed = ", ".join(p.relative_to(root).as_posix() for p in deps if "src/" not in p.as_posix())
    if docname.startswith("notebooks/"):
        text = text.rstrip("\n") + "\n\n" + run_it_yourself(docname.split("/")[-1])
    source[0] = text.rstrip("\n") + (
        "\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
        f"# Inputs fingerprint (added at build time by dushanbe.sphinxext): {fingerprint(deps, root)}\n"
        f"# Data read: {listed}\n```\n")


# ---------------------------------------------------------------------------------------------
# Figures: find, number, fill in, list
# ---------------------------------------------------------------------------------------------

def _env_figures(env) -> dict:
    if not hasattr(env, "dushanbe_figures"):
        env.dushanbe_figures = {}
    return env.dushanbe_figures


def _on_doctree_read(app, doctree):
    env = app.env
    found = []
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", ""):
            found.extend(MARKER.findall(node.astext()))
    figures = _env_figures(env)
    figures.pop(env.docname, None)
    if not found:
        return
    store = _store(app)
    std = env.get_domain("std")
    entries = []
    for fid in found:
        meta = _read_meta(store, fid)
        title = meta.get("title", fid) if meta else fid
        std.labels[fid] = (env.docname, fid, title)
        std.anonlabels[fid] = (env.docname, fid)
        entries.append({"id": fid, "title": title})
    figures[env.docname] = entries


def _on_purge(app, env, docname):
    _env_figures(env).pop(docname, None)


def _reading_order(env) -> list[str]:
    order, seen = [], set()

    def walk(doc):
        if doc in seen:
            return
        seen.add(doc)
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return order + sorted(d for d in env.found_docs if d not in seen)


def _numbering(env) -> dict[str, dict]:
    figures = _env_figures(env)
    numbers, n = {}, 0
    for doc in _reading_order(env):
        for entry in figures.get(doc, []):
            if entry["id"] in numbers:
                logger.warning(f"figure id {entry['id']!r} is published twice "
                               f"({numbers[entry['id']]['docname']} and {doc})", type="dushanbe")
                continue
            n += 1
            numbers[entry["id"]] = {"number": n, "docname": doc, "title": entry["title"]}
    return numbers


def _on_env_updated(app, env):
    new = _numbering(env)
    changed = new != getattr(env, "dushanbe_numbers", None)
    env.dushanbe_numbers = new
    if not changed:
        return []   # nothing to renumber: leave every page as it is
    lists = [d for d in env.found_docs if "figure-list" in _raw_source(app, d)]
    return sorted(set(lists) | {v["docname"] for v in new.values()})


def _raw_source(app, docname) -> str:
    try:
        return Path(app.env.doc2path(docname)).read_text(encoding="utf-8")
    except OSError:
        return ""


def _permalink(app, docname: str, fid: str) -> tuple[str, str]:
    rel = app.builder.get_target_uri(docname) + "#" + fid
    base = (app.config.html_baseurl or "").rstrip("/")
    return rel, (f"{base}/{rel}" if base else rel)


def _root_prefix(app, docname: str) -> str:
    uri = app.builder.get_target_uri(docname)
    return "../" * uri.count("/")


def _on_doctree_resolved(app, doctree, docname):
    numbers = getattr(app.env, "dushanbe_numbers", {})
    today = _build_date()
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "%%" not in text:
            continue

        def fill(match):
            kind, fid = match.groups()
            info = numbers.get(fid)
            if info is None:
                return "?"
            if kind == "FIGNUM":
                return str(info["number"])
            rel, absolute = _permalink(app, info["docname"], fid)
            return absolute if kind == "FIGURL" else rel

        text = TOKEN.sub(fill, text).replace("%%ROOT%%", _root_prefix(app, docname)) \
            .replace("%%TODAY%%", today).replace("%%YEAR%%", today[:4])
        node.replace_self(nodes.raw("", text, format="html"))
    for node in list(doctree.findall(figure_list)):
        items = nodes.bullet_list(classes=["dushanbe-figure-list"])
        for fid, info in sorted(numbers.items(), key=lambda kv: kv[1]["number"]):
            uri = app.builder.get_relative_uri(docname, info["docname"]) + "#" + fid
            para = nodes.paragraph()
            para += nodes.reference("", f"Figure {info['number']}. {info['title']}",
                                    refuri=uri, internal=True)
            para += nodes.Text(f" — {app.env.titles[info['docname']].astext()}"
                               if info["docname"] in app.env.titles else "")
            items += nodes.list_item("", para)
        if not numbers:
            items = nodes.paragraph(text="This book has no charts yet.")
        node.replace_self(items)


class figure_list(nodes.General, nodes.Element):
    """Placeholder for the list of figures, filled in at doctree-resolved."""


class FigureListDirective(SphinxDirective):
    """``{figure-list}``: every chart in the book, numbered, linked to its permalink."""

    has_content = False

    def run(self):
        return [figure_list("")]


# ---------------------------------------------------------------------------------------------
# Static files, page assets, files and registry
# ---------------------------------------------------------------------------------------------

def _build_date() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date() if epoch else _dt.date.today()
    return day.isoformat()


def _store(app) -> Path:
    return Path(os.environ["DUSHANBE_FIGURE_STORE"])


def _read_meta(store: Path, fid: str) -> dict | None:
    path = store / f"{fid}.meta.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


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


def _on_config_inited(app, config):
    outdir = Path(app.outdir)
    store = outdir.parent / "figures"
    os.environ["DUSHANBE_FIGURE_STORE"] = str(store)
    os.environ["DUSHANBE_ROOT"] = str(Path(app.srcdir).resolve())
    os.environ["DUSHANBE_BOOK_BUILD"] = "1"  # publish() then leaves drawing to the page
    static = outdir.parent / "dushanbe_static"
    static.mkdir(parents=True, exist_ok=True)
    bundled = plotly_bundle(Path(app.srcdir))
    target = static / plotly_js_name()
    for stale in static.glob("plotly*.js"):
        if stale.name != target.name:
            stale.unlink()
    if not target.exists() or target.stat().st_size != bundled.stat().st_size:
        shutil.copyfile(bundled, target)
    for name in ("dushanbe.css", "dushanbe.js", "favicon.svg"):
        shutil.copyfile(PACKAGE_DIR / "static" / name, static / name)
    # paths relative to the book's folder, so that the config (and .buildinfo) is the same
    # wherever the book is built
    config.html_static_path = list(config.html_static_path) + [os.path.relpath(static, app.confdir)]
    config.templates_path = list(config.templates_path) + [str(PACKAGE_DIR / "templates")]
    config.html_favicon = config.html_favicon or os.path.relpath(static / "favicon.svg", app.confdir)
    options = dict(config.html_theme_options or {})
    options["footer_content_items"] = ["author.html", "copyright.html", "dushanbe-footer.html"]
    config.html_theme_options = options
    meta = book_metadata()
    config.html_context = dict(config.html_context or {}, dushanbe_data_version=meta["data_version"],
                               dushanbe_book_version=meta["version"], dushanbe_build_date=_build_date())


def _place_mystnb_css(app) -> None:
    """Put myst-nb's stylesheet in the output before pages are written. myst-nb copies it only
    when the build finishes, so a clean build's pages link it without the ``?v=`` checksum and a
    rebuild's with it: the same page, two byte sequences."""
    if app.builder.format != "html":
        return
    from myst_nb import static
    from myst_nb.sphinx_ext import _get_file_hash, _import_resources_path

    with _import_resources_path(static, "mystnb.css") as source:
        target = Path(app.outdir) / "_static" / f"mystnb.{_get_file_hash(source)}.css"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def _on_builder_inited(app):
    _place_mystnb_css(app)
    app.add_css_file("dushanbe.css")
    app.add_js_file("dushanbe.js", loading_method="defer")


#: Markup from other extensions that accessibility checkers (axe-core) flag, and its repair.
ACCESSIBILITY_FIXES = (
    # myst-nb's "Show code cell source" toggles: the visible text is the better accessible name
    (re.compile(r'<summary aria-label="Toggle hidden content">'), "<summary>"),
    # docutils citation lists: role="list" whose children are not list items, and a deprecated role
    (re.compile(r'<div role="list" class="citation-list">'), '<div class="citation-list">'),
    (re.compile(r' role="doc-biblioentry"'), ""),
    # code blocks may scroll sideways: keyboard users must be able to focus them to scroll
    (re.compile(r'<div class="highlight"><pre>'), '<div class="highlight"><pre tabindex="0">'),
    # myst-nb's hide-input toggles put <p> in <summary>, which HTML forbids: use <span>
    (re.compile(r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>'),
     r'<span class="\1 admonition-title">\2</span>'),
)

#: Markup in the theme's layout (outside the page body) that the Nu HTML Checker rejects, and
#: its repair, applied to every written page when the build finishes.
LAYOUT_FIXES = (
    # a non-standard attribute on the theme's search input (Safari-only)
    (re.compile(r'\s+autocorrect="off"'), ""),
)

REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}"></head>
<body><p><a href="{target}">{title}</a></p></body></html>
"""


def repair_layout(html_text: str) -> str:
    """Apply :data:`LAYOUT_FIXES` to a whole page.

    >>> repair_layout('<input type="search" autocomplete="off" autocorrect="off">')
    '<input type="search" autocomplete="off">'
    """
    for pattern, replacement in LAYOUT_FIXES:
        html_text = pattern.sub(replacement, html_text)
    return html_text


def _repair_site(app, exception):
    """Repair the theme's layout markup in every page, and write the root redirect page as a
    valid HTML document (sphinx-external-toc's is a bare <meta>), before that extension looks."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    for page in out.rglob("*.html"):
        if "_static" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        fixed = repair_layout(text)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    if app.config.root_doc != "index":
        target = app.builder.get_target_uri(app.config.root_doc)
        (out / "index.html").write_text(REDIRECT.format(title=html.escape(book_metadata()["title"]),
                                                        target=html.escape(target)), encoding="utf-8")


def accessible_body(body: str) -> str:
    """Apply :data:`ACCESSIBILITY_FIXES` to a page body.

    >>> accessible_body('<summary aria-label="Toggle hidden content">Show</summary>')
    '<summary>Show</summary>'
    """
    for pattern, replacement in ACCESSIBILITY_FIXES:
        body = pattern.sub(replacement, body)
    return body


def _on_html_page_context(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = accessible_body(context["body"])
    if pagename in _env_figures(app.env):
        # plotly.js is fetched by dushanbe.js once the page has loaded, so text paints first
        src = context["pathto"](f"_static/{plotly_js_name()}", 1)
        app.add_js_file(None, body=f"window.DUSHANBE_PLOTLY = {json.dumps(src)};", priority=400)
    # Thebe (live code) is off, but sphinx-thebe still declares its config script twice on each
    # page, a console error; drop it. Restored by Sphinx after the page is written.
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [js for js in scripts if "thebe" not in (getattr(js, "filename", "") or "").lower()
                      and "THEBE_JS_URL" not in (getattr(js, "attributes", {}) or {}).get("body", "")]


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def inline_script(js: str) -> str:
    r"""Make JavaScript safe to inline in HTML: control characters, which HTML forbids, become
    ``\xHH`` escapes (in plotly.js they sit inside string literals, where that is equivalent), and
    ``</script`` cannot end the element early.

    >>> inline_script('a = "\x01</script>"')
    'a = "\\x01<\\/script>"'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", js).replace("</script", "<\\/script")


def _standalone_html(record: dict, fig_json: str, plotly_js: str, number: int, url: str,
                     meta: dict) -> str:
    esc = html.escape
    sources = ", ".join(record["source_ids"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figure {number}: {esc(record['title'])} — {esc(meta['title'])}</title>
<script>{inline_script(plotly_js)}</script>
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:1.5rem auto;padding:0 1rem;color:#222}}</style>
</head><body>
<main>
<h1>Figure {number}. {esc(record['title'])}</h1>
<div id="{esc(record['id'])}-plot" aria-describedby="desc" style="height:{int(record['height'])}px"></div>
<p>{esc(record['caption'])}</p>
<p id="desc"><strong>What the chart shows.</strong> {esc(record['description'])}</p>
<p><strong>Sources</strong> (see {esc(record['id'])}.sources.csv): {esc(sources)}</p>
<p><strong>From:</strong> {esc(meta['title'])}, version {esc(meta['version'])}, data version {esc(meta['data_version'])}. <a href="{esc(url if "://" in url else "../" + url)}">{esc(url)}</a></p>
<p><strong>Licence:</strong> {esc(LICENCE)}</p>
</main>
<script>
var fig = {script_json(json.loads(fig_json))};
Plotly.newPlot("{esc(record['id'])}-plot", fig.data, fig.layout, {json.dumps(record['config'])})
  .then(function (gd) {{ if (fig.frames) {{ return Plotly.addFrames(gd, fig.frames); }} }});
</script>
</body></html>
"""


def _write_stable_notebook(source: Path, target: Path) -> None:
    """Copy an executed notebook with its cell ids made stable (``<name>-<n>``): jupytext draws
    them at random, and two builds of the same book must give the same bytes."""
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for number, cell in enumerate(notebook.get("cells", []), 1):
        if "id" in cell:
            cell["id"] = f"{source.stem}-{number}"
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                      encoding="utf-8")


def _copy_inputs(app):
    """Publish the data folder and the notebooks' text sources beside the pages."""
    root, out = Path(app.srcdir), Path(app.outdir)
    target = out / "data"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(root / "data", target)
    executed = out.parent / "jupyter_execute"
    for doc in sorted(app.env.found_docs):
        source = Path(app.env.doc2path(doc))
        if source.suffix == ".md" and doc.startswith("notebooks/"):
            (out / doc).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, out / f"{doc}.md")
            notebook = executed / f"{doc}.ipynb"   # the executed notebook, outputs included
            if notebook.is_file():
                _write_stable_notebook(notebook, out / f"{doc}.ipynb")
            else:
                logger.warning(f"{doc}: no executed notebook at {notebook}", type="dushanbe")


def _on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    _copy_inputs(app)
    numbers = getattr(app.env, "dushanbe_numbers", {})
    store = _store(app)
    outdir = Path(app.outdir) / "figures"
    outdir.mkdir(parents=True, exist_ok=True)
    meta = book_metadata()
    plotly_js = plotly_bundle(Path(app.srcdir)).read_text(encoding="utf-8")
    registry = []
    for fid, info in sorted(numbers.items(), key=lambda kv: kv[1]["number"]):
        record = _read_meta(store, fid)
        if record is None:
            logger.warning(f"figure {fid!r}: no files in {store}; delete _build and build again",
                           type="dushanbe")
            continue
        for kind, name in record["files"].items():
            if kind == "html":
                continue
            source = store / name
            if not source.is_file():
                logger.warning(f"figure {fid!r}: missing {source}", type="dushanbe")
                continue
            shutil.copyfile(source, outdir / name)
        rel, absolute = _permalink(app, info["docname"], fid)
        fig_json = (store / record["files"]["json"]).read_text(encoding="utf-8")
        (outdir / record["files"]["html"]).write_text(
            _standalone_html(record, fig_json, plotly_js, info["number"], absolute, meta),
            encoding="utf-8")
        registry.append({
            "id": fid, "number": info["number"], "title": record["title"],
            "caption": record["caption"], "description": record["description"],
            "page": rel.split("#")[0], "anchor": fid, "permalink": absolute,
            "files": {k: f"figures/{v}" for k, v in sorted(record["files"].items())},
            "source_ids": record["source_ids"],
            "book_version": meta["version"], "data_version": record["data_version"],
        })
    document = {"book": meta["title"], "book_version": meta["version"],
                "data_version": meta["data_version"], "licence": LICENCE, "figures": registry}
    (outdir / "registry.json").write_text(json.dumps(document, indent=1, sort_keys=True,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")


def setup(app):
    app.add_node(figure_list)
    app.add_directive("figure-list", FigureListDirective)
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("source-read", _on_source_read)
    app.connect("doctree-read", _on_doctree_read)
    app.connect("env-purge-doc", _on_purge)
    app.connect("env-updated", _on_env_updated)
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.connect("html-page-context", _on_html_page_context)
    app.connect("build-finished", _on_build_finished)
    app.connect("build-finished", _repair_site, priority=100)   # before sphinx-external-toc
    return {"version": "0.1", "parallel_read_safe": False, "parallel_write_safe": True,
            "env_version": 1}
