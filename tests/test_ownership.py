"""Integrated ownership, the sparse reference computation: chains multiply, parallel paths
add, cycles converge."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbench.graph.ownership import OwnershipError
from trustbench.graph.sparse import (
    check_convergent,
    direct_matrix,
    integrated_all,
    integrated_column,
)


def test_chain_is_product_of_links() -> None:
    w = direct_matrix(3, [(0, 1, 0.6), (1, 2, 0.5)])
    assert integrated_column(w, 2)[0] == pytest.approx(0.3)


def test_parallel_paths_add() -> None:
    # A holds 40 % of C directly and 50 % of B, which holds 20 % of C: 0.4 + 0.5·0.2
    w = direct_matrix(3, [(0, 2, 0.4), (0, 1, 0.5), (1, 2, 0.2)])
    assert integrated_column(w, 2)[0] == pytest.approx(0.5)


def test_cross_holding_cycle_converges_to_closed_form() -> None:
    # A↔B cross-holding: A holds a of B, B holds b of A. A's integrated share of B is
    # a + a·b·a + … = a / (1 − a·b)
    a, b = 0.3, 0.2
    w = direct_matrix(2, [(0, 1, a), (1, 0, b)])
    assert integrated_column(w, 1)[0] == pytest.approx(a / (1 - a * b))
    full = integrated_all(w).toarray()
    assert full[0, 1] == pytest.approx(a / (1 - a * b))


def test_overfull_issuer_is_rejected() -> None:
    with pytest.raises(OwnershipError):
        check_convergent(direct_matrix(2, [(0, 1, 0.7), (1, 1, 0.4)]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=1, max_size=8))
def test_chain_product_property(links: list[float]) -> None:
    n = len(links) + 1
    w = direct_matrix(n, [(i, i + 1, s) for i, s in enumerate(links)])
    assert integrated_column(w, n - 1)[0] == pytest.approx(float(np.prod(links)), abs=1e-12)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=2, max_value=7), st.data())
def test_iterative_column_equals_direct_solve(n: int, data: st.DataObject) -> None:
    links = []
    for j in range(n):
        budget = 0.95
        for i in range(n):
            if i != j and data.draw(st.booleans()):
                share = data.draw(st.floats(min_value=0.0, max_value=budget))
                budget -= share
                links.append((i, j, share))
    w = direct_matrix(n, links)
    full = integrated_all(w).toarray()
    for j in range(n):
        assert np.allclose(integrated_column(w, j), full[:, j], atol=1e-9)
