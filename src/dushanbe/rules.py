"""Checks that a Table Schema cannot express, named in ``datapackage.json`` under ``dushanbe:rules``.

Each rule is a small generator: it takes the rule's settings from the descriptor, the validated
rows of the table (dicts with a ``_row`` number) and the tables already loaded, and yields
:class:`~dushanbe.errors.Problem` objects. :func:`check` runs the rules a table declares.

>>> rows = [{"_row": 2, "iso3": "AFG"}, {"_row": 3, "iso3": "XYZ"}]
>>> [p.message for p in country_code({"field": "iso3"}, rows, {}, "t.csv")]
["'XYZ' is not an ISO 3166-1 alpha-3 country code"]
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Callable, Iterable, Iterator

import pycountry

from .errors import Problem

__all__ = ["RULES", "check", "is_country_code"]


def _problem(file, row, column, message) -> Problem:
    return Problem(file, row, column, message)


def is_country_code(code: str) -> bool:
    """Return True if ``code`` is an assigned ISO 3166-1 alpha-3 code.

    >>> is_country_code("TJK"), is_country_code("XKX")
    (True, False)
    """
    return isinstance(code, str) and len(code) == 3 and \
        pycountry.countries.get(alpha_3=code) is not None


def country_code(spec, rows, tables, file) -> Iterator:
    """Cells of ``field`` are real ISO 3166-1 alpha-3 codes."""
    for row in rows:
        value = row.get(spec["field"])
        if value and not is_country_code(value):
            yield _problem(file, row["_row"], spec["field"],
                           f"{value!r} is not an ISO 3166-1 alpha-3 country code")


def not_a_country_code(spec, rows, tables, file) -> Iterator:
    """Cells of ``field`` are not country codes (organisation ids share the graph with states)."""
    for row in rows:
        value = row.get(spec["field"])
        if is_country_code(value):
            yield _problem(file, row["_row"], spec["field"],
                           f"{value!r} is a country code; an organisation id must differ from every ISO code")


def references(spec, rows, tables, file) -> Iterator:
    """Every value of ``field`` (split by ``separator`` if given) is a ``key`` in ``resource``."""
    known = {r[spec["key"]] for r in tables.get(spec["resource"], [])}
    sep = spec.get("separator")
    for row in rows:
        cell = row.get(spec["field"])
        if cell in (None, ""):
            continue
        for part in (cell.split(sep) if sep else [cell]):
            part = part.strip()
            if part not in known:
                yield _problem(file, row["_row"], spec["field"],
                               f"{part!r} is not a known {spec['key']} in data/{spec['resource']}.csv"
                               if part else f"empty entry in the {sep!r}-separated list")


def start_before_end(spec, rows, tables, file) -> Iterator:
    """Where ``end`` is given, ``start`` comes strictly before it (or on the same day, with
    ``allow_equal``, for inclusive last days)."""
    equal_ok = spec.get("allow_equal", False)
    for row in rows:
        start, end = row.get(spec["start"]), row.get(spec["end"])
        if start and end and not (start < end or (equal_ok and start == end)):
            yield _problem(file, row["_row"], spec["end"],
                           f"{spec['end']} {end.isoformat()} is {'before' if equal_ok else 'not after'} "
                           f"{spec['start']} {start.isoformat()}")


def codes_or_orgs(spec, rows, tables, file) -> Iterator:
    """Each ``separator``-split value of ``field`` is an ISO alpha-3 code or a known org_id."""
    orgs = {r["org_id"] for r in tables.get(spec["resource"], [])}
    for row in rows:
        for part in (row.get(spec["field"]) or "").split(spec["separator"]):
            if not (is_country_code(part) or part in orgs):
                yield _problem(file, row["_row"], spec["field"],
                               f"{part!r} is neither an ISO alpha-3 code nor an org_id in "
                               f"data/{spec['resource']}.csv")


def exactly_one(spec, rows, tables, file) -> Iterator:
    """Exactly one of ``fields`` is filled in each row."""
    for row in rows:
        filled = [f for f in spec["fields"] if row.get(f) not in (None, "")]
        if len(filled) != 1:
            yield _problem(file, row["_row"], spec["fields"][0],
                           f"fill exactly one of {' or '.join(spec['fields'])} "
                           f"({'both are' if filled else 'neither is'} filled)")


def required_with(spec, rows, tables, file) -> Iterator:
    """``field`` is filled wherever ``with`` is."""
    for row in rows:
        if row.get(spec["with"]) not in (None, "") and row.get(spec["field"]) in (None, ""):
            yield _problem(file, row["_row"], spec["field"],
                           f"{spec['field']} is required when {spec['with']} is given")


def registered(spec, rows, tables, file) -> Iterator:
    """Values of ``field`` are keys of the Python registry ``module:NAME``."""
    import importlib

    module, name = spec["registry"].split(":")
    known = getattr(importlib.import_module(module), name)
    for row in rows:
        value = row.get(spec["field"])
        if value and value not in known:
            yield _problem(file, row["_row"], spec["field"],
                           f"{value!r} is not a check in {spec['registry']} "
                           f"(known: {', '.join(sorted(known))})")


def no_overlap(spec, rows, tables, file) -> Iterator:
    """Intervals [start, end) of rows that share the ``group`` columns do not overlap."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for row in rows:
        groups[tuple(row.get(c) for c in spec["group"])].append(row)
    for key, members in groups.items():
        members = sorted(members, key=lambda r: r[spec["start"]])
        for before, after in zip(members, members[1:]):
            end = before.get(spec["end"]) or date.max
            if after[spec["start"]] < end:
                yield _problem(
                    file, after["_row"], spec["start"],
                    f"interval starting {after[spec['start']].isoformat()} overlaps row {before['_row']} "
                    f"({'/'.join(map(str, key))}, {before[spec['start']].isoformat()} to "
                    f"{before.get(spec['end']).isoformat() if before.get(spec['end']) else 'open'})")


