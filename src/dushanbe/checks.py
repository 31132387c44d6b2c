"""The book's rules for its data, as Frictionless checks.

A Table Schema says what each cell may hold; these checks say what a Table Schema cannot: that a
code is a real country, that a list of source ids names known sources, that a state's intervals
in one organisation do not overlap, that every row has a quote from its source, and so on. They
are listed, table by table, in ``data/checklist.yaml``, and they run in two places with the same
verdict:

* the book's loader, :func:`dushanbe.data.load_tables`, on every load;
* Frictionless itself, for anyone who validates the published package::

      frictionless validate data/datapackage.json --checklist data/checklist.yaml

  (the ``frictionless_dushanbe`` plugin, installed with this package, tells Frictionless the
  check types ``dushanbe/…``).

Every check names the table it applies to (``table``) and does nothing on the others. Its
errors are :class:`BookError` rows with the column in ``field_name`` and the words in ``note``.
"""
from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import ClassVar

import attrs
import pycountry
from frictionless import Check, errors

from .meta import build_date

__all__ = ["CHECKS", "BookError", "is_country_code"]


def is_country_code(code) -> bool:
    """Return True if ``code`` is an assigned ISO 3166-1 alpha-3 code.

    >>> is_country_code("TJK"), is_country_code("XKX")
    (True, False)
    """
    return isinstance(code, str) and len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


@attrs.define(kw_only=True, repr=False)
class BookError(errors.CellError):
    """A cell that breaks one of the book's rules."""

    type = "dushanbe/rule"
    title = "Book rule"
    description = "A cell breaks one of the rules of data/checklist.yaml."
    template = "{note}"
    tags = ["#table", "#row", "#cell"]


_rows_cache: dict = {}


def _rows(resource, name: str) -> list[dict]:
    """The typed rows of another table of the same package, read once per validation."""
    package = resource.package
    key = (id(package), name)
    if key not in _rows_cache:
        # a copy: reading the resource being validated itself (organizations.csv refers to its own
        # rows) would otherwise reset the stream the validation is reading, and end it early
        other = package.get_resource(name).to_copy()
        _rows_cache[key] = [dict(row) for row in other.read_rows()] if other.path else []
    return _rows_cache[key]


def clear_cache() -> None:
    """Forget the tables read for cross-table checks (the loader calls it before each load)."""
    _rows_cache.clear()


def _error(row, field: str, note: str) -> BookError:
    return BookError.from_row(row, note=note, field_name=field)


def _split(cell, separator: str | None) -> list[str]:
    if cell in (None, ""):
        return []
    return [p.strip() for p in (str(cell).split(separator) if separator else [str(cell)])]


@attrs.define(kw_only=True, repr=False)
class _TableCheck(Check):
    """A check that applies to one table only (``table``)."""

    table: str
    Errors: ClassVar = [BookError]
    metadata_profile_patch: ClassVar = {"required": ["table"], "properties": {"table": {"type": "string"}}}

    def applies(self) -> bool:
        return self.resource.name == self.table


def _profile(**properties) -> dict:
    base = {"table": {"type": "string"}}
    kinds = {str: {"type": "string"}, list: {"type": "array"}, bool: {"type": "boolean"}}
    return {"required": ["table", *[k for k, (_, required) in properties.items() if required]],
            "properties": base | {k: kinds[t] for k, (t, _) in properties.items()}}


@attrs.define(kw_only=True, repr=False)
class CountryCode(_TableCheck):
    """Cells of ``fields`` are real ISO 3166-1 alpha-3 codes."""

    type = "dushanbe/country-code"
    fields: list
    metadata_profile_patch: ClassVar = _profile(fields=(list, True))

    def validate_row(self, row):
        if not self.applies():
            return
        for name in self.fields:
            value = row[name]
            if value and not is_country_code(value):
                yield _error(row, name, f"{value!r} is not an ISO 3166-1 alpha-3 country code")


@attrs.define(kw_only=True, repr=False)
class NotCountryCode(_TableCheck):
    """Cells of ``field`` are not country codes (organisation ids share the graph with states)."""

    type = "dushanbe/not-country-code"
    field: str
    metadata_profile_patch: ClassVar = _profile(field=(str, True))

    def validate_row(self, row):
        if self.applies() and is_country_code(row[self.field]):
            yield _error(row, self.field, f"{row[self.field]!r} is a country code; an organisation id must "
                                          "differ from every ISO code")


@attrs.define(kw_only=True, repr=False)
class References(_TableCheck):
    """Every value of ``field`` (split by ``separator``, if given) is a ``key`` of table ``target``."""

    type = "dushanbe/references"
    field: str
    target: str
    key: str
    separator: str = ""
    metadata_profile_patch: ClassVar = _profile(field=(str, True), target=(str, True), key=(str, True),
                                                separator=(str, False))

    def validate_start(self):
        self._known = {r[self.key] for r in _rows(self.resource, self.target)} if self.applies() else set()
        yield from []

    def validate_row(self, row):
        if not self.applies():
            return
        for part in _split(row[self.field], self.separator or None):
            if part not in self._known:
                yield _error(row, self.field, f"{part!r} is not a known {self.key} in data/{self.target}.csv"
                             if part else f"empty entry in the {self.separator!r}-separated list")


