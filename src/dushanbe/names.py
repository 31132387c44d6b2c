"""Names of states: how the book writes an ISO 3166-1 alpha-3 code in words.

>>> country_name("TJK"), country_name("RUS")
('Tajikistan', 'Russia')
"""
from __future__ import annotations

import pycountry

__all__ = ["country_name", "adjective"]

#: The adjective the press uses for a state, where the book writes one ("the Tajik–Afghan border").
ADJECTIVES = {"TJK": "Tajik", "UZB": "Uzbek", "TKM": "Turkmen", "IRN": "Iranian", "PAK": "Pakistani",
              "CHN": "Chinese", "AFG": "Afghan", "KGZ": "Kyrgyz", "KAZ": "Kazakh"}


def adjective(iso3: str) -> str:
    """Return the adjective for a state, or its name where the book knows none.

    >>> adjective("TJK"), adjective("IND")
    ('Tajik', 'India')
    """
    return ADJECTIVES.get(iso3) or country_name(iso3)

_SHORT_NAMES = {"RUS": "Russia", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea",
                "TUR": "Türkiye", "SYR": "Syria", "VNM": "Vietnam", "LAO": "Laos",
                "MDA": "Moldova", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania"}


def country_name(iso3: str) -> str:
    """Return a short English name for an ISO alpha-3 code (pycountry's common name, or a
    shorter one the press uses: Russia, Iran, Laos …)."""
    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise KeyError(f"{iso3!r} is not an ISO 3166-1 alpha-3 code")
    return getattr(country, "common_name", None) or country.name
