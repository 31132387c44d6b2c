"""Source ids: the one place that parses, merges and formats them.

Every table row names its sources in ``source_id`` as keys of ``data/sources.csv`` joined by
``;`` (``"cia_wfb_afg_tjk;trt_2021_csto_dushanbe"``). Code that reads, merges or writes such a
cell calls these functions, so a chart's cite note, its sources line, its sources CSV and the
figure registry are all made from the same list.

>>> split_ids("b;a; ;b")
['b', 'a']
>>> merge_ids(["b;a", "c", ["a", "d"]])
['b', 'a', 'c', 'd']
>>> join_ids(["b", "a", "b"])
'a;b'
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd

__all__ = ["SEPARATOR", "split_ids", "merge_ids", "join_ids", "ids_in", "figure_source_ids"]

#: The separator between source ids in a ``source_id`` cell.
SEPARATOR = ";"


def split_ids(cell) -> list[str]:
    """Return the ids in one cell, in order, without blanks or repeats."""
    if cell is None or (isinstance(cell, float) and pd.isna(cell)):
        return []
    return list(dict.fromkeys(p.strip() for p in str(cell).split(SEPARATOR) if p.strip()))


def merge_ids(cells: Iterable) -> list[str]:
    """Return the ids of many cells (strings or lists of ids), first appearance first."""
    out: dict[str, None] = {}
    for cell in cells:
        for part in (split_ids(cell) if isinstance(cell, str) or cell is None else
                     [i for c in cell for i in split_ids(c)]):
            out.setdefault(part, None)
    return list(out)


def join_ids(ids: Iterable[str]) -> str:
    """Return ids as one cell: sorted, unique, ``;``-joined (the form tables store)."""
    return SEPARATOR.join(sorted(set(merge_ids([list(ids)]))))


def ids_in(frame: pd.DataFrame, column: str = "source_id") -> list[str]:
    """Return every id named in a frame's ``source_id`` column, sorted."""
    if column not in frame.columns:
        return []
    return sorted(set(merge_ids(frame[column].astype(str))))


def figure_source_ids(declared: Iterable[str], data: pd.DataFrame) -> list[str]:
    """Return a chart's sources: those it declares, then every other one its data rows name.

    This one list feeds the chart's sources line, cite note, BibTeX, sources CSV and registry
    entry, so they cannot disagree.

    >>> figure_source_ids(["b"], pd.DataFrame({"source_id": ["a;b", "c"]}))
    ['b', 'a', 'c']
    """
    return merge_ids([list(declared), *([] if "source_id" not in data.columns
                                         else data["source_id"].astype(str).tolist())])
