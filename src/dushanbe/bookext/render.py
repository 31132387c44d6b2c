"""How a chart's MIME bundle becomes part of a page: a myst-nb MIME renderer plugin and the nodes
it makes.

myst-nb renders every MIME type of a notebook output while it reads the page, then keeps the one
the builder prefers (its ``SelectMimeType`` transform). :class:`ChartRenderer`, registered under
the entry point group ``myst_nb.mime_renderers`` (see ``pyproject.toml``), turns the
:data:`~dushanbe.charts.CHART_MIME` part of a chart into

* a :class:`chart_figure`, registered with Sphinx as an enumerable node of the type ``figure``
  (``app.add_enumerable_node``), whose id and target name are the chart's id and whose title is
  the chart's title: Sphinx numbers it with the book's other figures (``numfig``), and
  ``{numref}`` points at it. It holds the record and the figure, which the HTML writer turns into
  the numbered title, the chart and its apparatus (:func:`dushanbe.bookext.writers.visit_chart_figure`).

The :data:`~dushanbe.charts.PLOTLY_MIME` part renders to nothing: the chart body carries the
figure, read from the same output. A :data:`~dushanbe.charts.LEAD_MIME` output (the front page's
lead graphic, :func:`dushanbe.charts.lead`) becomes a :class:`lead_figure`.
"""
from __future__ import annotations

from docutils import nodes

from ..charts import CHART_MIME, LEAD_MIME, PLOTLY_MIME

__all__ = ["ChartRenderer", "chart_figure", "lead_figure", "chart_nodes", "figure_of", "chart_title"]


class chart_figure(nodes.General, nodes.Element):
    """A chart: a numbered figure whose attributes ``record`` and ``figure`` (plain JSON) hold
    everything it shows."""


def chart_title(node) -> str:
    """The chart's title, as Sphinx names the figure (its ``title_getter``)."""
    return node["record"]["title"]


class lead_figure(nodes.General, nodes.Element):
    """A chart shown again as a page's lead graphic; attribute ``record`` (the lead's record)."""


def chart_nodes(record: dict, figure: dict) -> chart_figure:
    """Return the numbered figure for a chart.

    >>> node = chart_nodes({"id": "fig-a", "title": "T", "subtitle": "S"}, {"data": []})
    >>> node["ids"], node["names"], chart_title(node)
    (['fig-a'], ['fig-a'], 'T')
    """
    fid = record["id"]
    return chart_figure(ids=[fid], names=[fid], record=record, figure=figure)


def figure_of(renderer, data) -> dict | None:
    """Return the plotly figure that shares a notebook output with ``data`` (the chart's record)."""
    client = renderer.renderer.nb_client
    _, outputs = client.code_cell_outputs(data.cell_index)
    return outputs[data.output_index].get("data", {}).get(PLOTLY_MIME)


class ChartRenderer:
    """myst-nb MIME renderer plugin for the book's charts (entry point ``dushanbe``)."""

    #: The book's record first for every builder; plotly's own part is never chosen (the
    #: chart body draws it).
    mime_priority_overrides = [("*", CHART_MIME, 1), ("*", LEAD_MIME, 1), ("*", PLOTLY_MIME, None)]

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        """Render a chart bundle as the book's figure; leave its plotly JSON to the chart."""
        if data.mime_type == PLOTLY_MIME:
            return []
        if data.mime_type == CHART_MIME and not inline:
            figure = figure_of(renderer, data)
            if figure is None:
                renderer.logger.warning(f"chart {data.content.get('id')!r}: no plotly figure beside "
                                        "its record", subtype="dushanbe", line=data.line)
                return []
            node = chart_nodes(dict(data.content), dict(figure))
            renderer.renderer.document.note_explicit_target(node)
            return [node]
        if data.mime_type == LEAD_MIME and not inline:
            return [lead_figure(record=dict(data.content))]
        return None
