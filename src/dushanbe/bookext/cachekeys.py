"""Cache keys: re-execute a notebook exactly when the files it reads change.

At ``source-read``, each notebook page gets a hidden last cell holding a SHA-256 fingerprint of
the files it declares in its front matter (``data_dependencies``, default all of ``data/``), of
the package's source, and of the build date (pages say what holds "today"). myst-nb's cache keys
on cell text alone, so this cell makes a changed data file re-execute exactly the notebooks that
read it; ``note_dependency`` makes Sphinx re-read the page. Chapters also end with the
"Reproduce this chapter" box, whose downloads :func:`dushanbe.bookext.config.publish_files`
puts beside the page.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

from ..meta import build_date

__all__ = ["fingerprint", "reproduce_box", "FRONT_MATTER"]

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _dependencies(root: Path, front: dict) -> list[Path]:
    patterns = front.get("data_dependencies") or ["data/**/*"]
    files = set()
    for pattern in patterns:
        files.update(p for p in root.glob(pattern) if p.is_file())
    files.update(p for p in (root / "src" / "dushanbe").rglob("*.py"))
    return sorted(files)


def fingerprint(paths: list[Path], root: Path, day: str = "") -> str:
    """Return a SHA-256 over the files' paths (relative to ``root``) and bytes, and ``day``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); (folder / "a.csv").write_text("x")
    1
    >>> fingerprint([folder / "a.csv"], folder) != fingerprint([folder / "a.csv"], folder, "2026-12-01")
    True
    """
    digest = hashlib.sha256(day.encode())
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def reproduce_box(name: str) -> str:
    """Return the "Reproduce this chapter" box that ends every notebook chapter (MyST markdown):
    the executed notebook, the chapter's step in the package, and the commands."""
    return f"""## Reproduce this chapter

:::{{admonition}} Reproduce this chapter
:class: tip dushanbe-run

- <a class="dushanbe-ipynb" href="{name}.ipynb" download>Download the notebook (.ipynb)</a>, executed
  for this page, with every chart in it; or its text source, <a href="{name}.md">{name}.md</a>.
- The chapter's numbers, sentences and charts come from one step of the book's package,
  `src/dushanbe/chapters/{name}.py`, from the tables in `data/`.
- To run it: clone the book's repository, then `make lab` opens the chapters in JupyterLab with
  the book's kernel; `make book` builds the whole book (see the README, linked below).
:::
"""


def on_source_read(app, docname, source):
    text = source[0]
    match = FRONT_MATTER.match(text)
    if not match or "kernelspec" not in match.group(1):
        return
    front = yaml.safe_load(match.group(1)) or {}
    root = Path(app.srcdir)
    deps = _dependencies(root, front)
    for path in deps:
        app.env.note_dependency(str(path))
    listed = ", ".join(p.relative_to(root).as_posix() for p in deps if "src/" not in p.as_posix())
    if docname.startswith("notebooks/"):
        text = text.rstrip("\n") + "\n\n" + reproduce_box(docname.split("/")[-1])
    source[0] = text.rstrip("\n") + (
        "\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
        f"# Inputs fingerprint (added at build time by dushanbe.bookext): {fingerprint(deps, root, build_date())}\n"
        f"# Data read: {listed}\n```\n")

