"""The contract between :mod:`dushanbe.publish` (in a notebook) and the book's Sphinx extension
(:mod:`dushanbe.bookext`): what one writes and the other reads, in one place.

* **Tokens.** A chart block's number, permalink, path to the site root and dates depend on the
  whole book, so :func:`~dushanbe.publish.publish` writes tokens that the extension fills in.
* **Records.** Each published chart leaves ``<id>.meta.json`` (fields :data:`RECORD_FIELDS`) and
  its files (:data:`FILE_KINDS`) in the figure store; the extension copies them into the site.
* **Environment.** The extension tells the notebooks it executes where the book is and where to
  write (:data:`ENV_ROOT`, :data:`ENV_FIGURE_STORE`, :data:`ENV_BOOK_BUILD`).
* **Bundle.** Charts may only use the trace types of the plotly.js bundle the book serves.

>>> fignum("fig-x"), ROOT_TOKEN
('%%FIGNUM:fig-x%%', '%%ROOT%%')
>>> TOKEN.findall(figurl("fig-x") + " " + fignum("fig-y"))
[('FIGURL', 'fig-x'), ('FIGNUM', 'fig-y')]
"""
from __future__ import annotations

import json
import re
from pathlib import Path

__all__ = ["fignum", "figurl", "ROOT_TOKEN", "TODAY_TOKEN", "YEAR_TOKEN", "TOKEN", "MARKER",
           "FILE_KINDS", "BUNDLED_TRACES", "LICENCE", "RECORD_FIELDS", "write_record", "read_record",
           "ENV_ROOT", "ENV_FIGURE_STORE", "ENV_BOOK_BUILD", "script_json"]

#: Filled with the chart's number in reading order.
def fignum(fid: str) -> str:
    return f"%%FIGNUM:{fid}%%"


#: Filled with the chart's permalink (absolute when ``html.baseurl`` is set).
def figurl(fid: str) -> str:
    return f"%%FIGURL:{fid}%%"


ROOT_TOKEN = "%%ROOT%%"     # the relative path from the page to the site root
TODAY_TOKEN = "%%TODAY%%"   # the build date, YYYY-MM-DD
YEAR_TOKEN = "%%YEAR%%"     # the build year
TOKEN = re.compile(r"%%(FIGNUM|FIGURL|FIGREL):([a-z0-9-]+)%%")

#: The attribute that marks a chart block in a page.
MARKER = re.compile(r'data-dushanbe-figure="([^"]+)"')

#: The files each chart gets, by kind: (suffix, label for the download link).
FILE_KINDS = {
    "csv": (".csv", "Data (CSV)"),
    "sources": (".sources.csv", "Sources (CSV)"),
    "png": (".png", "Image (PNG)"),
    "svg": (".svg", "Image (SVG)"),
    "html": (".html", "Interactive chart (HTML)"),
    "json": (".json", "Figure (plotly JSON)"),
}

#: Trace types in the plotly.js basic bundle the book serves (see dushanbe.bookext.config).
BUNDLED_TRACES = frozenset({"scatter", "bar", "pie"})

LICENCE = ("Chart and data compilation: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/); "
           "each source keeps its own terms.")

#: The fields of a chart's record, ``<id>.meta.json``.
RECORD_FIELDS = ("id", "title", "subtitle", "caption", "description", "source_ids", "files",
                 "book_version", "data_version", "config", "height")

ENV_ROOT = "DUSHANBE_ROOT"                  # the book's folder (a copy's own, when building a copy)
ENV_FIGURE_STORE = "DUSHANBE_FIGURE_STORE"  # where publish() writes chart files and records
ENV_BOOK_BUILD = "DUSHANBE_BOOK_BUILD"      # set while the book builds: pages draw the charts


def write_record(store: Path, record: dict) -> Path:
    """Write a chart's record; its keys must be exactly :data:`RECORD_FIELDS`."""
    if set(record) != set(RECORD_FIELDS):
        raise ValueError(f"a chart record has the fields {RECORD_FIELDS}, not {sorted(record)}")
    path = Path(store) / f"{record['id']}.meta.json"
    path.write_text(json.dumps(record, sort_keys=True, indent=1), encoding="utf-8")
    return path


def read_record(store: Path, fid: str) -> dict | None:
    """Read a chart's record, or None if the chart was not published to ``store``."""
    path = Path(store) / f"{fid}.meta.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def script_json(value) -> str:
    r"""Return ``value`` as JSON that is safe inside an HTML ``<script>``: every ``<`` is written
    ``\u003c``, so no text from the data can close the element.

    >>> script_json({"note": "</script>"})
    '{"note": "\\u003c/script>"}'
    """
    return json.dumps(value, sort_keys=True).replace("<", "\\u003c")