@attrs.define(kw_only=True, repr=False)
class StartBeforeEnd(_TableCheck):
    """Where ``end`` is given, ``start`` comes strictly before it (or on the same day, with
    ``equal``, for inclusive last days)."""

    type = "dushanbe/start-before-end"
    start: str
    end: str
    equal: bool = False
    metadata_profile_patch: ClassVar = _profile(start=(str, True), end=(str, True), equal=(bool, False))

    def validate_row(self, row):
        if not self.applies():
            return
        start, end = row[self.start], row[self.end]
        if start and end and not (start < end or (self.equal and start == end)):
            yield _error(row, self.end, f"{self.end} {end.isoformat()} is "
                                        f"{'before' if self.equal else 'not after'} {self.start} {start.isoformat()}")


@attrs.define(kw_only=True, repr=False)
class NoOverlap(_TableCheck):
    """Intervals [start, end) of rows that share the ``group`` columns do not overlap."""

    type = "dushanbe/no-overlap"
    group: list
    start: str
    end: str
    metadata_profile_patch: ClassVar = _profile(group=(list, True), start=(str, True), end=(str, True))

    def validate_start(self):
        self._groups = defaultdict(list)
        yield from []

    def validate_row(self, row):
        if not self.applies() or not row[self.start]:
            return
        key = tuple(row[c] for c in self.group)
        for before in self._groups[key]:
            overlap = (before[self.start] <= row[self.start] < (before[self.end] or _dt.date.max)
                       or row[self.start] <= before[self.start] < (row[self.end] or _dt.date.max))
            if overlap:
                end = before[self.end].isoformat() if before[self.end] else "open"
                yield _error(row, self.start, f"interval starting {row[self.start].isoformat()} overlaps row "
                                              f"{before['_row']} ({'/'.join(map(str, key))}, "
                                              f"{before[self.start].isoformat()} to {end})")
                break
        self._groups[key].append({self.start: row[self.start], self.end: row[self.end], "_row": row.row_number})


@attrs.define(kw_only=True, repr=False)
class WithinLifetime(_TableCheck):
    """A row's interval lies within the life of the organisation it names in ``field``
    (``founded <= start`` and, if the organisation was dissolved, ``end <= dissolved``)."""

    type = "dushanbe/within-lifetime"
    field: str
    start: str
    end: str
    target: str = "organizations"
    metadata_profile_patch: ClassVar = _profile(field=(str, True), start=(str, True), end=(str, True),
                                                target=(str, False))

    def validate_start(self):
        self._orgs = {r["org_id"]: r for r in _rows(self.resource, self.target)} if self.applies() else {}
        yield from []

    def validate_row(self, row):
        org = self._orgs.get(row[self.field]) if self.applies() else None
        if org is None:
            return   # an unknown organisation is reported by `references`
        start, end = row[self.start], row[self.end]
        if start and org["founded"] and start < org["founded"]:
            yield _error(row, self.start, f"starts {start.isoformat()}, before {org['org_id']} was founded "
                                          f"({org['founded'].isoformat()})")
        dissolved = org.get("dissolved")
        if dissolved and (end is None or end > dissolved):
            yield _error(row, self.end, f"{'is open' if end is None else 'ends ' + end.isoformat()}, but "
                                        f"{org['org_id']} was dissolved on {dissolved.isoformat()}")


@attrs.define(kw_only=True, repr=False)
class OrderedPair(_TableCheck):
    """``first`` < ``second`` alphabetically: one spelling per pair, and no state paired with itself."""

    type = "dushanbe/ordered-pair"
    first: str
    second: str
    metadata_profile_patch: ClassVar = _profile(first=(str, True), second=(str, True))

    def validate_row(self, row):
        if not self.applies():
            return
        a, b = row[self.first], row[self.second]
        if a and b and a == b:
            yield _error(row, self.second, f"a border of {a!r} with itself")
        elif a and b and not a < b:
            yield _error(row, self.first, f"pair out of order: write {b},{a} ({self.first} first alphabetically)")


@attrs.define(kw_only=True, repr=False)
class Positive(_TableCheck):
    """Cells of ``field`` are greater than zero."""

    type = "dushanbe/positive"
    field: str
    metadata_profile_patch: ClassVar = _profile(field=(str, True))

    def validate_row(self, row):
        value = row[self.field] if self.applies() else None
        if value is not None and not value > 0:
            yield _error(row, self.field, f"{value} is not a positive number")


