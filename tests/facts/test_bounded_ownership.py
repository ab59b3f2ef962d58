"""Holdings given as bounds carry through the ownership arithmetic: sums and products of
intervals (a 30-40 % stake held through a 60 % subsidiary is 18-24 %), so a "≥ 25 %" test
decides where the bound suffices and stays open otherwise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.facts.helpers import ctx_for, val
from trustbench.graph.edges import Holds
from trustbench.model.bounds import Range

CHAIN = """
entities:
  - {{id: acme, name: Acme}}
  - {{id: sub, name: Sub}}
  - {{id: widget, name: Widget}}
holdings:
  - {{holder: acme, issuer: sub, equity: {parent}}}
  - {{holder: sub, issuer: widget, equity: {stake}}}
{extra}transaction:
  acquirer: acme
  target: widget
  steps: []
"""


def _chain(parent: str, stake: str) -> object:
    return ctx_for(CHAIN.format(parent=parent, stake=stake, extra=""))


def test_a_bounded_stake_through_a_subsidiary_is_the_product_of_the_bounds() -> None:
    equity = val(_chain("60%", "30-40%"), "acquirer.equity.before")
    assert isinstance(equity, Range)
    assert (equity.lo, equity.hi) == pytest.approx((0.18, 0.24))
    assert equity.compare(">=", 0.25) is False  # decided: below 25 % whatever the stake
    assert equity.compare(">=", 0.10) is True
    assert equity.compare(">=", 0.20) is None  # the bound does not suffice


def test_at_most_keeps_its_strictness_through_a_chain() -> None:
    equity = val(_chain("100%", "< 25%"), "acquirer.equity.before")
    assert isinstance(equity, Range) and equity.hi == pytest.approx(0.25) and equity.hi_open
    assert equity.compare(">=", 0.25) is False


def test_a_holding_with_neither_figure_nor_bound_stays_unknown() -> None:
    text = CHAIN.format(parent="60%", stake="30-40%", extra="")
    ctx = ctx_for(text.replace("equity: 60%", "class: voting"))
    assert val(ctx, "acquirer.equity.before") is None


def test_the_group_sum_adds_the_bounds_and_decides_legal_control() -> None:
    deal = """
    entities:
      - {id: acme, name: Acme}
      - {id: sub, name: Sub}
      - {id: widget, name: Widget}
    holdings:
      - {holder: acme, issuer: sub, equity: 100%}
      - {holder: sub, issuer: widget, equity: 30-40%}
      - {holder: acme, issuer: widget, equity: 25%}
    transaction:
      acquirer: acme
      target: widget
      steps: []
    """
    ctx = ctx_for(deal)
    votes = val(ctx, "acquirer.group.votes.before")
    assert isinstance(votes, Range) and (votes.lo, votes.hi) == pytest.approx((0.55, 0.65))
    assert val(ctx, "uk.legal_control.before") is True  # above half at either end


def test_the_group_sum_stays_open_when_the_bound_straddles_half() -> None:
    deal = """
    entities:
      - {id: acme, name: Acme}
      - {id: widget, name: Widget}
    holdings:
      - {holder: acme, issuer: widget, equity: 45-55%}
    transaction:
      acquirer: acme
      target: widget
      steps: []
    """
    assert val(ctx_for(deal), "uk.legal_control.before") is None


shares = st.integers(1, 99)


@settings(max_examples=60, deadline=None)
@given(
    parent=st.tuples(shares, shares).map(sorted),
    stake=st.tuples(shares, shares).map(sorted),
    direct=st.integers(0, 40),
    t1=st.floats(0, 1),
    t2=st.floats(0, 1),
)
def test_the_interval_contains_the_point_result_for_every_point_inside(
    parent: list[int], stake: list[int], direct: int, t1: float, t2: float
) -> None:
    """Any point inside the bounds gives an interest inside the interval (through a chain
    and a direct holding, which must stay within 100 % of the target)."""
    stake_hi = min(stake[1], 100 - direct)
    stake_lo = min(stake[0], stake_hi)
    extra = f"  - {{holder: acme, issuer: widget, equity: {direct}%}}\n"
    bounded = ctx_for(
        CHAIN.format(
            parent=f"{parent[0]}-{parent[1]}%" if parent[0] < parent[1] else f"{parent[0]}%",
            stake=f"{stake_lo}-{stake_hi}%" if stake_lo < stake_hi else f"{stake_lo}%",
            extra=extra,
        )
    )
    p = (parent[0] + t1 * (parent[1] - parent[0])) / 100
    s = (stake_lo + t2 * (stake_hi - stake_lo)) / 100
    point = ctx_for(CHAIN.format(parent=p, stake=s, extra=extra))
    exact = val(point, "acquirer.equity.before")
    interval = val(bounded, "acquirer.equity.before")
    if isinstance(interval, Range):
        assert interval.contains(exact) or any(
            end is not None and abs(exact - end) < 1e-9 for end in (interval.lo, interval.hi)
        )
    else:
        assert exact == pytest.approx(interval)


STEP = """
entities:
  - {{id: acme, name: Acme}}
  - {{id: seller, name: Seller}}
  - {{id: widget, name: Widget}}
