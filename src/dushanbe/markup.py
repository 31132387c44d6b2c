"""HTML the notebooks display besides charts: escaped text, numbers, data tables and lists.

Every function escapes what it prints (data can hold any text) and returns an
``IPython.display.HTML`` object or a string.

>>> esc('<b> & "q"')
'&lt;b&gt; &amp; &quot;q&quot;'
"""
from __future__ import annotations

import html
import json

import pandas as pd

from .provenance import split_ids

__all__ = ["esc", "number", "script_json", "data_table_html", "table", "html_list", "source_links"]


def esc(text) -> str:
    """Escape text for HTML (quotes included)."""
    return html.escape(str(text), quote=True)


def script_json(value) -> str:
    r"""Return ``value`` as JSON that is safe inside an HTML ``<script>``: every ``<`` is written
    ``\u003c``, so no text from the data can close the element.

    >>> script_json({"note": "</script>"})
    '{"note": "\\u003c/script>"}'
    """
    return json.dumps(value, sort_keys=True, ensure_ascii=False).replace("<", "\\u003c")


def number(value: float) -> str:
    """Whole numbers with thousands separators; others with up to three decimals.

    >>> number(1357.0), number(0.8640), number(2.5)
    ('1,357', '0.864', '2.5')
    """
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3f}".rstrip("0")


def _html_cells(data, empty: str, markup: dict) -> pd.DataFrame:
    """The frame's cells as HTML: dates as YYYY-MM-DD, numbers by :func:`number`, text escaped,
    a missing value as ``empty``, and the ``markup`` columns as their functions return them."""
    shown = data.copy()
    for col in shown.columns:
        values = shown[col]
        if pd.api.types.is_datetime64_any_dtype(values):
            values = values.dt.strftime("%Y-%m-%d")
        render = markup.get(col) or (lambda v: esc(number(v) if isinstance(v, float) else v))
        shown[col] = [render(v) if pd.notna(v) else esc(empty) for v in values]
    return shown


def data_table_html(data, empty: str = "", markup: dict | None = None, cards: bool = False) -> str:
    """Return a data frame as an HTML table: dates as YYYY-MM-DD, numbers by :func:`number`, a
    missing value as ``empty``, every text escaped.

    ``markup`` maps a column to a function that turns each of its cells into HTML (links, for
    example); that column's cells are written as the function returns them. With ``cards``, each
    cell carries its column's name (``data-label``), and a phone shows each row as a card.

    >>> frame = pd.DataFrame({"what": ["<b>"], "sources": ["a"], "km": [1344.15]})
    >>> html = data_table_html(frame, markup={"sources": lambda ids: f'<a href="#{ids}">{ids}</a>'})
    >>> "<td>&lt;b&gt;</td>" in html, '<td><a href="#a">a</a></td>' in html, "<td>1,344.15</td>" in html
    (True, True, True)
    >>> '<td data-label="what">&lt;b&gt;</td>' in data_table_html(frame, cards=True)
    True
    """
    cells = _html_cells(data, empty, markup or {})
    if not cards:
        return cells.to_html(index=False, escape=False, border=0, justify="left", classes="dushanbe-table table")
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in cells.columns)
    rows = "".join("<tr>" + "".join(f'<td data-label="{esc(c)}">{v}</td>' for c, v in zip(cells.columns, row))
                   + "</tr>\n" for row in cells.itertuples(index=False))
    return (f'<table class="dushanbe-table dushanbe-cards table">\n  <thead><tr>{head}</tr></thead>\n'
            f"  <tbody>\n{rows}  </tbody>\n</table>")


def source_links(cell: str, sources) -> str:
    """Return links to the sources named in a ``source_id`` cell, each publisher named once: its
    one source linked by its name, or its several sources listed after it, each linked by its
    date of publication (or its number); the title shows on hover.

    >>> s = pd.DataFrame({"source_id": ["a", "b", "c"], "publisher": ["TASS", "TASS", "RFE/RL"],
    ...                   "url": ["u1", "u2", "u3"], "title": ["T1", "T2", "T3"],
    ...                   "published": pd.to_datetime(["2021-10-18", "2021-10-23", None])})
    >>> source_links("a;c;b", s)
    'TASS (<a href="u1" title="T1">18 October 2021</a>, <a href="u2" title="T2">23 October 2021</a>); <a href="u3" title="T3">RFE/RL</a>'
    """
    from .words import long_date

    by_id = sources.set_index("source_id")
    ids = [s for s in split_ids(cell) if s in by_id.index]
    grouped: dict[str, list[str]] = {}   # by the publisher's name, without its note: TASS (Russian) is TASS
    for s in ids:
        grouped.setdefault(by_id.at[s, "publisher"].split(" (")[0], []).append(s)

    def link(s, text):
        return f'<a href="{esc(by_id.at[s, "url"])}" title="{esc(by_id.at[s, "title"])}">{esc(text)}</a>'

    parts = []
    for publisher, group in grouped.items():
        if len(group) == 1:
            parts.append(link(group[0], by_id.at[group[0], "publisher"]))
            continue
        dated = [by_id.at[s, "published"] for s in group]
        texts = [long_date(d) if pd.notna(d) else f"source {n}" for n, d in enumerate(dated, start=1)]
        if len(set(texts)) < len(texts):
            texts = [f"{t} ({n})" for n, t in enumerate(texts, start=1)]
        parts.append(f"{esc(publisher)} ({', '.join(link(s, t) for s, t in zip(group, texts))})")
    return "; ".join(parts)


def table(frame, caption: str, empty: str = "", sources=None, cards: bool = False):
    """Return a captioned, escaped HTML table for display (dates as YYYY-MM-DD, no index, a
    missing value as ``empty``). Given the sources table, a ``sources`` column of source ids is
    shown as links, by :func:`source_links`; with ``cards``, a phone shows each row as a card."""
    from IPython.display import HTML
    links = {} if sources is None else {"sources": lambda cell: source_links(cell, sources)}
    markup = data_table_html(frame, empty, links, cards).replace(
        "<thead>", f"<caption>{esc(caption)}</caption>\n  <thead>", 1)
    return HTML(markup)


def html_list(items, title: str):
    """Return an escaped bulleted list with a bold title, for display."""
    from IPython.display import HTML

    return HTML(f"<p><strong>{esc(title)}</strong></p><ul>"
                + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