@attrs.define(kw_only=True, repr=False)
class CodesOrOrgs(_TableCheck):
    """Each ``separator``-split value of ``field`` is an ISO alpha-3 code or an ``org_id`` of ``target``."""

    type = "dushanbe/codes-or-orgs"
    field: str
    separator: str = ";"
    target: str = "organizations"
    metadata_profile_patch: ClassVar = _profile(field=(str, True), separator=(str, False), target=(str, False))

    def validate_start(self):
        self._orgs = {r["org_id"] for r in _rows(self.resource, self.target)} if self.applies() else set()
        yield from []

    def validate_row(self, row):
        if not self.applies():
            return
        for part in _split(row[self.field], self.separator):
            if not (is_country_code(part) or part in self._orgs):
                yield _error(row, self.field, f"{part!r} is neither an ISO alpha-3 code nor an org_id in "
                                              f"data/{self.target}.csv")


@attrs.define(kw_only=True, repr=False)
class ExactlyOne(_TableCheck):
    """Exactly one of ``fields`` is filled in each row."""

    type = "dushanbe/exactly-one"
    fields: list
    metadata_profile_patch: ClassVar = _profile(fields=(list, True))

    def validate_row(self, row):
        if not self.applies():
            return
        filled = [f for f in self.fields if row[f] not in (None, "")]
        if len(filled) != 1:
            yield _error(row, self.fields[0], f"fill exactly one of {' or '.join(self.fields)} "
                                              f"({'both are' if filled else 'neither is'} filled)")


@attrs.define(kw_only=True, repr=False)
class RequiredWith(_TableCheck):
    """``field`` is filled wherever ``other`` is."""

    type = "dushanbe/required-with"
    field: str
    other: str
    metadata_profile_patch: ClassVar = _profile(field=(str, True), other=(str, True))

    def validate_row(self, row):
        if self.applies() and row[self.other] not in (None, "") and row[self.field] in (None, ""):
            yield _error(row, self.field, f"{self.field} is required when {self.other} is given")


@attrs.define(kw_only=True, repr=False)
class NotAfterToday(_TableCheck):
    """Dates in ``fields`` are not after the day the book is built (no date from the future: a
    source cannot have been read, nor a status begun, on a day still to come)."""

    type = "dushanbe/not-after-today"
    fields: list
    metadata_profile_patch: ClassVar = _profile(fields=(list, True))

    def validate_row(self, row):
        if not self.applies():
            return
        today = _dt.date.fromisoformat(build_date())
        for name in self.fields:
            value = row[name]
            if value and value > today:
                yield _error(row, name, f"{name} {value.isoformat()} is after today ({today.isoformat()})")


def _key(row: dict, fields: list[str]) -> str:
    return "|".join(v.isoformat() if isinstance(v, _dt.date) else ("" if v is None else str(v))
                    for v in (row[f] for f in fields))


@attrs.define(kw_only=True, repr=False)
class EvidenceBelongs(_TableCheck):
    """Each line of the evidence table quotes a row that exists (``resource`` and ``key``, the
    row's primary key joined by ``|``) from one of that row's own sources."""

    type = "dushanbe/evidence-belongs"
    metadata_profile_patch: ClassVar = _profile()

    def validate_start(self):
        self._rows = {}
        if self.applies():
            package = self.resource.package
            for resource in package.resources:
                schema = resource.schema
                if resource.name == self.table or "source_id" not in schema.field_names:
                    continue
                keys = list(schema.primary_key)
                self._rows[resource.name] = {_key(r, keys): r for r in _rows(self.resource, resource.name)}
        yield from []

    def validate_row(self, row):
        if not self.applies():
            return
        table = self._rows.get(row["resource"])
        if table is None:
            yield _error(row, "resource", f"{row['resource']!r} is not a table with sources")
            return
        quoted = table.get(row["key"])
        if quoted is None:
            yield _error(row, "key", f"no row of data/{row['resource']}.csv has the key {row['key']!r}")
        elif row["source_id"] not in _split(quoted["source_id"], ";"):
            yield _error(row, "source_id", f"{row['source_id']!r} is not one of the sources of "
                                           f"{row['resource']} {row['key']!r}")


@attrs.define(kw_only=True, repr=False)
class EvidenceCovers(_TableCheck):
    """Every row of the table has at least one line in the evidence table (``target``): the
    sentence, read on one of its sources, that supports it."""

    type = "dushanbe/evidence-covers"
    target: str = "evidence"
    metadata_profile_patch: ClassVar = _profile(target=(str, False))

    def validate_start(self):
        self._quoted = ({r["key"] for r in _rows(self.resource, self.target) if r["resource"] == self.table}
                        if self.applies() else set())
        self._keys = list(self.resource.schema.primary_key)
        yield from []

    def validate_row(self, row):
        if self.applies() and _key(row, self._keys) not in self._quoted:
            yield _error(row, self._keys[0], f"no quote in data/{self.target}.csv supports this row "
                                             f"(key {_key(row, self._keys)!r})")


#: Every check type, by its name in ``data/checklist.yaml``.
CHECKS = {cls.type: cls for cls in (CountryCode, NotCountryCode, References, StartBeforeEnd, NoOverlap,
                                    WithinLifetime, OrderedPair, Positive, CodesOrOrgs, ExactlyOne,
                                    RequiredWith, NotAfterToday, EvidenceBelongs, EvidenceCovers)}
