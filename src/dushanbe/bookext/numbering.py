"""Numbering: find the chart blocks, number them in reading order, fill in their tokens.

* ``doctree-read`` registers each chart id as a cross-reference target;
* ``env-updated`` numbers the charts (the table of contents, then the order on the page) and,
  only if a number or title changed, asks Sphinx to rewrite the pages that show them;
* ``doctree-resolved`` fills the tokens of :mod:`dushanbe.contract` and renders ``{figure-list}``.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..contract import MARKER, ROOT_TOKEN, TODAY_TOKEN, TOKEN, YEAR_TOKEN, read_record
from .config import build_date, figure_store_of

__all__ = ["figure_list", "FigureListDirective", "lead_figure", "LeadFigureDirective", "permalink"]

logger = logging.getLogger(__name__)

def env_figures(env) -> dict:
    if not hasattr(env, "dushanbe_figures"):
        env.dushanbe_figures = {}
    return env.dushanbe_figures


def on_doctree_read(app, doctree):
    env = app.env
    found = []
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", ""):
            found.extend(MARKER.findall(node.astext()))
    figures = env_figures(env)
    figures.pop(env.docname, None)
    if not found:
        return
    store = figure_store_of(app)
    std = env.get_domain("std")
    entries = []
    for fid in found:
        meta = read_record(store, fid)
        title = meta.get("title", fid) if meta else fid
        std.labels[fid] = (env.docname, fid, title)
        std.anonlabels[fid] = (env.docname, fid)
        entries.append({"id": fid, "title": title})
    figures[env.docname] = entries


def on_purge(app, env, docname):
    env_figures(env).pop(docname, None)


def _reading_order(env) -> list[str]:
    order, seen = [], set()

    def walk(doc):
        if doc in seen:
            return
        seen.add(doc)
        order.append(doc)
        for child in env.toctree_includes.get(doc, []):
            walk(child)

    walk(env.config.root_doc)
    return order + sorted(d for d in env.found_docs if d not in seen)


def _numbering(env) -> dict[str, dict]:
    figures = env_figures(env)
    numbers, n = {}, 0
    for doc in _reading_order(env):
        for entry in figures.get(doc, []):
            if entry["id"] in numbers:
                logger.warning(f"figure id {entry['id']!r} is published twice "
                               f"({numbers[entry['id']]['docname']} and {doc})", type="dushanbe")
                continue
            n += 1
            numbers[entry["id"]] = {"number": n, "docname": doc, "title": entry["title"]}
    return numbers


def on_env_updated(app, env):
    new = _numbering(env)
    changed = new != getattr(env, "dushanbe_numbers", None)
    env.dushanbe_numbers = new
    if not changed:
        return []   # nothing to renumber: leave every page as it is
    lists = [d for d in env.found_docs if {"figure-list", "lead-figure"} & set(
        re.findall(r"\{(figure-list|lead-figure)\}", _raw_source(app, d)))]
    return sorted(set(lists) | {v["docname"] for v in new.values()})


def _raw_source(app, docname) -> str:
    try:
        return Path(app.env.doc2path(docname)).read_text(encoding="utf-8")
    except OSError:
        return ""


def permalink(app, docname: str, fid: str) -> tuple[str, str]:
    rel = app.builder.get_target_uri(docname) + "#" + fid
    base = (app.config.html_baseurl or "").rstrip("/")
    return rel, (f"{base}/{rel}" if base else rel)


def _root_prefix(app, docname: str) -> str:
    uri = app.builder.get_target_uri(docname)
    return "../" * uri.count("/")


def on_doctree_resolved(app, doctree, docname):
    numbers = getattr(app.env, "dushanbe_numbers", {})
    today = build_date()
    for node in list(doctree.findall(nodes.raw)):
        text = node.astext()
        if "%%" not in text:
            continue

        def fill(match):
            kind, fid = match.groups()
            info = numbers.get(fid)
            if info is None:
                return "?"
            if kind == "FIGNUM":
                return str(info["number"])
            rel, absolute = permalink(app, info["docname"], fid)
            return absolute if kind == "FIGURL" else rel

        text = TOKEN.sub(fill, text).replace(ROOT_TOKEN, _root_prefix(app, docname)) \
            .replace(TODAY_TOKEN, today).replace(YEAR_TOKEN, today[:4])
        node.replace_self(nodes.raw("", text, format="html"))
    for node in list(doctree.findall(figure_list)):
        items = nodes.bullet_list(classes=["dushanbe-figure-list"])
        for fid, info in sorted(numbers.items(), key=lambda kv: kv[1]["number"]):
            uri = app.builder.get_relative_uri(docname, info["docname"]) + "#" + fid
            para = nodes.paragraph()
            para += nodes.reference("", f"Figure {info['number']}. {info['title']}",
                                    refuri=uri, internal=True)
            para += nodes.Text(f" — {app.env.titles[info['docname']].astext()}"
                               if info["docname"] in app.env.titles else "")
            items += nodes.list_item("", para)
        if not numbers:
            items = nodes.paragraph(text="This book has no charts yet.")
        node.replace_self(items)
    for node in list(doctree.findall(lead_figure)):
        node.replace_self(nodes.raw("", _lead_html(app, docname, node["figure"], numbers), format="html"))


def _lead_html(app, docname: str, fid: str, numbers: dict) -> str:
    """The front page's lead graphic: the chart's image at full width, its number and title,
    linked to the chart in its chapter; its text alternative is the chart's own."""
    info = numbers.get(fid)
    record = read_record(figure_store_of(app), fid)
    if info is None or record is None:
        logger.warning(f"lead-figure: no published chart {fid!r}", type="dushanbe", location=docname)
        return ""
    esc = html.escape
    target = app.builder.get_relative_uri(docname, info["docname"]) + "#" + fid
    image = _root_prefix(app, docname) + "figures/" + record["files"].get("preview", record["files"]["png"])
    return (f'<figure class="dushanbe-lead"><a href="{esc(target)}">'
            f'<img src="{esc(image)}" alt="{esc(record["description"])}" width="900" '
            f'height="{int(record["height"])}" style="width:100%;height:auto"></a>'
            f'<figcaption><a href="{esc(target)}">Figure {info["number"]}</a>. {esc(record["title"])}'
            f'{" — " + esc(record["subtitle"]) if record.get("subtitle") else ""}</figcaption></figure>')

class figure_list(nodes.General, nodes.Element):
    """Placeholder for the list of figures, filled in at doctree-resolved."""


class lead_figure(nodes.General, nodes.Element):
    """Placeholder for a lead graphic, filled in at doctree-resolved from the chart's record."""


class LeadFigureDirective(SphinxDirective):
    """``{lead-figure} fig-…``: a chart published elsewhere in the book, shown as the page's
    lead graphic (its image, number and title, linked to the chart)."""

    required_arguments = 1

    def run(self):
        return [lead_figure("", figure=self.arguments[0])]


class FigureListDirective(SphinxDirective):
    """``{figure-list}``: every chart in the book, numbered, linked to its permalink."""

    has_content = False

    def run(self):
        return [figure_list("")]
