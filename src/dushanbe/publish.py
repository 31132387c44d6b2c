"""Publish a chart: the one place that knows about HTML, files, citations and the registry.

:func:`publish` takes a plotly figure and its :class:`~dushanbe.figures.FigureSpec`, writes the
chart's files to the figure store (data CSV, sources CSV, figure JSON, PNG, SVG and a metadata
record) and returns the HTML block the page shows: the chart, its number and title, caption,
text description, data table, sources, "Cite this chart" (short, full, BibTeX), licence and
downloads.

Numbers, permalinks and dates depend on the whole book, so the block carries the tokens of
:mod:`dushanbe.contract`, which the book's Sphinx extension (:mod:`dushanbe.bookext`) fills in;
in a live Jupyter session they show as written.
"""
from __future__ import annotations


import hashlib
import json
import os
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from .data import load_table
from .meta import book_metadata, site_address
from .paths import figure_store
from .provenance import figure_source_ids
from .contract import (BUNDLED_TRACES, ENV_BOOK_BUILD, FILE_KINDS, LICENCE, ROOT_TOKEN, TODAY_TOKEN,
                       YEAR_TOKEN, fignum, figurl, script_json, write_record)
from .markup import data_table_html, esc as _esc

__all__ = ["FigureSpec", "publish", "script_json", "book_metadata", "FILE_KINDS", "render_block", "cite_texts",
           "export_figure", "chart_address", "embed_code",
           "short_sources", "stable_svg"]

