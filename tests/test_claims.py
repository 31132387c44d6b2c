"""The claims table: quotes are the article's words, computed verdicts follow the data."""
from __future__ import annotations

import re
from pathlib import Path

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
    assert assessed.loc["c07", "verdict"] == "partly supported"   # 1,344 vs 1,357 km
    assert "13 km (1.0%) less" in assessed.loc["c07", "evidence"]
    assert assessed.loc["c18", "verdict"] == "supported"          # 144 km both
    assert assessed.loc["c01", "evidence"].endswith("a Thursday.")
    assert "32 days after the summit" in assessed.loc["c06", "evidence"]
    assert "not Turkmenistan" in assessed.loc["c09", "evidence"]
    assert sorted(assessed.index[assessed["verdict"] == "partly supported"]) == ["c07", "c19"]


def test_a_data_change_changes_a_computed_verdict(tables):
    changed = dict(tables)
    m = tables["memberships"].copy()
    # pretend Uzbekistan's CSTO suspension never happened: two CSTO borders with Afghanistan
    m.loc[(m["iso3"] == "UZB") & (m["org_id"] == "CSTO") & (m["status"] == "suspended"), "status"] = "member"
    changed["memberships"] = m
    verdict, evidence = CHECKS["only_csto_border"](changed)
    assert verdict == "contradicted" and "Tajikistan and Uzbekistan" in evidence


def test_length_verdict_thresholds():
    assert length_verdict(100, 100) == "supported"
    assert length_verdict(98, 100) == "partly supported"
    assert length_verdict(97.9, 100) == "contradicted"


def test_verdict_counts(assessed):
    counts = verdict_counts(assessed.reset_index())
    assert counts["claims"].sum() == 20
    assert counts["verdict"].tolist()[0] == "supported"


def test_claims_rules(data_copy):
    path = data_copy / "claims.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(",,summit_on_thursday,", ",supported,summit_on_thursday,"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 2, column 'verdict': fill exactly one of verdict or check"):
        load_table("claims", data_copy)
    path.write_text(text.replace("summit_on_thursday", "summit_on_sunday"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 2, column 'check': 'summit_on_sunday' is not a check"):
        load_table("claims", data_copy)
    path.write_text(text.replace(
        '"The session of 16 September was held under Tajikistan\'s chairmanship, with Armenia\'s to follow '
        '(24.kg citing the Kremlin)."', ""), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"row 3, column 'evidence': evidence is required when verdict is given"):
        load_table("claims", data_copy)
    path.write_text(text.replace(",partly supported,,", ",mostly true,,"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"column 'verdict': 'mostly true' is not one of the allowed values"):
        load_table("claims", data_copy)


def test_events_rules(data_copy):
    path = data_copy / "events.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("CSTO;RUS;KAZ;KGZ", "CSTO;RUS;KAZ;KYR"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"column 'participants': 'KYR' is neither an ISO alpha-3 code nor an org_id"):
        load_table("events", data_copy)
    path.write_text(text.replace("2021-10-18,2021-10-23", "2021-10-18,2021-10-13"), encoding="utf-8")
    with pytest.raises(DataValidationError, match=r"column 'last_day': last_day 2021-10-13 is before start"):
        load_table("events", data_copy)
