"""Integrated (direct + indirect) ownership with sparse linear algebra.

With ``W[i, j]`` the share of ``j`` held directly by ``i``, integrated ownership is

    Ŵ = W + W·W + W·W·W + … = (I − W)⁻¹ · W

(Vitali, Glattfelder & Battiston 2011, SI §3): the product of the links along a chain, summed
over all chains, cross-holdings (cycles) included. The series converges whenever no set of
firms owns 100 % of itself, which real holdings satisfy (column sums below 1 outside the
holders of record). We never enumerate paths: one sparse solve per target column.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


class OwnershipError(ValueError):
    """The holdings do not define a convergent ownership structure."""


def direct_matrix(n: int, links: Sequence[tuple[int, int, float]]) -> sp.csc_array:
    """Sparse ``W`` (CSC) from (holder, issuer, share) links; parallel links add up."""
    if not links:
        return sp.csc_array((n, n), dtype=float)
    rows, cols, vals = zip(*links, strict=True)
    matrix = sp.coo_array(
        (np.asarray(vals, dtype=float), (np.asarray(rows), np.asarray(cols))), shape=(n, n)
    ).tocsc()
    matrix.sum_duplicates()
    return matrix


def check_convergent(matrix: sp.csc_array) -> None:
    """Every column (who holds issuer j) must sum to at most 1."""
    sums = np.asarray(matrix.sum(axis=0)).ravel()
    bad = np.flatnonzero(sums > 1 + 1e-9)
    if bad.size:
        raise OwnershipError(f"issuer #{int(bad[0])} is held {sums[bad[0]]:.1%} in total")


def integrated_column(matrix: sp.csc_array, target: int, *, tol: float = 1e-12) -> np.ndarray:
    """Column ``target`` of (I − W)⁻¹ W: everyone's integrated share of ``target``.

    Solves ``(I − W) x = W[:, target]`` by fixed-point iteration ``x ← W x + b``, which needs
    only sparse matrix-vector products and converges geometrically (the spectral radius of
    W is below one); an acyclic chain of length L converges exactly in L steps.
    """
    b = matrix[:, [target]].toarray().ravel()
    x = b.copy()
    for _ in range(10_000):
        nxt = matrix @ x + b
        if np.max(np.abs(nxt - x), initial=0.0) <= tol:
            return np.asarray(nxt)
        x = nxt
    raise OwnershipError("integrated ownership did not converge (a closed ownership loop?)")


def integrated_all(matrix: sp.csc_array) -> sp.csc_array:
    """The whole matrix (I − W)⁻¹ W, for small graphs (deal files)."""
    n = matrix.shape[0]
    if n == 0:
        return sp.csc_array((0, 0), dtype=float)
    eye = sp.identity(n, format="csc", dtype=float)
    solved = spla.spsolve(sp.csc_matrix(eye - matrix), sp.csc_matrix(matrix))
    result = sp.csc_array(solved)
    result.eliminate_zeros()
    return result
