"""The claims chapter: every checkable statement of the article, and how far it holds.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["n_claims"], f["n_computed"]
('20', '13')
"""
from __future__ import annotations

import pandas as pd

from ..charts import ChartRecord, publish
from ..claims import VERDICTS, assess, verdict_counts, weakest_claims
from ..figures import verdict_figure
from ..words import count, join_names, number_word, opening, verb

__all__ = ["facts", "charts", "verdict_sentence", "verdict_title"]

CHART = "fig-claims-verdicts"


def verdict_sentence(counts: dict[str, int]) -> str:
    """Say how the claims fared, verdict by verdict, the way a reader would: the strongest
    first, those with no claim left out, and "none is contradicted" said outright.

    >>> verdict_sentence({"supported": 18, "partly supported": 2})
    '18 are supported and two only in part; none is contradicted'
    >>> verdict_sentence({"supported": 19, "partly supported": 1})
    '19 are supported and one only in part; none is contradicted'
    >>> verdict_sentence({"supported": 17, "partly supported": 1, "contradicted": 1, "unverifiable": 1})
    '17 are supported, one only in part and one cannot be checked; one is contradicted'
    >>> verdict_sentence({"supported": 1})
    'one is supported; none is contradicted'
    """
    parts = []
    n = counts.get("supported", 0)
    if n:
        parts.append(f"{number_word(n)} {verb(n, 'is')} supported")
    if counts.get("partly supported"):
        parts.append(f"{number_word(counts['partly supported'])} only in part")
    if counts.get("unverifiable"):
        parts.append(f"{number_word(counts['unverifiable'])} cannot be checked")
    wrong = counts.get("contradicted", 0)
    tail = "none is contradicted" if not wrong else f"{number_word(wrong)} {verb(wrong, 'is')} contradicted"
    return f"{join_names(parts)}; {tail}"


def verdict_title(counts: dict[str, int], total: int) -> str:
    """The verdict chart's title: the share supported, and whether any claim is contradicted.

    >>> verdict_title({"supported": 18, "partly supported": 2}, 20)
    "Eighteen of the article's 20 checkable claims are supported, and none is contradicted"
    >>> verdict_title({"supported": 18, "contradicted": 2}, 20)
    "Eighteen of the article's 20 checkable claims are supported, but two are contradicted"
    """
    n, wrong = counts.get("supported", 0), counts.get("contradicted", 0)
    head = f"{opening(n)} of the article's {number_word(total)} checkable claims {verb(n, 'is')} supported"
    return head + (", and none is contradicted" if not wrong else f", but {number_word(wrong)} {verb(wrong, 'is')} contradicted")


def _counts(assessed: pd.DataFrame) -> dict[str, int]:
    return {v: int((assessed["verdict"] == v).sum()) for v in VERDICTS if (assessed["verdict"] == v).any()}


def facts(tables: dict) -> dict[str, str]:
    """Every value the claims page states."""
    assessed = assess(tables)
    counts = _counts(assessed)
    weakest = weakest_claims(assessed)
    return {
        "n_claims": number_word(len(assessed)),
        "n_computed": number_word(int(assessed["computed"].sum())),
        "n_read": number_word(int((~assessed["computed"]).sum())),
        "verdicts": verdict_sentence(counts),
        "weakest_verdict": weakest["verdict"].iloc[0],
        "weakest_quotes": join_names(f"“{q}”" for q in weakest["quote"]),
        "weakest_claims": count(len(weakest), "claim"),
        "weakest_evidence": " ".join(weakest["evidence"]),
    }


def charts(tables: dict) -> dict:
    """The chapter's chart: claims by verdict, and how each verdict was reached."""
    assessed = assess(tables)
    counts = _counts(assessed)
    record = ChartRecord(
        id=CHART, title=verdict_title(counts, len(assessed)),
        subtitle="The article's checkable statements by verdict, and whether the verdict was computed from the data or read from a source",
        caption=("Each bar counts the article's checkable statements with that verdict; its parts say whether the verdict "
                 "was computed from the book's tables each time it is built or decided by reading the source named beside it."),
        description=(f"Of {count(len(assessed), 'claim')}, {verdict_sentence(counts)}. "
                     f"{opening(int(assessed['computed'].sum()), 'verdict')} {verb(int(assessed['computed'].sum()), 'is')} "
                     "computed from the data."),
        data=assessed[["claim_id", "quote", "claim", "verdict", "computed", "check", "evidence", "source_id"]])
    return {CHART: publish(verdict_figure(verdict_counts(assessed), verdicts=VERDICTS), record, tables["sources"])}


def claims_table(tables: dict):
    """The claims as the page shows them: each claim's words, verdict and evidence (cards on a phone)."""
    from ..verdict_tables import claims_table as table

    return table(assess(tables), tables["sources"])


def claim_reviews(tables: dict):
    """Every verdict as schema.org ``ClaimReview`` JSON-LD, for search engines and fact-check
    databases; each review points at its claim's row on this page (absolute under the book's
    base URL, when it has one)."""
    from IPython.display import HTML

    from ..dates import key_dates
    from ..meta import book_metadata, site_address
    from ..structured import claim_reviews as reviews
    from ..structured import jsonld

    meta = book_metadata()
    page = site_address(meta, "notebooks/claims.html", "claims.html")
    day = key_dates(tables)["checked"].strftime("%Y-%m-%d")
    return HTML("\n".join(jsonld(r) for r in reviews(assess(tables), tables["sources"], meta, page, day)))


def check_rules():
    """The rules of the computed verdicts, as the code that applies them states them."""
    from ..claims import check_rules as rules
    from ..markup import html_list

    return html_list([f"{name}: {rule}" for name, rule in rules()], title="The rules of the computed checks")
