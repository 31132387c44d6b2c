"""How the book writes numbers, counts, lists, dates and lengths: the house style, in code.

The rules are those of ``shared/style.md``; every sentence the book prints about its data is
built with these helpers (in a chapter step, :mod:`dushanbe.chapters`), so that an edit to
``data/`` changes the words with the charts. Plurals and number words come from inflect.

* one to nine in words, 10 and above in figures: ``number_word(7) == "seven"``;
* grammar follows the count: ``count(1, "claim") == "one claim"``, ``verb(1, "holds")``;
* lists without a serial comma: "A, B and C";
* dates as 16 September 2021, ranges as 6–19 January 2022;
* lengths in whole kilometres unless the decimal is the point.

>>> join_names(["Russia", "China", "Iran"])
'Russia, China and Iran'
>>> long_date("2021-09-16"), date_range("2022-01-06", "2022-01-19")
('16 September 2021', '6–19 January 2022')
>>> count(19, "claim"), count(1, "claim"), verb(1, "holds"), verb(19, "holds")
('19 claims', 'one claim', 'holds', 'hold')
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import pandas as pd

__all__ = ["join_names", "long_date", "short_date", "month_year", "date_range", "km", "length_figure", "number_word",
           "count", "opening", "share", "verb", "capital", "ordinal_day", "rule_summary"]


@lru_cache(maxsize=1)
def _engine():
    import inflect

    return inflect.engine()


def join_names(items: Iterable[str], conjunction: str = "and") -> str:
    """Return ``A``, ``A and B`` or ``A, B and C`` (``''`` for nothing): no serial comma."""
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


def ordinal_day(day) -> str:
    """Return a date's weekday and date, ``Thursday 16 September 2021``."""
    return f"{pd.Timestamp(day):%A} {long_date(day)}"


def date_range(first, last) -> str:
    """Return a span of days with an en dash and the shared parts said once.

    >>> date_range("2021-10-18", "2021-10-23"), date_range("2025-08-31", "2025-09-01")
    ('18–23 October 2021', '31 August–1 September 2025')
    >>> date_range("2021-12-27", "2022-01-03"), date_range("2021-10-18", "2021-10-18")
    ('27 December 2021–3 January 2022', '18 October 2021')
    """
    a, b = pd.Timestamp(first), pd.Timestamp(last)
    if a == b:
        return long_date(a)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {b:%B %Y}"
    if a.year == b.year:
        return f"{a.day} {a:%B}–{b.day} {b:%B %Y}"
    return f"{long_date(a)}–{long_date(b)}"


def km(value: float, decimals: int = 0) -> str:
    """Return a length as ``1,357 km``: whole kilometres unless ``decimals`` asks for more.

    >>> km(1357.0), km(1344.15), km(1344.15, decimals=2)
    ('1,357 km', '1,344 km', '1,344.15 km')
    """
    return f"{float(value):,.{decimals}f} km"


def length_figure(value: float) -> str:
    """A border length as the book writes a source's figure: whole kilometres, or to the metre
    where the source gives metres (the Tajik foreign ministry's 1,344.15 km).

    >>> length_figure(1357.0), length_figure(1344.15)
    ('1,357 km', '1,344.15 km')
    """
    return km(value, decimals=0 if round(float(value), 2).is_integer() else 2)


def number_word(n: int) -> str:
    """Return a count as the house style writes it: one to nine in words, 10 and above in
    figures, none as "no".

    >>> number_word(0), number_word(6), number_word(10), number_word(28)
    ('no', 'six', '10', '28')
    """
    n = int(n)
    if n == 0:
        return "no"
    return _engine().number_to_words(n) if 0 < n < 10 else str(n)


def count(n: int, noun: str, plural_form: str | None = None) -> str:
    """Return ``n`` and its noun, the noun agreeing with the count.

    >>> count(2, "country"), count(0, "deployment"), count(12, "member state", "member states")
    ('two countries', 'no deployments', '12 member states')
    """
    n = int(n)
    noun = noun if n == 1 else (plural_form or _engine().plural_noun(noun))
    return f"{number_word(n)} {noun}"


def opening(n: int, noun: str | None = None) -> str:
    """Return a count that opens a sentence: spelled out, since a sentence never starts with a
    figure (the house style), with its noun agreeing.

    >>> opening(19), opening(20, "claim"), opening(1, "claim"), opening(0, "claim")
    ('Nineteen', 'Twenty claims', 'One claim', 'No claims')
    """
    n = int(n)
    word = "no" if n == 0 else _engine().number_to_words(n)
    if noun is None:
        return capital(word)
    return capital(f"{word} {noun if n == 1 else _engine().plural_noun(noun)}")


def share(part: int, whole: int) -> str:
    """Return how many of a group, as a sentence says it: "all four", "three of the four", "none of the four".

    >>> share(4, 4), share(3, 4), share(0, 4), share(2, 2)
    ('all four', 'three of the four', 'none of the four', 'both')
    """
    if part == whole:
        return "both" if whole == 2 else f"all {number_word(whole)}"
    return f"{'none' if part == 0 else number_word(part)} of the {number_word(whole)}"


def verb(n: int, singular: str) -> str:
    """Return the verb that agrees with a count: ``verb(1, "was") == "was"``, ``verb(2, "was") == "were"``.

    >>> verb(2, "was"), verb(1, "is"), verb(3, "belongs")
    ('were', 'is', 'belong')
    """
    return singular if int(n) == 1 else _engine().plural_verb(singular, 2)


def capital(text: str) -> str:
    """Return ``text`` with its first letter in capitals (the rest untouched).

    >>> capital("six of the CSTO's members")
    "Six of the CSTO's members"
    """
    return text[:1].upper() + text[1:]


def rule_summary(rule) -> str:
    """Return the first paragraph of a rule's docstring as one plain sentence (no reST markup);
    a constant it names (``:data:`NAME```) is replaced by its value, an ISO date written out.

    >>> START = "2021-05-01"
    >>> def r():
    ...     '''Where ``end`` is given, ``start`` comes first
    ...     (or the same day), from :data:`START`.
    ...
    ...     Details.'''
    >>> rule_summary(r)
    'Where end is given, start comes first (or the same day), from 1 May 2021.'
    """
    doc = (rule.__doc__ or "").strip().split("\n\n")[0]
    text = " ".join(line.strip() for line in doc.splitlines())

    def value(match):
        found = getattr(rule, "__globals__", {}).get(match.group(1), match.group(1))
        return long_date(found) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(found)) else str(found)

    text = re.sub(r":data:`~?([^`]*)`", value, text)
    return re.sub(r":(?:func|class|mod):`~?([^`]*)`", r"\1", re.sub(r"``([^`]*)``", r"\1", text))
