"""The data page and the methods page: the tables, their schemas and checks, the quotes behind
every row, the dating rules, and where the sources stop.

>>> from dushanbe.data import load_tables
>>> f = facts(load_tables())
>>> f["n_tables"], f["n_quotes"] == str(len(load_tables()["evidence"]))
('nine', True)
"""
from __future__ import annotations

import html

import pandas as pd
import yaml

from ..data import data_version, package_descriptor
from ..dates import key_dates
from ..memberships import DATING_RULES, END_RULE, PARTICIPATION_LABELS, STATUS_LABELS
from ..paths import data_dir
from ..words import count, join_names, long_date, number_word, rule_summary

__all__ = ["facts", "table_sections", "dating_rules", "check_rules", "dataset_jsonld", "sources_table",
           "schema_frame"]

esc = html.escape


def facts(tables: dict) -> dict[str, str]:
    """Every value the data and methods pages state."""
    days = key_dates(tables)
    descriptor = package_descriptor()
    names = [r["name"] for r in descriptor["resources"]]
    return {
        "n_tables": number_word(len(names)),
        "tables": join_names(f"{n}.csv" for n in names),
        "n_sources": number_word(len(tables["sources"])),
        "n_quotes": number_word(len(tables["evidence"])),
        "n_rows": number_word(sum(len(tables[n]) for n in set(tables["evidence"]["resource"]))),
        "quoted_tables": join_names(f"{n}.csv" for n in names if n in set(tables["evidence"]["resource"])),
        "checked": long_date(days["checked"]),
        "sources_stop": long_date(days["sources_stop"]),
        "today": long_date(days["today"]),
        "article_day": long_date(days["article"]),
        "data_version": data_version(),
    }


def schema_frame(resource: dict) -> pd.DataFrame:
    """One row per field of a resource: name, type, whether required, the allowed values or
    pattern, and what it means."""
    rows = []
    for f in resource["schema"]["fields"]:
        c = f.get("constraints", {})
        allowed = ", ".join(c["enum"]) if "enum" in c else (f"pattern {c['pattern']}" if "pattern" in c else "")
        rows.append({"field": f["name"], "type": f["type"], "required": "yes" if c.get("required") else "",
                     "allowed": allowed, "meaning": f.get("description", "")})
    return pd.DataFrame(rows)


def _checks_for(name: str) -> list[str]:
    from ..checks import CHECKS

    with open(data_dir() / "checklist.yaml", encoding="utf-8") as fh:
        listed = yaml.safe_load(fh)["checks"]
    out = []
    for spec in listed:
        if spec["table"] != name:
            continue
        settings = ", ".join(f"{k} {'/'.join(v) if isinstance(v, list) else v}" for k, v in spec.items()
                             if k not in ("type", "table"))
        out.append(f"{rule_summary(CHECKS[spec['type']])}" + (f" ({settings})" if settings else ""))
    return out


def _quotes(name: str, tables: dict) -> str:
    evidence = tables["evidence"]
    rows = evidence[evidence["resource"] == name]
    if rows.empty:
        return ""
    sources = tables["sources"].set_index("source_id")
    items = "".join(
        f'<li><code>{esc(r.key)}</code>: “{esc(r.quote)}”'
        + (f" ({esc(r.translation)})" if r.translation else "")
        + f' — <a href="{esc(sources.at[r.source_id, "url"])}">{esc(sources.at[r.source_id, "publisher"])}</a></li>'
        for r in rows.itertuples())
    return (f'<details class="dushanbe-quotes"><summary>What the sources say: {count(len(rows), "quote")} for its '
            f'{count(tables[name].shape[0], "row")}</summary><ul>{items}</ul></details>')


def table_sections(tables: dict):
    """One section per table: what a row is, its size, its download, its key; its fields and
    checks behind disclosures; and, for the tables with sources, the sentence behind every row."""
    from IPython.display import HTML

    from ..markup import data_table_html

    out = []
    for res in package_descriptor()["resources"]:
        name = res["name"]
        fields = data_table_html(schema_frame(res))
        checks = "".join(f"<li>{esc(c)}</li>" for c in _checks_for(name))
        out.append(
            f'<section class="dushanbe-data-table" id="data-{esc(name)}"><h2>{esc(name)}.csv</h2>'
            f'<p>{esc(res.get("description", ""))} It has {count(len(tables[name]), "row")}. '
            f'<a href="../data/{esc(res["path"])}" download>Download {esc(res["path"])}</a>. '
            f'Key: {esc(", ".join(res["schema"]["primaryKey"]))}.</p>'
            f'<details><summary>Its fields</summary>{fields}</details>'
            + (f'<details><summary>Its checks beyond the field types</summary><ul>{checks}</ul></details>' if checks else "")
            + _quotes(name, tables) + "</section>")
    return HTML("\n".join(out))


def dating_rules():
    """The dating rules, one per kind of status: what ``start`` marks; ``end`` is the same for all."""
    from IPython.display import HTML

    labels = {**STATUS_LABELS, **PARTICIPATION_LABELS}
    rows = "".join(f"<tr><th scope=\"row\">{esc(labels[k])}</th><td>{esc(v)}</td></tr>" for k, v in DATING_RULES.items())
    return HTML('<table class="dushanbe-table dushanbe-rules table"><caption>What a row\'s start marks, by kind of '
                f'status; its end always marks {esc(END_RULE)}</caption><thead><tr><th scope="col">status</th>'
                f'<th scope="col">start marks</th></tr></thead><tbody>{rows}</tbody></table>')


def check_rules(tables: dict):
    """The rules behind the computed verdicts and outcomes, as the code that applies them states
    them, each under the statement of the article it judges."""
    from IPython.display import HTML

    from ..claims import CHECKS as CLAIMS
    from ..plans import CHECKS as PLANS

    judged = {**dict(zip(tables["claims"]["check"], tables["claims"]["claim"])),
              **dict(zip(tables["plans"]["check"], tables["plans"]["plan"]))}
    items = "".join(f"<li><strong>{esc(judged.get(name, name.replace('_', ' ')))}</strong> "
                    f"{esc(rule_summary(fn))}</li>" for name, fn in {**CLAIMS, **PLANS}.items())
    return HTML(f'<ul class="dushanbe-rules-list">{items}</ul>')


def dataset_jsonld(tables: dict):
    """The data package as a schema.org Dataset, for dataset search."""
    from IPython.display import HTML

    from ..meta import book_metadata, site_address
    from ..structured import dataset, jsonld

    meta = book_metadata()
    return HTML(jsonld(dataset(package_descriptor(), tables["sources"], meta, site_address(meta, "data/", "../data/"),
                               key_dates(tables)["checked"])))


def sources_table(tables: dict):
    """Every source the data cite: publisher, title, address, kind, dates (behind a disclosure)."""
    from IPython.display import HTML

    from ..markup import data_table_html

    shown = tables["sources"][["source_id", "publisher", "title", "kind", "published", "accessed", "url"]]
    return HTML(f'<details open class="dushanbe-all-sources"><summary>Every source the data cite'
                f" ({count(len(shown), 'source')})</summary>"
                f"{data_table_html(shown)}</details>")
