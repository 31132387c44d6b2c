"""Run the book's notebooks outside the book: MyST text in, executed ``.ipynb`` out.

``make notebooks`` calls :func:`main`, which executes every ``notebooks/*.md`` with the same
kernel and the same ``dushanbe`` package as the book's build, and writes
``_build/notebooks/<name>.ipynb`` with its outputs. It reads the notebooks with jupytext and
executes them with nbclient (both pinned in ``requirements.txt``); a cell that raises stops the
run with the notebook's name, the cell's number and the error.

A chart is an output like any other (a MIME bundle: the plotly figure and the chart's record),
so the executed notebooks open in JupyterLab with every chart drawn, and running them writes
nothing but the notebooks.
"""
from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from .paths import project_root

__all__ = ["NotebookError", "execute_notebook", "main"]


class NotebookError(RuntimeError):
    """A notebook's cell raised; the message names the notebook and the cell."""


def execute_notebook(source: Path, out_dir: Path, *, timeout: int = 600,
                     kernel: str = "python3") -> Path:
    """Execute one MyST-markdown notebook and write it, outputs included, as ``.ipynb``.

    The notebook runs in its own folder, as in the book, so it reads the data of the book it
    belongs to. Returns the path written; raises :class:`NotebookError` if a cell raises.
    """
    source = Path(source).resolve()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    notebook = jupytext.read(source)
    notebook.metadata.pop("data_dependencies", None)
    try:
        client = NotebookClient(notebook, timeout=timeout, kernel_name=kernel,
                                resources={"metadata": {"path": str(source.parent)}})
        client.execute()
    except CellExecutionError as exc:
        code = [c for c in notebook.cells if c.cell_type == "code"]
        failed = next((i for i, c in enumerate(code, 1) if any(
            o.get("output_type") == "error" for o in c.get("outputs", []))), None)
        raise NotebookError(f"{source.name}: code cell {failed} raised: {exc.ename}: {exc.evalue}") from None
    target = out_dir / f"{source.stem}.ipynb"
    nbformat.validate(notebook)
    nbformat.write(notebook, target)
    return target


def main(argv: list[str] | None = None) -> int:
    """Execute the named notebooks (default: every ``notebooks/*.md``) into ``_build/notebooks``."""
    root = project_root()
    names = argv if argv else sorted(p.stem for p in (root / "notebooks").glob("*.md"))
    out_dir = root / "_build" / "notebooks"
    for name in names:
        source = root / "notebooks" / f"{Path(name).stem}.md"
        try:
            written = execute_notebook(source, out_dir)
        except NotebookError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"executed {source.relative_to(root)} -> {written.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
