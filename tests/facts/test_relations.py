"""Vertical and information facts: rivals' dependence on the target, their alternatives,
the foreclosure shares, and the acquirer's channels into the target."""

from __future__ import annotations

import pytest

from .helpers import ctx_for, seed, val

VERTICAL = """\
entities:
  - {id: a, name: A}
  - {id: t, name: T}
  - {id: r1, name: R1}
  - {id: r2, name: R2}
  - {id: s2, name: S2}
rights: []
boards:
  - {company: t, size: 3}
markets:
  - id: down
    name: Downstream
    participants:
      - {entity: a}
      - {entity: r1, sales: USD 40m}
      - {entity: r2}
  - id: inp
    name: Input
    kind: input
    participants:
      - {entity: t}
      - {entity: s2, sales: USD 20m}
supply:
  - {supplier: t, customer: r1, product: inp, value: USD 30m, share_of_needs: 0.6,
     confidential_data: true}
  - {supplier: t, customer: r2, product: inp, value: USD 10m, share_of_needs: 0.25}
  - {supplier: s2, customer: a, product: inp, value: USD 5m}
  - {supplier: r1, customer: t, product: down, value: USD 2m}
transaction:
  acquirer: a
  target: t
  steps:
    - {kind: acquire_stake, equity: 0.3}
    - kind: grant_right
      right: {holder: a, issuer: t, kind: information}
"""


def test_rivals_alternatives_are_the_other_listed_suppliers() -> None:
    ctx = ctx_for(VERTICAL)
    assert val(ctx, "vertical.rivals_supplied") == ["R1", "R2"]
    assert val(ctx, "vertical.rival_alternatives.names") == ["S2"]
    assert val(ctx, "vertical.rival_alternatives.count") == 1


def test_alternatives_are_unknown_when_the_input_market_is_not_described() -> None:
    text = VERTICAL.replace("product: inp, value: USD 10m", "product: widgets, value: USD 10m")
    value = ctx_for(text).get("vertical.rival_alternatives.count")
    assert value.value is None
    assert value.note is not None and "'widgets'" in value.note


def test_foreclosure_share_weights_rivals_by_their_purchases() -> None:
    # R1 buys 30m of 50m from T, R2 10m of 40m: 40 / 90 of the rivals' purchases
    value = ctx_for(VERTICAL).get("vertical.foreclosure_share")
    assert value.value == pytest.approx(40 / 90)
    assert value.note == "inp: weighted by the rivals' purchases"


def test_foreclosure_share_without_values_is_the_plain_mean() -> None:
    ctx = ctx_for(VERTICAL.replace(", value: USD 10m, share_of_needs", ", share_of_needs"))
    assert val(ctx, "vertical.foreclosure_share") == pytest.approx((0.6 + 0.25) / 2)


def test_foreclosure_share_needs_every_rivals_share_of_needs() -> None:
    ctx = ctx_for(VERTICAL.replace(", share_of_needs: 0.25", ""))
    assert val(ctx, "vertical.foreclosure_share") is None
    assert val(ctx, "vertical.rival_dependence.max") is None


def test_customer_foreclosure_looks_at_purchases_from_each_others_rivals() -> None:
    ctx = ctx_for(VERTICAL)
    # S2 (the target's rival upstream) sells 5m of its 20m to A; R1 (A's rival downstream)
    # sells 2m of its 40m to T
    assert val(ctx, "vertical.customer_foreclosure.suppliers") == ["R1", "S2"]


def test_no_supply_section_is_unknown_and_an_empty_one_is_none() -> None:
    text = VERTICAL[: VERTICAL.index("supply:")] + VERTICAL[VERTICAL.index("transaction:") :]
    ctx = ctx_for(text)
    for name in (
        "vertical.foreclosure_share",
        "vertical.customer_foreclosure.suppliers",
        "vertical.rivals_supplied",
        "vertical.rivals_reducing",
        "parties.vertically_related",
    ):
        assert val(ctx, name) is None, name
    ctx = ctx_for(text.replace("transaction:", "supply: []\ntransaction:"))
    assert val(ctx, "vertical.foreclosure_share") == 0.0
    assert val(ctx, "vertical.rivals_supplied") == []
    assert val(ctx, "parties.vertically_related") is False


def test_information_access_path_and_vertical_relation() -> None:
    ctx = ctx_for(VERTICAL)
    assert val(ctx, "information.access_path.after") is True
    assert val(ctx, "parties.vertically_related") is True


def test_seed_case_vertical_and_information_facts() -> None:
    ctx = seed()
    assert val(ctx, "vertical.rival_alternatives.names") == ["Labelbox"]
    assert val(ctx, "vertical.rival_alternatives.count") == 1
    assert val(ctx, "vertical.foreclosure_share") is None  # shares of needs not public
    assert val(ctx, "vertical.customer_foreclosure.suppliers") == []
    assert val(ctx, "parties.vertically_related") is True
    assert val(ctx, "information.access_path.after") is True
