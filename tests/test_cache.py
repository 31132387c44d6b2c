"""Rebuilds: no change executes no notebook; a changed data file re-executes the notebooks that
read it (and only those); a notebook that raises fails the build. Builds a copy of the book."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
JB = Path(sys.executable).parent / "jupyter-book"
ALL_NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.md"))


def _build(project: Path) -> tuple[int, list[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DUSHANBE_")}
    run = subprocess.run([str(JB), "build", str(project), "-W", "-n", "--keep-going"],
                         capture_output=True, text=True, env=env, timeout=900)
    log = run.stdout + run.stderr
    executed = sorted(set(re.findall(r"notebooks/(\w+)\.md: Executing notebook", log)))
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
    """A copy of the book, built once from clean, with a snapshot of its chart data."""
    target = _copy(tmp_path_factory)
    code, executed, log = _build(target)
    assert code == 0, log[-3000:]
    assert executed == ALL_NOTEBOOKS
    return SimpleNamespace(path=target, first_build=_site_files(target))


@pytest.fixture
def project(built) -> Path:
    return built.path


def test_two_clean_builds_in_two_folders_are_identical(built, tmp_path_factory):
    other = _copy(tmp_path_factory)
    code, executed, log = _build(other)
    assert code == 0, log[-3000:]
    second = _site_files(other)
    assert "figures/registry.json" in second and any(n.endswith(".svg") for n in second)
    assert sorted(second) == sorted(built.first_build)
    differ = [name for name, body in second.items() if body != built.first_build[name]]
    assert not differ, f"{len(differ)} files differ between two clean builds: {differ[:10]}"


def test_rebuilds_execute_only_what_changed(project, built):

    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    assert executed == [], "a rebuild with no change executed notebooks"
    again = _site_files(project)
    differ = [n for n in sorted(set(again) | set(built.first_build)) if again.get(n) != built.first_build.get(n)]
    assert not differ, f"a no-change rebuild changed {differ[:10]}"
    written = re.findall(r"writing output\.\.\. .*?\] (\S+)", re.sub(r"\x1b\[[0-9;]*m", "", log))
    assert written == [], f"a no-change rebuild rewrote {written}"

    borders = project / "data" / "borders.csv"
    borders.write_text(borders.read_text(encoding="utf-8").replace("AFG,CHN,91,", "AFG,CHN,93,"),
                       encoding="utf-8")
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    # exactly the notebooks that declare borders.csv (or all of data/) among their inputs
    assert executed == ["borders", "claims", "data", "network"], executed
    page = (project / "_build" / "html" / "notebooks" / "borders.html").read_text(encoding="utf-8")
    assert "China–Afghanistan</td>\n      <td>93</td>" in page

    network = project / "notebooks" / "network.md"
    network.write_text(network.read_text(encoding="utf-8").replace('DATE = "2021-09-16"',
                                                                   'DATE = "2021-09-16"  # the summit'),
                       encoding="utf-8")
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    assert executed == ["network"]


def test_a_failing_notebook_fails_the_build(project):
    network = project / "notebooks" / "network.md"
    network.write_text(network.read_text(encoding="utf-8").replace(
        "tables = load_tables()", "tables = load_tables()\nraise RuntimeError('boom')"), encoding="utf-8")
    code, executed, log = _build(project)
    assert code != 0
    assert "Executing notebook failed" in log


def test_bad_data_fails_the_build_with_its_message(project):
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
    # an event's date
    ("events.csv", "csto-summit-2021,2021-09-16,", "csto-summit-2021,2021-09-15,", [r"Thursday 16 September 2021"],
     [r"15 September 2021"]),
]


def _reader_text(html_text: str) -> str:
    """What a reader sees on a page, less the tables that print the data rows themselves
    (data tables, source lists and notes quote the sources, whose own words are not the book's)."""
    import html as _html

    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html_text, flags=re.S)
    body = re.sub(r"<table\b.*?</table>", " ", body, flags=re.S)
    body = re.sub(r'<p class="dushanbe-sources">.*?</p>', " ", body, flags=re.S)
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


def test_a_data_edit_changes_every_place_a_reader_sees_it(tmp_path_factory):
    """Edit a border length, a membership's end and an event's date in a copy, rebuild: the old
    values appear nowhere a reader sees (page text, text alternatives, figure CSV and SVG, the
    registry), and the new ones do."""
    project = _copy(tmp_path_factory)
    site = project / "_build" / "html"
    code, _, log = _build(project)
    assert code == 0, log[-3000:]
    before = _visible_files(site)
    for name, old, new, old_forms, _ in DATA_EDITS:
        path = project / "data" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
        assert any(re.search(p, t) for p in old_forms for t in before.values()), \
            f"{old_forms} was not visible before the edit: the test would prove nothing"
    code, executed, log = _build(project)
    assert code == 0, log[-3000:]
    after = _visible_files(site)
    stale = {(f, p) for _, _, _, old_forms, _ in DATA_EDITS for p in old_forms
             for f, t in after.items() if re.search(p, t)}
    assert not stale, f"old values still shown: {sorted(stale)}"
    for _, _, _, _, new_forms in DATA_EDITS:
        for p in new_forms:
            assert any(re.search(p, t) for t in after.values()), f"new value {p} shown nowhere"
    changed = sorted(f for f in after if after[f] != before.get(f))
    print(f"\n{len(changed)} reader-visible files changed: {changed}")
