"""HTML the notebooks display besides charts: data tables, the claims and plans tables, lists.

Every function escapes what it prints (data can hold any text) and returns an
``IPython.display.HTML`` object or a string.

>>> esc('<b> & "q"')
'&lt;b&gt; &amp; &quot;q&quot;'
"""
from __future__ import annotations

import html

import pandas as pd

from .provenance import split_ids

__all__ = ["esc", "number", "data_table_html", "table", "claims_table", "plans_table", "html_list",
           "source_links"]


def esc(text) -> str:
    """Escape text for HTML (quotes included)."""
    return html.escape(str(text), quote=True)


def number(value: float) -> str:
    """Whole numbers with thousands separators; others with up to three decimals.

    >>> number(1357.0), number(0.8640), number(2.5)
    ('1,357', '0.864', '2.5')
    """
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.3f}".rstrip("0")


def data_table_html(data: pd.DataFrame) -> str:
    """Return a data frame as an escaped HTML table: dates as YYYY-MM-DD, numbers by :func:`number`."""
    shown = data.copy()
    for col in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[col]):
            shown[col] = shown[col].dt.strftime("%Y-%m-%d").fillna("")
    return shown.to_html(index=False, escape=True, border=0, na_rep="", justify="left",
                         classes="dushanbe-table table", float_format=number)


def source_links(cell: str, sources: pd.DataFrame) -> str:
    """Return links to the sources named in a ``source_id`` cell (publisher as the text)."""
    by_id = sources.set_index("source_id")
    return "; ".join(f'<a href="{esc(by_id.at[s, "url"])}">{esc(by_id.at[s, "publisher"])}</a>'
                     for s in split_ids(cell) if s in by_id.index)


def table(frame: pd.DataFrame, caption: str):
    """Return a captioned, escaped HTML table for display (dates as YYYY-MM-DD, no index)."""
    from IPython.display import HTML
    markup = data_table_html(frame).replace(
        "<thead>", f"<caption>{esc(caption)}</caption>\n  <thead>", 1)
    return HTML(markup)


def claims_table(assessed: pd.DataFrame, sources: pd.DataFrame):
    """Return the claims as an HTML table: quote, claim, verdict badge (symbol and word, never
    colour alone), evidence, how the verdict was reached, and links to the sources."""
    from IPython.display import HTML

    from .claims import VERDICTS

    rows = []
    for r in assessed.itertuples(index=False):
        slug = r.verdict.replace(" ", "-")
        how = (f'computed from the data (<code>{esc(r.check)}</code>)' if r.computed
               else "read from the source")
        rows.append(
            f'<tr id="claim-{esc(r.claim_id)}"><th scope="row">{esc(r.claim_id)}</th>'
            f'<td><q>{esc(r.quote)}</q><br><span class="dushanbe-claim">{esc(r.claim)}</span></td>'
            f'<td><span class="dushanbe-verdict dushanbe-verdict-{slug}">'
            f'<span aria-hidden="true">{VERDICTS[r.verdict]}</span> {esc(r.verdict)}</span></td>'
            f'<td>{esc(r.evidence)}<br><small>Verdict {how}. Sources: {source_links(r.source_id, sources)}.</small></td></tr>')
    return HTML(
        '<table class="dushanbe-table dushanbe-claims table">'
        "<caption>The article's checkable statements and how far they hold "
        "(data/claims.csv; verdicts marked “computed” are derived from the other tables at build time).</caption>"
        '<thead><tr><th scope="col">#</th><th scope="col">The article says</th>'
        '<th scope="col">Verdict</th><th scope="col">Evidence</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table>")


def plans_table(plans: pd.DataFrame, sources: pd.DataFrame):
    """Return "How the article's plans held up": quote, plan, outcome (symbol and word), what
    happened, and links to the sources behind it."""
    from IPython.display import HTML

    from .plans import OUTCOMES

    symbols = dict(zip(OUTCOMES, ("✔", "◐", "✘")))
    rows = []
    for r in plans.itertuples(index=False):
        links = source_links(r.source_id, sources)
        rows.append(
            f'<tr id="plan-{esc(r.plan_id)}"><th scope="row">{esc(r.plan_id)}</th>'
            f'<td><q>{esc(r.quote)}</q><br><span class="dushanbe-claim">{esc(r.plan)}</span></td>'
            f'<td><span class="dushanbe-verdict"><span aria-hidden="true">{symbols[r.outcome]}</span> '
            f'{esc(r.outcome)}</span></td>'
            f'<td>{esc(r.evidence)}<br><small>Sources: {links}.</small></td></tr>')
    return HTML(
        '<table class="dushanbe-table dushanbe-claims table">'
        "<caption>How the article's plans held up (data/plans.csv; outcomes computed from data/events.csv "
        "at build time).</caption>"
        '<thead><tr><th scope="col">#</th><th scope="col">The article says</th>'
        '<th scope="col">Outcome</th><th scope="col">What happened</th></tr></thead><tbody>'
        + "".join(rows) + "</tbody></table>")


def html_list(items, title: str):
    """Return an escaped bulleted list with a bold title, for display."""
    from IPython.display import HTML

    return HTML(f"<p><strong>{esc(title)}</strong></p><ul>"
                + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
