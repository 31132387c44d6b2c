"""Cache keys: re-execute a notebook exactly when the files it reads change.

At ``source-read``, each notebook page gets a hidden last cell holding a SHA-256 fingerprint of
the files it declares in its front matter (``data_dependencies``, default all of ``data/``) and
of the package's source. The notebook cache keys on cell text, so a changed data file
re-executes exactly the notebooks that read it; ``note_dependency`` makes Sphinx re-read the page.
Notebook chapters also end with the "Run it yourself" box.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import yaml

__all__ = ["fingerprint", "run_it_yourself", "FRONT_MATTER"]

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


def _dependencies(root: Path, front: dict) -> list[Path]:
    patterns = front.get("data_dependencies") or ["data/**/*"]
    files = set()
    for pattern in patterns:
        files.update(p for p in root.glob(pattern) if p.is_file())
    files.update(p for p in (root / "src" / "dushanbe").rglob("*.py"))
    return sorted(files)


def fingerprint(paths: list[Path], root: Path) -> str:
    """Return a SHA-256 over the files' paths (relative to ``root``) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def run_it_yourself(name: str) -> str:
    """Return the "Run it yourself" box that ends every notebook chapter (MyST markdown)."""
    return f"""## Run it yourself

:::{{admonition}} Run it yourself
:class: tip dushanbe-run

<a class="dushanbe-ipynb" href="{name}.ipynb" download>Download this notebook (.ipynb)</a>, as
executed for this page, outputs included, or its text source <a href="{name}.md">{name}.md</a>.
To run it: clone the book's repository, then `make notebooks` (executes every chapter into
`_build/notebooks/`) or `make book` (builds the whole book); or open `notebooks/{name}.md` in
JupyterLab, where jupytext opens it as a notebook (see the README).
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
        text = text.rstrip("\n") + "\n\n" + run_it_yourself(docname.split("/")[-1])
    source[0] = text.rstrip("\n") + (
        "\n\n```{code-cell} ipython3\n:tags: [remove-cell]\n\n"
        f"# Inputs fingerprint (added at build time by dushanbe.bookext): {fingerprint(deps, root)}\n"
        f"# Data read: {listed}\n```\n")
