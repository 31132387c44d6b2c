"""The Dushanbe book's logic: its tables, the facts and charts its chapters state, and the
Sphinx extension that publishes the charts.

Where things are
----------------
- **Data**: ``data/*.csv``, described by ``data/datapackage.json`` and checked by
  ``data/checklist.yaml``; :mod:`dushanbe.data` loads and validates them, :mod:`dushanbe.checks`
  holds the book's own checks.
- **Domain logic** (pure functions over the tables): :mod:`~dushanbe.memberships`,
  :mod:`~dushanbe.events`, :mod:`~dushanbe.borders`, :mod:`~dushanbe.network`,
  :mod:`~dushanbe.claims`, :mod:`~dushanbe.plans`, :mod:`~dushanbe.blocs`; dates the book
  counts from in :mod:`~dushanbe.dates`; words and names in :mod:`~dushanbe.words` and
  :mod:`~dushanbe.names`.
- **Chapters**: :mod:`dushanbe.chapters` has one module per notebook, with its ``facts`` (every
  value its prose states, glued) and its ``charts`` (each chart's :class:`~dushanbe.charts.ChartRecord`:
  id, title, caption, sources).
- **Charts**: figure builders in :mod:`dushanbe.figures`; :func:`dushanbe.charts.publish` makes
  a chart a MIME bundle Jupyter and the book both read; :mod:`dushanbe.cite` writes its citations.
- **The book**: :mod:`dushanbe.bookext` numbers each chart, writes it into the page and writes its
  downloads (data, sources, images, citations).
"""