def within_lifetime(spec, rows, tables, file) -> Iterator:
    """A row's interval lies within the life of the organisation it names
    (``founded <= start`` and, if the organisation was dissolved, ``end <= dissolved``)."""
    orgs = {r["org_id"]: r for r in tables.get(spec["resource"], [])}
    for row in rows:
        org = orgs.get(row.get(spec["org"]))
        if org is None:
            continue  # an unknown organisation is reported by `references`
        start, end = row.get(spec["start"]), row.get(spec["end"])
        if start and start < org[spec["founded"]]:
            yield _problem(file, row["_row"], spec["start"],
                           f"starts {start.isoformat()}, before {org['org_id']} was founded "
                           f"({org[spec['founded']].isoformat()})")
        dissolved = org.get(spec["dissolved"])
        if dissolved and (end is None or end > dissolved):
            yield _problem(file, row["_row"], spec["end"],
                           f"{'is open' if end is None else 'ends ' + end.isoformat()}, but "
                           f"{org['org_id']} was dissolved on {dissolved.isoformat()}")


def ordered_pair(spec, rows, tables, file) -> Iterator:
    """``first`` < ``second`` alphabetically: one spelling per pair, and no state paired with itself."""
    for row in rows:
        a, b = row.get(spec["first"]), row.get(spec["second"])
        if a and b and a == b:
            yield _problem(file, row["_row"], spec["second"], f"a border of {a!r} with itself")
        elif a and b and not a < b:
            yield _problem(file, row["_row"], spec["first"],
                           f"pair out of order: write {b},{a} ({spec['first']} first alphabetically)")


def positive(spec, rows, tables, file) -> Iterator:
    """Cells of ``field`` are greater than zero."""
    for row in rows:
        value = row.get(spec["field"])
        if value is not None and not value > 0:
            yield _problem(file, row["_row"], spec["field"], f"{value} is not a positive number")


def not_after_today(spec, rows, tables, file) -> Iterator:
    """Dates in ``fields`` are not after the day the data are loaded (no date from the future:
    a source cannot have been read, nor a status begun, on a day still to come)."""
    today = date.today()
    for row in rows:
        for name in spec["fields"]:
            value = row.get(name)
            if value and value > today:
                yield _problem(file, row["_row"], name,
                               f"{name} {value.isoformat()} is after today ({today.isoformat()})")


RULES: dict[str, Callable] = {f.__name__: f for f in (
    country_code, not_a_country_code, references, start_before_end, no_overlap, within_lifetime,
    ordered_pair, positive, codes_or_orgs, exactly_one, required_with, registered, not_after_today)}


def check(specs: Iterable[dict], rows: list[dict], tables: dict, file: str) -> Iterator:
    """Run each rule named in ``specs`` over ``rows``; yield problems in row order per rule."""
    for spec in specs:
        try:
            rule = RULES[spec["rule"]]
        except KeyError:
            raise KeyError(f"datapackage.json names an unknown rule {spec['rule']!r}") from None
        yield from sorted(rule(spec, rows, tables, file), key=lambda p: (p.row or 0))
