"""Frictionless plugin for the Dushanbe book's data: tells Frictionless the book's check types.

Frictionless loads every installed module named ``frictionless_*``; this one maps the check
types of ``data/checklist.yaml`` (``dushanbe/…``) to :mod:`dushanbe.checks`, so that

    frictionless validate data/datapackage.json --checklist data/checklist.yaml

gives the same verdict as the book's own loader.
"""
from __future__ import annotations

from frictionless import Plugin


class DushanbePlugin(Plugin):
    """Resolves the ``dushanbe/…`` check and error types."""

    def select_check_class(self, type=None):
        """Return the book's check class for a ``dushanbe/…`` check type."""
        if type and type.startswith("dushanbe/"):
            from dushanbe.checks import CHECKS

            return CHECKS.get(type)
        return None

    def select_error_class(self, type=None):
        """Return the error class of the book's checks."""
        if type == "dushanbe/rule":
            from dushanbe.checks import BookError

            return BookError
        return None
