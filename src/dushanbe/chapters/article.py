"""The article, annotated: what each excerpt names, and what the book's data say of it.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["summit_day"], f["tjk_csto"]
('Thursday 16 September 2021', 'a member of the CSTO since 7 October 2002')
"""
from __future__ import annotations

from ..claims import CHECKS
from ..dates import key_dates
from ..memberships import members_on, status_history
from ..names import country_name
from ..words import join_names, long_date, ordinal_day

__all__ = ["facts", "ANNOTATED_CHECKS"]

#: The computed checks whose evidence the annotations quote, by the name the page glues them under.
ANNOTATED_CHECKS = ("tajik_border_length", "only_csto_border", "sco_founders", "india_pakistan_2017",
                    "afghanistan_sco_observer", "uzbek_border_length", "russia_drills_kgz_tjk", "russia_drills_uzb")


def facts(tables: dict) -> dict[str, str]:
    """Every value the annotated article states."""
    days = key_dates(tables)
    m = tables["memberships"]
    tjk = status_history(m, "TJK").query("org_id == 'CSTO'").iloc[0]
    irn = status_history(m, "IRN").query("org_id == 'SCO' and status == 'member'").iloc[0]
    out = {
        "summit_day": ordinal_day(days["summit"]),
        "sco_summit_day": ordinal_day(days["sco_summit"]),
        "article_day": long_date(days["article"]),
        "tjk_csto": f"a {tjk.status} of the CSTO since {long_date(tjk.start)}",
        "csto_members": join_names(country_name(c) for c in members_on(m, "CSTO", days["summit"])),
        "iran_member": long_date(irn.start),
    }
    out.update({name: CHECKS[name](tables)[1] for name in ANNOTATED_CHECKS})
    from .claims import facts as claim_facts

    out["n_claims"] = claim_facts(tables)["n_claims"]
    return out
