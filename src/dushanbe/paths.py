"""Where things live: the project root, its data and the build's figure store."""
from __future__ import annotations

import os
from pathlib import Path

from .contract import ENV_FIGURE_STORE, ENV_ROOT

__all__ = ["project_root", "data_dir", "figure_store"]


def project_root(start: Path | None = None) -> Path:
    """Return the folder that holds ``_config.yml`` (the book's root).

    ``DUSHANBE_ROOT`` wins if set (the book build sets it, so notebooks executed for a copy of
    the project read that copy's data); otherwise searches upwards from ``start`` (default: the
    working directory, then this package).
    """
    if start is None and os.environ.get(ENV_ROOT):
        return Path(os.environ[ENV_ROOT])
    candidates = [start] if start else [Path.cwd().resolve(), Path(__file__).resolve()]
    for begin in candidates:
        for folder in [begin, *begin.parents]:
            if (folder / "_config.yml").is_file() and (folder / "data").is_dir():
                return folder
    raise FileNotFoundError("cannot find the book's root (a folder with _config.yml and data/)")


def data_dir() -> Path:
    """Return the folder of sourced tables, ``<root>/data``."""
    return project_root() / "data"


def figure_store() -> Path:
    """Return the folder where published figures write their files.

    ``DUSHANBE_FIGURE_STORE`` overrides the default ``<root>/_build/figures``; the book's Sphinx
    extension copies this folder into the built site.
    """
    override = os.environ.get(ENV_FIGURE_STORE)
    return Path(override) if override else project_root() / "_build" / "figures"
