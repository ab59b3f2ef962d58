"""A directed multigraph of typed edges (:mod:`trustbench.graph.edges`) between entity ids.

Each edge is a frozen dataclass of its kind (:class:`Holds`, :class:`RightEdge`, …), read
by attribute and filtered by type: ``graph.edges(Holds, v=target)`` yields
``(holder, target, Holds)``. Nodes carry a :class:`Node` (kind, name, board). There are no
string-keyed attribute dicts.

The iteration order is that of a networkx ``MultiDiGraph`` built the same way (nodes in
insertion order, then each node's successors in the order their first edge was added), and
:meth:`Graph.copy` rebuilds in that order as networkx does, so that sums and lists come out
the same, byte for byte, as they did when the graph was a networkx one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeVar

from trustbench.graph.edges import Edge

E = TypeVar("E", bound=Edge)


@dataclass
class Node:
    """An entity (kind as the deal file gives it; ``company`` when the file does not list
    it) or a market (kind ``market``)."""

    kind: str = "company"
    name: str | None = None
    board_size: int | None = None
    board_partial: bool = False


class Graph:
    """Typed edges between nodes; parallel edges allowed, lookups by endpoint cost the
    endpoint's degree."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self._succ: dict[str, dict[str, list[Edge]]] = {}
        self._pred: dict[str, dict[str, list[Edge]]] = {}

    def add_node(self, node_id: str, node: Node | None = None) -> None:
        if node_id not in self.nodes:
            self._succ[node_id] = {}
            self._pred[node_id] = {}
        self.nodes[node_id] = node or self.nodes.get(node_id) or Node()

    def __contains__(self, node_id: object) -> bool:
        return node_id in self.nodes

    def node(self, node_id: str) -> Node:
        """The node's attributes (a default company for an id the graph does not have)."""
        return self.nodes.get(node_id) or Node()

    def add(self, u: str, v: str, edge: Edge) -> None:
        for n in (u, v):
            if n not in self.nodes:
                self.add_node(n)
        parallel = self._succ[u].get(v)
        if parallel is None:
            parallel = self._succ[u][v] = []
            self._pred[v][u] = parallel
        parallel.append(edge)

    def remove(self, u: str, v: str, edge: Edge) -> None:
        """Remove this very edge (by identity) between ``u`` and ``v``."""
        parallel = self._succ[u][v]
        parallel.pop(next(k for k, e in enumerate(parallel) if e is edge))
        if not parallel:
            del self._succ[u][v]
            del self._pred[v][u]

    def replace(self, u: str, v: str, old: Edge, new: Edge) -> None:
        """Put ``new`` in the place of ``old`` (same position in the iteration order)."""
        parallel = self._succ[u][v]
        parallel[next(k for k, e in enumerate(parallel) if e is old)] = new

    def edges(
        self, kind: type[E], u: str | None = None, v: str | None = None
    ) -> Iterator[tuple[str, str, E]]:
        """Edges of a type (``Edge``: all), optionally from ``u`` and/or to ``v``."""
        if u is not None and v is not None:
            pairs: Iterator[tuple[str, str, list[Edge]]] = iter(
                [(u, v, self._succ[u][v])] if u in self._succ and v in self._succ[u] else []
            )
        elif u is not None:
            pairs = ((u, b, p) for b, p in self._succ.get(u, {}).items())
        elif v is not None:
            pairs = ((a, v, p) for a, p in self._pred.get(v, {}).items())
        else:
            pairs = ((a, b, p) for a, out in self._succ.items() for b, p in out.items())
        for a, b, parallel in pairs:
            for edge in parallel:
                if isinstance(edge, kind):
                    yield a, b, edge

    def predecessors(self, node_id: str) -> list[str]:
        return list(self._pred.get(node_id, {}))

    def successors(self, node_id: str) -> list[str]:
        return list(self._succ.get(node_id, {}))

    def in_degree(self, node_id: str) -> int:
        return len(self._pred.get(node_id, {}))

    def copy(self) -> Graph:
        """A copy to change (nodes copied; edges are immutable and shared)."""
        out = Graph()
        for node_id, node in self.nodes.items():
            out.add_node(node_id, Node(node.kind, node.name, node.board_size, node.board_partial))
        for a, b, edge in self.edges(Edge):
            out.add(a, b, edge)
        return out