_ID = re.compile(r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class FigureSpec:
    """Everything a chart needs besides its drawing: identity, words, sources and data.

    ``id`` is the chart's stable address (``fig-…``, lower case, hyphens); ``title`` states the
    chart's finding and ``subtitle`` what is plotted and as of when; ``description`` is the
    text alternative for readers who cannot see the chart; ``data`` is the tidy table plotted,
    published as CSV beside the chart, with a ``source_id`` column (';'-separated keys of
    ``data/sources.csv``) on every row; ``source_ids`` lists the chart's sources for its source
    line first; every other source named in ``data`` is added after them, so the chart's
    sources line, cite note, sources CSV and registry entry all name the same list.
    """

    id: str
    title: str
    caption: str
    description: str
    data: pd.DataFrame
    source_ids: list[str] = field(default_factory=list)
    subtitle: str = ""
    width: int = 900
    height: int = 600
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if not _ID.match(self.id):
            raise ValueError(f"figure id {self.id!r} must look like 'fig-network-2021-09-16'")
        if "source_id" not in self.data.columns:
            raise ValueError(f"figure {self.id!r}: its data need a source_id column, so every "
                             "plotted row can be traced to data/sources.csv")
        # one list of sources for the source line, cite note, BibTeX, sources CSV and registry
        self.source_ids = figure_source_ids(self.source_ids, self.data)
        if not self.source_ids:
            raise ValueError(f"figure {self.id!r} names no source")
        for name in ("title", "caption", "description"):
            if not getattr(self, name).strip():
                raise ValueError(f"figure {self.id!r} has an empty {name}")


def _sources_frame(source_ids: list[str]) -> pd.DataFrame:
    sources = load_table("sources")
    missing = [s for s in source_ids if s not in set(sources["source_id"])]
    if missing:
        raise KeyError(f"unknown source_id(s) {missing}: add them to data/sources.csv")
    picked = sources.set_index("source_id").loc[source_ids].reset_index()
    return picked.drop(columns=["row"])


def cite_texts(spec: FigureSpec, meta: dict, number: str, url: str, today: str,
               year: str | None = None) -> dict:
    """Return the short, full and BibTeX citations of one chart (``year`` defaults to today's)."""
    year = year or today[:4]
    short = f"{meta['author']} ({year}), Figure {number}"
    full = (f"{meta['author']} ({year}). Figure {number}: {spec.title}. In {meta['title']} "
            f"(version {meta['version']}, data version {meta['data_version']}). "
            f"Retrieved {today} from {url}")
    key = f"dushanbe:{spec.id}"
    bibtex = "\n".join([
        f"@misc{{{key},",
        f"  author       = {{{{{meta['author']}}}}},",
        f"  title        = {{Figure {number}: {spec.title}}},",
        f"  howpublished = {{In: {meta['title']}, version {meta['version']}, data version {meta['data_version']}}},",
        f"  year         = {{{year}}},",
        f"  url          = {{{url}}},",
        f"  urldate      = {{{today}}},",
        f"  note         = {{Sources: {'; '.join(spec.source_ids)}}}",
        "}",
    ])
    return {"short": short, "full": full, "bibtex": bibtex}


def _frame_control(spec: FigureSpec, frames: list[str], active: str | None) -> str:
    """A native, keyboard-usable list of the chart's animation frames (dates)."""
    if not frames:
        return ""
    options = "".join(f'<option value="{_esc(n)}"{" selected" if n == active else ""}>{_esc(n)}</option>'
                      for n in frames)
    return (f'<p class="dushanbe-frames"><label for="{_esc(spec.id)}-frame">Show the chart for</label> '
            f'<select id="{_esc(spec.id)}-frame" class="dushanbe-frame-select" '
            f'data-plot="{_esc(spec.id)}-plot">{options}</select></p>')


def short_sources(sources: pd.DataFrame, limit: int = 4) -> str:
    """Return the sources' publishers in short (before any parenthesis), each once, the first
    ``limit`` named and the rest counted as publishers (a publisher may stand for several
    documents, so the count of documents is said separately).

    >>> short_sources(pd.DataFrame({"publisher": ["TASS", "TASS", "RFE/RL (with Interfax)", "A", "B", "C", "D"]}))
    'TASS, RFE/RL, A, B and 2 more publishers'
    """
    names = list(dict.fromkeys(p.split(" (")[0].strip() for p in sources["publisher"]))
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    return shown + (f" and {rest} more publisher{'s' if rest > 1 else ''}" if rest > 0 else "")


def render_block(spec: FigureSpec, plot_html: str, sources: pd.DataFrame, meta: dict,
                 frames: list[str] | None = None, active: str | None = None) -> str:
    """Return the figure block's HTML (with tokens for number, permalink, root and date)."""
    fid = _esc(spec.id)
    subtitle = f'<span class="dushanbe-subtitle"> {_esc(spec.subtitle)}</span>' if spec.subtitle else ""
    number, url = fignum(spec.id), figurl(spec.id)
    cites = cite_texts(spec, meta, number, url, TODAY_TOKEN, year=YEAR_TOKEN)
    source_items = "; ".join(
        f'<a href="{_esc(r.url)}">{_esc(r.publisher)}, “{_esc(r.title)}”</a>'
        f' ({"published " + r.published.strftime("%Y-%m-%d") + ", " if pd.notna(r.published) else ""}'
        f'accessed {r.accessed.strftime("%Y-%m-%d")}; <code>{_esc(r.source_id)}</code>)'
        for r in sources.itertuples(index=False))
    downloads = " · ".join(
        f'<a class="dushanbe-download" href="{ROOT_TOKEN}figures/{fid}{suffix}" download>{label}</a>'
        for kind, (suffix, label) in FILE_KINDS.items())
    return f"""<figure class="dushanbe-figure" id="{fid}" data-dushanbe-figure="{fid}" aria-labelledby="{fid}-title" aria-describedby="{fid}-desc">
<figcaption class="dushanbe-figure-title" id="{fid}-title"><a class="dushanbe-permalink" href="#{fid}" title="Permalink to this chart">Figure {number}</a>. {_esc(spec.title)}{subtitle}</figcaption>
{_frame_control(spec, frames or [], active)}<div class="dushanbe-plot">
{plot_html}
</div>
<p class="dushanbe-caption">{_esc(spec.caption)}</p>
<details class="dushanbe-description-fold"{" open" if len(spec.description) <= 400 else ""}><summary><strong>What the chart shows</strong> (the chart in words)</summary>
<p class="dushanbe-description" id="{fid}-desc">{_esc(spec.description)}</p></details>
<details class="dushanbe-sources-list"><summary><strong>Sources ({len(sources)} document{"s" if len(sources) != 1 else ""}):</strong> {_esc(short_sources(sources))}</summary>
<p class="dushanbe-sources"><strong>Sources:</strong> {source_items}.</p>
</details>
<details class="dushanbe-data"><summary>Data table</summary>
{data_table_html(spec.data)}
</details>
<details class="dushanbe-cite"><summary>Cite this chart</summary>
<p><strong>Short:</strong> <span class="dushanbe-cite-short">{_esc(cites['short'])}</span></p>
<p><strong>Full:</strong> <span class="dushanbe-cite-full" data-permalink="{url}" data-built="{TODAY_TOKEN}">{_esc(cites['full'])}</span></p>
<p><strong>BibTeX:</strong></p>
<pre class="dushanbe-bibtex" data-permalink="{url}" data-built="{TODAY_TOKEN}">{_esc(cites['bibtex'])}</pre>
<p><strong>Embed:</strong></p>
<pre class="dushanbe-embed" data-standalone="{ROOT_TOKEN}figures/{fid}.html">{_esc(embed_code(spec, ROOT_TOKEN + "figures/" + spec.id + ".html"))}</pre>
</details>
<p class="dushanbe-licence"><strong>Licence:</strong> {_esc(LICENCE)}</p>
<p class="dushanbe-downloads"><strong>Download:</strong> {downloads}</p>
</figure>"""


def embed_code(spec: FigureSpec, src: str) -> str:
    """Return the ``<iframe>`` that embeds a chart's standalone page (which carries its title,
    sources, licence and address) in another page."""
    return (f'<iframe src="{_esc(src)}" title="{_esc(spec.title)}" width="100%" '
            f'height="{int(spec.height) + 260}" style="border:0" loading="lazy"></iframe>')


def _in_jupyter() -> bool:
    """True inside a Jupyter kernel (not in plain Python, pytest, or the book's build)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def plot_markup(spec: FigureSpec, figure: dict, config: dict) -> str:
    """The chart's place in the page: a div that first shows the chart's static image at its
    final size (so the page paints at once and does not shift), the figure as inert JSON that
    ``dushanbe.js`` draws in its place once the reader scrolls, points or types (plotly.js is
    fetched only then), and the SVG image for readers without JavaScript."""
    payload = script_json({"figure": figure, "config": config})
    fid = _esc(spec.id)
    return (f'<div id="{fid}-plot" class="dushanbe-plotly" style="height:{int(spec.height)}px">'
            f'<img class="dushanbe-static" src="{ROOT_TOKEN}figures/{fid}.preview.webp" alt="" '
            f'width="{int(spec.width)}" height="{int(spec.height)}" loading="lazy" decoding="async"></div>\n'
            f'<script type="application/json" class="dushanbe-plotly-data" data-plot="{_esc(spec.id)}-plot">'
            f"{payload}</script>\n"
            f'<noscript><img src="{ROOT_TOKEN}figures/{_esc(spec.id)}.svg" alt="{_esc(spec.title)}" '
            f'style="max-width:100%"></noscript>')


#: The 6-hex-digit random part of the ids plotly.js writes (after defs-, topdefs-, clip, legend…).
_PLOTLY_ID = re.compile(r"(?:defs-|clip|legend-?|-|\bp)([0-9a-f]{6})")
_ID_SPANS = re.compile(r'\bid="[^"]*"|url\([\'"]?#[^)]*\)|href="#[^"]*"')


def stable_svg(svg: str, seed: str) -> str:
    """Replace the random ids plotly.js writes into an SVG (``defs-078ebb``, ``clip078ebbxy``,
    ``legend-2a3818`` …) with ids derived from ``seed``, so the same chart exports the same bytes.

    >>> a = stable_svg('<g id="defs-078ebb"><clipPath id="legend200e23"/><use href="#clip078ebbxy"/>'
    ...                '<pattern id="p37468d-f205b0"/><path style="fill: url(\'#p37468d-f205b0\')" '
    ...                'd="M0.078ebb"/></g>', "fig-x")
    >>> b = stable_svg('<g id="defs-5f1c2d"><clipPath id="legend07b547"/><use href="#clip5f1c2dxy"/>'
    ...                '<pattern id="p5fd8e0-5428ed"/><path style="fill: url(\'#p5fd8e0-5428ed\')" '
    ...                'd="M0.078ebb"/></g>', "fig-x")
    >>> a == b, "defs-078ebb" in a, 'd="M0.078ebb"' in a
    (True, False, True)
    """
    tokens: dict[str, str] = {}
    for value in re.findall(r'\bid="([^"]*)"', svg):
        for token in _PLOTLY_ID.findall(value):
            if token not in tokens:
                digest = hashlib.sha256(f"{seed}:{len(tokens)}".encode()).hexdigest()
                tokens[token] = "z" + digest[:5]   # 'z' is not hex: cannot collide with an id

    def fix(match):
        text = match.group(0)
        for token, replacement in tokens.items():
            text = text.replace(token, replacement)
        return text

    # only inside ids and references to them, never in coordinates or text
    return _ID_SPANS.sub(fix, svg)


def chart_address(spec_id: str, meta: dict) -> str:
    """Return a chart's permanent address: its standalone page under the book's base URL, or,
    while no base URL is set, that page's path in the book's site.

    >>> chart_address("fig-a", {"baseurl": "https://example.org/book/"})
    'https://example.org/book/figures/fig-a.html'
    >>> chart_address("fig-a", {"baseurl": ""})
    'figures/fig-a.html'
    """
    return site_address(meta, f"figures/{spec_id}.html")


def export_figure(fig: go.Figure, spec: FigureSpec, sources: pd.DataFrame, meta: dict) -> go.Figure:
    """Return the figure as exported to PNG and SVG: it carries the chart's title and subtitle,
    a short source line, the licence and the chart's address, so that it keeps its provenance
    when it is pasted into a slide or a page (as Our World in Data's exports do)."""
    import textwrap

    out = go.Figure(fig)
    title = "<br>".join(textwrap.wrap(spec.title, 80))
    subtitle = "<br>".join(textwrap.wrap(spec.subtitle, 110)) if spec.subtitle else ""
    source = "<br>".join(textwrap.wrap(
        f"Source: {short_sources(sources)} · {meta['title'].split(':')[0]} · CC BY 4.0 · "
        f"{chart_address(spec.id, meta)}", 130, break_on_hyphens=False, break_long_words=False))
    grey = "<span style='font-size:{size}px;color:#555'>{text}</span>"
    text = "<br>".join([f"<b>{title}</b>", *([grey.format(size=13, text=subtitle)] if subtitle else []),
                        grey.format(size=11, text=source)])
    lines = text.count("<br>") + 1
    top = 30 + 22 * lines
    margin = out.layout.margin
    out.update_layout(
        title=dict(text=text, x=0.01, xanchor="left", xref="container", y=1, yanchor="top",
                   yref="container", pad=dict(t=22), font=dict(size=17)),
        margin=dict(t=(margin.t or 30) + top, b=margin.b, l=margin.l, r=margin.r),
        height=spec.height + top)
    return out


def _write_images(fig: go.Figure, preview: go.Figure, spec: FigureSpec, store: Path) -> None:
    import kaleido

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            kaleido.start_sync_server(silence_warnings=True)
        except Exception:  # already running in this kernel
            pass
        for kind in ("png", "svg"):
            fig.write_image(store / f"{spec.id}.{kind}", format=kind, width=spec.width,
                            height=fig.layout.height or spec.height, scale=2 if kind == "png" else 1)
        # the page's stand-in until the interactive chart is drawn: the chart alone, at its size
        preview.write_image(store / f"{spec.id}.preview.webp", format="webp", width=spec.width,
                            height=spec.height, scale=1)
    svg = store / f"{spec.id}.svg"
    svg.write_text(stable_svg(svg.read_text(encoding="utf-8"), spec.id), encoding="utf-8")


def publish(fig: go.Figure, spec: FigureSpec, *, images: bool = True):
    """Write the chart's files and return its HTML block for display in the notebook."""
    store = figure_store()
    store.mkdir(parents=True, exist_ok=True)
    meta = book_metadata()
    source_ids = spec.source_ids
    sources = _sources_frame(source_ids)
    fig = go.Figure(fig)
    fig.update_layout(title=None)
    if fig.layout.height:   # a builder that sizes its chart to its content sets the page's box too
        spec = replace(spec, height=int(fig.layout.height))
    for number, trace in enumerate(fig.data):   # plotly.js would draw random ids for these
        trace.uid = trace.uid or f"t{number}"
    used = {trace.type for trace in fig.data} | {t.type for f in fig.frames for t in f.data}
    if used - BUNDLED_TRACES:
        raise ValueError(f"figure {spec.id!r} uses {sorted(used - BUNDLED_TRACES)}, which the book's "
                         f"plotly.js bundle ({', '.join(sorted(BUNDLED_TRACES))}) cannot draw")
    config = {"displaylogo": False, "responsive": True,
              "toImageButtonOptions": {"filename": spec.id, "scale": 2}}
    figure = json.loads(fig.to_json())
    plot_html = plot_markup(spec, figure, config)
    data = spec.data.copy()
    for col in data.columns:
        if pd.api.types.is_datetime64_any_dtype(data[col]):
            data[col] = data[col].dt.strftime("%Y-%m-%d")
    data.to_csv(store / f"{spec.id}.csv", index=False, lineterminator="\n")
    sources.assign(accessed=sources["accessed"].dt.strftime("%Y-%m-%d"),
                   published=sources["published"].dt.strftime("%Y-%m-%d")) \
        .to_csv(store / f"{spec.id}.sources.csv", index=False, lineterminator="\n")
    (store / f"{spec.id}.json").write_text(json.dumps(figure, sort_keys=True), encoding="utf-8")
    if images:
        _write_images(export_figure(fig, spec, sources, meta), fig, spec, store)
    record = {
        "id": spec.id, "title": spec.title, "subtitle": spec.subtitle, "caption": spec.caption,
        "description": spec.description, "source_ids": source_ids,
        "files": {**{kind: f"{spec.id}{suffix}" for kind, (suffix, _) in FILE_KINDS.items()},
                  **({"preview": f"{spec.id}.preview.webp"} if images else {})},
        "book_version": meta["version"], "data_version": meta["data_version"],
        "config": config, "height": spec.height,
    }
    write_record(store, record)
    from IPython.display import HTML
    if _in_jupyter() and not os.environ.get(ENV_BOOK_BUILD):
        fig.show()  # in Jupyter, draw the chart too; the book draws it from the block below
    frames = [f.name for f in fig.frames] if fig.frames else []
    sliders = fig.layout.sliders
    active = frames[sliders[0].active or 0] if frames and sliders else (frames[0] if frames else None)
    return HTML(render_block(spec, plot_html, sources, meta, frames, active))
