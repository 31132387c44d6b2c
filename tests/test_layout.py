"""The package's layout: data flows one way, so no module imports one that imports it back —
late imports inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"


def _import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in (SRC / "dushanbe").rglob("*.py"):
        module = ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        graph.add_node(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                if node.module:
                    graph.add_edge(module, ".".join(base + [node.module]))
                else:
                    graph.add_edges_from((module, ".".join(base + [a.name])) for a in node.names)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("dushanbe"):
                graph.add_edge(module, node.module)
            elif isinstance(node, ast.Import):
                graph.add_edges_from((module, a.name) for a in node.names if a.name.startswith("dushanbe"))
    return graph


def test_no_import_circle():
    graph = _import_graph()
    assert graph.has_edge("dushanbe.data", "dushanbe.checks")     # the graph sees real imports
    assert graph.has_edge("dushanbe.chapters.events", "dushanbe.charts")
    assert list(nx.simple_cycles(graph)) == []


def _reaches(graph, module, prefixes) -> set[str]:
    return {n for n in nx.descendants(graph, module) if n.startswith(prefixes)}


def test_each_layer_knows_only_the_layers_below_it():
    """Domain logic knows nothing of charts or the book; figure builders nothing of the book or
    the chapters; the chapters nothing of Sphinx; the Sphinx extension nothing of the chapters."""
    graph = _import_graph()
    domain = ("dushanbe.memberships", "dushanbe.network", "dushanbe.borders", "dushanbe.claims", "dushanbe.plans",
              "dushanbe.events", "dushanbe.blocs", "dushanbe.data", "dushanbe.dates")
    for module in domain:
        assert not _reaches(graph, module, ("dushanbe.figures", "dushanbe.charts", "dushanbe.bookext",
                                            "dushanbe.chapters")), module
    for module in [n for n in graph if n.startswith("dushanbe.figures")] + ["dushanbe.charts", "dushanbe.cite"]:
        assert not _reaches(graph, module, ("dushanbe.bookext", "dushanbe.chapters", "dushanbe.claims",
                                            "dushanbe.plans")), module
    for module in [n for n in graph if n.startswith("dushanbe.chapters")]:
        assert not _reaches(graph, module, ("dushanbe.bookext",)), module
    for module in [n for n in graph if n.startswith("dushanbe.bookext")]:
        assert not _reaches(graph, module, ("dushanbe.chapters",)), module


def test_every_chapter_notebook_has_its_step_and_holds_no_logic():
    """A chapter's notebook calls its step in the package; its code cells only load, glue and
    display (no function or class is defined in a notebook)."""
    import re

    root = SRC.parent
    for notebook in sorted((root / "notebooks").glob("*.md")):
        step = SRC / "dushanbe" / "chapters" / f"{ {'data': 'datapage'}.get(notebook.stem, notebook.stem)}.py"
        assert step.is_file(), f"{notebook.name} has no step in src/dushanbe/chapters/"
        cells = re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", notebook.read_text(encoding="utf-8"), re.S)
        code = "\n".join(cells)
        assert not re.search(r"^\s*(def|class|for|while|if) ", code, re.M), notebook.name
        assert len([line for line in code.splitlines() if line.strip() and not line.startswith(":")]) <= 20, notebook.name
