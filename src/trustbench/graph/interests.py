"""Ownership and control queries over one phase of the transaction graph.

``interest(holder, issuer, measure)`` is the integrated (direct + indirect) share; it is
``None`` (unknown) when a holding that lies on some chain from holder to issuer has no
figure for that measure. Results are cached per phase and measure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
import numpy as np

from trustbench.graph.build import Phase
from trustbench.graph.ownership import check_convergent, direct_matrix, integrated_column

CORPORATE = {"company"}
"""Entity kinds whose control HSR tests by votes / board designation (16 CFR 801.1(b)(1));
the others (funds, partnerships) are tested by rights to profits or assets (801.1(b)(1)(ii))."""


@dataclass
class Interests:
    phase: Phase
    _index: dict[str, int] = field(default_factory=dict)
    _columns: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)
    _holdings: nx.DiGraph | None = None

    def __post_init__(self) -> None:
        nodes = [n for n, d in self.phase.graph.nodes(data=True) if d.get("kind") != "market"]
        self._index = {n: i for i, n in enumerate(sorted(nodes))}

    @property
    def holdings(self) -> nx.DiGraph:
        if self._holdings is None:
            g = nx.DiGraph()
            g.add_nodes_from(self._index)
            for u, v, _ in self.phase.edges("holds"):
                g.add_edge(u, v)
            self._holdings = g
        return self._holdings

    def direct(self, holder: str, issuer: str, measure: str) -> float | None:
        total = 0.0
        for _, _, data in self.phase.edges("holds", holder, issuer):
            if data.get(measure) is None:
                return None
            total += data[measure]
        return total

    def _column(self, issuer: str, measure: str) -> np.ndarray:
        key = (issuer, measure)
        if key not in self._columns:
            links = [
                (self._index[u], self._index[v], float(d[measure]))
                for u, v, d in self.phase.edges("holds")
                if d.get(measure) is not None
            ]
            matrix = direct_matrix(len(self._index), links)
            check_convergent(matrix)
            self._columns[key] = integrated_column(matrix, self._index[issuer])
        return self._columns[key]

    def interest(self, holder: str, issuer: str, measure: str) -> float | None:
        """Integrated share of ``issuer`` held by ``holder`` (``equity`` or ``voting``)."""
        if holder not in self._index or issuer not in self._index:
            return None
        if self._has_unknown_link(holder, issuer, measure):
            return None
        return float(self._column(issuer, measure)[self._index[holder]])

    def _has_unknown_link(self, holder: str, issuer: str, measure: str) -> bool:
        g = self.holdings
        between = (nx.descendants(g, holder) | {holder}) & (nx.ancestors(g, issuer) | {issuer})
        return any(
            d.get(measure) is None
            for u, v, d in self.phase.edges("holds")
            if u in between and v in between
        )

    def controls(self, holder: str, issuer: str, kind_of_issuer: str) -> bool | None:
        """HSR control (16 CFR 801.1(b)): ≥ 50 % of voting securities, or the contractual
        power to designate ≥ 50 % of directors; for non-corporate entities ≥ 50 % of profits
        (equity here). Direct holdings only; chains are followed by :meth:`parent_chain`."""
        measure = "voting" if kind_of_issuer in CORPORATE else "equity"
        share = self.direct(holder, issuer, measure)
        designation = self.designation_share(holder, issuer)
        if (share is not None and share >= 0.5) or (designation or 0) >= 0.5:
            return True
        if share is None:
            return None
        return False

    def designation_share(self, holder: str, issuer: str) -> float | None:
        size = self.phase.graph.nodes[issuer].get("board_size") if issuer in self._index else None
        seats = sum(
            d.get("seats") or 0
            for _, _, d in self.phase.edges("right", holder, issuer)
            if d["kind"] == "board_appointment"
        )
        if not seats:
            return 0.0
        return seats / size if size else None

    def ultimate_parent(self, entity: str) -> str:
        """Follow controlling holders upward; the top is the ultimate parent entity."""
        seen = {entity}
        current = entity
        while True:
            kind = self.phase.graph.nodes[current].get("kind", "company")
            parents = [
                u for u in sorted(self.holdings.predecessors(current))
                if self.controls(u, current, kind)
            ]
            if not parents or parents[0] in seen:
                return current
            current = parents[0]
            seen.add(current)

    def group(self, entity: str) -> set[str]:
        """The ultimate parent and everything it controls, directly or through controlled
        entities (the whole group counted once)."""
        top = self.ultimate_parent(entity)
        members = {top}
        frontier = [top]
        while frontier:
            node = frontier.pop()
            for child in sorted(self.holdings.successors(node)):
                kind = self.phase.graph.nodes[child].get("kind", "company")
                if child not in members and self.controls(node, child, kind):
                    members.add(child)
                    frontier.append(child)
        return members
