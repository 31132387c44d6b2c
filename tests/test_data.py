"""The loader: real data load with the right types; every kind of broken input stops with one
message that names the file, the row and the column."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from dushanbe.data import DataValidationError, data_version, load_table, load_tables


def test_real_data_load_with_declared_types():
    tables = load_tables()
    m = tables["memberships"]
    assert pd.api.types.is_datetime64_any_dtype(m["start"])
    assert pd.api.types.is_datetime64_any_dtype(m["end"])
    assert tables["borders"]["length_km"].dtype == "float64"
    # nothing dropped: one DataFrame row per CSV data row
    for name, frame in tables.items():
        with open(f"data/{name}.csv", encoding="utf-8") as fh:
            lines = fh.read().count("\n")
        assert len(frame) == lines - 1, name
        assert frame["row"].tolist() == list(range(2, len(frame) + 2))


def test_every_source_id_resolves_and_every_row_has_a_quote():
    tables = load_tables()
    known = set(tables["sources"]["source_id"])
    evidence = tables["evidence"]
    for name in ("organizations", "memberships", "participation", "borders", "events", "plans"):
        for cell in tables[name]["source_id"]:
            assert set(cell.split(";")) <= known, (name, cell)
        quoted = set(evidence.loc[evidence["resource"] == name, "key"])
        assert len(quoted) >= len(tables[name]) * 0.99 or len(quoted) == len(tables[name]), name
    assert set(evidence["source_id"]) <= known
    assert evidence["quote"].str.len().min() > 10
    # a note that names a source by its id (``tass_2022_samarkand``) names one in sources.csv
    named = {(name, row, token) for name, frame in tables.items() if "note" in frame
             for row, note in zip(frame["row"], frame["note"])
             for token in re.findall(r"\b[a-z][a-z0-9]*_(?:19|20)\d\d_[a-z0-9_]*[a-z0-9]\b", note)}
    assert len(named) > 20   # notes do cite sources by id, so the check has cases
    assert {n for n in named if n[2] not in known} == set()


def _edit(path, old, new, count=1):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _line_of(path, needle) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


# (table, old text, new text, expected column, expected words in the message)
BROKEN = {
    "unknown ISO code": ("memberships", "SCO,MNG,observer", "SCO,XKX,observer", "iso3", "not an ISO 3166-1"),
    "lower-case ISO code": ("memberships", "SCO,MNG,observer", "SCO,mng,observer", "iso3", "pattern"),
    "unknown organisation": ("memberships", "SCO,MNG,observer", "NATO,MNG,observer", "org_id", "not a known org_id"),
    "unknown status": ("memberships", "SCO,MNG,observer", "SCO,MNG,partnr", "status", "allowed values"),
    "bad date": ("memberships", "SCO,MNG,observer,2004-06-17", "SCO,MNG,observer,17/06/2004", "start", "YYYY-MM-DD"),
    "impossible date": ("memberships", "SCO,MNG,observer,2004-06-17", "SCO,MNG,observer,2004-02-30", "start", "not a valid date"),
    "end before start": ("memberships", "SCO,IND,observer,2005-07-05,2017-06-09", "SCO,IND,observer,2005-07-05,2001-06-09", "end", "not after start"),
    "overlapping intervals": ("memberships", "SCO,IND,member,2017-06-09", "SCO,IND,member,2016-06-09", "start", "overlaps row"),
    "unknown source": ("borders", "AFG,CHN,91,reported,cia_wfb_afg_tjk", "AFG,CHN,91,reported,cia_wfb_nowhere", "source_id", "not a known source_id"),
    "missing source": ("borders", "AFG,CHN,91,reported,cia_wfb_afg_tjk", "AFG,CHN,91,reported,", "source_id", "required"),
    "negative length": ("borders", "AFG,CHN,91,", "AFG,CHN,-91,", "length_km", "not a positive number"),
    "non-numeric length": ("borders", "AFG,CHN,91,", "AFG,CHN,ninety,", "length_km", "not a valid number"),
    "pair out of order": ("borders", "AFG,CHN,91,", "CHN,AFG,91,", "iso3_a", "out of order"),
    "border with itself": ("borders", "AFG,CHN,91,", "AFG,AFG,91,", "iso3_b", "with itself"),
    "unknown method": ("borders", "AFG,CHN,91,reported", "AFG,CHN,91,guessed", "method", "allowed values"),
    "source url without a scheme": ("sources", ",https://tass.com/politics/1335715", ",tass.com/politics/1335715", "url", "not a web address"),
    "bad accessed date": ("sources", "https://tass.com/politics/1335715,news,2026-11-25", "https://tass.com/politics/1335715,news,25.11.2026", "accessed", "YYYY-MM-DD"),
    "accessed in the future": ("sources", "https://tass.com/politics/1335715,news,2026-11-25", "https://tass.com/politics/1335715,news,2099-11-25", "accessed", "after today"),
    "membership starting in 2099": ("memberships", "SCO,CHN,member,2001-06-15", "SCO,CHN,member,2099-06-15", "start", "after today"),
    "unknown source kind": ("sources", "https://tass.com/politics/1335715,news,", "https://tass.com/politics/1335715,blog,", "kind", "allowed values"),
    "event in the future": ("events", "kabul-falls-2021,2021-08-15", "kabul-falls-2021,2099-08-15", "start", "after today"),
    "unknown event kind": ("events", "CSTO exercise Rubezh-2021,,exercise", "CSTO exercise Rubezh-2021,,war", "kind", "allowed values"),
    "unknown story strand": ("events", "KGZ,CSTO;RUS;KAZ;KGZ,run-up,", "KGZ,CSTO;RUS;KAZ;KGZ,runup,", "thread", "allowed values"),
    "unknown participation": ("participation", "CSTO,ARM,frozen", "CSTO,ARM,sulking", "participation", "allowed values"),
    "participation of an unknown state": ("participation", "CSTO,ARM,frozen", "CSTO,XAR,frozen", "iso3", "not an ISO 3166-1"),
    "quote for a row that does not exist": ("evidence", "memberships,SCO|MNG|", "memberships,SCO|MGL|", "key", "no row"),
    "claim check that does not exist": ("claims", ",summit_on_thursday,", ",summit_on_friday,", "check", "allowed values"),
    "unknown event participant": ("events", "deployment,Almaty and surroundings,KAZ,RUS;BLR;", "deployment,Almaty and surroundings,KAZ,RUS;BLX;", "participants", "neither an ISO alpha-3 code"),
    "organisation id that is a country code": ("organizations", "SCO,Shanghai", "CHN,Shanghai", "org_id", "country code"),
}


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_broken_input_names_file_row_column(data_copy, kind):
    table, old, new, column, words = BROKEN[kind]
    path = data_copy / f"{table}.csv"
    _edit(path, old, new)
    row = _line_of(path, new)
    with pytest.raises(DataValidationError) as caught:
        load_tables(data_copy)
    problem = caught.value.problem
    assert problem.file == f"data/{table}.csv"
    assert problem.column == column
    assert words in problem.message
    assert problem.row == row, str(caught.value)
    text = str(caught.value)
    assert text.startswith(f"data/{table}.csv, row {problem.row}, column '{column}'")


def test_byte_order_mark_loads(data_copy):
    """Excel's "CSV UTF-8" starts the file with a byte-order mark: the table loads as it is."""
    path = data_copy / "memberships.csv"
    plain = load_table("memberships", data_copy)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    marked = load_table("memberships", data_copy)
    assert marked.columns.tolist() == plain.columns.tolist()
    pd.testing.assert_frame_equal(marked, plain)


