"""What the data page shows about each table: its fields and the checks beyond their types.

>>> from dushanbe.data import package_descriptor, resource_descriptor
>>> schema_frame(resource_descriptor("borders", package_descriptor()))["field"].tolist()[:3]
['iso3_a', 'iso3_b', 'length_km']
"""
from __future__ import annotations

import re

import pandas as pd

from .rules import RULES

__all__ = ["schema_frame", "rule_summary", "resource_rules", "resource_heading"]


def schema_frame(resource: dict) -> pd.DataFrame:
    """Return one row per field of a ``datapackage.json`` resource: name, type, required,
    unique, allowed values or pattern, and description."""
    rows = []
    for field in resource["schema"]["fields"]:
        c = field.get("constraints", {})
        rule = (", ".join(c["enum"]) if "enum" in c else
                f"pattern {c['pattern']}" if "pattern" in c else "")
        rows.append({"field": field["name"], "type": field["type"], "required": bool(c.get("required")),
                     "unique": bool(c.get("unique")), "allowed": rule,
                     "description": field.get("description", "")})
    return pd.DataFrame(rows)


def rule_summary(rule) -> str:
    """Return the first paragraph of a rule's docstring as one plain sentence (no reST markup).

    >>> def r():
    ...     '''Where ``end`` is given, ``start`` comes first
    ...     (or the same day).
    ...
    ...     Details.'''
    >>> rule_summary(r)
    'Where end is given, start comes first (or the same day).'
    """
    doc = (rule.__doc__ or "").strip().split("\n\n")[0]
    return re.sub(r"``([^`]*)``", r"\1", " ".join(line.strip() for line in doc.splitlines()))


def resource_rules(resource: dict) -> list[str]:
    """Return the ``dushanbe:rules`` of a resource as plain-English lines."""
    lines = []
    for spec in resource.get("dushanbe:rules", []):
        args = ", ".join(f"{k}={v}" for k, v in spec.items() if k != "rule")
        lines.append(f"{spec['rule']} ({args}): {rule_summary(RULES[spec['rule']])}")
    return lines


def resource_heading(resource: dict, n_rows: int) -> str:
    """Return the HTML heading and summary line of one table on the data page (text escaped).

    >>> resource_heading({"name": "t", "path": "t.csv", "description": "a <= b",
    ...                   "schema": {"primaryKey": ["k"]}}, 2)[:48]
    '<h2 id="data-t">t.csv</h2><p>a &lt;= b — 2 rows.'
    """
    from html import escape

    name, path = escape(resource["name"]), escape(resource["path"])
    return (f'<h2 id="data-{name}">{name}.csv</h2>'
            f'<p>{escape(resource.get("description", ""))} — {n_rows} rows. '
            f'<a href="../data/{path}" download>Download {path}</a>. '
            f'Key: {escape(", ".join(resource["schema"]["primaryKey"]))}.</p>')
