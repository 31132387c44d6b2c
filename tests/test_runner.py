"""`make notebooks`: the function behind it executes a notebook outside the book, or fails
naming the cell."""
from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from dushanbe.runner import NotebookError, execute_notebook

ROOT = Path(__file__).resolve().parents[1]

HEADER = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# A notebook
"""


def test_a_chapter_runs_outside_the_book_and_its_charts_are_plotly_figures(tmp_path):
    """What a researcher gets from `make notebooks` (or from running the chapter in JupyterLab):
    every cell executed, each chart a plotly figure with its record beside it, no placeholder."""
    from dushanbe.charts import CHART_MIME, PLOTLY_MIME

    written = execute_notebook(ROOT / "notebooks" / "claims.md", tmp_path)
    notebook = nbformat.read(written, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    bundles = [o["data"] for c in code for o in c.outputs if "data" in o]
    charts = [b for b in bundles if PLOTLY_MIME in b]
    assert charts and all(CHART_MIME in b and b[PLOTLY_MIME]["data"] for b in charts)
    assert charts[0][CHART_MIME]["id"] == "fig-claims-verdicts"
    assert "%%" not in nbformat.writes(notebook)


def test_a_failing_cell_names_the_notebook_and_cell(tmp_path):
    source = tmp_path / "broken.md"
    source.write_text(HEADER + "\n```{code-cell} ipython3\nx = 1\n```\n\n```{code-cell} ipython3\n"
                      "raise ValueError('boom')\n```\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    with pytest.raises(NotebookError, match=r"broken.md: code cell 2 raised: ValueError: boom"):
        execute_notebook(source, tmp_path / "out")
