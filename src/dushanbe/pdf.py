"""The book's PDF edition: its single-page build, with every chart drawn, printed by Chromium.

``make pdf`` (and ``make book``, after the HTML) runs::

    jupyter-book build . --builder singlehtml
    python -m dushanbe.pdf

The PDF holds every chapter, every figure (drawn as vectors, under its number and title, with
its caption, text alternative, sources and cite text) and the references; the data tables,
downloads and controls a reader can only use on screen are left out. It is written to
``_build/html/dushanbe-book.pdf``, beside the pages that link to it. Chromium stamps a PDF with
the time it was printed; :func:`steady_pdf` sets those stamps to the build date, so the same book
prints the same file.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from .meta import book_metadata, build_date
from .paths import project_root

__all__ = ["PDF_NAME", "PRINT_CSS", "print_book", "steady_pdf", "main"]

#: The PDF's file name, in the site's root folder.
PDF_NAME = "dushanbe-book.pdf"

#: The width, in CSS pixels, the page is laid out at before printing: about an A4 page's text
#: width, so that each chart is drawn at the width it is printed.
PRINT_WIDTH = 700

#: What the printed book leaves out or lays out otherwise.
PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm; }
.bd-header, .bd-sidebar-primary, .bd-sidebar-secondary, .header-article, .prev-next-area,
.bd-footer-article, .bd-footer, .bd-footer-content, #pst-back-to-top, .headerlink, .dushanbe-run,
.dushanbe-frames, .modebar-container, .dushanbe-downloads, details.dushanbe-data,
.dushanbe-cite pre, .dushanbe-cite p:has(+ pre), .dushanbe-cite summary, .dushanbe-build-info,
.dushanbe-book-cite .dushanbe-downloads, .dushanbe-figure .dushanbe-permalink, .skip-link { display: none !important; }
.bd-main, .bd-content, .bd-article-container, .bd-article { max-width: none !important; width: 100% !important;
  margin: 0 !important; padding: 0 !important; }
body { font-size: 10.5pt; }
section > h1 { break-before: page; }
details:not([open]) { display: none !important; }
figure.dushanbe-figure details.dushanbe-sources-list { display: block !important; }
.dushanbe-claims td:nth-child(2) { width: 36%; } .dushanbe-claims td:nth-child(4) { width: 40%; }
.dushanbe-all-sources table { font-size: 7pt; }
.dushanbe-all-sources th:nth-child(4), .dushanbe-all-sources td:nth-child(4),
.dushanbe-all-sources th:nth-child(6), .dushanbe-all-sources td:nth-child(6) { display: none; }
.dushanbe-all-sources td { overflow-wrap: anywhere; }
.dushanbe-plot, figure.dushanbe-figure > figcaption { break-inside: avoid; }
figure.dushanbe-figure { break-inside: auto; }
a { color: inherit; }
"""


def _draw_everything(page) -> None:
    """Wake the book's charts, bring each one into view until plotly has drawn it, and open
    the folds a printed figure needs (text alternative, sources, cite text)."""
    page.evaluate("() => window.dispatchEvent(new Event('pointerdown'))")
    for figure in page.locator("[data-dushanbe-figure]").all():
        fid = figure.get_attribute("data-dushanbe-figure")
        page.locator(f"#{fid}-plot").scroll_into_view_if_needed()
        page.wait_for_selector(f"#{fid}-plot .main-svg", timeout=30_000)
    page.evaluate("""() => document.querySelectorAll(
        'details.dushanbe-description-fold, details.dushanbe-cite')
        .forEach(d => { d.open = true; })""")
    page.wait_for_timeout(500)


