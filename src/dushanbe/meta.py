"""The book's identity, read cheaply: title, author, base URL, versions, build date.

Kept apart from the heavy modules (pandas, plotly) so that the Sphinx extension can load fast.

>>> len(data_version())
12
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
from importlib.metadata import version as _pkg_version
from pathlib import Path

import yaml

from .paths import data_dir as _default_data_dir
from .paths import project_root

__all__ = ["book_metadata", "build_date", "data_version", "site_address"]


def build_date() -> str:
    """The day the book is built (``YYYY-MM-DD``): ``SOURCE_DATE_EPOCH`` if set, for reproducible
    builds, else today. "Today" in the book means this day.

    >>> os.environ["SOURCE_DATE_EPOCH"] = "1764547200"; build_date()
    '2025-12-01'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc).date() if epoch else _dt.date.today()
    return day.isoformat()


def data_version(data_dir: Path | None = None) -> str:
    """Return a short content hash of every file in ``data/`` (names and bytes).

    The same data give the same version on any machine; any edit gives a new one.
    """
    folder = Path(data_dir) if data_dir else _default_data_dir()
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def book_metadata() -> dict:
    """Return the book's title, author, base URL and versions (from ``_config.yml`` and data)."""
    with open(project_root() / "_config.yml", encoding="utf-8") as fh:
        config = yaml.safe_load(fh) or {}
    return {
        "title": config.get("title", "The Dushanbe book"),
        "author": config.get("author", "The Dushanbe book team"),
        "baseurl": (config.get("html", {}) or {}).get("baseurl", "") or "",
        "version": _pkg_version("dushanbe"),
        "data_version": data_version(),
    }


def site_address(meta: dict, path: str, fallback: str | None = None) -> str:
    """Return a file's address in the published site: absolute under the book's base URL when
    one is set, else ``fallback`` (default ``path``, relative to the site root).

    >>> site_address({"baseurl": "https://example.org/book/"}, "figures/a.png", "a.png")
    'https://example.org/book/figures/a.png'
    >>> site_address({"baseurl": ""}, "figures/a.png", "a.png")
    'a.png'
    """
    if meta.get("baseurl"):
        return f"{meta['baseurl'].rstrip('/')}/{path}"
    return path if fallback is None else fallback
