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
    assert graph.has_edge("dushanbe.data", "dushanbe.rules")      # the graph sees real imports
    assert list(nx.simple_cycles(graph)) == []


def test_publish_knows_nothing_of_claims_or_plans_and_domain_nothing_of_plotly():
    graph = _import_graph()
    assert not {"dushanbe.claims", "dushanbe.plans"} & set(nx.descendants(graph, "dushanbe.publish"))
    for domain in ("dushanbe.memberships", "dushanbe.network", "dushanbe.borders", "dushanbe.claims"):
        assert not any(n.startswith(("dushanbe.figures", "dushanbe.publish", "dushanbe.bookext"))
                       for n in nx.descendants(graph, domain)), domain