def print_book(single: Path, target: Path, chromium: str, title: str) -> int:
    """Print the single-page build ``single`` (its ``index.html``) to ``target``; return the
    number of charts drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1000})
        page.emulate_media(media="print")
        page.goto(single.resolve().as_uri(), wait_until="load")
        page.add_style_tag(content=PRINT_CSS)
        _draw_everything(page)
        charts = page.locator("[data-dushanbe-figure] .main-svg").count()
        footer = ('<div style="font-size:7pt;width:100%;padding:0 15mm;color:#555;display:flex;'
                  f'justify-content:space-between"><span>{title}</span>'
                  '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')
        target.parent.mkdir(parents=True, exist_ok=True)
        page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
                 display_header_footer=True, header_template="<div></div>", footer_template=footer,
                 outline=True, tagged=True)
        browser.close()
    return charts


def _renumber_element_ids(writer) -> None:
    """Number the ids of the tagged structure's elements in order (``node00000001`` …), wherever
    they appear (``/ID``, a table cell's ``/Headers``, the ``/IDTree``). Chromium numbers them
    after the page's DOM nodes, which differ from one printing to the next; renumbered by rank,
    they keep their order, so the id tree stays sorted."""
    import re

    from pypdf.generic import ArrayObject, DictionaryObject, TextStringObject

    pattern = re.compile(r"node(\d+)")

    def walk(obj, found, replace=None):
        items = obj.items() if isinstance(obj, DictionaryObject) else enumerate(obj) if isinstance(obj, ArrayObject) else ()
        for key, value in list(items):
            if isinstance(value, str) and pattern.fullmatch(str(value)):
                if replace is None:
                    found.add(str(value))
                else:
                    obj[key] = TextStringObject(replace[str(value)])
            elif isinstance(value, (DictionaryObject, ArrayObject)):
                walk(value, found, replace)

    found: set[str] = set()
    for obj in writer._objects:
        walk(obj, found)
    ranks = {old: f"node{n:08d}" for n, old in enumerate(sorted(found, key=lambda v: int(v[4:])), start=1)}
    for obj in writer._objects:
        walk(obj, found, ranks)


def steady_pdf(path: Path, *, title: str, author: str, day: str) -> int:
    """Give the PDF its metadata (title, author) and date its stamps ``day`` instead of the
    moment of printing, with a file identifier drawn from its content, so that the same book
    prints the same bytes; return its number of pages."""
    import hashlib

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, ByteStringObject

    stamp = f"D:{day.replace('-', '')}000000Z"
    writer = PdfWriter(clone_from=PdfReader(path))
    writer.add_metadata({"/Title": title, "/Author": author, "/Creator": "The Dushanbe book (Chromium)",
                         "/Producer": "Chromium, pypdf", "/CreationDate": stamp, "/ModDate": stamp})
    _renumber_element_ids(writer)
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)   # Chromium repeats each hatching's tiles
    digest = ByteStringObject(hashlib.md5(path.read_bytes().split(b"/CreationDate")[0]).digest())
    writer._ID = ArrayObject([digest, digest])
    with open(path, "wb") as fh:
        writer.write(fh)
    return len(writer.pages)


def main(argv: list[str] | None = None) -> int:
    """Print ``_build/singlehtml`` to ``_build/html/dushanbe-book.pdf``, or to ``--out PATH``.

    Chromium is driven through Playwright's synchronous API, which refuses to run inside an
    asyncio loop; a caller that has one (a test with a browser open) runs this as its own
    process, ``python -m dushanbe.pdf --out PATH``.
    """
    parser = argparse.ArgumentParser(prog="python -m dushanbe.pdf", description=main.__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to write the PDF (default: beside the HTML pages)")
    args = parser.parse_args(argv)
    root = project_root()
    built = root / "_build" / "singlehtml"
    if not (built / "book" / "index.html").is_file():
        print("build the single-page book first: jupyter-book build . --builder singlehtml", file=sys.stderr)
        return 1
    # the single page is written as book/index.html but links its assets from the build's root
    single = built / "print.html"
    shutil.copyfile(built / "book" / "index.html", single)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    meta = book_metadata()
    target = args.out or root / "_build" / "html" / PDF_NAME
    charts = print_book(single, target, chromium, meta["title"].split(":")[0])
    pages = steady_pdf(target, title=meta["title"], author=meta["author"], day=build_date())
    print(f"{target}: {pages} pages, {charts} charts, {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
