"""The book as one work to cite: the ``{book-citation}`` block (the front page's "Cite this
book", with the PDF edition) and the book's citation files beside the pages,
``dushanbe-book.bib``, ``.ris`` and ``.csl.json``.

The citation is :func:`dushanbe.cite.citation`'s, as for each chart, so the block, the files and
``CITATION.cff``'s fields say the same thing.
"""
from __future__ import annotations

import html
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from ..cite import citation
from ..pdf import PDF_NAME
from .config import write_if_changed

__all__ = ["BOOK_FILES", "book_citation", "BookCitationDirective", "book_cite", "visit_book_cite",
           "write_book_files"]

#: The book's citation files, in the site's root folder: (file name, link label) by format.
BOOK_FILES = {"bibtex": ("dushanbe-book.bib", "BibTeX"), "ris": ("dushanbe-book.ris", "RIS"),
              "csl": ("dushanbe-book.csl.json", "CSL-JSON")}


class book_cite(nodes.General, nodes.Element):
    """Where the book's citation block goes."""


class BookCitationDirective(SphinxDirective):
    """``{book-citation}``: the book's cite text, its citation files and its PDF edition."""

    def run(self):
        """Leave a placeholder the HTML writer fills."""
        return [book_cite("")]


def book_citation(app) -> dict:
    """The book's citation in every format, at the address of its front page."""
    book = app.config.dushanbe_book
    front = app.builder.get_target_uri(app.config.root_doc)
    url = f"{book['baseurl']}/{front}" if book["baseurl"] else front
    return citation(key="dushanbe", kind="book", title=book["title"], author=book["author"], book=book["title"],
                    version=book["version"], data_version=book["data_version"], url=url, built=book["built"])


def visit_book_cite(self, node) -> None:
    """Write "Cite this book": the full cite text, BibTeX to copy, the citation files, the PDF."""
    app = self.builder.app
    cite = book_citation(app)
    here = self.builder.get_target_uri(self.builder.current_docname)
    esc = html.escape
    url, built = esc(cite["csl"]["URL"]), esc(app.config.dushanbe_book["built"])
    files = " · ".join(f'<a href="{esc(relative_uri(here, name))}" download>{label}</a>'
                       for name, label in BOOK_FILES.values())
    pdf = esc(relative_uri(here, PDF_NAME))
    self.body.append(f"""<div class="dushanbe-cite dushanbe-book-cite">
<p><strong>Cite this book:</strong> <span class="dushanbe-cite-full" data-permalink="{url}" data-built="{built}">{esc(cite['full'])}</span></p>
<pre class="dushanbe-bibtex dushanbe-copy" data-permalink="{url}" data-built="{built}">{esc(cite['bibtex'])}</pre>
<p class="dushanbe-downloads">Citation: {files}. The whole book, every chapter and figure: <a href="{pdf}" download>PDF edition</a>.</p>
</div>
""")
    raise nodes.SkipNode


def write_book_files(app, exception) -> None:
    """Write the book's citation files into the site's root folder (unchanged files stay)."""
    if exception is not None or app.builder.name != "html":
        return
    cite = book_citation(app)
    texts = {"bibtex": cite["bibtex"] + "\n", "ris": cite["ris"], "csl": cite["csl_text"] + "\n"}
    for kind, (name, _) in BOOK_FILES.items():
        write_if_changed(Path(app.outdir) / name, texts[kind])
