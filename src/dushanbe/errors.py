"""The one error type of the data layer, shared by the loader and the rules.

:class:`Problem` says where (file, row, column) and what; :class:`DataValidationError` carries
the first problem found. Both :mod:`dushanbe.data` and :mod:`dushanbe.rules` import this module,
and neither imports the other's internals, so there is no import circle.

>>> str(Problem("data/borders.csv", 3, "length_km", "-91.0 is not a positive number"))
"data/borders.csv, row 3, column 'length_km': -91.0 is not a positive number"
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "DataValidationError"]


@dataclass(frozen=True)
class Problem:
    """One problem in one cell (or one row when ``column`` is None, or the header when ``row`` is 1)."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return ", ".join(where) + f": {self.message}"


class DataValidationError(ValueError):
    """A table in ``data/`` breaks its schema or a rule. ``problem`` says where and what."""

    def __init__(self, problem: Problem, more: int = 0):
        self.problem = problem
        self.more = more
        tail = f" (and {more} more problem{'s' if more != 1 else ''} in this file)" if more else ""
        super().__init__(f"{problem}{tail}")
