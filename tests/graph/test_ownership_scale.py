"""The two integrated-ownership paths — pure Python (``Holdings``, deal size) and sparse
numpy (``SparseHoldings``, register size) — against the plain solve and each other, and the
algebra's invariants: chains multiply, parallel paths add, cycles close as a / (1 − ab)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbench.graph.ownership import Holdings
from trustbench.graph.sparse import (
    SparseHoldings,
    direct_matrix,
    integrated_all,
    integrated_column,
    reach,
)


def arrays(links: list[tuple[int, int, float | None]]) -> tuple[list[int], list[int], list[float]]:
    return (
        [u for u, _, _ in links],
        [v for _, v, _ in links],
        [np.nan if x is None else x for _, _, x in links],
    )


def holdings(n: int, links: list[tuple[int, int, float | None]]) -> Holdings:
    return Holdings.from_arrays(n, *arrays(links))


def sparse(n: int, links: list[tuple[int, int, float | None]]) -> SparseHoldings:
    h, i, s = arrays(links)
    return SparseHoldings.from_arrays(
        n, np.array(h, dtype=np.int64), np.array(i, dtype=np.int64), np.array(s)
    )


@st.composite
def graphs(draw: st.DrawFn, unknown: bool = False) -> tuple[int, list]:
    """Random holdings among up to 8 entities, every issuer held at most 95 % in total."""
    n = draw(st.integers(2, 8))
    links: list[tuple[int, int, float | None]] = []
    for j in range(n):
        budget = 0.95
        for i in range(n):
            if draw(st.booleans()):
                share = draw(st.floats(0.0, budget))
                budget -= share
                missing = unknown and draw(st.integers(0, 5)) == 0
                links.append((i, j, None if missing else share))
    return n, links


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=1, max_size=10))
def test_chain_is_the_product_of_its_links(links: list[float]) -> None:
    n = len(links) + 1
    h = holdings(n, [(k, k + 1, s) for k, s in enumerate(links)])
    assert h.column(n - 1)[0] == pytest.approx(float(np.prod(links)), abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 0.5), st.floats(0, 1), st.floats(0, 0.45))
def test_parallel_paths_add(direct: float, via: float, onward: float) -> None:
    # 0 holds 2 directly and through 1
    h = holdings(3, [(0, 2, direct), (0, 1, via), (1, 2, onward)])
    assert h.column(2)[0] == pytest.approx(direct + via * onward, abs=1e-12)


@settings(max_examples=80, deadline=None)
@given(st.floats(0, 0.95), st.floats(0, 0.95))
def test_cross_holding_cycle_closes_as_a_over_one_minus_ab(a: float, b: float) -> None:
    h = holdings(2, [(0, 1, a), (1, 0, b)])
    assert h.column(1)[0] == pytest.approx(a / (1 - a * b), abs=1e-10)
    assert h.column(1)[1] == pytest.approx(a * b / (1 - a * b), abs=1e-10)  # via 0, back


@settings(max_examples=100, deadline=None)
@given(graphs())
def test_restricted_solve_equals_the_plain_one(graph: tuple[int, list]) -> None:
    n, links = graph
    h = holdings(n, links)
    full = integrated_all(direct_matrix(n, links)).toarray()
    big = sparse(n, links)
    for j in range(n):
        assert np.allclose(h.column(j), full[:, j], atol=1e-9)
        assert np.allclose(big.column(j), integrated_column(big.weights, j), atol=1e-9)
        assert np.allclose(h.column(j), big.column(j), atol=1e-9)


@settings(max_examples=100, deadline=None)
@given(graphs(unknown=True))
def test_pure_python_and_sparse_paths_agree_unknowns_included(graph: tuple[int, list]) -> None:
    """The pure-Python path (deal size) and the numpy path (register size) give the same
    numbers, NaN (unknown) in the same places; numpy for every loop (dense_block=0) too."""
    n, links = graph
    small, big = holdings(n, links), sparse(n, links)
    via_numpy = Holdings.from_arrays(n, *arrays(links), dense_block=0)
    for j in range(n):
        a, b, c = np.array(small.column(j)), big.column(j), np.array(via_numpy.column(j))
        assert np.array_equal(np.isnan(a), np.isnan(b)) and np.array_equal(np.isnan(a), np.isnan(c))
        assert np.allclose(a, b, atol=1e-9, equal_nan=True)
        assert np.allclose(a, c, atol=1e-12, equal_nan=True)
        up_small, up_big = list(small.upstream(j)), list(big.upstream(j))
        assert up_small[0] == up_big[0] == j and sorted(up_small) == sorted(up_big)


def unknown_by_paths(n: int, links: list, holder: int, issuer: int) -> bool:
    """The rule as the networkx code had it: a holding without a figure between the two."""
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_edges_from((u, v) for u, v, _ in links)
    between = (nx.descendants(g, holder) | {holder}) & (nx.ancestors(g, issuer) | {issuer})
    return any(s is None for u, v, s in links if u in between and v in between)


@settings(max_examples=100, deadline=None)
@given(graphs(unknown=True))
def test_unknown_exactly_where_a_chain_has_a_holding_without_figure(graph: tuple) -> None:
    n, links = graph
    h = holdings(n, links)
    known_links = [(u, v, s) for u, v, s in links if s is not None]
    full = integrated_all(direct_matrix(n, known_links)).toarray()
    for j in range(n):
        column = h.column(j)
        for i in range(n):
            if unknown_by_paths(n, links, i, j):
                assert np.isnan(column[i])
            else:
                assert column[i] == pytest.approx(full[i, j], abs=1e-9)


def test_reach_follows_rows_breadth_first() -> None:
    # 0 → 1 → 2, 0 → 3, 4 isolated
    order = reach(sparse(5, [(1, 0, 0.1), (2, 1, 0.1), (3, 0, 0.1)]).holders_of, np.array([0]))
    assert list(order[:1]) == [0] and set(order) == {0, 1, 2, 3}
    assert set(order[1:3]) == {1, 3}  # one level before the next


def test_zero_share_holdings_still_carry_unknowns_along() -> None:
    # 0 holds non-voting shares of 1 (0 votes), 1's holding in 2 has no vote figure
    for h in (holdings(3, [(0, 1, 0.0), (1, 2, None)]), sparse(3, [(0, 1, 0.0), (1, 2, None)])):
        column = h.column(2)
        assert np.isnan(column[0]) and np.isnan(column[1]) and column[2] == 0.0


def test_an_entity_nobody_holds_has_an_empty_column() -> None:
    for h in (holdings(3, [(0, 1, 0.5)]), sparse(3, [(0, 1, 0.5)])):
        assert list(h.column(0)) == [0.0, 0.0, 0.0]
        assert list(h.upstream(1)) == [1, 0]
