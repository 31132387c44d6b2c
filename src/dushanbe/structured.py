"""The book's findings as schema.org JSON-LD, where their communities look for them.

* every claim verdict as a ``ClaimReview``, the form fact-checkers publish so that search engines
  and fact-check databases can read verdicts;
* the data package as a ``Dataset``, for dataset search.

Each function returns a ``<script type="application/ld+json">`` element (text escaped for HTML).
"""
from __future__ import annotations

import pandas as pd

from .claims import ARTICLE_SOURCE, WEAKEST_FIRST
from .markup import script_json

__all__ = ["claim_reviews", "dataset", "jsonld"]


def jsonld(value) -> str:
    """Return JSON-LD in a script element that no text in it can close."""
    return f'<script type="application/ld+json">{script_json(value)}</script>'


def claim_reviews(assessed: pd.DataFrame, sources: pd.DataFrame, meta: dict, page_url: str,
                  reviewed_on: str) -> list[dict]:
    """Return one ``ClaimReview`` per claim: the claim, the article it appeared in, and the
    verdict as a rating from 1 (contradicted) to 4 (supported) with its word as ``alternateName``.

    ``page_url`` is the claims page's address; each review points at its row (``#claim-c01``).
    """
    article = sources.set_index("source_id").loc[ARTICLE_SOURCE]
    scale = list(reversed(WEAKEST_FIRST))          # supported first
    reviews = []
    for r in assessed.itertuples(index=False):
        reviews.append({
            "@context": "https://schema.org", "@type": "ClaimReview",
            "url": f"{page_url}#claim-{r.claim_id}",
            "claimReviewed": r.claim,
            "datePublished": reviewed_on,
            "author": {"@type": "Organization", "name": meta["author"]},
            "itemReviewed": {
                "@type": "Claim",
                "text": r.quote,
                "author": {"@type": "Organization", "name": article["publisher"]},
                "appearance": {"@type": "NewsArticle", "headline": article["title"], "url": article["url"],
                               "datePublished": article["published"].strftime("%Y-%m-%d")},
            },
            "reviewRating": {"@type": "Rating", "ratingValue": len(scale) - scale.index(r.verdict),
                             "bestRating": len(scale), "worstRating": 1, "alternateName": r.verdict},
            "reviewBody": r.evidence,
        })
    return reviews


def dataset(descriptor: dict, sources: pd.DataFrame, meta: dict, data_url: str, as_of) -> dict:
    """Return the data package as a schema.org ``Dataset``: every table as a CSV download, the
    schema file, the licence, and every source it is based on."""
    files = [{"@type": "DataDownload", "encodingFormat": "text/csv", "name": r["name"],
              "description": r.get("description", ""), "contentUrl": f"{data_url}{r['path']}"}
             for r in descriptor["resources"]]
    files.append({"@type": "DataDownload", "encodingFormat": "application/json", "name": "datapackage",
                  "contentUrl": f"{data_url}datapackage.json"})
    return {
        "@context": "https://schema.org", "@type": "Dataset",
        "name": descriptor.get("title", descriptor["name"]),
        "description": descriptor["description"],
        "license": descriptor["licenses"][0]["path"],
        "creator": {"@type": "Organization", "name": meta["author"]},
        "version": meta["data_version"],
        "dateModified": pd.Timestamp(as_of).strftime("%Y-%m-%d"),
        "isAccessibleForFree": True,
        "keywords": ["CSTO", "SCO", "CIS", "EAEU", "Tajikistan", "Afghanistan", "borders", "memberships"],
        "distribution": files,
        "isBasedOn": sorted(set(sources["url"])),
    }
