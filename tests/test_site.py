"""The built site as files: every internal link and anchor resolves; the data package validates
with Frictionless itself; every source URL is a well-formed https address."""
from __future__ import annotations

import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from dushanbe.data import load_table

ROOT = Path(__file__).resolve().parents[1]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if key in attrs and attrs[key] is not None and not (tag == "link" and attrs.get("rel") in ("canonical",)):
                self.links.append(attrs[key])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.book
def test_every_internal_link_and_anchor_resolves(site):
    pages = {p: _parse(p) for p in site.rglob("*.html") if not {"reports", "_static"} & set(p.parts)}
    broken, checked = [], 0
    for page, parsed in pages.items():
        for link in parsed.links:
            url = urlparse(link)
            if url.scheme or link.startswith(("//", "mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(url.path)).resolve() if url.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(url.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)} -> {link} (no such anchor)")
    assert checked > 200
    assert broken == []


def test_frictionless_validates_the_data_package():
    exe = Path(sys.executable).parent / "frictionless"
    run = subprocess.run([str(exe), "validate", "data/datapackage.json", "--checklist", "data/checklist.yaml"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:]
    assert run.stdout.count("VALID") >= 4


def test_source_urls_are_the_pages_read_and_say_so_when_not_https():
    """A source's URL is the page actually read: https, or http where the copy read was served
    so, and then its note says so."""
    sources = load_table("sources")
    for row in sources.itertuples():
        url = urlparse(row.url)
        assert url.scheme in ("https", "http") and "." in url.netloc and " " not in row.url, row.source_id
        if url.scheme == "http":
            assert "the copy read is at http" in row.note, row.source_id


def test_theme_overrides_match_the_installed_theme():
    """The templates in src/dushanbe/templates copy pydata-sphinx-theme's with small changes;
    if the theme is upgraded, this fails so the copies are refreshed rather than silently stale."""
    import pydata_sphinx_theme

    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme"
    ours = ROOT / "src" / "dushanbe" / "templates"
    original = (theme / "static" / "webpack-macros.html").read_text(encoding="utf-8").splitlines()
    kept = [line for line in original if "fontawesome.js" not in line and "custom icons" not in line]
    override = (ours / "static" / "webpack-macros.html").read_text(encoding="utf-8").splitlines()
    assert override[-len(kept):] == kept
    for name in ("search-button-field.html", "theme-switcher.html"):
        theirs = (theme / "components" / name).read_text(encoding="utf-8")
        assert 'class="btn' in theirs and (ours / name).is_file()
