"""Where things live: the book's root folder and its data.

>>> (project_root() / "_config.yml").is_file()
True
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["project_root", "data_dir"]


def project_root(start: Path | None = None) -> Path:
    """Return the folder that holds ``_config.yml`` and ``data/`` (the book's root).

    Searches upwards from ``start`` (default: the working directory, then this package). A
    notebook runs in its own folder, so a copy of the book reads its own data.
    """
    candidates = [Path(start)] if start else [Path.cwd().resolve(), Path(__file__).resolve()]
    for begin in candidates:
        for folder in [begin, *begin.parents]:
            if (folder / "_config.yml").is_file() and (folder / "data").is_dir():
                return folder
    raise FileNotFoundError("cannot find the book's root (a folder with _config.yml and data/)")


def data_dir() -> Path:
    """Return the folder of sourced tables, ``<root>/data``."""
    return project_root() / "data"
