"""Load the sourced tables in ``data/``, validated against ``data/datapackage.json``.

There is one way in: :func:`load_tables` (or :func:`load_table` for one table). Every table is
checked on every load, first by Frictionless against its Table Schema (types, required cells,
allowed values, patterns, primary keys), then by the named rules in ``dushanbe:rules``
(see :mod:`dushanbe.rules`). The first problem stops the load with a :class:`DataValidationError`
that names the file, the row (as a spreadsheet numbers it: the header is row 1) and the column.

>>> tables = load_tables()
>>> sorted(tables)
['borders', 'claims', 'events', 'memberships', 'organizations', 'plans', 'sources']
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
from frictionless import Resource

from . import rules as _rules
from .errors import DataValidationError, Problem
from .meta import data_version
from .paths import data_dir as _default_data_dir

__all__ = ["DataValidationError", "Problem", "load_tables", "load_table", "data_version",
           "package_descriptor", "resource_descriptor"]

#: Load order: a table may only refer to tables before it.
TABLE_ORDER = ("sources", "organizations", "memberships", "borders", "events", "claims", "plans")


def package_descriptor(data_dir: Path | None = None) -> dict:
    """Return ``datapackage.json`` as a dict."""
    folder = Path(data_dir) if data_dir else _default_data_dir()
    with open(folder / "datapackage.json", encoding="utf-8") as fh:
        return json.load(fh)


def resource_descriptor(name: str, descriptor: dict) -> dict:
    for res in descriptor["resources"]:
        if res["name"] == name:
            return res
    raise KeyError(f"datapackage.json has no resource named {name!r}")


BOM = b"\xef\xbb\xbf"


def _decode(path: Path, shown: str) -> str:
    """Return the file's text; a byte that is not UTF-8 stops with its row and column.

    A UTF-8 byte-order mark (what spreadsheet programs write as "CSV UTF-8") is dropped.
    """
    raw = path.read_bytes()
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        row = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        prefix = raw[line_start: exc.start].decode("utf-8", errors="replace")
        header = next(csv.reader(io.StringIO(raw.split(b"\n", 1)[0].decode("utf-8", "replace"))), [])
        field_index = next(csv.reader(io.StringIO(prefix)), [""]).__len__() - 1
        column = header[field_index] if 0 <= field_index < len(header) else None
        raise DataValidationError(Problem(
            shown, row, column,
            f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8")) from None


def _check_header(text: str, res: dict, shown: str) -> list[str]:
    delimiter = res.get("dialect", {}).get("delimiter", ",")
    first = text.split("\n", 1)[0].rstrip("\r")
    header = next(csv.reader(io.StringIO(first), delimiter=delimiter), [])
    names = [f["name"] for f in res["schema"]["fields"]]
    if len(header) == 1 and len(names) > 1:
        for other in (";", "\t", "|"):
            if other in first:
                raise DataValidationError(Problem(
                    shown, 1, None,
                    f"the header is split by {other!r}, not {delimiter!r}: "
                    f"save the file with {delimiter!r} as the delimiter"))
    required = [f["name"] for f in res["schema"]["fields"]]
    missing = [n for n in required if n not in header]
    if missing:
        raise DataValidationError(Problem(
            shown, 1, missing[0],
            f"required column '{missing[0]}' is missing from the header "
            f"(found: {', '.join(header) or 'nothing'})"))
    dupes = sorted({h for h in header if header.count(h) > 1})
    if dupes:
        raise DataValidationError(Problem(shown, 1, dupes[0], "column appears twice in the header"))
    return header


#: Plain words for the Frictionless errors that concern a whole row.
_ROW_MESSAGES = {
    "primary-key": "duplicate row: its key repeats an earlier row",
    "extra-cell": "more cells than the header has columns (a stray delimiter, or an unquoted comma?)",
    "missing-cell": "fewer cells than the header has columns",
    "blank-row": "blank row",
}


def _describe(err, fields: dict) -> str:
    """Say in plain words what a Frictionless error means for the person editing the file."""
    kind = err.type
    cell = getattr(err, "cell", None)
    if kind == "type-error":
        wanted = fields.get(err.field_name, {}).get("type", "value")
        hint = " (write dates as YYYY-MM-DD)" if wanted == "date" else ""
        return f"{cell!r} is not a valid {wanted}{hint}"
    if kind == "constraint-error":
        spec = fields.get(err.field_name, {}).get("constraints", {})
        if "enum" in spec:
            return f"{cell!r} is not one of the allowed values: {', '.join(spec['enum'])}"
        if "pattern" in spec and cell not in (None, ""):
            return f"{cell!r} does not match the pattern {spec['pattern']}"
        if spec.get("required") and cell in (None, ""):
            return "this cell is required but empty"
        if spec.get("unique"):
            return f"{cell!r} repeats an earlier row; it must be unique"
        return f"{cell!r} breaks a constraint: {err.note}"
    if kind == "unique-error":
        return f"{cell!r} repeats an earlier row; it must be unique"
    return _ROW_MESSAGES.get(kind, err.message)


def _resource(path: Path, res: dict) -> Resource:
    descriptor = {k: v for k, v in res.items() if not k.startswith("dushanbe:")}
    descriptor["path"] = path.name
    with open(path, "rb") as fh:
        if fh.read(len(BOM)) == BOM:
            descriptor["encoding"] = "utf-8-sig"  # the same UTF-8, after its byte-order mark
    return Resource.from_descriptor(descriptor, basepath=str(path.parent))


def _frictionless_problems(path: Path, res: dict, shown: str) -> list[Problem]:
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    resource = _resource(path, res)
    problems = []
    for task in resource.validate().tasks:
        for err in task.errors:
            column = getattr(err, "field_name", None) or None
            if err.type == "primary-key":
                column = ", ".join(res["schema"]["primaryKey"])
            problems.append(Problem(shown, getattr(err, "row_number", None), column,
                                    _describe(err, fields)))
    return problems


def _read_rows(path: Path, res: dict) -> list[dict]:
    resource = _resource(path, res)
    out = []
    with resource:
        for row in resource.row_stream:
            record = row.to_dict()
            record["_row"] = row.row_number
            out.append(record)
    return out


def _to_frame(rows: list[dict], res: dict, header: list[str]) -> pd.DataFrame:
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    frame = pd.DataFrame.from_records(rows, columns=[*header, "_row"]) if rows else \
        pd.DataFrame(columns=[*header, "_row"])
    for name in header:
        kind = fields.get(name, {}).get("type", "string")
        if kind == "date":
            frame[name] = pd.to_datetime(frame[name], errors="raise")
        elif kind in ("number", "integer"):
            frame[name] = frame[name].astype("float64")
        else:
            frame[name] = frame[name].astype("object").where(frame[name].notna(), "").astype(str)
    frame = frame.rename(columns={"_row": "row"})
    frame.attrs["source_file"] = res["path"]
    return frame


def load_table(name: str, data_dir: Path | None = None, _loaded: dict | None = None) -> pd.DataFrame:
    """Load and validate one table; tables it refers to are loaded (and validated) first.

    Returns a DataFrame with the file's columns (dates as ``datetime64``, lengths as ``float64``,
    empty text as ``""``) plus ``row``, the row number in the file (header = row 1).
    Raises :class:`DataValidationError` on the first problem.
    """
    folder = Path(data_dir) if data_dir else _default_data_dir()
    descriptor = package_descriptor(folder)
    loaded = {} if _loaded is None else _loaded
    res = resource_descriptor(name, descriptor)
    for spec in res.get("dushanbe:rules", []):
        ref = spec.get("resource")
        if ref and ref != name and ref not in loaded:
            load_table(ref, folder, loaded)
    path = folder / res["path"]
    shown = f"data/{res['path']}"
    if not path.is_file():
        raise DataValidationError(Problem(shown, None, None, "file not found"))
    text = _decode(path, shown)
    header = _check_header(text, res, shown)
    if not any(line.strip() for line in text.splitlines()[1:]):
        raise DataValidationError(Problem(shown, 2, None, "the table has a header but no data rows"))
    problems = _frictionless_problems(path, res, shown)
    if not problems:
        rows = _read_rows(path, res)
        problems = list(_rules.check(res.get("dushanbe:rules", []), rows, loaded | {name: rows}, shown))
    if problems:
        raise DataValidationError(problems[0], more=len(problems) - 1)
    loaded[name] = rows
    return _to_frame(rows, res, header)


def load_tables(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Load and validate every table in ``datapackage.json``; return them by name."""
    folder = Path(data_dir) if data_dir else _default_data_dir()
    loaded: dict = {}
    return {name: load_table(name, folder, loaded) for name in TABLE_ORDER}
