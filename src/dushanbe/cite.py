"""How the book and each chart are cited: the same facts in every format readers paste or import.

:func:`citation` takes what a citation needs once and returns it as short and full text, BibTeX,
RIS and CSL-JSON (the formats reference managers such as Zotero, Mendeley and EndNote read), so
that the cite block, the downloadable files and the page's metadata can never disagree.

>>> c = citation(key="dushanbe:fig-a", kind="figure", title="Figure 3.1: A finding",
...              author="The Dushanbe book team", book="The Dushanbe book", version="0.1.0",
...              data_version="abc", url="https://example.org/ch.html#fig-a", built="2026-12-01")
>>> c["short"]
'The Dushanbe book team (2026), Figure 3.1'
>>> c["ris"].splitlines()[0], c["csl"]["type"]
('TY  - FIGURE', 'figure')
"""
from __future__ import annotations

import json

from .words import long_date

__all__ = ["citation", "KINDS"]

#: The kinds of work the book cites: a chart (a figure in the book) and the book itself.
KINDS = {"figure": {"ris": "FIGURE", "csl": "figure", "bibtex": "misc"},
         "book": {"ris": "BOOK", "csl": "book", "bibtex": "book"}}


def _date_parts(day: str) -> list[int]:
    return [int(part) for part in day.split("-")]


def citation(*, key: str, kind: str, title: str, author: str, book: str, version: str,
             data_version: str, url: str, built: str, sources: str = "") -> dict:
    """Return one work's citation in every format the book offers.

    Parameters
    ----------
    key : str
        The cite key (``dushanbe:fig-…`` for a chart, ``dushanbe`` for the book).
    kind : {"figure", "book"}
        What is cited: a chart in the book, or the book.
    title : str
        The work's title; for a chart, "Figure N: its title".
    author, book : str
        The book's author and title (for a chart, the book is its container).
    version, data_version : str
        The book's version and the version of its data.
    url : str
        The work's permanent address.
    built : str
        The day the book was built (``YYYY-MM-DD``): the date of issue and of retrieval.
    sources : str, optional
        The sources, as one line, for the note.

    Returns
    -------
    dict
        ``short`` and ``full`` (text), ``bibtex`` and ``ris`` (text), ``csl`` (a CSL-JSON item).
    """
    formats = KINDS[kind]
    year = built[:4]
    edition = f"version {version}, data version {data_version}"
    # a chart: "Figure 3.1: Title. In Book (edition)."; the book: "Title (edition)."
    within = f". In {book}" if kind == "figure" else ""
    short = f"{author} ({year})" + (", " + title.split(":")[0] if kind == "figure" else "")
    full = f"{author} ({year}). {title}{within} ({edition}). Retrieved {long_date(built)} from {url}"
    bib = [f"@{formats['bibtex']}{{{key},",
           f"  author       = {{{{{author}}}}},",
           f"  title        = {{{{{title}}}}},"]
    if kind == "figure":
        bib.append(f"  howpublished = {{In: {book}, {edition}}},")
    else:
        bib.append(f"  edition      = {{{edition}}},")
    bib += [f"  year         = {{{year}}},", f"  url          = {{{url}}},",
            f"  urldate      = {{{built}}},"]
    if sources:
        bib.append(f"  note         = {{Sources: {sources}}},")
    bib[-1] = bib[-1].rstrip(",")
    bib.append("}")
    ris = [f"TY  - {formats['ris']}", f"TI  - {title}", f"AU  - {author}",
           *([f"T2  - {book}"] if kind == "figure" else []), f"PY  - {year}",
           f"DA  - {built.replace('-', '/')}", f"ET  - {edition}", f"UR  - {url}",
           f"Y2  - {built.replace('-', '/')}", *([f"N1  - Sources: {sources}"] if sources else []),
           f"ID  - {key}", "ER  - "]
    csl = {"id": key, "type": formats["csl"], "title": title, "author": [{"literal": author}],
           "issued": {"date-parts": [_date_parts(built)]}, "accessed": {"date-parts": [_date_parts(built)]},
           "URL": url, "version": edition, "publisher": author}
    if kind == "figure":
        csl["container-title"] = book
    if sources:
        csl["note"] = f"Sources: {sources}"
    return {"short": short, "full": full, "bibtex": "\n".join(bib), "ris": "\n".join(ris) + "\n",
            "csl": csl, "csl_text": json.dumps([csl], ensure_ascii=False, indent=1)}
