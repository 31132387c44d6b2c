"""Rebuilds: no change executes no notebook; a changed data file re-executes the notebooks that
read it (and only those); a notebook that raises fails the build. Builds a copy of the book."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from dushanbe.pdf import PDF_NAME

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
JB = Path(sys.executable).parent / "jupyter-book"


def _notebook_pages() -> list[str]:
    """Every page of the book that is a notebook (MyST text with a kernel), as ``folder/name``."""
    pages = [p for folder in ("book", "notebooks") for p in sorted((ROOT / folder).glob("*.md"))]
    return sorted(f"{p.parent.name}/{p.stem}" for p in pages if "kernelspec:" in p.read_text(encoding="utf-8")[:400])


ALL_NOTEBOOKS = _notebook_pages()


def _build(project: Path) -> tuple[int, list[str], str]:
    run = subprocess.run([str(JB), "build", str(project), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, timeout=900)
    log = run.stdout + run.stderr
    executed = sorted(set(re.findall(r"/(\w+/\w+)\.md: Executing notebook", log)))
    return run.returncode, executed, log


def _copy(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("book") / "dushanbe"
    ignore = shutil.ignore_patterns(".venv", "_build", ".git", ".pytest_cache", "__pycache__", "node_modules")
    shutil.copytree(ROOT, target, ignore=ignore)
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # the plotly.js bundle, read-only
    return target


def _site_files(project: Path) -> dict[str, bytes]:
    """Every file of the built site, by its path in the site."""
    folder = project / "_build" / "html"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SimpleNamespace:
    """A copy of the book, built once from clean."""
    target = _copy(tmp_path_factory)
    code, executed, log = _build(target)
    assert code == 0, log[-3000:]
    assert executed == ALL_NOTEBOOKS
    return SimpleNamespace(path=target, first_build=_site_files(target))


def test_a_clean_build_elsewhere_equals_the_book_built_here(built, site):
    """Built from clean in another folder, the book is the same, file for file, as the one
    ``make book`` built here (itself perhaps a rebuild): nothing depends on the folder, the
    order of work or the clock (only the day)."""
    # the PDF edition is printed by `make book` after the HTML, from another builder; the copy
    # builds the HTML only (tests/test_book.py prints the PDF again and compares the two)
    here = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != PDF_NAME}
    assert "figures/registry.json" in here and any(n.endswith(".svg") for n in here)
    assert sorted(built.first_build) == sorted(here)
    differ = [name for name, body in built.first_build.items() if body != here[name]]
    assert not differ, f"{len(differ)} files differ: {differ[:10]}"


def test_rebuilds_execute_only_what_changed_and_a_data_edit_reaches_every_reader(built):
    """No change: nothing executed and not a byte of the site changed (the downloadable notebooks
    keep their outputs, and the search index, written from every page again, is the clean
    build's). A data edit: every notebook runs again (each reads all of
    data/), and old values appear nowhere a reader sees (page text, text alternatives, figure
    CSV and SVG, the registry) while the new ones do. A code edit in one chapter: only it runs."""
    project, site = built.path, built.path / "_build" / "html"
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    assert executed == [], "a rebuild with no change executed notebooks"
    again = _site_files(project)
    differ = [n for n in sorted(set(again) | set(built.first_build)) if again.get(n) != built.first_build.get(n)]
    assert not differ, f"a no-change rebuild changed {differ[:10]}"

    before = _visible_files(site)
    for name, old, new, old_forms, _ in DATA_EDITS:
        path = project / "data" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        assert not old_forms or any(re.search(p, t) for p in old_forms for t in before.values()), \
            f"{old_forms} was not visible before the edit: the test would prove nothing"
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    assert executed == ALL_NOTEBOOKS, executed
    after = _visible_files(site)
    stale = {(f, p) for _, _, _, old_forms, _ in DATA_EDITS for p in old_forms
             for f, t in after.items() if re.search(p, t)}
    assert not stale, f"old values still shown: {sorted(stale)}"
    for _, _, _, _, new_forms in DATA_EDITS:
        for p in new_forms:
            assert any(re.search(p, t) for t in after.values()), f"new value {p} shown nowhere"
    assert (site / "data" / "borders.csv").read_bytes() == (project / "data" / "borders.csv").read_bytes()

    network = project / "notebooks" / "network.md"
    network.write_text(network.read_text(encoding="utf-8").replace(
        "tables = load_tables()", "tables = load_tables()  # the book's tables", 1), encoding="utf-8")
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    assert executed == ["notebooks/network"]


def test_a_failing_notebook_fails_the_build(built):
    network = built.path / "notebooks" / "network.md"
    network.write_text(network.read_text(encoding="utf-8").replace(
        "tables = load_tables()", "tables = load_tables()\nraise RuntimeError('boom')", 1), encoding="utf-8")
    code, executed, log = _build(built.path)
    assert code != 0
    assert "Executing notebook failed" in log


def test_bad_data_fails_the_build_with_its_message(built):
    project = built.path
    shutil.copyfile(ROOT / "notebooks" / "network.md", project / "notebooks" / "network.md")
    memberships = project / "data" / "memberships.csv"
    memberships.write_text(memberships.read_text(encoding="utf-8").replace("SCO,MNG,observer", "SCO,MNG,observr"),
                           encoding="utf-8")
    code, executed, log = _build(project)
    assert code != 0
    report = (project / "_build" / "html" / "reports" / "notebooks" / "network.err.log").read_text(encoding="utf-8")
    assert "data/memberships.csv, row" in report and "column 'status'" in report and "'observr'" in report


# --- Facts in words follow the data ----------------------------------------------------------

#: Edits made to a copy's data, and the spellings of the old and new values a reader could see.
DATA_EDITS = [
    # (file, old text, new text, old spellings, new spellings)
    ("borders.csv", "AFG,TKM,804,", "AFG,TKM,811,", [r"\b804\b"], [r"\b811 km"]),
    ("borders.csv", "AFG,IRN,921,", "AFG,IRN,925,", [r"\b921\b"], [r"\b925 km"]),
    # a membership's end (and the next status's start, and the row's own note)
    ("memberships.csv", "2005-08-26", "2005-08-29", [r"2005-08-26", r"26 August 2005"],
     [r"29 August 2005"]),
    ("evidence.csv", "CIS|TKM|2005-08-26", "CIS|TKM|2005-08-29", [], []),   # its quotes' key
    # an event's date
    ("events.csv", "csto-summit-2021,2021-09-16,", "csto-summit-2021,2021-09-15,", [r"Thursday 16 September 2021"],
     [r"15 September 2021"]),
    # a border length the article's claims and the borders chapter both state
    ("borders.csv", "AFG,CHN,91,", "AFG,CHN,93,", [], [r"\b93 km"]),
]


def _reader_text(html_text: str) -> str:
    """What a reader sees on a page, less the tables that print the data rows themselves
    (data tables, source lists and notes quote the sources, whose own words are not the book's)."""
    import html as _html

    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S)
    body = re.sub(r"<table\b.*?</table>", " ", body, flags=re.S)
    body = re.sub(r'<details class="dushanbe-sources-list">.*?</details>', " ", body, flags=re.S)
    body = re.sub(r'<details class="dushanbe-quotes">.*?</details>', " ", body, flags=re.S)   # the sources' words
    body = re.sub(r"<pre\b.*?</pre>", " ", body, flags=re.S)      # code cells and BibTeX
    alts = " ".join(re.findall(r'(?:alt|aria-label|title)="([^"]*)"', body))
    text = re.sub(r"<[^>]+>", " ", body) + " " + alts
    return re.sub(r"\s+", " ", _html.unescape(text))


def _visible_files(site: Path) -> dict[str, str]:
    """Every place a reader sees a datum: page text, figure CSV and SVG, and the registry."""
    out = {}
    for page in site.rglob("*.html"):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("_static/", "reports/", "search", "genindex")):
            continue
        out[rel] = _reader_text(page.read_text(encoding="utf-8"))
    for f in (site / "figures").iterdir():
        if f.suffix == ".svg":
            out[f"figures/{f.name}"] = " ".join(re.findall(r">([^<>]+)<", f.read_text(encoding="utf-8")))
        elif f.name.endswith(".csv") and not f.name.endswith(".sources.csv"):
            out[f"figures/{f.name}"] = f.read_text(encoding="utf-8")
    out["figures/registry.json"] = (site / "figures" / "registry.json").read_text(encoding="utf-8")
    return out


