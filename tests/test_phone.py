"""Every chart reads on a phone (390×844, touch) as on a desktop (1280×900): no two labels
overprint, no chart is wider than the screen, and the phone shows every label the desktop shows.

The charts are drawn by the book's own script, as a reader's first touch would draw them, and
measured by :mod:`readability` (the same code ``make bench`` uses for its counts).
"""
from __future__ import annotations

import json

import pytest

from readability import DESKTOP, PHONE, dropped, measure

pytestmark = pytest.mark.book


@pytest.fixture(scope="module")
def phone(browser, server):
    return measure(browser, server, PHONE)


@pytest.fixture(scope="module")
def desktop(browser, server):
    return measure(browser, server, DESKTOP)


def test_every_chart_of_the_book_is_measured_and_drawn(site, phone, desktop):
    registry = json.loads((site / "figures" / "registry.json").read_text(encoding="utf-8"))
    ids = {entry["id"] for entry in registry["figures"]}
    assert set(phone) == ids and set(desktop) == ids
    assert all(m["drawn"] and m["labels"] > 0 for m in (*phone.values(), *desktop.values()))


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_no_two_labels_in_a_chart_overprint(screen, request):
    measured = request.getfixturevalue(screen)
    assert {fid: m["collisions"] for fid, m in measured.items() if m["collisions"]} == {}


def test_no_chart_is_wider_than_the_phone_screen(phone):
    wide = {fid: (round(m["width"]), m["viewport"]) for fid, m in phone.items()
            if m["width"] > m["viewport"] or m["left"] < 0}
    assert wide == {}
    assert {m["page_width"] for m in phone.values()} == {PHONE["viewport"]["width"]}


def test_the_phone_shows_every_label_the_desktop_shows(phone, desktop):
    assert dropped(phone, desktop) == {}


def test_long_names_give_way_to_short_ones_only_on_a_narrow_screen(phone, desktop):
    """The bloc map writes ISO codes on a phone and names on a desktop (its narrow settings)."""
    fid = "fig-afghanistan-borders-blocs-2021-09-16"
    texts = lambda m: {t["text"] for t in m[fid]["texts"]}  # noqa: E731
    assert {"AFG", "TJK"} <= texts(phone) and not {"Afghanistan", "Tajikistan"} & texts(phone)
    assert {"Afghanistan", "Tajikistan"} <= texts(desktop) and "AFG" not in texts(desktop)


def test_a_standalone_chart_page_takes_the_narrow_settings_too(browser, server):
    """An embedded chart (figures/<id>.html in an iframe) reads on a phone as the book's does."""
    ctx = browser.new_context(**PHONE)
    page = ctx.new_page()
    page.goto(server + "figures/fig-afghanistan-borders-blocs-2021-09-16.html", wait_until="networkidle")
    first = page.evaluate("() => document.querySelector('img.dushanbe-static').currentSrc")
    assert first.endswith(".narrow.webp")                  # the first paint is the phone's layout
    page.evaluate("() => window.dispatchEvent(new Event('pointerdown'))")   # a reader's first touch
    page.wait_for_selector(".main-svg")
    texts = page.eval_on_selector_all("svg.main-svg text", "els => els.map(e => e.textContent)")
    width = page.evaluate("document.documentElement.scrollWidth")
    toolbar = page.locator(".modebar-btn").count()
    ctx.close()
    assert "AFG" in texts and "Afghanistan" not in texts
    assert toolbar == 0                       # no toolbar over the legend on a touch screen
    assert width <= PHONE["viewport"]["width"]


_ROWS = """(fid) => {
  const gd = document.getElementById(fid + '-plot');
  const ticks = {};
  gd.querySelectorAll('.ytick text').forEach(t => { const r = t.getBoundingClientRect(); ticks[t.textContent] = r.top + r.height / 2; });
  const off = [];
  gd.querySelectorAll('.scatterlayer .trace').forEach(trace => {
    const data = trace.__data__[0].trace;      // plotly skips empty traces in the drawing
    trace.querySelectorAll('.points path.point').forEach((point, j) => {
      const state = data.y[j];
      if (!(state in ticks)) return;
      const r = point.getBoundingClientRect();
      if (r.height === 0) return;
      const gap = Math.abs(r.top + r.height / 2 - ticks[state]);
      if (gap > 3) off.push([data.name, state, Math.round(gap)]);
    });
  });
  return {off, frame: gd.layout.sliders[0].active, points: gd.querySelectorAll('.scatterlayer path.point').length};
}"""


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_the_status_grid_keeps_every_marker_on_its_row_after_a_date_change_and_back(browser, server, screen):
    """On a phone, after a date change, the status markers once sat one row off their labels:
    change the date and change it back, and every marker is still on its state's row."""
    ctx = browser.new_context(**(PHONE if screen == "phone" else DESKTOP))
    page = ctx.new_page()
    page.goto(server + "notebooks/memberships.html", wait_until="networkidle")
    page.evaluate("() => window.dispatchEvent(new Event('pointerdown'))")
    fid = "fig-status-by-date"
    page.locator(f"#{fid}-plot").scroll_into_view_if_needed()
    page.wait_for_selector(f"#{fid}-plot .main-svg .scatterlayer path.point")
    select = page.locator(f"#{fid}-frame")
    summit = select.input_value()
    first = page.evaluate(_ROWS, fid)
    options = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    seen = []
    for day in (options[0], options[-1], summit):
        select.select_option(day)
        page.wait_for_function(f"() => document.getElementById('{fid}-plot').layout.sliders[0].active === {options.index(day)}")
        page.wait_for_timeout(700)   # the frame's transition
        seen.append(page.evaluate(_ROWS, fid))
    ctx.close()
    assert first["off"] == [] and first["points"] > 20
    assert [s["off"] for s in seen] == [[], [], []]
    assert seen[-1]["points"] == first["points"]        # back on the summit day: the same markers
