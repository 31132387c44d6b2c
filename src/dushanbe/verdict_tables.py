"""The verdict tables: the article's claims and plans, with their verdicts and sources, as HTML.

A verdict is shown as a symbol *and* a word, never by colour alone.
"""
from __future__ import annotations

import pandas as pd

from .claims import VERDICTS
from .markup import esc, source_links
from .plans import OUTCOMES

__all__ = ["claims_table", "plans_table"]


def claims_table(assessed: pd.DataFrame, sources: pd.DataFrame):
    """Return the claims as an HTML table: quote, claim, verdict badge (symbol and word, never
    colour alone), evidence, how the verdict was reached, and links to the sources."""
    from IPython.display import HTML

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
