"""Integrated (direct + indirect) ownership with sparse linear algebra: the path for
register-scale graphs (see :func:`trustbench.graph.ownership.holdings_for`, which picks it),
and the reference computations the tests compare the pure-Python path with.

With ``W[i, j]`` the share of ``j`` held directly by ``i``, integrated ownership is

    Ŵ = W + W·W + W·W·W + … = (I − W)⁻¹ · W

(Vitali, Glattfelder & Battiston 2011, SI §3): the product of the links along a chain, summed
over all chains, cross-holdings (cycles) included. The series converges whenever no set of
firms owns 100 % of itself, which real holdings satisfy (column sums below 1 outside the
holders of record). We never enumerate paths.

:class:`SparseHoldings` answers the same queries as
:class:`trustbench.graph.ownership.Holdings`. It is built once per phase and measure
from plain arrays, and answers one target at a time:

1. the target's *upstream* set (everyone with a chain of holdings to it) by a breadth-first
   search over the holdings pattern — only these can hold any of the target;
2. the fixed point ``x = W x + b`` restricted to that set (sparse matrix-vector products,
   geometric convergence; an acyclic chain of length L converges exactly in L steps);
3. the holders whose interest is *unknown*: those upstream of a holding without a figure that
   itself lies on a chain to the target (a second breadth-first search).

A generic sparse LU is never used on the whole matrix: on cyclic ownership data its fill-in
explodes (reference/software-anchors.md §8). ``benchmarks/ownership.py`` measures this
against the plain full-matrix iteration at 1,000,000 entities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from trustbench.graph.ownership_error import OwnershipError, closed_loop_error

TOLERANCE = 1e-12
"""Stop iterating when no share moves by more than this (shares are in [0, 1])."""
MAX_ITERATIONS = 10_000


def direct_matrix(n: int, links: Sequence[tuple[int, int, float]]) -> sp.csc_array:
    """Sparse ``W`` (CSC) from (holder, issuer, share) links; parallel links add up."""
    if not links:
        return sp.csc_array((n, n), dtype=float)
    rows, cols, vals = (np.asarray(a) for a in zip(*links, strict=True))
    return _weights(n, rows, cols, vals.astype(float))


def _weights(n: int, holder: np.ndarray, issuer: np.ndarray, share: np.ndarray) -> sp.csc_array:
    matrix = sp.csc_array((share, (holder, issuer)), shape=(n, n), dtype=float)
    matrix.sum_duplicates()
    return matrix


def check_convergent(matrix: sp.csc_array) -> None:
    """Every column (who holds issuer j) must sum to at most 1, and no set of entities may
    hold all of itself (a closed loop: the series would not converge)."""
    sums = np.asarray(matrix.sum(axis=0)).ravel()
    bad = np.flatnonzero(sums > 1 + 1e-9)
    if bad.size:
        raise OwnershipError(
            f"entity #{int(bad[0])} is held {sums[bad[0]]:.1%} in total", entities=(int(bad[0]),)
        )
    _check_closed_loops(matrix)


def _check_closed_loops(matrix: sp.csc_array) -> None:
    """A strongly connected set of entities whose every column sums to 1 within the set (or
    an entity holding all of itself) owns all of itself: the integrated shares are infinite."""
    import scipy.sparse.csgraph as cg

    n = matrix.shape[0]
    matrix = matrix.copy()
    matrix.eliminate_zeros()  # a zero holding links nothing (see ownership.closed_loops)
    count, label = cg.connected_components(matrix, directed=True, connection="strong")
    coo = matrix.tocoo()
    inside = label[coo.row] == label[coo.col]
    within = np.bincount(coo.col[inside], weights=coo.data[inside], minlength=n)
    self_held = np.zeros(n, dtype=bool)
    self_held[coo.row[coo.row == coo.col]] = True
    on_loop = (np.bincount(label, minlength=count)[label] > 1) | self_held
    whole = on_loop & (within >= 1 - 1e-9)
    closed = np.flatnonzero(np.bincount(label, weights=~whole, minlength=count) == 0)
    if closed.size:
        members = np.flatnonzero(label == closed[0])
        raise closed_loop_error([int(m) for m in members])


def fixed_point(matrix: sp.sparray, b: np.ndarray, *, tol: float = TOLERANCE) -> np.ndarray:
    """Solve ``x = W x + b`` by iteration from ``x = b``."""
    x = b
    for _ in range(MAX_ITERATIONS):
        nxt = matrix @ x
        nxt += b
        if np.max(np.abs(nxt - x), initial=0.0) <= tol:
            return np.asarray(nxt)
        x = nxt
    raise OwnershipError(
        f"integrated ownership did not converge in {MAX_ITERATIONS:,} steps",
        hint="an ownership loop of nearly 100 %: check the shares of the cross-holdings",
    )


def integrated_column(matrix: sp.csc_array, target: int, *, tol: float = TOLERANCE) -> np.ndarray:
    """Column ``target`` of (I − W)⁻¹ W over the whole matrix: the plain reference
    computation (:meth:`Holdings.column` gives the same numbers, faster)."""
    b = matrix[:, [target]].toarray().ravel()
    return fixed_point(matrix, b, tol=tol)


def integrated_all(matrix: sp.csc_array) -> sp.csc_array:
    """The whole matrix (I − W)⁻¹ W, for small graphs (deal files)."""
    n = matrix.shape[0]
    if n == 0:
        return sp.csc_array((0, 0), dtype=float)
    eye = sp.identity(n, format="csc", dtype=float)
    import scipy.sparse.linalg as spla  # only the full-matrix solve needs it (slow import)

    solved = spla.spsolve(sp.csc_matrix(eye - matrix), sp.csc_matrix(matrix))
    result = sp.csc_array(solved)
    result.eliminate_zeros()
    return result


def reach(adjacency: sp.csr_array, seeds: np.ndarray) -> np.ndarray:
    """The nodes reachable from ``seeds`` along the rows of a CSR pattern, seeds first, in
    breadth-first order: a level-synchronous search in numpy, linear in the edges it visits.
    (Breadth-first order also keeps the entities of a chain close together in memory.)"""
    indptr, indices = adjacency.indptr, adjacency.indices
    seen = np.zeros(adjacency.shape[0], dtype=bool)
    frontier = np.unique(np.asarray(seeds, dtype=np.int64))
    seen[frontier] = True
    levels = [frontier]
    while frontier.size:
        starts, counts = indptr[frontier], indptr[frontier + 1] - indptr[frontier]
        total = int(counts.sum())
        if not total:
            break
        offsets = np.repeat(starts - (np.cumsum(counts) - counts), counts)
        found = indices[offsets + np.arange(total)]
        frontier = np.unique(found[~seen[found]])
        seen[frontier] = True
        levels.append(frontier)
    return np.concatenate(levels)


@dataclass(frozen=True)
class SparseHoldings:
    """One measure's direct holdings among ``n`` entities, for integrated-interest queries.

    Build with :meth:`from_arrays`; a share of NaN marks a holding with no figure (unknown).
    """

    weights: sp.csc_array
    """known shares: row = holder, column = issuer (parallel holdings added)"""
    holders_of: sp.csr_array
    """pattern of all holdings, figures or not: row = issuer, columns = its holders"""
    unknown_holder: np.ndarray
    unknown_issuer: np.ndarray

    @classmethod
    def from_arrays(
        cls,
        n: int,
        holder: Sequence[int] | np.ndarray,
        issuer: Sequence[int] | np.ndarray,
        share: Sequence[float] | np.ndarray,
    ) -> SparseHoldings:
        holder, issuer = np.asarray(holder, np.int64), np.asarray(issuer, np.int64)
        share = np.asarray(share, dtype=float)
        known = ~np.isnan(share)
        weights = _weights(n, holder[known], issuer[known], share[known])
        check_convergent(weights)
        pattern = sp.csr_array((np.ones(holder.size, dtype=bool), (issuer, holder)), shape=(n, n))
        return cls(weights, pattern, holder[~known], issuer[~known])

    @property
    def size(self) -> int:
        return int(self.weights.shape[0])

    def upstream(self, target: int) -> np.ndarray:
        """The entities with a chain of holdings to ``target``, target first."""
        return reach(self.holders_of, np.array([target]))

    def column(self, target: int) -> np.ndarray:
        """Everyone's integrated share of ``target``; NaN where a holding without a figure
        lies on a chain from that holder to the target."""
        nodes = self.upstream(target)
        out = np.zeros(self.size)
        unknown = self._unknown(nodes)
        if unknown is not None:
            out[unknown] = np.nan
            if unknown[target]:  # then every holder upstream is unknown too
                return out
            nodes = nodes[~unknown[nodes]]
        out[nodes] = self._solve_within(nodes)
        return out

    def _unknown(self, nodes: np.ndarray) -> np.ndarray | None:
        """Mask of the holders with a holding without a figure on one of their chains to
        the target: those upstream of such a holding whose issuer is upstream of the target
        (``nodes``). None when there is none."""
        if not self.unknown_holder.size:
            return None
        upstream = np.zeros(self.size, dtype=bool)
        upstream[nodes] = True
        on_chain = upstream[self.unknown_issuer]
        if not on_chain.any():
            return None
        mask = np.zeros(self.size, dtype=bool)
        mask[reach(self.holders_of, self.unknown_holder[on_chain])] = True
        return mask

    def _solve_within(self, nodes: np.ndarray) -> np.ndarray:
        """The fixed point restricted to ``nodes`` (target first). A holder's share of the
        target depends only on the entities it holds; those of an upstream holder without
        an unknown holding on its chains are upstream without one too, so the rows of
        ``nodes`` need no other entity's value."""
        k = nodes.size
        position = np.full(self.size, -1, dtype=np.int32)
        position[nodes] = np.arange(k, dtype=np.int32)
        cols = self.weights[:, nodes]
        rows = position[cols.indices]
        if (rows >= 0).all():
            sub = sp.csc_array((cols.data, rows, cols.indptr), shape=(k, k))
        else:  # drop the rows of holders with an unknown holding on a chain
            keep = rows >= 0
            col = np.repeat(np.arange(k, dtype=np.int32), np.diff(cols.indptr))
            sub = sp.csc_array((cols.data[keep], (rows[keep], col[keep])), shape=(k, k))
        b = sub[:, [0]].toarray().ravel()
        return fixed_point(sub.tocsr(), b)