def test_header_without_rows_is_caught(data_copy):
    path = data_copy / "borders.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"data/borders.csv, row 2: the table has a header but no data rows"):
        load_table("borders", data_copy)


def test_duplicate_row_is_caught(data_copy):
    path = data_copy / "borders.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, lines[1])  # repeat the AFG,CHN row as row 4
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"data/borders.csv, row 4, column 'iso3_a, iso3_b, source_id': duplicate row"):
        load_table("borders", data_copy)


def test_missing_column_is_caught(data_copy):
    path = data_copy / "memberships.csv"
    rows = [line.split(",", 3) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(",".join(r[:2] + r[3:]) for r in rows) + "\n", encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 1, column 'status': required column 'status' is missing"):
        load_table("memberships", data_copy)


def test_wrong_delimiter_is_caught(data_copy):
    path = data_copy / "borders.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"data/borders.csv, row 1: the header is split by ';'"):
        load_table("borders", data_copy)


def test_wrong_encoding_is_caught(data_copy):
    path = data_copy / "memberships.csv"
    row = _line_of(path, "Collective Security Council agreed")
    text = path.read_text(encoding="utf-8").replace("Collective Security Council agreed", "Collective Security Council agréed")
    path.write_bytes(text.encode("latin-1", errors="replace"))
    with pytest.raises(DataValidationError) as caught:
        load_table("memberships", data_copy)
    assert caught.value.problem.row == row
    assert caught.value.problem.column == "note"
    assert "not UTF-8" in caught.value.problem.message


def test_extra_columns_are_kept(data_copy):
    path = data_copy / "borders.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0] + ",checked_by"] + [line + ",x" for line in lines[1:]]) + "\n", encoding="utf-8")
    frame = load_table("borders", data_copy)
    assert frame["checked_by"].eq("x").all()


def test_unquoted_comma_is_caught(data_copy):
    path = data_copy / "borders.csv"
    _edit(path, "AFG,CHN,91,reported,cia_wfb_afg_tjk,", "AFG,CHN,91,reported,cia_wfb_afg_tjk,Wakhan, 91 km")
    with pytest.raises(DataValidationError, match=r"row 2: more cells than the header"):
        load_table("borders", data_copy)


def test_problem_count_is_reported(data_copy):
    path = data_copy / "memberships.csv"
    _edit(path, ",observer,", ",observr,", count=3)
    with pytest.raises(DataValidationError, match=r"and 2 more problems in this file"):
        load_table("memberships", data_copy)


def test_data_version_follows_content(data_copy):
    before = data_version(data_copy)
    assert re.fullmatch(r"[0-9a-f]{12}", before)
    assert data_version(data_copy) == before
    _edit(data_copy / "borders.csv", "AFG,CHN,91,", "AFG,CHN,92,")
    assert data_version(data_copy) != before
