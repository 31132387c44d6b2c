"""Benchmark the book build and the built pages; prints figures, asserts nothing.

    make bench        # or: .venv/bin/python scripts/bench.py

Builds a scratch copy of the project three times (clean; no change; one notebook edited),
then measures the site built by the clean build: page weights in Chromium (plotly.js counted
once, not per page), total size, and Lighthouse scores for the front page and the heaviest
chart page. Targets (issue 4): no-change rebuild <= 10 % of a clean build and 0 notebooks
executed; 1 notebook executed after editing one; no page over 1.5 MB besides plotly.js;
Lighthouse accessibility 1.0 and performance >= 0.9.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
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
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUSHANBE_")}
    start = time.perf_counter()
    run = subprocess.run([str(JB), "build", str(project), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if run.returncode:
        sys.exit(f"build failed:\n{(run.stdout + run.stderr)[-3000:]}")
    return seconds, sorted(set(re.findall(r"notebooks/(\w+)\.md: Executing notebook", run.stdout + run.stderr)))


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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


def lighthouse(url: str, runs: int = 3) -> dict[str, float] | None:
    """Median Lighthouse scores over ``runs`` runs (single runs vary by several points)."""
    results = [r for r in (_lighthouse_once(url) for _ in range(runs)) if r]
    if not results:
        return None
    return {k: sorted(r[k] for r in results)[len(results) // 2] for k in results[0]}


def _lighthouse_once(url: str) -> dict[str, float] | None:
    if not LIGHTHOUSE.exists():
        return None
    run = subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
                          "--only-categories=accessibility,performance", f"--chrome-path={CHROMIUM}",
                          "--chrome-flags=--headless=new --no-sandbox --disable-gpu "
                          "--disable-background-networking --disable-component-update --no-first-run",
                          "--preset=desktop"], capture_output=True, text=True)
    if run.returncode:
        print(f"  lighthouse failed on {url}: {run.stderr[-500:]}")
        return None
    report = json.loads(run.stdout)
    return {k: v["score"] for k, v in report["categories"].items()}


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
            "events = tables[\"events\"]", "events = tables[\"events\"]  # edited by the benchmark"), encoding="utf-8")
        edited, edited_run = build(project)

        site = project / "_build" / "html"
        httpd, base = serve(site)
        weights = page_weights(site, base)
        plotly_js = next((site / "_static").glob("plotly-*.min.js")).stat().st_size
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        heaviest = max(weights, key=weights.get)
        chart_pages = [p for p in weights if p.startswith("notebooks/")]
        heaviest_chart = max(chart_pages, key=weights.get)
        scores = {name: lighthouse(base + rel) for name, rel in
                  (("front page", "book/index.html"), (f"heaviest chart page ({heaviest_chart})", heaviest_chart))}
        httpd.shutdown()

    mb = 1024 * 1024
    print("\nDushanbe book benchmark")
    print(f"  clean build                 {clean:7.1f} s   notebooks executed: {len(clean_run)}")
    print(f"  no-change rebuild           {again:7.1f} s   notebooks executed: {len(again_run)}   "
          f"ratio {again / clean:.1%} (target <= 10 %)")
    print(f"  rebuild after 1 edited nb   {edited:7.1f} s   notebooks executed: {len(edited_run)} {edited_run} (target 1)")
    print(f"  plotly.js (once per chart page, cached)  {plotly_js / mb:.2f} MB")
    print("  page weight without plotly.js (HTML, CSS, scripts, data):")
    for rel, size in sorted(weights.items(), key=lambda kv: -kv[1]):
        print(f"    {size / mb:6.2f} MB  {rel}{'   <- heaviest' if rel == heaviest else ''}"
              f"{'   OVER 1.5 MB' if size > 1.5 * mb else ''}")
    print(f"  total site size             {total / mb:7.1f} MB (standalone charts each inline plotly.js)")
    for name, score in scores.items():
        text = ("not run (npm ci installs lighthouse)" if score is None else
                ", ".join(f"{k} {v:.2f}" for k, v in score.items()))
        print(f"  Lighthouse (median of 3, desktop preset), {name}: {text}")


if __name__ == "__main__":
    main()
