"""Concentration: the O'Brien–Salop MHHI delta over several owners and firms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustbench.facts.concentration import (
    common_mhhi_delta,
    merger_delta,
    stake_mhhi_delta,
    ultimate_owners,
)

from .helpers import ctx_for, in_market, val

share = st.floats(0.0, 0.5)
stake = st.floats(0.01, 1.0)


def test_worked_example_through_the_general_builder() -> None:
    # legal.md §4.1: A (30 %) buys 49 % of B (20 %); a non-voting stake is silent
    links = [("A", "B", 0.49)]
    assert common_mhhi_delta({"A": 0.3, "B": 0.2}, links, links) == pytest.approx(881.8, abs=0.05)
    assert common_mhhi_delta({"A": 0.3, "B": 0.2}, links, [("A", "B", 0.0)]) == pytest.approx(294)
    full = [("A", "B", 1.0)]
    assert common_mhhi_delta({"A": 0.3, "B": 0.2}, full, full) == pytest.approx(1200)
    # the two-firm facts stay exact
    assert stake_mhhi_delta(0.3, 0.2, 0.49, "silent") == pytest.approx(294.0)
    assert stake_mhhi_delta(0.3, 0.2, 0.49, "proportional") == pytest.approx(881.8, abs=0.05)
    assert stake_mhhi_delta(0.3, 0.2, 0.49, "total") == pytest.approx(1518.5, abs=0.05)


def test_one_investor_in_two_rivals() -> None:
    # I holds 20 % of A and 10 % of B; the rest of each is held by its own outside owners.
    # A's managers weigh B by (0.2·0.1) / (0.2² + 0.8²) = 0.02 / 0.68; B's weigh A by
    # (0.1·0.2) / (0.1² + 0.9²) = 0.02 / 0.82.  Δ = 30 · 20 · (0.02/0.68 + 0.02/0.82)
    links = [("I", "A", 0.2), ("I", "B", 0.1)]
    assert common_mhhi_delta({"A": 0.3, "B": 0.2}, links, links) == pytest.approx(32.2812, abs=1e-4)


def test_cross_holdings_reach_their_ultimate_owners() -> None:
    # A holds 20 % of B, B holds 10 % of A: (I − W)⁻¹ = [[1, .2], [.1, 1]] / 0.98; A's outside
    # owners hold 90 % of A, B's 80 % of B
    owners = ultimate_owners([("A", "B", 0.2), ("B", "A", 0.1)], ["A", "B"])
    assert owners["A"] == pytest.approx({"A": 0.9 / 0.98, "B": 0.9 * 0.2 / 0.98})
    assert owners["B"] == pytest.approx({"A": 0.8 * 0.1 / 0.98, "B": 0.8 / 0.98})
    for firm in ("A", "B"):
        assert sum(o[firm] for o in owners.values()) == pytest.approx(1.0)


def test_chains_multiply() -> None:
    owners = ultimate_owners([("F", "G", 0.5), ("G", "A", 0.4)], ["A"])
    assert owners["F"]["A"] == pytest.approx(0.2)
    assert owners["G"]["A"] == pytest.approx(0.2)  # G's own outside owners: 50 % of 40 %
    assert owners["A"]["A"] == pytest.approx(0.6)


def test_overfull_holdings_are_refused() -> None:
    with pytest.raises(ValueError, match="held more than 100 %"):
        ultimate_owners([("I", "A", 0.7), ("J", "A", 0.4)], ["A"])


@given(share, share, stake)
def test_one_cross_stake_reduces_to_the_two_firm_formula(
    s_a: float, s_b: float, beta: float
) -> None:
    links = [("A", "B", beta)]
    shares = {"A": s_a, "B": s_b}
    assert common_mhhi_delta(shares, links, links) == pytest.approx(
        stake_mhhi_delta(s_a, s_b, beta, "proportional"), rel=1e-9, abs=1e-9
    )
    assert common_mhhi_delta(shares, links, [("A", "B", 0.0)]) == pytest.approx(
        stake_mhhi_delta(s_a, s_b, beta, "silent"), rel=1e-9, abs=1e-9
    )


@given(share, share)
def test_a_full_acquisition_is_a_merger(s_a: float, s_b: float) -> None:
    links = [("A", "B", 1.0)]
    assert common_mhhi_delta({"A": s_a, "B": s_b}, links, links) == pytest.approx(
        merger_delta(s_a, s_b), rel=1e-9, abs=1e-9
    )


@given(share, share, stake, stake)
def test_raising_a_cross_stake_never_lowers_the_delta(
    s_a: float, s_b: float, b1: float, b2: float
) -> None:
    # proportional control, one firm's stake in its rival: d/dβ [β + β/(β² + (1−β)²)] ≥ 0
    low, high = sorted((b1, b2))
    assert (
        stake_mhhi_delta(s_a, s_b, high, "proportional")
        >= stake_mhhi_delta(s_a, s_b, low, "proportional") - 1e-9
    )


@given(share, share, stake, stake, st.floats(0.0, 0.5))
def test_a_common_owner_raising_its_stake_never_lowers_the_delta(
    s_a: float, s_b: float, a: float, b: float, more: float
) -> None:
    b = min(b, 0.5)
    before = [("I", "A", a), ("I", "B", b)]
    after = [("I", "A", a), ("I", "B", b + more)]
    assert (
        common_mhhi_delta({"A": s_a, "B": s_b}, after, after)
        >= common_mhhi_delta({"A": s_a, "B": s_b}, before, before) - 1e-9
    )


def test_but_in_general_a_larger_stake_can_lower_the_delta() -> None:
    # Not an invariant: I holds 40 % of A and 50 % of B, J 50 % of A and 10 % of B. Before,
    # each firm weighs the other by 0.25 / 0.42; Δ = 600 · 2 · 0.25/0.42 = 714.29. When J (who
    # holds little of B) raises its stake in A to 60 %, A's weight on B falls to 0.26 / 0.52
    # and B's on A rises to 0.26 / 0.42: Δ = 600 · (0.5 + 0.619) = 671.43.
    shares = {"A": 0.3, "B": 0.2}
    before = [("I", "A", 0.4), ("I", "B", 0.5), ("J", "A", 0.5), ("J", "B", 0.1)]
    after = [("I", "A", 0.4), ("I", "B", 0.5), ("J", "A", 0.6), ("J", "B", 0.1)]
    assert common_mhhi_delta(shares, before, before) == pytest.approx(5000 / 7)
    assert common_mhhi_delta(shares, after, after) == pytest.approx(600 * (0.5 + 0.26 / 0.42))


CROSS = """\
entities:
  - {id: a, name: A}
  - {id: b, name: B}
holdings: []
markets:
  - id: m
    name: M
    participants: [{entity: a, share: 0.3}, {entity: b, share: 0.2}]
transaction:
  acquirer: a
  target: b
  steps: [{kind: acquire_stake, equity: 0.49}]
"""


def test_legal_md_example_as_market_facts() -> None:
    ctx = in_market(ctx_for(CROSS), "m")
    assert val(ctx, "market.mhhi.delta.proportional") == pytest.approx(881.8, abs=0.05)
    assert val(ctx, "market.mhhi.delta.silent") == pytest.approx(294)
    assert val(ctx, "market.hhi.delta") == pytest.approx(1200)
