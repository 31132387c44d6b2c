"""Page assets and markup repairs: what each page loads, and fixes to other extensions' markup.

* ``html-page-context`` names the local plotly.js on pages with charts (``dushanbe.js`` fetches it
  after the page has loaded), drops sphinx-thebe's duplicate config script, and applies
  :data:`ACCESSIBILITY_FIXES` to the body;
* ``build-finished`` (early) applies :data:`LAYOUT_FIXES` to the theme's layout, lightens each
  page's head (:func:`light_head`), cuts the icon font down to the icons in use
  (:mod:`.fonts`) and writes a valid root redirect page.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from ..contract import read_record
from ..meta import book_metadata, site_address
from .config import figure_store_of, plotly_js_name
from .fonts import subset_icon_fonts
from .numbering import env_figures
from .registry import link_preview

__all__ = ["ACCESSIBILITY_FIXES", "LAYOUT_FIXES", "accessible_body", "repair_layout", "light_head"]

#: Markup from other extensions that accessibility checkers (axe-core) flag, and its repair.
ACCESSIBILITY_FIXES = (
    # myst-nb's "Show code cell source" toggles: the visible text is the better accessible name
    (re.compile(r'<summary aria-label="Toggle hidden content">'), "<summary>"),
    # docutils citation lists: role="list" whose children are not list items, and a deprecated role
    (re.compile(r'<div role="list" class="citation-list">'), '<div class="citation-list">'),
    (re.compile(r' role="doc-biblioentry"'), ""),
    # code blocks may scroll sideways: keyboard users must be able to focus them to scroll
    (re.compile(r'<div class="highlight"><pre>'), '<div class="highlight"><pre tabindex="0">'),
    # myst-nb's hide-input toggles put <p> in <summary>, which HTML forbids: use <span>
    (re.compile(r'<p class="(collapsed|expanded) admonition-title">(.*?)</p>'),
     r'<span class="\1 admonition-title">\2</span>'),
)


#: Markup in the theme's layout (outside the page body) that the Nu HTML Checker rejects, and
#: its repair, applied to every written page when the build finishes.
LAYOUT_FIXES = (
    # a non-standard attribute on the theme's search input (Safari-only)
    (re.compile(r'\s+autocorrect="off"'), ""),
)


REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}"></head>
<body><p><a href="{target}">{title}</a></p></body></html>
"""


def apply_fixes(text: str, fixes) -> str:
    """Apply each (pattern, replacement) of ``fixes`` to ``text``, in order."""
    for pattern, replacement in fixes:
        text = pattern.sub(replacement, text)
    return text


def repair_layout(html_text: str) -> str:
    """Apply :data:`LAYOUT_FIXES` to a whole page.

    >>> repair_layout('<input type="search" autocomplete="off" autocorrect="off">')
    '<input type="search" autocomplete="off">'
    """
    return apply_fixes(html_text, LAYOUT_FIXES)


#: The search scripts the theme loads on every page for its search-as-you-type, which the book
#: turns off (the search page loads its own).
_SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')
_HEAD_SCRIPT = re.compile(r'<script( [^>]*)?src="([^"]+)"([^>]*)></script>')


def light_head(html_text: str, options_js: str | None = None) -> str:
    """Let a page paint before its scripts run: every script in ``<head>`` is deferred (run in
    order once the page is parsed, as the theme's own scripts already are), the few bytes of
    ``documentation_options.js`` that inline scripts rely on at once are written inline (its text
    is ``options_js``), and the theme's search scripts are dropped where search-as-you-type is off.

    >>> light_head('<head><script src="x.js"></script><script>a = 1;</script>'
    ...            '<script defer src="y.js"></script></head><body><script src="z.js"></script>')
    '<head><script defer src="x.js"></script><script>a = 1;</script><script defer src="y.js"></script></head><body><script src="z.js"></script>'
    """
    end = html_text.find("</head>")
    if end < 0:
        return html_text
    head, rest = html_text[:end], html_text[end:]
    if "DOCUMENTATION_OPTIONS.search_as_you_type = false" in head:
        head = _SEARCH_SCRIPTS.sub("", head)

    def defer(match):
        before, src, after = (match.group(1) or "").rstrip(), match.group(2), match.group(3)
        if options_js is not None and "_static/documentation_options.js" in src:
            return f"<script>{options_js.strip()}</script>"
        if re.search(r"\b(defer|async)\b", before + after) or "type=\"module\"" in before + after:
            return match.group(0)
        return f"<script defer{before} src=\"{src}\"{after}></script>"

    return _HEAD_SCRIPT.sub(defer, head) + rest


def repair_site(app, exception):
    """Repair the theme's layout markup in every page, and write the root redirect page as a
    valid HTML document (sphinx-external-toc's is a bare <meta>), before that extension looks."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    options = out / "_static" / "documentation_options.js"
    options_js = options.read_text(encoding="utf-8") if options.is_file() else None   # read once
    for page in out.rglob("*.html"):
        if {"_static", "figures"} & set(page.parts):   # theme files; our own standalone charts
            continue
        text = page.read_text(encoding="utf-8")
        fixed = repair_layout(text)
        if page.name != "search.html":
            fixed = light_head(fixed, options_js)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    subset_icon_fonts(out, cache=Path(app.doctreedir) / "dushanbe-fonts")
    if app.config.root_doc != "index":
        target = app.builder.get_target_uri(app.config.root_doc)
        (out / "index.html").write_text(REDIRECT.format(title=html.escape(book_metadata()["title"]),
                                                        target=html.escape(target)), encoding="utf-8")


def accessible_body(body: str) -> str:
    """Apply :data:`ACCESSIBILITY_FIXES` to a page body.

    >>> accessible_body('<summary aria-label="Toggle hidden content">Show</summary>')
    '<summary>Show</summary>'
    """
    return apply_fixes(body, ACCESSIBILITY_FIXES)


def page_preview(app, pagename: str, context: dict) -> str:
    """Return a page's link-preview tags: its title, and on a chart page the first chart's text
    alternative and PNG; elsewhere the book's title."""
    meta = book_metadata()
    title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or meta["title"]))
    charts = env_figures(app.env).get(pagename) or []
    record = read_record(figure_store_of(app), charts[0]["id"]) if charts else None
    if record is None:
        return link_preview(title, meta["title"], "")
    png = f"figures/{record['files']['png']}"
    image = site_address(meta, png, context["pathto"](png, 1))
    return link_preview(f"{title}: {record['title']}", record["description"], image)


def on_html_page_context(app, pagename, templatename, context, doctree):
    if "body" in context:
        context["body"] = accessible_body(context["body"])
    if templatename == "page.html":
        context["metatags"] = context.get("metatags", "") + "\n" + page_preview(app, pagename, context)
    if pagename in env_figures(app.env):
        # plotly.js is fetched by dushanbe.js once the page has loaded, so text paints first
        src = context["pathto"](f"_static/{plotly_js_name()}", 1)
        app.add_js_file(None, body=f"window.DUSHANBE_PLOTLY = {json.dumps(src)};", priority=400)
    # Thebe (live code) is off, but sphinx-thebe still declares its config script twice on each
    # page, a console error; drop it. Restored by Sphinx after the page is written.
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [js for js in scripts if "thebe" not in (getattr(js, "filename", "") or "").lower()
                      and "THEBE_JS_URL" not in (getattr(js, "attributes", {}) or {}).get("body", "")]
