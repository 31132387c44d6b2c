"""The claims table: quotes are the article's words, computed verdicts follow the data."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from dushanbe.claims import CHECKS, VERDICTS, assess, length_verdict, verdict_counts
from dushanbe.data import DataValidationError, load_table, load_tables

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "article.md"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("“", '"').replace("”", '"'))


@pytest.fixture(scope="module")
def tables():
    return load_tables()


@pytest.fixture(scope="module")
def assessed(tables):
    return assess(tables).set_index("claim_id")


@pytest.mark.skipif(not ARTICLE.is_file(), reason="the article's text lives in ../shared, outside the repo")
def test_every_quote_is_verbatim(tables):
    article = _normalise(ARTICLE.read_text(encoding="utf-8"))
    for row in tables["claims"].itertuples():
        assert _normalise(row.quote) in article, row.claim_id


def test_every_claim_gets_a_verdict_and_evidence(assessed):
    assert len(assessed) == 20
    assert set(assessed["verdict"]) <= set(VERDICTS)
    assert (assessed["evidence"].str.len() > 20).all()
    assert assessed["computed"].sum() == 13


def test_computed_verdicts(assessed):
    assert assessed.loc["c08", "verdict"] == "supported"          # only the Tajik border
    assert "only Tajikistan" in assessed.loc["c08", "evidence"]
    # 1,344 km: the Factbook gives 1,357 km, the Tajik foreign ministry 1,344.15 km
    assert assessed.loc["c07", "verdict"] == "supported"
    assert "1,357 km" in assessed.loc["c07", "evidence"] and "1,344.15 km" in assessed.loc["c07", "evidence"]
    assert "the Tajik foreign ministry's figure, to the kilometre" in assessed.loc["c07", "evidence"]
    assert assessed.loc["c18", "verdict"] == "supported"          # 144 km both
    assert assessed.loc["c01", "evidence"].endswith("a Thursday.")
    assert "32 days after the summit" in assessed.loc["c06", "evidence"]
    assert assessed.loc["c09", "evidence"].endswith("Turkmenistan was not among them.")
    assert sorted(assessed.index[assessed["verdict"] == "partly supported"]) == ["c19"]


def test_a_data_change_changes_a_computed_verdict(tables):
    changed = dict(tables)
    m = tables["memberships"].copy()
    # pretend Uzbekistan's CSTO suspension never happened: two CSTO borders with Afghanistan
    m.loc[(m["iso3"] == "UZB") & (m["org_id"] == "CSTO") & (m["status"] == "suspended"), "status"] = "member"
    changed["memberships"] = m
    verdict, evidence = CHECKS["only_csto_border"](changed)
    assert verdict == "contradicted" and "Tajikistan and Uzbekistan" in evidence


def test_length_verdict_rule():
    """Supported when an authoritative source gives the figure (to the km); partly supported
    inside the range authoritative figures span; contradicted outside it."""
    assert length_verdict(100, [100.4]) == "supported"
    assert length_verdict(100, [99, 101]) == "partly supported"
    assert length_verdict(102, [99, 101]) == "contradicted"
    assert length_verdict(1344, [1357]) == "contradicted"
    assert length_verdict(1344, []) == "unverifiable"


def test_the_length_verdict_follows_the_authoritative_rows(tables):
    """Without the Tajik government's figure the article's 1,344 km is no longer supported."""
    changed = dict(tables)
    b = tables["borders"]
    changed["borders"] = b[b["source_id"] != "midtj_2013_border"]
    verdict, evidence = CHECKS["tajik_border_length"](changed)
    assert verdict == "contradicted"
    assert evidence == ("For the Tajikistan–Afghanistan border, the CIA World Factbook gives 1,357 km; "
                        "the article gives 1,344 km.")


def test_weakest_claim_is_named(assessed):
    from dushanbe.claims import weakest_claims
    weakest = weakest_claims(assessed.reset_index())
    assert weakest["claim_id"].tolist() == ["c19"]


def test_verdict_counts(assessed):
    counts = verdict_counts(assessed.reset_index())
    assert counts["claims"].sum() == 20
    assert counts["verdict"].tolist()[0] == "supported"


def _assert_broken(data_copy, table, old, new, pattern):
    """Replace ``old`` by ``new`` in a copy of the table and expect the loader to stop with ``pattern``."""
    path = data_copy / f"{table}.csv"
    original = path.read_text(encoding="utf-8")
    assert old in original, old
    path.write_text(original.replace(old, new), encoding="utf-8")
    try:
        with pytest.raises(DataValidationError, match=pattern):
            load_table(table, data_copy)
    finally:
        path.write_text(original, encoding="utf-8")


@pytest.mark.parametrize("table,old,new,pattern", [
    ("claims", ",,summit_on_thursday,", ",supported,summit_on_thursday,",
     r"row 2, column 'verdict': fill exactly one of verdict or check"),
    ("claims", "summit_on_thursday", "summit_on_sunday", r"row 2, column 'check': 'summit_on_sunday' is not one of the allowed values"),
    ("claims", '"The session of 16 September was held under Tajikistan\'s chairmanship, with Armenia\'s to follow '
               '(24.kg citing the Kremlin)."', "",
     r"row 3, column 'evidence': evidence is required when verdict is given"),
    ("claims", ",partly supported,,", ",mostly true,,",
     r"column 'verdict': 'mostly true' is not one of the allowed values"),
    ("events", "CSTO;RUS;KAZ;KGZ", "CSTO;RUS;KAZ;KYR",
     r"column 'participants': 'KYR' is neither an ISO alpha-3 code nor an org_id"),
    ("events", "2021-10-18,2021-10-23", "2021-10-18,2021-10-13",
     r"column 'last_day': last_day 2021-10-13 is before start"),
    ("memberships", "EurAsEC,BLR,member,2000-10-10,2015-01-01", "EurAsEC,BLR,member,2000-10-10,",
     r"column 'end': is open, but EurAsEC was dissolved on 2015-01-01"),
    ("memberships", "EAEU,UZB,observer,2020-12-11", "EAEU,UZB,observer,2014-12-11",
     r"column 'start': starts 2014-12-11, before EAEU was founded"),
])
def test_rules_of_the_newer_tables(data_copy, table, old, new, pattern):
    _assert_broken(data_copy, table, old, new, pattern)


def test_events_since_the_summit_are_dated_sourced_and_coded(tables):
    """The events from October 2021 to today: each has a date not after today, known sources,
    a real country and participants that are ISO codes or organisations."""
    import pandas as pd

    from dushanbe.checks import is_country_code
    from dushanbe.plans import after_summit

    later = after_summit(tables["events"])
    assert len(later) >= 25
    assert later["start"].max() <= pd.Timestamp.today()
    known = set(tables["sources"]["source_id"])
    orgs = set(tables["organizations"]["org_id"])
    for r in later.itertuples():
        assert set(r.source_id.split(";")) <= known, r.event_id
        assert is_country_code(r.country), r.event_id
        assert all(is_country_code(p) or p in orgs for p in r.participants.split(";")), r.event_id
    # what the chapter says happened: one CSTO deployment, in Kazakhstan, and none to Tajikistan
    deployed = later[(later["kind"] == "deployment") & later["participants"].str.contains("CSTO")]
    assert set(deployed["country"]) == {"KAZ"}


def test_plan_outcomes_follow_the_events(tables):
    from dushanbe.plans import assess_plans

    plans = assess_plans(tables).set_index("plan_id")
    assert plans["outcome"].to_dict() == {"p1": "carried out", "p2": "partly carried out", "p3": "partly carried out"}
    # a CSTO deployment in Tajikistan would carry out both the troops and the presence plans
    events = tables["events"].copy()
    extra = events.iloc[[0]].assign(event_id="hypothetical", start=pd.Timestamp("2022-03-01"), kind="deployment",
                                    country="TJK", participants="CSTO;RUS")
    changed = dict(tables, events=pd.concat([events, extra], ignore_index=True))
    again = assess_plans(changed).set_index("plan_id")
    assert again.loc["p2", "outcome"] == again.loc["p3", "outcome"] == "carried out"
    assert "hypothetical" in again.loc["p2", "event_ids"]
