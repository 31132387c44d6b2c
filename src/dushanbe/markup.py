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


def data_table_html(data, empty: str = "") -> str:
    """Return a data frame as an escaped HTML table: dates as YYYY-MM-DD, numbers by
    :func:`number`, a missing value as ``empty``."""
    shown = data.copy()
    for col in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[col]):
            shown[col] = shown[col].dt.strftime("%Y-%m-%d").fillna(empty)
    return shown.to_html(index=False, escape=True, border=0, na_rep=empty, justify="left",
                         classes="dushanbe-table table", float_format=number)


def source_links(cell: str, sources) -> str:
    """Return links to the sources named in a ``source_id`` cell: the publisher as the text, with
    the date of publication where one publisher appears twice, and the title on hover."""
    from .words import long_date

    by_id = sources.set_index("source_id")
    ids = [s for s in split_ids(cell) if s in by_id.index]
    publishers = [by_id.at[s, "publisher"] for s in ids]
    links = []
    for s, publisher in zip(ids, publishers):
        text, published = publisher, by_id.at[s, "published"]
        if publishers.count(publisher) > 1 and pd.notna(published):
            text = f"{publisher}, {long_date(published)}"
        links.append(f'<a href="{esc(by_id.at[s, "url"])}" title="{esc(by_id.at[s, "title"])}">{esc(text)}</a>')
    return "; ".join(links)


def table(frame, caption: str, empty: str = ""):
    """Return a captioned, escaped HTML table for display (dates as YYYY-MM-DD, no index, a
    missing value as ``empty``)."""
    from IPython.display import HTML
    markup = data_table_html(frame, empty).replace(
        "<thead>", f"<caption>{esc(caption)}</caption>\n  <thead>", 1)
    return HTML(markup)


def html_list(items, title: str):
    """Return an escaped bulleted list with a bold title, for display."""
    from IPython.display import HTML

    return HTML(f"<p><strong>{esc(title)}</strong></p><ul>"
                + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
