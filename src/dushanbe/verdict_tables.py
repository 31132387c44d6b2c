"""The verdict tables: the article's claims and plans, with their verdicts and sources, as HTML.

A verdict is shown as a symbol *and* a word, never by colour alone. Each cell carries its
column's name (``data-label``), so that on a phone the stylesheet can lay a row out as a card.
"""
from __future__ import annotations

import pandas as pd

from .claims import VERDICTS
from .markup import esc, source_links
from .plans import OUTCOMES

__all__ = ["claims_table", "plans_table", "verdict_table"]

OUTCOME_SYMBOLS = dict(zip(OUTCOMES, ("✔", "◐", "✘")))


def verdict_table(rows: list[dict], *, caption: str, verdict_name: str, evidence_name: str):
    """Return rows of a verdict table as one HTML table.

    Parameters
    ----------
    rows : list of dict
        One per statement: ``id`` (the row's anchor), ``number``, ``quote`` (the article's
        words), ``statement`` (what is checked), ``verdict``, ``symbol``, ``slug`` (a CSS class
        suffix or ``""``), ``evidence`` and ``note`` (HTML: how it was reached, and the sources).
    caption : str
        The table's caption.
    verdict_name, evidence_name : str
        The headings of the verdict and evidence columns.
    """
    from IPython.display import HTML

    names = ("#", "The article says", verdict_name, evidence_name)
    body = []
    for r in rows:
        badge = f"dushanbe-verdict dushanbe-verdict-{r['slug']}" if r["slug"] else "dushanbe-verdict"
        body.append(
            f'<tr id="{esc(r["id"])}"><th scope="row" data-label="{names[0]}">{esc(r["number"])}</th>'
            f'<td data-label="{names[1]}"><q>“{esc(r["quote"])}”</q><br>'
            f'<span class="dushanbe-claim">{esc(r["statement"])}</span></td>'
            f'<td data-label="{esc(names[2])}"><span class="{badge}">'
            f'{esc(r["verdict"])} <span aria-hidden="true">{r["symbol"]}</span></span></td>'
            f'<td data-label="{esc(names[3])}">{esc(r["evidence"])}<br><small>{r["note"]}</small></td></tr>')
    head = "".join(f'<th scope="col">{esc(n)}</th>' for n in names)
    return HTML(f'<table class="dushanbe-table dushanbe-cards dushanbe-claims table"><caption>{esc(caption)}</caption>'
                f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def claims_table(assessed: pd.DataFrame, sources: pd.DataFrame):
    """Return the claims as an HTML table: quote, claim, verdict badge, evidence, how the
    verdict was reached, and links to the sources."""
    rows = [dict(id=f"claim-{r.claim_id}", number=r.claim_id[1:].lstrip("0"), quote=r.quote, statement=r.claim,
                 verdict=r.verdict, symbol=VERDICTS[r.verdict], slug=r.verdict.replace(" ", "-"),
                 evidence=r.evidence,
                 note=f"Verdict {'computed from the data' if r.computed else 'read from the source'}. "
                      f"Sources: {source_links(r.source_id, sources)}.")
            for r in assessed.itertuples(index=False)]
    return verdict_table(rows, caption="The article's checkable statements and how far they hold (a computed "
                                       "verdict is derived from the book's tables each time it is built)",
                         verdict_name="Verdict", evidence_name="Evidence")


def plans_table(plans: pd.DataFrame, sources: pd.DataFrame):
    """Return "How the article's plans held up": quote, plan, outcome (symbol and word), what
    happened, and links to the sources behind it."""
    rows = [dict(id=f"plan-{r.plan_id}", number=r.plan_id[1:], quote=r.quote, statement=r.plan,
                 verdict=r.outcome, symbol=OUTCOME_SYMBOLS[r.outcome], slug="", evidence=r.evidence,
                 note=f"Sources: {source_links(r.source_id, sources)}.")
            for r in plans.itertuples(index=False)]
    return verdict_table(rows, caption="How the article's plans held up (each outcome computed from the events "
                                       "each time the book is built)",
                         verdict_name="Outcome", evidence_name="What happened")
