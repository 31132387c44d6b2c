"""Benchmark the book build and the built pages; prints figures, asserts nothing.

    make bench        # or: .venv/bin/python scripts/bench.py

Builds a scratch copy of the project three times (clean; no change; one notebook edited) and,
in the same run, a one-page Jupyter Book twice (the tool's own floor for a no-change rebuild).
Then measures the site built by the clean build: page weights in Chromium (plotly.js counted
once, not per page), total size, and Lighthouse scores — the default *mobile* profile (slow 4G,
4x slower CPU) on the front page and every chart page, with the site served gzipped as a static
host serves it, and the desktop preset on the front page — and how the charts read on a phone
(390x844, touch) against a desktop (1280x900): label collisions, labels the phone drops, charts
wider than the screen (``tests/readability.py``, the code the phone tests use).

Also Lighthouse mobile on each chart's standalone page (what the embed code shows), the whole
site's size and the PDF edition's pages and size (if ``make pdf`` has printed it here).

Targets: a no-change rebuild <= 1.5x the one-page book's, executing no notebook; a clean build
<= 2.5 s per chart; 1 notebook executed after editing one; no page over 1.5 MB besides plotly.js;
the site <= 15 MB; Lighthouse accessibility 1.0 and mobile performance >= 0.9 on chapters and
standalone charts; no collision, dropped label or over-wide chart.
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JB = Path(sys.executable).parent / "jupyter-book"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def build(project: Path) -> tuple[float, list[str]]:
    start = time.perf_counter()
    run = subprocess.run([str(JB), "build", str(project), "-W", "-n", "--keep-going"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode:
        sys.exit(f"build failed:\n{(run.stdout + run.stderr)[-3000:]}")
    return seconds, sorted(set(re.findall(r"/(\w+/\w+)\.md: Executing notebook", run.stdout + run.stderr)))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """A static host on loopback that gzips text responses, as a production host would."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        if not gzip_ok or not path.is_file() or path.suffix not in (".html", ".js", ".css", ".json", ".svg", ".csv"):
            return super().send_head()
        import gzip
        import io
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def page_weights(site: Path, base: str) -> dict[str, int]:
    """Bytes each page loads (HTML, styles, scripts, data), leaving out the plotly.js bundle."""
    from playwright.sync_api import sync_playwright

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                   if not p.relative_to(site).as_posix().startswith(("figures/", "_static/", "reports/")))
    weights = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for rel in pages:
            page = browser.new_page()
            loaded: dict[str, int] = {}

            def on_response(response, loaded=loaded):
                if "plotly-" in response.url and response.url.endswith(".min.js") or "/plotly-" in response.url:
                    return
                try:
                    loaded[response.url] = len(response.body())
                except Exception:
                    pass

            page.on("response", on_response)
            page.goto(base + rel, wait_until="networkidle")
            weights[rel] = sum(loaded.values())
            page.close()
        browser.close()
    return weights


def floor_book(tmp: Path) -> float:
    """The no-change rebuild time of a one-page Jupyter Book: the tool's own floor."""
    book = tmp / "floor"
    book.mkdir()
    (book / "_config.yml").write_text("title: floor\nexecute:\n  execute_notebooks: 'off'\n", encoding="utf-8")
    (book / "_toc.yml").write_text("format: jb-book\nroot: index\n", encoding="utf-8")
    (book / "index.md").write_text("# One page\n\nText.\n", encoding="utf-8")
    build(book)
    seconds, _ = build(book)
    return seconds


def lighthouse(url: str, runs: int = 3, mobile: bool = False) -> dict[str, float] | None:
    """Median Lighthouse scores over ``runs`` runs (single runs vary by several points)."""
    results = [r for r in (_lighthouse_once(url, mobile) for _ in range(runs)) if r]
    if not results:
        return None
    return {k: sorted(r[k] for r in results)[len(results) // 2] for k in results[0]}


def _lighthouse_once(url: str, mobile: bool = False) -> dict[str, float] | None:
    if not LIGHTHOUSE.exists():
        return None
    run = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                          "--only-categories=accessibility,performance", f"--chrome-path={CHROMIUM}",
                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                          "--disable-background-networking --disable-component-update --no-first-run",
                          *([] if mobile else ["--preset=desktop"])], capture_output=True, text=True)
    if run.returncode:
        print(f"  lighthouse failed on {url}: {run.stderr[-500:]}")
        return None
    report = json.loads(run.stdout)
    scores = {k: v["score"] for k, v in report["categories"].items()}
    scores["LCP s"] = report["audits"]["largest-contentful-paint"]["numericValue"] / 1000
    scores["TBT s"] = report["audits"]["total-blocking-time"]["numericValue"] / 1000
    return scores


