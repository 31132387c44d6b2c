"""What each page carries besides its body, and the few repairs of other packages' markup that
the book still needs.

* ``html-page-context`` (:func:`on_html_page_context`): names the local plotly.js on pages with
  charts (``dushanbe.js`` fetches it when the reader first moves); adds the ``citation_*`` meta
  tags reference managers read; gives sphinxext-opengraph the page's first chart as its link
  preview image; drops sphinx-thebe's duplicate config script (thebe is off).
* ``html-collect-pages`` (:func:`drop_stale_search_terms`): on a rebuild, Sphinx removes a
  rewritten page's old words from the search index but keeps each word that is then in no page,
  with an empty page list; the book drops those words, so a rebuild writes the same
  ``searchindex.js`` as a clean build.
* ``build-finished`` (:func:`repair_site`): lightens each page's head (:func:`light_head`), cuts
  the icon font to the icons in use (:mod:`.fonts`), removes theme files no page loads, and writes
  a valid root redirect page.

Each repair names the markup it expects; ``tests/test_extension.py`` checks them against the
installed packages, so an upgrade that changes them fails loudly instead of leaving a repair that
does nothing.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from .config import plotly_js_name
from .fonts import subset_icon_fonts
from .html import citation_meta

__all__ = ["LAYOUT_FIXES", "UNUSED_THEME_FILES", "repair_layout", "light_head", "on_html_page_context",
           "repair_site"]

#: Markup in the theme's layout that the Nu HTML Checker rejects, and its repair.
LAYOUT_FIXES = (
    # a non-standard attribute on the theme's search input (Safari-only)
    (re.compile(r'\s+autocorrect="off"'), ""),
    # docutils citation lists: role="list" whose children are not list items, and a deprecated role
    (re.compile(r'<div role="list" class="citation-list">'), '<div class="citation-list">'),
    (re.compile(r' role="doc-biblioentry"'), ""),
    # myst-nb's stylesheet, whose name already carries its hash, gets Sphinx's ?v= checksum only
    # when a page is written after the file was copied, so on a rebuild and not on a clean
    # build: drop it, and the two give the same page
    (re.compile(r'(mystnb\.[0-9a-f]{64}\.css)\?v=[0-9a-f]+'), r"\1"),
)

#: Files the theme copies into ``_static`` that no page of the book loads: source maps, the
#: 1.5 MB Font Awesome script (the book's template override does not load it; the theme draws
#: its icons from the web font) and the TrueType fonts (every browser the book supports takes
#: the WOFF2 files), and the theme's translation catalogues (read by the build, not by a page).
#: About 6 MB of the site.
UNUSED_THEME_FILES = ("**/*.js.map", "**/*.css.map", "scripts/fontawesome.js", "vendor/fontawesome/webfonts/*.ttf",
                      "locales/**/*.mo", "locales/**/*.po")

REDIRECT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}"></head>
<body><p><a href="{target}">{title}</a></p></body></html>
"""


def repair_layout(html_text: str) -> str:
    """Apply :data:`LAYOUT_FIXES` to a whole page.

    >>> repair_layout('<input type="search" autocomplete="off" autocorrect="off">')
    '<input type="search" autocomplete="off">'
    """
    for pattern, replacement in LAYOUT_FIXES:
        html_text = pattern.sub(replacement, html_text)
    return html_text


#: The search scripts the theme loads on every page for its search-as-you-type, which the book
#: turns off (the search page loads its own).
SEARCH_SCRIPTS = re.compile(
    r'\s*<script src="[^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)"></script>')
HEAD_SCRIPT = re.compile(r'<script( [^>]*)?src="([^"]+)"([^>]*)></script>')


def light_head(html_text: str, options_js: str | None = None) -> str:
    """Let a page paint before its scripts run: every script in ``<head>`` is deferred (run in
    order once the page is parsed, as the theme's own scripts already are), the few bytes of
    ``documentation_options.js`` that inline scripts rely on at once are written inline (its text
    is ``options_js``), and the theme's search scripts are dropped where search-as-you-type is off.

    Kept because it is measured: on Lighthouse's mobile profile it took the chapters from about
    0.85 to about 0.95 (Sphinx offers no setting to defer the scripts it and the theme add).

    >>> light_head('<head><script src="x.js"></script><script>a = 1;</script>'
    ...            '<script defer src="y.js"></script></head><body><script src="z.js"></script>')
    '<head><script defer src="x.js"></script><script>a = 1;</script><script defer src="y.js"></script></head><body><script src="z.js"></script>'
    """
    end = html_text.find("</head>")
    if end < 0:
        return html_text
    head, rest = html_text[:end], html_text[end:]
    if "DOCUMENTATION_OPTIONS.search_as_you_type = false" in head:
        head = SEARCH_SCRIPTS.sub("", head)

    def defer(match):
        before, src, after = (match.group(1) or "").rstrip(), match.group(2), match.group(3)
        if options_js is not None and "_static/documentation_options.js" in src:
            return f"<script>{options_js.strip()}</script>"
        if re.search(r"\b(defer|async)\b", before + after) or "type=\"module\"" in before + after:
            return match.group(0)
        return f"<script defer{before} src=\"{src}\"{after}></script>"

    return HEAD_SCRIPT.sub(defer, head) + rest


