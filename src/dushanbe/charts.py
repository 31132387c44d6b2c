"""A chart is data: a plotly figure and its record, shown as one MIME bundle.

:func:`publish` joins a figure from :mod:`dushanbe.figures` to its :class:`ChartRecord` (identity,
words, sources, the tidy data plotted) and returns a :class:`Chart`. Displayed in a notebook, a
chart is a MIME bundle with two parts:

* :data:`PLOTLY_MIME`, the figure itself, which JupyterLab, VS Code or any viewer with plotly's
  renderer draws as it is;
* :data:`CHART_MIME`, the chart's record, which the book's Sphinx extension turns into a numbered
  figure with its caption, text alternative, sources, data table, cite text and downloads
  (:mod:`dushanbe.bookext.render`).

Nothing is written to disk and nothing depends on where the notebook runs: the book writes the
chart's files from the bundle when it is built.

>>> import pandas as pd, plotly.graph_objects as go
>>> sources = pd.DataFrame({"source_id": ["s"], "publisher": ["P"], "title": ["T"],
...     "url": ["https://p.org/t"], "kind": ["news"], "accessed": pd.to_datetime(["2026-11-27"]),
...     "published": pd.to_datetime([None])})
>>> record = ChartRecord(id="fig-x", title="A finding", caption="What is drawn.",
...     description="Two bars.", data=pd.DataFrame({"v": [1], "source_id": ["s"]}))
>>> chart = publish(go.Figure(go.Bar(y=[1, 2])), record, sources)
>>> sorted(chart._repr_mimebundle_())
['application/vnd.dushanbe.chart+json', 'application/vnd.plotly.v1+json', 'text/plain']
>>> chart.bundle()[CHART_MIME]["sources"][0]["publisher"]
'P'
>>> sorted(lead(chart)._repr_mimebundle_()[LEAD_MIME])   # the same chart, as another page's lead
['description', 'id', 'subtitle', 'title']
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from .figures._layout import titled, wrap_label
from .provenance import figure_source_ids

__all__ = ["PLOTLY_MIME", "CHART_MIME", "LEAD_MIME", "BUNDLED_TRACES", "WIDTH", "ChartRecord", "Chart",
           "Lead", "publish", "lead", "figure_json", "records_json"]

#: The MIME type of a plotly figure, drawn natively by Jupyter front ends that have plotly.
PLOTLY_MIME = "application/vnd.plotly.v1+json"

#: The MIME type of a chart's record, read by the book's extension.
CHART_MIME = "application/vnd.dushanbe.chart+json"

#: The MIME type of a chart shown again as a page's lead graphic (:func:`lead`).
LEAD_MIME = "application/vnd.dushanbe.lead+json"

#: Trace types of the plotly.js basic bundle the book serves (scatter, bar, pie): a chart may use
#: only these, or the book could not draw it.
BUNDLED_TRACES = frozenset({"scatter", "bar", "pie"})

#: The width in pixels each chart is designed at (its images are drawn at this width).
WIDTH = 900

_ID = re.compile(r"^fig-[a-z0-9]+(-[a-z0-9]+)*$")

#: Columns of ``sources.csv`` that travel with a chart, so that its cite text and sources line
#: can be written without the data files.
SOURCE_FIELDS = ("source_id", "publisher", "title", "url", "kind", "published", "accessed")


@dataclass(frozen=True, eq=False)
class ChartRecord:
    """Everything a chart needs besides its drawing.

    Parameters
    ----------
    id : str
        The chart's permanent address, ``fig-`` then lower-case words joined by hyphens
        (``fig-network-2021-09-16``). It is the chart's anchor, file name and cite key.
    title : str
        The chart's finding, in a sentence.
    caption : str
        How to read the chart: what is drawn, and how.
    description : str
        The text alternative: what the chart shows, for a reader who cannot see it.
    data : pandas.DataFrame
        The tidy table plotted, published beside the chart. Every row names its sources in a
        ``source_id`` column (``;``-separated keys of ``data/sources.csv``).
    source_ids : list of str, optional
        Sources to name first; every other source the data rows name follows them.
    subtitle : str, optional
        What is plotted, and as of when.
    """

    id: str
    title: str
    caption: str
    description: str
    data: pd.DataFrame = field(repr=False)
    source_ids: tuple[str, ...] = ()
    subtitle: str = ""

    def __post_init__(self):
        if not _ID.match(self.id):
            raise ValueError(f"chart id {self.id!r} must look like 'fig-network-2021-09-16'")
        for name in ("title", "caption", "description"):
            if not getattr(self, name).strip():
                raise ValueError(f"chart {self.id!r} has an empty {name}")
        if "source_id" not in self.data.columns:
            raise ValueError(f"chart {self.id!r}: its data need a source_id column, so that every "
                             "plotted row can be traced to data/sources.csv")
        ids = figure_source_ids(self.source_ids, self.data)
        if not ids:
            raise ValueError(f"chart {self.id!r} names no source")
        object.__setattr__(self, "source_ids", tuple(ids))


def _iso(value) -> str | None:
    return None if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m-%d")


def records_json(frame: pd.DataFrame) -> dict:
    """Return a table as ``{"columns": [...], "rows": [[...], ...]}`` with dates as ISO strings
    and missing values as ``None``: the form a chart's data travel in.

    >>> records_json(pd.DataFrame({"d": pd.to_datetime(["2021-09-16", None]), "n": [1.5, None]}))
    {'columns': ['d', 'n'], 'rows': [['2021-09-16', 1.5], [None, None]]}
    """
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].map(_iso)
    shown = shown.astype(object).where(shown.notna(), None)
    rows = [[v.item() if hasattr(v, "item") else v for v in row] for row in shown.itertuples(index=False)]
    return {"columns": [str(c) for c in shown.columns], "rows": rows}


def figure_json(fig: go.Figure) -> dict:
    """Return a figure as plain JSON (plotly's own encoder: dates as strings, arrays as lists),
    each trace's ``uid`` kept: plotly.js would otherwise draw a random one into every SVG."""
    import plotly.io as pio

    return json.loads(pio.to_json(fig, remove_uids=False))


def _sources(source_ids: tuple[str, ...], sources: pd.DataFrame) -> list[dict]:
    by_id = sources.set_index("source_id")
    missing = [s for s in source_ids if s not in by_id.index]
    if missing:
        raise KeyError(f"unknown source_id(s) {missing}: add them to data/sources.csv")
    picked = by_id.loc[list(source_ids)].reset_index()
    return records_to_dicts(picked[list(SOURCE_FIELDS)])


def records_to_dicts(frame: pd.DataFrame) -> list[dict]:
    """Return a table's rows as dicts, with :func:`records_json`'s conventions."""
    table = records_json(frame)
    return [dict(zip(table["columns"], row)) for row in table["rows"]]


class Chart:
    """A published chart: its figure and its record, displayed as a MIME bundle.

    Use :func:`publish` to make one.
    """

    def __init__(self, figure: dict, record: dict):
        self.figure = figure
        self.record = record

    @property
    def id(self) -> str:
        """The chart's address, ``fig-…``."""
        return self.record["id"]

    def bundle(self) -> dict:
        """Return the MIME bundle: the figure, the record and a line of plain text."""
        return {PLOTLY_MIME: self.figure, CHART_MIME: self.record,
                "text/plain": f"Chart {self.record['id']}: {self.record['title']}"}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return self.bundle()

    def __repr__(self) -> str:
        return f"<Chart {self.record['id']}: {self.record['title']!r}>"


def publish(fig: go.Figure, record: ChartRecord, sources: pd.DataFrame) -> Chart:
    """Join a figure to its record and its sources; return the chart to display.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        The drawing, from :mod:`dushanbe.figures`.
    record : ChartRecord
        The chart's identity, words and data.
    sources : pandas.DataFrame
        ``data/sources.csv`` as loaded; the rows the chart names travel with it.

    Returns
    -------
    Chart
        Displays as a MIME bundle (:data:`PLOTLY_MIME` and :data:`CHART_MIME`).

    Raises
    ------
    ValueError
        If the figure uses a trace type outside the book's plotly.js bundle.
    KeyError
        If a source the chart names is not in ``sources``.
    """
    out = go.Figure(fig)
    used = {t.type for t in out.data} | {t.type for f in out.frames for t in f.data}
    if used - BUNDLED_TRACES:
        raise ValueError(f"chart {record.id!r} uses {sorted(used - BUNDLED_TRACES)}, which the book's "
                         f"plotly.js bundle ({', '.join(sorted(BUNDLED_TRACES))}) cannot draw")
    for number, trace in enumerate(out.data):
        trace.uid = trace.uid or f"{record.id}-{number}"
    figure = figure_json(out)
    # in a notebook (and in the figure's JSON) the chart carries its title; the book writes it
    # above the chart in HTML and draws the figure without it (bookext.html.page_figure)
    heading = f"<b>{wrap_label(record.title, 80)}</b>"
    if record.subtitle:
        heading += f"<br><span style='font-size:13px;color:#555'>{wrap_label(record.subtitle, 110)}</span>"
    figure = titled(figure, heading)
    figure["config"] = {"displaylogo": False, "responsive": True,
                        "toImageButtonOptions": {"filename": record.id, "scale": 2}}
    frames = [f.name for f in out.frames]
    slider = out.layout.sliders[0] if out.layout.sliders else None
    active = frames[(slider.active or 0) if slider else 0] if frames else None
    return Chart(figure, {
        "id": record.id, "title": record.title, "subtitle": record.subtitle,
        "caption": record.caption, "description": record.description,
        "width": WIDTH, "height": int(out.layout.height or 600),
        "frames": frames, "active": active,
        "source_ids": list(record.source_ids), "sources": _sources(record.source_ids, sources),
        "data": records_json(record.data),
    })


class Lead:
    """A chart published elsewhere in the book, shown again as a page's lead graphic: its static
    image, number and title, linked to the chart (see :func:`lead`)."""

    def __init__(self, chart: Chart):
        self.record = {key: chart.record[key] for key in ("id", "title", "subtitle", "description")}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {LEAD_MIME: self.record, "text/plain": f"Lead graphic: {self.record['title']}"}


def lead(chart: Chart) -> Lead:
    """Return ``chart`` as a lead graphic for another page (the front page's map, say). The
    chart itself must be published on its own page; the lead links to it there (the module's
    example shows one)."""
    return Lead(chart)