def readability(base: str) -> dict[str, dict]:
    """Collision, dropped-label and width counts for every chart, phone and desktop."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from readability import DESKTOP, PHONE, dropped, measure, summary

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        phone, desktop = measure(browser, base, PHONE), measure(browser, base, DESKTOP)
        browser.close()
    lost = dropped(phone, desktop)
    return {"phone": summary(phone), "desktop": summary(desktop),
            "dropped": {"labels": sum(lost.values()), "charts": len(lost)}}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "dushanbe"
        shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
            ".venv", "_build", ".git", "node_modules", ".pytest_cache", "__pycache__"))
        (project / "node_modules").symlink_to(ROOT / "node_modules")
        clean, clean_run = build(project)
        again, again_run = build(project)
        notebook = project / "notebooks" / "events.md"
        notebook.write_text(notebook.read_text(encoding="utf-8").replace(
            "tables = load_tables()", "tables = load_tables()  # edited by the benchmark", 1), encoding="utf-8")
        edited, edited_run = build(project)
        floor = floor_book(Path(tmp))
        charts = len(json.loads((project / "_build" / "html" / "figures" / "registry.json")
                                .read_text(encoding="utf-8"))["figures"])

        site = project / "_build" / "html"
        httpd, base = serve(site)
        weights = page_weights(site, base)
        plotly_js = next((site / "_static").glob("plotly-*.min.js")).stat().st_size
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        heaviest = max(weights, key=weights.get)
        chart_pages = [p for p in weights if p.startswith("notebooks/")]
        reading = readability(base)
        scores = {"desktop preset, front page": lighthouse(base + "book/index.html")}
        for rel in ["book/index.html", *sorted(chart_pages)]:
            scores[f"mobile, {rel}"] = lighthouse(base + rel, runs=1, mobile=True)
        registry = json.loads((site / "figures" / "registry.json").read_text(encoding="utf-8"))["figures"]
        for entry in registry:
            scores[f"mobile, standalone {entry['id']}"] = lighthouse(base + entry["files"]["embed"], runs=1, mobile=True)
        httpd.shutdown()
    pdf = ROOT / "_build" / "html" / "dushanbe-book.pdf"
    if pdf.is_file():
        from pypdf import PdfReader

        pdf_text = f"{len(PdfReader(pdf).pages)} pages, {pdf.stat().st_size / 1e6:.1f} MB (make pdf, in this checkout)"
        total += pdf.stat().st_size
    else:
        pdf_text = "not printed here (run make pdf)"

    mb = 1024 * 1024
    print("\nDushanbe book benchmark")
    print(f"  clean build                 {clean:7.1f} s   notebooks executed: {len(clean_run)}")
    print(f"  clean build per chart       {clean / charts:7.1f} s   ({charts} charts; target <= 2.5 s)")
    print(f"  no-change rebuild           {again:7.1f} s   notebooks executed: {len(again_run)}   "
          f"{again / floor:.2f}x a one-page book's {floor:.1f} s (target <= 1.5x)")
    print(f"  rebuild after 1 edited nb   {edited:7.1f} s   notebooks executed: {len(edited_run)} {edited_run} (target 1)")
    print(f"  plotly.js (once per chart page, cached)  {plotly_js / mb:.2f} MB")
    print("  page weight without plotly.js (HTML, CSS, scripts, data):")
    for rel, size in sorted(weights.items(), key=lambda kv: -kv[1]):
        print(f"    {size / mb:6.2f} MB  {rel}{'   <- heaviest' if rel == heaviest else ''}"
              f"{'   OVER 1.5 MB' if size > 1.5 * mb else ''}")
    print(f"  total site size             {total / 1e6:7.1f} MB ({total / mb:.1f} MiB; target <= 15 MB), PDF included")
    print(f"  PDF edition                 {pdf_text}")
    standalone = [v["performance"] for k, v in scores.items() if "standalone" in k and v]
    if standalone:
        print(f"  standalone charts, mobile performance: min {min(standalone):.2f}, median "
              f"{sorted(standalone)[len(standalone) // 2]:.2f} over {len(standalone)} pages (target >= 0.9)")
    for screen in ("phone", "desktop"):
        r = reading[screen]
        print(f"  {screen:7} label collisions {r['collisions']} in {r['charts_colliding']} charts; "
              f"charts wider than the screen {r['too_wide']}")
    print(f"  labels the phone drops      {reading['dropped']['labels']} in {reading['dropped']['charts']} charts")
    for name, score in scores.items():
        text = ("not run (npm ci installs lighthouse)" if score is None else
                ", ".join(f"{k} {v:.2f}" for k, v in score.items()))
        print(f"  Lighthouse, {name}: {text}")


if __name__ == "__main__":
    main()
