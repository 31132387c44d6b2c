"""The prose of the built pages, read as a reader reads it: no seams of the templates that
write it."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.book


#: The pages a reader reads through (the data page, methods and the rebuild page may show files
#: and code: they are about them).
READING_PAGES = ["book/index.html", "book/article.html", "notebooks/claims.html", "notebooks/events.html",
                 "notebooks/borders.html", "notebooks/network.html", "notebooks/memberships.html"]


class _ReaderText(HTMLParser):
    """The text of a page's article as a reader reads it, leaving out scripts, preformatted cite
    blocks, each chart's data table (the data as published, with their column names and notes;
    the same as its CSV download) and the "Reproduce this chapter" box (which is for re-running,
    and names files); counts the ``<code>`` elements met in what is read."""

    SKIP_TAGS = {"script", "style", "pre", "template"}
    TABLE_TAGS = {"table"}
    SKIP_CLASSES = ("dushanbe-run", "dushanbe-cite", "dushanbe-data")
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "param", "track"}

    def __init__(self, tables: bool = True):
        super().__init__()
        self.skip_tags = self.SKIP_TAGS | (set() if tables else self.TABLE_TAGS)
        self.stack: list[bool] = []       # for each open element: does it start a skipped part?
        self.in_article = 0
        self.parts: list[str] = []
        self.code = 0

    def _skipping(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article" and "bd-article" in (attrs.get("class") or ""):
            self.in_article += 1
        if tag in self.VOID:
            return
        classes = attrs.get("class") or ""
        self.stack.append(tag in self.skip_tags or any(c in classes for c in self.SKIP_CLASSES))
        if tag == "code" and self.in_article and not self._skipping():
            self.code += 1

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.stack:
            self.stack.pop()
        if tag == "article" and self.in_article:
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not self._skipping():
            self.parts.append(data)

    def text(self) -> str:
        return re.sub(r"\s+", " ", " ".join(self.parts))


def _reader_text(path: Path, tables: bool = True) -> tuple[str, int]:
    parser = _ReaderText(tables)
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.text(), parser.code


def _top_level_parts(text: str, separator: str = "; ") -> list[str]:
    """Split ``text`` at ``separator`` outside brackets: "A (x; y); B" gives "A (x; y)" and "B"."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
    return [*parts, text[start:]]


@pytest.mark.parametrize("rel", READING_PAGES)
def test_the_prose_reads_as_written_not_as_a_template(site, rel):
    """What a reader reads carries no template seams: no "(s)", no "1 hold", no "four of the
    four", no publisher named twice in one list of sources, no code markup, internal id or code
    toggle."""
    text, code = _reader_text(site / rel)
    prose, _ = _reader_text(site / rel, tables=False)   # a table's cells run together as text
    assert len(prose) > 1000, rel
    assert "(s)" not in text
    one = re.search(r"\b1 (hold|are|were|have|days|claims|events|members|exercises)\b", prose)
    assert not one, prose[max(0, one.start() - 80):one.end() + 20]
    repeated = re.search(r"\b(\w+) of the \1\b", text)
    assert not repeated, repeated.group(0)
    page = re.sub(r"<pre\b.*?</pre>", "", (site / rel).read_text(encoding="utf-8"), flags=re.S)   # cite blocks
    lists = [*re.findall(r"Sources?: (.*?)\.?</small>", page, re.S),
             *re.findall(r'<td data-label="sources">(.*?)</td>', page, re.S)]
    for listed in lists:
        listed = html.unescape(re.sub(r"<[^>]+>", "", listed))
        # each publisher once: "TASS (18 October 2021, 23 October 2021)", never "TASS; TASS (Russian)"
        publishers = [p.split(" (")[0].strip() for p in _top_level_parts(listed)]
        assert len(publishers) == len(set(publishers)), listed
    assert lists or rel != "notebooks/events.html"   # the check has cases
    assert code == 0, f"{code} code elements in the reading flow"
    ids = re.findall(r"\b[a-z][a-z0-9]*_[a-z0-9]+_[a-z0-9_]+\b", text)
    assert not ids, ids[:5]
    assert "Show code cell" not in text and "Hide code cell" not in text