def on_html_page_context(app, pagename, templatename, context, doctree):
    """Add a page's citation and Open Graph metadata to its ``<head>``."""
    from .writers import charts_of

    book = app.config.dushanbe_book
    single = app.builder.name == "singlehtml"   # one page holds every chart
    charts = sorted((c for c in charts_of(app.env).values() if single or c["docname"] == pagename),
                    key=lambda c: c["record"]["id"])
    if templatename == "page.html":
        title = html.unescape(re.sub(r"<[^>]+>", "", context.get("title") or book["title"]))
        uri = app.builder.get_target_uri(pagename)
        url = f"{book['baseurl']}/{uri}" if book["baseurl"] else uri
        is_root = pagename == app.config.root_doc
        context["metatags"] = context.get("metatags", "") + "\n" + citation_meta(
            title=book["title"] if is_root else title, author=book["author"], date=book["built"],
            publisher=book["author"], url=url, book=None if is_root else book["title"], open_graph=False)
    if charts:
        # sphinxext-opengraph's per-page image: the page's first chart's PNG. With a base URL the
        # extension makes a path from the site root absolute; without one, the path must work
        # from the page itself
        meta = context.get("meta")
        if isinstance(meta, dict) and "og:image" not in meta:
            image = f"figures/{charts[0]['record']['id']}.png"
            meta["og:image"] = image if book["baseurl"] else context["pathto"](image, 1)
            meta.setdefault("og:image:alt", charts[0]["record"]["description"][:300])
        # plotly.js is fetched by dushanbe.js once the reader moves, so text paints first
        src = context["pathto"](f"_static/{plotly_js_name()}", 1)
        app.add_js_file(None, body=f"window.DUSHANBE_PLOTLY = {json.dumps(src)};", priority=400)
    # Thebe (live code) is off, but sphinx-thebe still declares its config script on each page,
    # a console error; drop it. Restored by Sphinx after the page is written.
    scripts = context.get("script_files")
    if isinstance(scripts, list):
        scripts[:] = [js for js in scripts if "thebe" not in (getattr(js, "filename", "") or "").lower()
                      and "THEBE_JS_URL" not in (getattr(js, "attributes", {}) or {}).get("body", "")]


def drop_stale_search_terms(app):
    """Drop from the search index the words no page holds any more (``html-collect-pages``, which
    runs before the index is written); return no pages.

    Sphinx's index builder keeps its words in ``_mapping`` and ``_title_mapping`` (word → set of
    pages) and has no public way to drop an empty entry; ``tests/test_extension.py`` checks those
    attributes on the installed Sphinx.
    """
    indexer = getattr(app.builder, "indexer", None)
    if indexer is not None:
        for words in (indexer._mapping, indexer._title_mapping):
            for word in [w for w, pages in words.items() if not pages]:
                del words[word]
    return []


def remove_unused_theme_files(static: Path) -> list[Path]:
    """Delete :data:`UNUSED_THEME_FILES` from ``_static``; return what was deleted."""
    gone = [p for pattern in UNUSED_THEME_FILES for p in static.glob(pattern) if p.is_file()]
    for path in gone:
        path.unlink()
    for folder in sorted((p for p in static.rglob("*") if p.is_dir()), reverse=True):   # deepest first
        if not any(folder.iterdir()):
            folder.rmdir()
    return gone


def repair_site(app, exception):
    """Repair the theme's layout markup and lighten the head of every page, cut the icon font,
    remove unused theme files, and write the root redirect page as a valid HTML document
    (sphinx-external-toc's is a bare <meta>)."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    options = out / "_static" / "documentation_options.js"
    options_js = options.read_text(encoding="utf-8") if options.is_file() else None   # read once
    for page in out.rglob("*.html"):
        if {"_static", "figures"} & set(page.parts):   # theme files; our own chart pages
            continue
        text = page.read_text(encoding="utf-8")
        fixed = repair_layout(text)
        if page.name != "search.html":
            fixed = light_head(fixed, options_js)
        if fixed != text:
            page.write_text(fixed, encoding="utf-8")
    subset_icon_fonts(out, cache=Path(app.doctreedir) / "dushanbe-fonts")
    remove_unused_theme_files(out / "_static")
    if app.config.root_doc != "index":
        target = app.builder.get_target_uri(app.config.root_doc)
        (out / "index.html").write_text(REDIRECT.format(title=html.escape(app.config.dushanbe_book["title"]),
                                                        target=html.escape(target)), encoding="utf-8")
