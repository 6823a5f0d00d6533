"""The shape of the code: imports flow one way (cli → tm → glossary), no import cycles, small
modules. The import graph is built by grimp from the source (every import, those inside
functions too)."""
from __future__ import annotations

from pathlib import Path

import grimp
import pytest
from paths import ROOT

PACKAGES = ("glossary", "tm", "cli")
MAX_LINES = 500


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """The import graph's strongly connected components of more than one module (Tarjan)."""
    edges = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in edges[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in edges:
        if module not in index:
            visit(module)
    return sorted(found)


def test_no_import_cycles(graph):
    assert cycles(graph) == []


def test_the_cycle_finder_finds_cycles():
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=a, imported=b)
    assert cycles(graph) == [["p.a", "p.b", "p.c"]]


@pytest.mark.parametrize("lower, higher", [("glossary", "tm"), ("glossary", "cli"),
                                           ("tm", "cli")])
def test_imports_flow_one_way(graph, lower, higher):
    assert graph.find_shortest_chain(importer=lower, imported=higher, as_packages=True) is None


@pytest.mark.parametrize("module", sorted(
    str(p.relative_to(ROOT)) for package in PACKAGES for p in (ROOT / package).rglob("*.py")))
def test_modules_are_small(module):
    assert len(Path(ROOT / module).read_text(encoding="utf-8").splitlines()) <= MAX_LINES
