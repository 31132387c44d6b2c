"""Files and registry: when the build finishes, copy each chart's files into ``figures/``,
write a standalone page per chart and the machine-readable ``figures/registry.json``, and
publish the data and the notebooks (text and executed) beside the pages.
"""
from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

from sphinx.util import logging

from ..contract import FILE_KINDS, LICENCE, read_record, script_json
from ..meta import book_metadata, site_address
from .config import PACKAGE_DIR, copy_if_changed, figure_store_of, plotly_bundle
from .numbering import permalink

__all__ = ["inline_script", "link_preview"]

logger = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def inline_script(js: str) -> str:
    r"""Make JavaScript safe to inline in HTML: control characters, which HTML forbids, become
    ``\xHH`` escapes (in plotly.js they sit inside string literals, where that is equivalent), and
    ``</script`` cannot end the element early.

    >>> inline_script('a = "\x01</script>"')
    'a = "\\x01<\\/script>"'
    """
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", js).replace("</script", "<\\/script")


def link_preview(title: str, description: str, image: str) -> str:
    """Return the Open Graph and Twitter card tags that make a link to a page preview with its
    chart's title, text and image.

    >>> link_preview("T", "D <b>", "figures/a.png").splitlines()[1]
    '<meta property="og:description" content="D &lt;b&gt;">'
    """
    esc = html.escape
    return "\n".join([
        f'<meta property="og:title" content="{esc(title)}">',
        f'<meta property="og:description" content="{esc(description[:300])}">',
        *([f'<meta property="og:image" content="{esc(image)}">'] if image else []),
        '<meta property="og:type" content="article">',
        '<meta name="twitter:card" content="summary_large_image">',
    ])


def source_items(rows: list[dict]) -> str:
    """Return the sources as an HTML list of readable citations, each linked to its page.

    >>> source_items([{"publisher": "TASS", "title": "A <b>", "url": "https://t.ru/1",
    ...                "published": "2022-01-05", "accessed": "2026-11-27", "source_id": "t"}])
    '<ul class="sources"><li><a href="https://t.ru/1">TASS, “A &lt;b&gt;”</a> (published 2022-01-05; accessed 2026-11-27; <code>t</code>)</li></ul>'
    """
    esc = html.escape
    items = "".join(
        f'<li><a href="{esc(r["url"])}">{esc(r["publisher"])}, “{esc(r["title"])}”</a> ('
        + (f'published {esc(r["published"])}; ' if r.get("published") else "")
        + f'accessed {esc(r["accessed"])}; <code>{esc(r["source_id"])}</code>)</li>' for r in rows)
    return f'<ul class="sources">{items}</ul>'


def _standalone_html(record: dict, fig_json: str, plotly_js: str, number: int, url: str,
                     meta: dict, sources: list[dict] | None = None, helpers_js: str = "") -> str:
    esc = html.escape
    downloads = " · ".join(f'<a href="{esc(record["files"][kind])}" download>{label}</a>'
                           for kind, (_, label) in FILE_KINDS.items() if kind != "html")
    image = site_address(meta, f"figures/{record['files']['png']}", record["files"]["png"])
    subtitle = f"<p><em>{esc(record['subtitle'])}</em></p>" if record.get("subtitle") else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Figure {number}: {esc(record['title'])} — {esc(meta['title'])}</title>
{link_preview(f"Figure {number}: {record['title']}", record['description'], image)}
<script>{plotly_js}</script>
<style>body{{font-family:Helvetica,Arial,sans-serif;max-width:1000px;margin:1.5rem auto;padding:0 1rem;color:#222}}</style>
</head><body>
<main>
<h1>Figure {number}. {esc(record['title'])}</h1>
{subtitle}
<div id="{esc(record['id'])}-plot" aria-describedby="desc" style="height:{int(record['height'])}px"></div>
<p>{esc(record['caption'])}</p>
<p id="desc"><strong>What the chart shows.</strong> {esc(record['description'])}</p>
<p><strong>Sources</strong> ({len(sources or [])}; also in {esc(record['files']['sources'])}):</p>
{source_items(sources or [])}
<p><strong>From:</strong> {esc(meta['title'])}, version {esc(meta['version'])}, data version {esc(meta['data_version'])}. <a href="{esc(url if "://" in url else "../" + url)}">{esc(url)}</a></p>
<p><strong>Licence:</strong> {esc(LICENCE)}</p>
<p><strong>Download:</strong> {downloads}</p>
</main>
<script>{helpers_js}</script>
<script>
var fig = {script_json(json.loads(fig_json))};
var plot = document.getElementById("{esc(record['id'])}-plot");
if (window.DushanbeCharts && !window.DushanbeCharts.narrowSettings(plot, fig)) {{
  window.DushanbeCharts.fitToWidth(plot, fig.layout);
}}
var config = {json.dumps(record['config'])};
Plotly.newPlot(plot, fig.data, fig.layout, window.DushanbeCharts ? window.DushanbeCharts.touchConfig(config) : config)
  .then(function (gd) {{ if (fig.frames) {{ return Plotly.addFrames(gd, fig.frames); }} }});
</script>
</body></html>
"""


def _read_sources(path: Path) -> list[dict]:
    """The rows of a chart's sources CSV (empty if the file is missing)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


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
            copy_if_changed(source, out / f"{doc}.md")
            notebook = executed / f"{doc}.ipynb"   # the executed notebook, outputs included
            if notebook.is_file():
                _write_stable_notebook(notebook, out / f"{doc}.ipynb")
            else:
                logger.warning(f"{doc}: no executed notebook at {notebook}", type="dushanbe")


def on_build_finished(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    _copy_inputs(app)
    numbers = getattr(app.env, "dushanbe_numbers", {})
    store = figure_store_of(app)
    outdir = Path(app.outdir) / "figures"
    outdir.mkdir(parents=True, exist_ok=True)
    meta = book_metadata()
    plotly_js = inline_script(plotly_bundle(Path(app.srcdir)).read_text(encoding="utf-8"))  # once
    helpers_js = inline_script((PACKAGE_DIR / "static" / "dushanbe.js").read_text(encoding="utf-8"))
    registry = []
    for fid, info in sorted(numbers.items(), key=lambda kv: kv[1]["number"]):
        record = read_record(store, fid)
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
            copy_if_changed(source, outdir / name)
        rel, absolute = permalink(app, info["docname"], fid)
        fig_json = (store / record["files"]["json"]).read_text(encoding="utf-8")
        (outdir / record["files"]["html"]).write_text(
            _standalone_html(record, fig_json, plotly_js, info["number"], absolute, meta,
                             _read_sources(store / record["files"]["sources"]), helpers_js),
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
    # a chart renamed or removed leaves no stale files behind
    kept = {"registry.json"} | {name for entry in registry for name in
                                (Path(p).name for p in entry["files"].values())}
    for stale in outdir.iterdir():
        if stale.is_file() and stale.name not in kept:
            stale.unlink()
    (outdir / "registry.json").write_text(json.dumps(document, indent=1, sort_keys=True,
                                                     ensure_ascii=False) + "\n", encoding="utf-8")
