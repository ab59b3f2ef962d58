"""Integrated (direct + indirect) ownership, in pure Python for graphs of deal size.

With ``W[i, j]`` the share of ``j`` held directly by ``i``, integrated ownership is

    Ŵ = W + W·W + W·W·W + … = (I − W)⁻¹ · W

(Vitali, Glattfelder & Battiston 2011, SI §3): the product of the links along a chain, summed
over all chains, cross-holdings (cycles) included. A holder's column entry satisfies
``x_i = Σ_j W[i, j] x_j + W[i, target]``, so :class:`Holdings` answers one target at a time:

1. the target's *upstream* set (everyone with a chain of holdings to it), breadth-first;
2. the holders whose interest is *unknown*: those upstream of a holding without a figure
   that itself lies on a chain to the target;
3. the known holders' values, strongly connected component by component, issuers before
   their holders (Tarjan's order): an entity off every loop is one sum over what it holds,
   so chains and stars cost one pass, at any length; the entities of a loop solve a small
   linear system exactly (Gaussian elimination), so a 99.9 % loop costs no more than a
   10 % one. A loop larger than :data:`DENSE_BLOCK` entities is handed to numpy.

The documented rule for loops: a set of entities that holds *all* of itself (100 %
cross-ownership, an entity holding all of its own shares) has no integrated ownership —
it is an error that names the loop (:class:`OwnershipError`, located by the caller in the
deal file). Any loop that leaks to an outside holder, however little, is solved exactly.

numpy and scipy are imported only for graphs above :data:`LARGE_GRAPH` entities or
holdings (:mod:`trustbench.graph.sparse`, the register-scale path) and for large loops.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol, cast

from trustbench.graph.ownership_error import OwnershipError as OwnershipError
from trustbench.graph.ownership_error import closed_loop_error

LARGE_GRAPH = 200_000
"""Graphs with more entities or holdings than this use the sparse (numpy/scipy) path."""
DENSE_BLOCK = 60
"""Loops (strongly connected sets) with more entities than this are solved by numpy."""
FULL = 1 - 1e-9
"""A set whose every member is held at least this much from within the set is closed."""


@dataclass
class Holdings:
    """One measure's direct holdings among ``n`` entities, for integrated-interest queries.

    Build with :meth:`from_arrays`; a share of NaN marks a holding with no figure (unknown).
    """

    n: int
    held: list[dict[int, float]]
    """row ``i``: issuer → the known share ``i`` holds directly (parallel holdings added)"""
    holders_of: list[list[int]]
    """row ``j``: the holders of ``j``, figures or not (the pattern along which we search)"""
    unknown: list[tuple[int, int]]
    """(holder, issuer) of every holding without a figure"""
    dense_block: int = DENSE_BLOCK
    _components: list[list[int]] = field(default_factory=list)
    _component_of: list[int] = field(default_factory=list)

    @classmethod
    def from_arrays(
        cls,
        n: int,
        holder: Sequence[int],
        issuer: Sequence[int],
        share: Sequence[float],
        *,
        dense_block: int = DENSE_BLOCK,
    ) -> Holdings:
        held: list[dict[int, float]] = [{} for _ in range(n)]
        pattern: list[set[int]] = [set() for _ in range(n)]
        unknown = []
        total = [0.0] * n
        for h, i, s in zip(holder, issuer, share, strict=True):
            h, i, s = int(h), int(i), float(s)
            pattern[i].add(h)
            if math.isnan(s):
                unknown.append((h, i))
                continue
            held[h][i] = held[h].get(i, 0.0) + s
            total[i] += s
        over = [i for i in range(n) if total[i] > 1 + 1e-9]
        if over:
            raise OwnershipError(
                f"entity #{over[0]} is held {total[over[0]]:.1%} in total", entities=over[:1]
            )
        self = cls(n, held, [sorted(p) for p in pattern], unknown, dense_block)
        self._components, self._component_of = strong_components(n, held)
        self._check_closed()
        return self

    @property
    def size(self) -> int:
        return self.n

    def upstream(self, target: int) -> list[int]:
        """The entities with a chain of holdings to ``target``, target first, breadth-first."""
        return reach(self.holders_of, [target], self.n)

    def column(self, target: int) -> Sequence[float]:
        """Everyone's integrated share of ``target``; NaN where a holding without a figure
        lies on a chain from that holder to the target."""
        nodes = self.upstream(target)
        out = [0.0] * self.n
        on_chain = [False] * self.n
        for node in nodes:
            on_chain[node] = True
        seeds = [h for h, i in self.unknown if on_chain[i]]
        if seeds:
            for node in reach(self.holders_of, seeds, self.n):
                out[node] = math.nan
                on_chain[node] = False
            if not on_chain[target]:  # then every holder upstream is unknown too
                return out
        self._solve(target, [i for i in nodes if on_chain[i]], out)
        return out

    def _solve(self, target: int, wanted: list[int], out: list[float]) -> None:
        """Fill ``out`` for the ``wanted`` entities, a component at a time, issuers first
        (the components are in Tarjan's order: what a component holds comes before it)."""
        for number in sorted({self._component_of[i] for i in wanted}):
            members = self._components[number]
            if len(members) == 1 and members[0] not in self.held[members[0]]:
                i = members[0]
                out[i] = self.held[i].get(target, 0.0) + sum(
                    s * out[j] for j, s in self.held[i].items()
                )
                continue
            inside = set(members)
            rhs = [
                self.held[i].get(target, 0.0)
                + sum(s * out[j] for j, s in self.held[i].items() if j not in inside)
                for i in members
            ]
            for i, value in zip(members, self._solve_loop(members, rhs), strict=True):
                out[i] = value

    def _solve_loop(self, members: list[int], rhs: list[float]) -> list[float]:
        """``(I − W_SS) x = rhs`` for the members of one loop."""
        position = {m: k for k, m in enumerate(members)}
        matrix = [[0.0] * len(members) for _ in members]
        for k, i in enumerate(members):
            matrix[k][k] = 1.0
            for j, s in self.held[i].items():
                if j in position:
                    matrix[k][position[j]] -= s
        if len(members) > self.dense_block:
            import numpy as np  # only a large loop needs it

            return [float(v) for v in np.linalg.solve(np.array(matrix), np.array(rhs))]
        return gauss(matrix, rhs)

    def _check_closed(self) -> None:
        for members in self._components:
            inside = set(members)
            if len(members) == 1 and members[0] not in self.held[members[0]]:
                continue
            within = dict.fromkeys(members, 0.0)
            for i in members:
                for j, s in self.held[i].items():
                    if j in inside:
                        within[j] += s
            if all(v >= FULL for v in within.values()):
                raise closed_loop_error(members)


def gauss(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """Solve ``matrix · x = rhs`` by Gaussian elimination with partial pivoting (the matrix
    is ``I − W`` of an open loop: non-singular, diagonally dominant by columns)."""
    size = len(rhs)
    rows = [[*row, b] for row, b in zip(matrix, rhs, strict=True)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        head = rows[col]
        for r in range(col + 1, size):
            factor = rows[r][col] / head[col]
            if factor:
                row = rows[r]
                for c in range(col, size + 1):
                    row[c] -= factor * head[c]
    x = [0.0] * size
    for r in range(size - 1, -1, -1):
        row = rows[r]
        x[r] = (row[size] - sum(row[c] * x[c] for c in range(r + 1, size))) / row[r]
    return x


def reach(adjacency: list[list[int]], seeds: Sequence[int], n: int) -> list[int]:
    """The nodes reachable from ``seeds`` along ``adjacency``, seeds first, breadth-first."""
    seen = [False] * n
    order = []
    for s in seeds:
        if not seen[s]:
            seen[s] = True
            order.append(s)
    k = 0
    while k < len(order):
        for nxt in adjacency[order[k]]:
            if not seen[nxt]:
                seen[nxt] = True
                order.append(nxt)
        k += 1
    return order


def strong_components(n: int, held: list[dict[int, float]]) -> tuple[list[list[int]], list[int]]:
    """Tarjan's strongly connected components of the positive holdings (holder → issuer),
    iteratively (a 10,000-long chain must not hit the recursion limit). Components come out
    issuers first: everything a component holds is in an earlier one."""
    index, low, on_stack = [-1] * n, [0] * n, [False] * n
    stack: list[int] = []
    components: list[list[int]] = []
    component_of = [-1] * n
    counter = 0
    for root in range(n):
        if index[root] != -1:
            continue
        work = [(root, iter([j for j, s in held[root].items() if s > 0]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if index[child] == -1:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = True
                    work.append((child, iter([j for j, s in held[child].items() if s > 0])))
                    advanced = True
                    break
                if on_stack[child]:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    m = stack.pop()
                    on_stack[m] = False
                    component_of[m] = len(components)
                    members.append(m)
                    if m == node:
                        break
                components.append(sorted(members))
    return components, component_of


class Ownership(Protocol):
    """What both paths answer (:class:`Holdings`, and the sparse one for large graphs)."""

    @property
    def size(self) -> int: ...

    def upstream(self, target: int) -> Sequence[int]: ...

    def column(self, target: int) -> Sequence[float]: ...


def holdings_for(
    n: int, holder: Sequence[int], issuer: Sequence[int], share: Sequence[float]
) -> Ownership:
    """The pure-Python :class:`Holdings` for graphs of deal size; the sparse numpy path
    (same queries, same numbers) above :data:`LARGE_GRAPH` entities or holdings."""
    if n > LARGE_GRAPH or len(holder) > LARGE_GRAPH:
        from trustbench.graph.sparse import SparseHoldings

        # numpy arrays index and iterate as the sequences the protocol names
        return cast(Ownership, SparseHoldings.from_arrays(n, holder, issuer, share))
    return Holdings.from_arrays(n, holder, issuer, share)
