"""Load the sourced tables in ``data/``, validated as a Frictionless data package.

There is one way in: :func:`load_tables` (or :func:`load_table` for one table). On every load
the whole package is validated by Frictionless, against each table's Table Schema (types,
required cells, allowed values, patterns, keys) and against the book's checks in
``data/checklist.yaml`` (:mod:`dushanbe.checks`): the same verdict as
``frictionless validate data/datapackage.json --checklist data/checklist.yaml``. The first
problem stops the load with a :class:`DataValidationError` that names the file, the row (as a
spreadsheet numbers it: the header is row 1) and the column. Nothing is dropped.

>>> tables = load_tables()
>>> sorted(tables)
['borders', 'claims', 'events', 'evidence', 'memberships', 'organizations', 'participation', 'plans', 'sources']
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pandas as pd
import yaml
from frictionless import Checklist, Package

from . import checks as _checks
from .errors import DataValidationError, Problem
from .meta import build_date, data_version
from .paths import data_dir as _default_data_dir

__all__ = ["DataValidationError", "Problem", "load_tables", "load_table", "data_version",
           "package_descriptor", "resource_descriptor", "checklist"]


def package_descriptor(data_dir: Path | None = None) -> dict:
    """Return ``datapackage.json`` as a dict."""
    folder = Path(data_dir) if data_dir else _default_data_dir()
    with open(folder / "datapackage.json", encoding="utf-8") as fh:
        return json.load(fh)


def resource_descriptor(name: str, descriptor: dict) -> dict:
    """Return the resource called ``name`` in a data package descriptor."""
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
        if fields.get(err.field_name, {}).get("format") == "uri":
            return f"{cell!r} is not a web address: write it whole, from http:// or https://"
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


def checklist(data_dir: Path | None = None) -> Checklist:
    """Return the book's checks, ``data/checklist.yaml``, as a Frictionless checklist."""
    folder = Path(data_dir) if data_dir else _default_data_dir()
    with open(folder / "checklist.yaml", encoding="utf-8") as fh:
        return Checklist.from_descriptor(yaml.safe_load(fh))


def _package(folder: Path, descriptor: dict) -> Package:
    """The data package, each file read as UTF-8 (after a byte-order mark, if it has one)."""
    descriptor = json.loads(json.dumps(descriptor))
    for res in descriptor["resources"]:
        with open(folder / res["path"], "rb") as fh:
            if fh.read(len(BOM)) == BOM:
                res["encoding"] = "utf-8-sig"  # the same UTF-8, after its byte-order mark
    return Package.from_descriptor(descriptor, basepath=str(folder))


def _problems(report, descriptor: dict) -> list[Problem]:
    """Every problem of a Frictionless report, in the order of the tables and of their rows."""
    out = []
    for task in report.tasks:
        res = resource_descriptor(task.name, descriptor)
        fields = {f["name"]: f for f in res["schema"]["fields"]}
        shown = f"data/{res['path']}"
        for err in task.errors:
            column = getattr(err, "field_name", None) or None
            if err.type == "primary-key":
                column = ", ".join(res["schema"]["primaryKey"])
            message = err.note if err.type == _checks.BookError.type else _describe(err, fields)
            out.append(Problem(shown, getattr(err, "row_number", None), column, message))
    return out


def _to_frame(rows: list[dict], res: dict) -> pd.DataFrame:
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    header = list(rows[0]) if rows else [f["name"] for f in res["schema"]["fields"]]
    header = [h for h in header if h != "_row"]
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


#: The tables last loaded, under a key of the data folder's files and the build date.
_LOADED: dict[str, dict[str, pd.DataFrame]] = {}


def _content_key(folder: Path) -> str:
    """A SHA-256 over every file of ``folder`` (path and bytes) and the build date: what
    validation depends on."""
    digest = hashlib.sha256(f"{folder.resolve()}\0{build_date()}".encode())
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(b"\0" + path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_tables(data_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Load and validate every table of ``datapackage.json``; return them by name.

    Returns DataFrames with each file's columns (dates as ``datetime64``, lengths as ``float64``,
    empty text as ``""``) plus ``row``, the row number in the file (header = row 1). Each call
    returns fresh copies; the tables are validated again whenever a file of the folder, or the
    build date, has changed since the last call (a notebook kernel or a test run loads them many
    times).

    Raises
    ------
    DataValidationError
        On the first problem found, naming its file, row and column, with the number of other
        problems in the same file.
    """
    folder = Path(data_dir) if data_dir else _default_data_dir()
    key = _content_key(folder)
    if key not in _LOADED:
        tables = _validated_tables(folder)
        _LOADED.clear()
        _LOADED[key] = tables
    return {name: frame.copy() for name, frame in _LOADED[key].items()}


def _validated_tables(folder: Path) -> dict[str, pd.DataFrame]:
    descriptor = package_descriptor(folder)
    headers = {}
    for res in descriptor["resources"]:
        path = folder / res["path"]
        shown = f"data/{res['path']}"
        if not path.is_file():
            raise DataValidationError(Problem(shown, None, None, "file not found"))
        text = _decode(path, shown)
        headers[res["name"]] = _check_header(text, res, shown)
        if not any(line.strip() for line in text.splitlines()[1:]):
            raise DataValidationError(Problem(shown, 2, None, "the table has a header but no data rows"))
    package = _package(folder, descriptor)
    _checks.clear_cache()
    problems = _problems(package.validate(checklist=checklist(folder)), descriptor)
    if problems:
        first = problems[0]
        raise DataValidationError(first, more=sum(p.file == first.file for p in problems) - 1)
    tables = {}
    for res in descriptor["resources"]:
        rows = []
        for row in package.get_resource(res["name"]).read_rows():
            record = row.to_dict()
            record["_row"] = row.row_number
            rows.append({name: record.get(name) for name in [*headers[res["name"]], "_row"]})
        tables[res["name"]] = _to_frame(rows, res)
    return tables


def load_table(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Load one table (the whole package is validated, since tables refer to each other)."""
    return load_tables(data_dir)[name]
