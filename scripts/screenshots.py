"""Screenshot pages of the built book as a reader sees them, at 1280x900 and at 390x844 (touch).

    .venv/bin/python scripts/screenshots.py OUT_DIR [page ...]

Pages are paths in the site (default: the front page and every chapter). Each page is served on
loopback, opened in the system Chromium, woken as a reader's first touch would wake it (the
interactive charts then draw), and saved whole as ``OUT_DIR/<page>-<desktop|phone>.png``; with
``--first`` only the first screen is saved (what a reader sees before scrolling); with ``--tiles``
the whole page is also saved in screen-high pieces, ``<page>-<screen>-<n>.png``, easier to look at.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
PAGES = ["book/index.html", "book/article.html", "notebooks/claims.html", "notebooks/events.html",
         "notebooks/borders.html", "notebooks/network.html", "notebooks/memberships.html",
         "notebooks/data.html", "book/methods.html"]
SCREENS = {"desktop": dict(viewport={"width": 1280, "height": 900}),
           "phone": dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                         device_scale_factor=2)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    first, tiles = "--first" in argv, "--tiles" in argv
    args = [a for a in argv if a not in ("--first", "--tiles")]
    if not args:
        print(__doc__)
        return 2
    out, pages = Path(args[0]), args[1:] or PAGES
    out.mkdir(parents=True, exist_ok=True)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(SITE)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        for screen, options in SCREENS.items():
            ctx = browser.new_context(**options)
            page = ctx.new_page()
            for rel in pages:
                page.goto(base + rel, wait_until="networkidle")
                name = rel.replace("/", "-").removesuffix(".html")
                if first:
                    page.screenshot(path=str(out / f"{name}-{screen}-first.png"))
                    continue
                page.evaluate("window.dispatchEvent(new Event('pointerdown'))")
                for fig in page.locator("[data-dushanbe-figure]").all():
                    fig.scroll_into_view_if_needed()
                    page.wait_for_timeout(400)
                page.wait_for_timeout(800)
                page.evaluate("window.scrollTo(0, 0)")
                page.screenshot(path=str(out / f"{name}-{screen}.png"), full_page=True)
                if tiles:
                    height = page.evaluate("document.documentElement.scrollHeight")
                    view = options["viewport"]
                    step = view["height"] * 2
                    for n, top in enumerate(range(0, height, step)):
                        page.screenshot(path=str(out / f"{name}-{screen}-{n}.png"), full_page=True,
                                        clip=dict(x=0, y=top, width=view["width"], height=min(step, height - top)))
            ctx.close()
        browser.close()
    httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
