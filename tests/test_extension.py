"""The book's Sphinx extension, part by part, on small projects of its own: the notebook cache
keys and the search index a rebuild writes."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from dushanbe.bookext import cachekeys

NOTEBOOK = """---
kernelspec:
  name: python3
  display_name: Python 3
data_dependencies: [data/a.csv]
---
# A chapter

```{code-cell} ipython3
1 + 1
```
"""


def _read(root: Path, docname: str, text: str) -> tuple[str, list[str]]:
    """Run the extension's ``source-read`` step on one page; return its new text and the files
    noted as its dependencies."""
    noted: list[str] = []
    app = SimpleNamespace(srcdir=str(root), env=SimpleNamespace(note_dependency=noted.append))
    source = [text]
    cachekeys.on_source_read(app, docname, source)
    return source[0], noted


def _key(text: str) -> str:
    return re.search(r"# Inputs fingerprint \(added at build time by dushanbe.bookext\): ([0-9a-f]{64})", text).group(1)


def test_a_notebook_is_keyed_to_the_data_it_declares_and_to_nothing_else(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.csv").write_text("x\n1\n")
    (tmp_path / "data" / "b.csv").write_text("y\n2\n")
    text, noted = _read(tmp_path, "notebooks/chapter", NOTEBOOK)
    assert noted == [str(tmp_path / "data" / "a.csv")]
    assert "# Data read: data/a.csv\n" in text and "## Reproduce this chapter" in text
    assert text.startswith(NOTEBOOK.rstrip("\n"))   # the page's own cells are untouched
    first = _key(text)

    (tmp_path / "data" / "b.csv").write_text("y\n3\n")   # a file it does not read
    assert _key(_read(tmp_path, "notebooks/chapter", NOTEBOOK)[0]) == first
    (tmp_path / "data" / "a.csv").write_text("x\n2\n")   # the file it reads
    assert _key(_read(tmp_path, "notebooks/chapter", NOTEBOOK)[0]) != first


def test_a_page_without_a_kernel_is_left_as_it_is(tmp_path):
    text = "---\ntitle: Glossary\n---\n# Glossary\n"
    assert _read(tmp_path, "book/glossary", text) == (text, [])


def _build_html(src: Path, out: Path) -> bytes:
    from sphinx.application import Sphinx

    app = Sphinx(str(src), str(src), str(out), str(out / ".doctrees"), "html", status=None, warning=None,
                 freshenv=False)
    app.build()
    return (out / "searchindex.js").read_bytes()


def test_a_rebuild_writes_the_search_index_a_clean_build_writes(tmp_path):
    """A page edited and rebuilt gives the same ``searchindex.js`` as a clean build of the edited
    pages: a word that leaves the book leaves the index, and the pages not edited keep their
    entries (a glossary's terms)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "from dushanbe.bookext.assets import drop_stale_search_terms\n"
        "from dushanbe.bookext.writers import every_page\n"
        "def setup(app):\n"
        "    app.connect('html-collect-pages', drop_stale_search_terms)\n"
        "    app.connect('env-get-updated', every_page)\n")
    (src / "index.rst").write_text("Index\n=====\n\n.. toctree::\n\n   page\n   glossary\n")
    (src / "glossary.rst").write_text("Glossary\n========\n\n.. glossary::\n\n   CSTO\n      A bloc.\n")
    (src / "page.rst").write_text("Page\n====\n\nDushanbe hosted the summit; zanzibar.\n")
    _build_html(src, tmp_path / "incremental")
    (src / "page.rst").write_text("Page\n====\n\nDushanbe hosted the summit.\n")   # "zanzibar" is gone
    rebuilt = _build_html(src, tmp_path / "incremental")
    assert b"zanzibar" not in rebuilt and b'"csto":[[0,"term-CSTO",true]]' in rebuilt.replace(b" ", b"")
    assert rebuilt == _build_html(src, tmp_path / "clean")
