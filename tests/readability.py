"""How a drawn chart reads on a given screen: its labels, their collisions, its width.

Used by ``tests/test_phone.py`` (the gates) and ``scripts/bench.py`` (the counts in the
closing notes). A *label* is any piece of text plotly draws inside a chart: tick labels, legend
entries, text on markers and bars, annotations and titles. Two labels *collide* when their boxes
overlap by more than a couple of pixels each way.
"""
from __future__ import annotations

PHONE = dict(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
             device_scale_factor=1)
DESKTOP = dict(viewport={"width": 1280, "height": 900})

#: the pages that carry charts
CHART_PAGES = ["book/index.html", "notebooks/claims.html", "notebooks/network.html",
               "notebooks/memberships.html", "notebooks/borders.html", "notebooks/events.html"]

# Runs in the page: draws every chart (as the reader's first scroll would) and reports, per
# chart, its width and every visible label with its box.
_MEASURE = r"""async () => {
  window.dispatchEvent(new Event('pointerdown'));
  const figures = Array.from(document.querySelectorAll('[data-dushanbe-figure]'));
  const out = [];
  for (const fig of figures) {
    fig.scrollIntoView();
    const plot = fig.querySelector('.dushanbe-plotly');
    for (let i = 0; i < 100 && !plot.querySelector('.main-svg'); i++) {
      await new Promise(r => setTimeout(r, 100));
    }
    await new Promise(r => setTimeout(r, 300));
    const labels = [];
    plot.querySelectorAll('svg.main-svg text').forEach(t => {
      const text = (t.textContent || '').trim();
      if (!text) return;
      const style = getComputedStyle(t);
      if (style.display === 'none' || style.visibility === 'hidden' || +style.opacity === 0) return;
      if (t.closest('[display="none"], .hoverlayer, .modebar')) return;
      const r = t.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return;
      const kind = t.closest('.xtick, .ytick') ? 'tick'
        : t.closest('.legend') ? 'legend'
        : t.closest('.annotation') ? 'annotation'
        : t.closest('.textpoint, .text') ? 'point'
        : 'title';
      labels.push({text, kind, x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
    });
    const box = plot.getBoundingClientRect();
    const svg = plot.querySelector('svg.main-svg');
    out.push({id: fig.id, drawn: !!svg, width: Math.max(box.width, svg ? svg.getBoundingClientRect().width : 0),
              left: box.left, labels});
  }
  return {charts: out, viewport: window.innerWidth, page_width: document.documentElement.scrollWidth};
}"""

SLACK = 2  # pixels of overlap each way that a reader does not see as a collision


def collisions(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of labels whose boxes overlap by more than ``SLACK`` pixels both ways."""
    found = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
            if dx > SLACK and dy > SLACK:
                found.append((a["text"], b["text"]))
    return found


def label_count(labels: list[dict]) -> int:
    """How many labels a reader can see (ticks, legend entries, point labels, annotations)."""
    return sum(label["kind"] != "title" for label in labels)


def measure(browser, server: str, context: dict, pages=CHART_PAGES) -> dict:
    """``{chart id: {"width", "viewport", "labels", "collisions"}}`` for every chart on ``pages``."""
    ctx = browser.new_context(**context)
    result = {}
    try:
        page = ctx.new_page()
        for rel in pages:
            page.goto(server + rel, wait_until="networkidle")
            found = page.evaluate(_MEASURE)
            for chart in found["charts"]:
                if chart["id"] in result:       # the front page's lead graphic repeats a chapter's
                    continue
                result[chart["id"]] = dict(
                    page=rel, drawn=chart["drawn"], width=chart["width"], left=chart["left"],
                    viewport=found["viewport"], page_width=found["page_width"],
                    labels=label_count(chart["labels"]), texts=chart["labels"],
                    collisions=collisions(chart["labels"]))
    finally:
        ctx.close()
    return result


def summary(measured: dict) -> dict:
    """Totals: collision pairs, charts with a collision, charts wider than the screen."""
    return dict(collisions=sum(len(m["collisions"]) for m in measured.values()),
                charts_colliding=sum(bool(m["collisions"]) for m in measured.values()),
                too_wide=sum(m["width"] > m["viewport"] + 1 for m in measured.values()))


def _words(measured: dict) -> int:
    """Labels that carry data (legend, annotations, point labels): not the axes' ticks, which a
    narrow axis may thin."""
    return sum(label["kind"] not in ("title", "tick") for label in measured["texts"])


def dropped(phone: dict, desktop: dict) -> dict:
    """``{chart id: data labels on the desktop minus those on the phone}`` where that is positive."""
    return {fid: _words(desktop[fid]) - _words(phone[fid]) for fid in desktop
            if fid in phone and _words(desktop[fid]) > _words(phone[fid])}
