"""The scalable integrated-ownership path (``Holdings``) against the plain solve, and the
algebra's invariants: chains multiply, parallel paths add, cycles close as a / (1 − ab)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustbench.graph.ownership import (
    Holdings,
    direct_matrix,
    integrated_all,
    integrated_column,
    reach,
)


def holdings(n: int, links: list[tuple[int, int, float | None]]) -> Holdings:
    h = np.array([u for u, _, _ in links], dtype=np.int64)
    i = np.array([v for _, v, _ in links], dtype=np.int64)
    s = np.array([np.nan if x is None else x for _, _, x in links], dtype=float)
    return Holdings.from_arrays(n, h, i, s)


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
    for j in range(n):
        assert np.allclose(h.column(j), full[:, j], atol=1e-9)
        assert np.allclose(h.column(j), integrated_column(h.weights, j), atol=1e-9)


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
    h = holdings(5, [(1, 0, 0.1), (2, 1, 0.1), (3, 0, 0.1)])
    order = reach(h.holders_of, np.array([0]))
    assert list(order[:1]) == [0] and set(order) == {0, 1, 2, 3}
    assert set(order[1:3]) == {1, 3}  # one level before the next


def test_zero_share_holdings_still_carry_unknowns_along() -> None:
    # 0 holds non-voting shares of 1 (0 votes), 1's holding in 2 has no vote figure
    h = holdings(3, [(0, 1, 0.0), (1, 2, None)])
    column = h.column(2)
    assert np.isnan(column[0]) and np.isnan(column[1]) and column[2] == 0.0


def test_an_entity_nobody_holds_has_an_empty_column() -> None:
    h = holdings(3, [(0, 1, 0.5)])
    assert h.column(0).tolist() == [0.0, 0.0, 0.0]
    assert h.upstream(1).tolist() == [1, 0]
