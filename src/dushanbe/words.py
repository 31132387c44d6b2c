"""Small sentence helpers: how the book writes lists, dates and lengths.

Every sentence a reader sees that states a datum is built from the tables with these helpers
(in :mod:`dushanbe.narrative` or a notebook's glue), so that an edit to ``data/`` changes the
words with the charts.

>>> join_names(["Russia", "China", "Iran"])
'Russia, China and Iran'
>>> long_date("2021-09-16")
'16 September 2021'
>>> km(1357.0)
'1,357 km'
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

__all__ = ["join_names", "long_date", "month_year", "km", "number_word", "plural"]

_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


def join_names(items: Iterable[str], conjunction: str = "and") -> str:
    """Return ``A``, ``A and B`` or ``A, B and C`` (``''`` for nothing)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def long_date(day) -> str:
    """Return a date as ``16 September 2021`` (no leading zero)."""
    ts = pd.Timestamp(day)
    return f"{ts.day} {ts:%B %Y}"


def short_date(day) -> str:
    """Return a date as a short label: day, abbreviated month, year.

    >>> short_date("2021-09-16")
    '16 Sep 2021'
    """
    stamp = pd.Timestamp(day)
    return f"{stamp.day} {stamp:%b %Y}"


def month_year(day) -> str:
    """Return a date as ``September 2021``."""
    return f"{pd.Timestamp(day):%B %Y}"


def km(value: float) -> str:
    """Return a length as ``1,357 km`` (one decimal only if it has one)."""
    value = float(value)
    return f"{value:,.0f} km" if value.is_integer() else f"{value:,.1f} km"


def number_word(n: int) -> str:
    """Return small counts as words (``six``), larger ones as digits.

    >>> number_word(6), number_word(12)
    ('six', '12')
    """
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """Return ``1 state`` / ``6 states`` (counts in words up to ten).

    >>> plural(1, "state"), plural(6, "state"), plural(2, "country", "countries")
    ('one state', 'six states', 'two countries')
    """
    return f"{number_word(n)} {singular if n == 1 else (plural_form or singular + 's')}"
