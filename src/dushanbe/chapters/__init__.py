"""Each chapter of the book as a step: tables in, the page's facts and charts out.

A chapter's notebook (``notebooks/<name>.md``) is words; its step here is its logic, in the style
of an Our World in Data etl step:

* ``facts(tables)`` returns every value the page states, already written as the house style
  writes it (:mod:`dushanbe.words`): the notebook glues them into its sentences;
* ``charts(tables)`` returns the page's charts, by id (:class:`dushanbe.charts.Chart`);
* a few functions return the page's tables.

Where a sentence must change with the data (none, one, several), the step chooses between
written variants in a function of its own, whose doctests show each variant. No step reads a file other than
through :func:`dushanbe.data.load_tables`, and every date comes from
:func:`dushanbe.dates.key_dates`.

* :mod:`.front` — the front page: the standfirst and the findings;
* :mod:`.article` — the article, annotated;
* :mod:`.claims` — the article, claim by claim;
* :mod:`.events` — what happened next;
* :mod:`.borders` — which borders matter;
* :mod:`.network` — who is tied to whom;
* :mod:`.memberships` — memberships over time;
* :mod:`.datapage` — the data page, and the rules the methods page prints.
"""
from __future__ import annotations

__all__ = ["glue_facts"]


def glue_facts(facts: dict) -> None:
    """Glue every fact into the running notebook, so that the page's ``{glue:text}`` roles can
    print it (myst-nb's ``glue``, not displayed)."""
    from myst_nb import glue

    for name, value in facts.items():
        glue(name, value, display=False)