holdings:
  - {{holder: seller, issuer: widget, equity: 60%}}
transaction:
  acquirer: acme
  target: widget
  steps:
    - {{kind: acquire_stake, class: voting, equity: "{equity}", value: "{value}", seller: seller}}
"""


def test_a_step_may_give_its_stake_and_value_as_bounds() -> None:
    ctx = ctx_for(STEP.format(equity="20-30%", value="> USD 66m"))
    after = val(ctx, "acquirer.equity.after")
    assert isinstance(after, Range) and (after.lo, after.hi) == pytest.approx((0.2, 0.3))
    acquired = val(ctx, "acquirer.equity.acquired")
    assert isinstance(acquired, Range) and (acquired.lo, acquired.hi) == pytest.approx((0.2, 0.3))
    size = val(ctx, "hsr.size_of_transaction.usd")
    assert isinstance(size, Range) and size.lo == pytest.approx(66e6) and size.lo_open
    assert size.compare(">", 66e6) is True  # "exceeding USD 66 million" clears USD 66.0m
    assert val(ctx, "hsr.voting_securities.acquired") is True


def test_the_seller_keeps_a_bound_when_it_sells_a_bounded_stake() -> None:
    ctx = ctx_for(STEP.format(equity="20-30%", value="USD 10m"))
    ((_, _, held),) = ctx.phase("after").edges(Holds, "seller", "widget")
    assert held.equity is None and held.bounds is not None
    rest = held.bounds["equity"]
    assert (rest.lo, rest.hi) == pytest.approx((0.3, 0.4))


def test_an_exact_step_still_gives_an_exact_interest() -> None:
    ctx = ctx_for(STEP.format(equity="25%", value="USD 10m"))
    assert val(ctx, "acquirer.equity.after") == pytest.approx(0.25)
    assert val(ctx, "hsr.size_of_transaction.usd") == pytest.approx(10e6)


GROUP = """
entities:
  - {{id: acme, name: Acme}}
  - {{id: sub, name: Sub}}
  - {{id: widget, name: Widget}}
holdings:
  - {{holder: acme, issuer: sub, equity: {sub}}}
  - {{holder: sub, issuer: widget, equity: 30%}}
  - {{holder: acme, issuer: widget, equity: 25%}}
transaction:
  acquirer: acme
  target: widget
  steps: []
"""


@pytest.mark.parametrize(
    ("sub", "controls"), [("60-70%", True), ("at most 40%", False), ("40-60%", None)]
)
def test_control_through_a_bounded_majority(sub: str, controls: bool | None) -> None:
    """A 60-70 % subsidiary is controlled, so its 30 % counts with the parent's 25 %
    (16 CFR 801.1(c)(8)): the group holds 55 %; at most 40 % it is not, and 40-60 % is open."""
    ctx = ctx_for(GROUP.format(sub=sub))
    interests = ctx.interests("before")
    assert interests.controlled_by({"acme"}, "sub") is controls
    group_votes = val(ctx, "acquirer.group.votes.before")
    if controls is True:
        assert group_votes == pytest.approx(0.55)
    if controls is False:
        assert group_votes == pytest.approx(0.25)


@settings(max_examples=60, deadline=None)
@given(lo=st.integers(0, 99), width=st.integers(1, 60), t=st.floats(0, 1))
def test_a_decided_bounded_verdict_holds_at_every_point_inside(
    lo: int, width: int, t: float
) -> None:
    hi = min(lo + width, 100)
    bounded = ctx_for(GROUP.format(sub=f"{lo}-{hi}%")).interests("before")
    point = ctx_for(GROUP.format(sub=(lo + t * (hi - lo)) / 100)).interests("before")
    for concept in ("hsr", "majority"):
        verdict = bounded.controlled_by({"acme"}, "sub", concept)
        if verdict is not None:
            assert point.controlled_by({"acme"}, "sub", concept) is verdict
