"""Hand-computed fixtures: ultimate parents, groups, turnover aggregation, HSR size of
transaction with securities already held."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustbench.graph import Interests
from trustbench.graph.edges import RightEdge

from .helpers import ctx_for, val

# P (person) ─60 %→ H ─100 %→ A (acquirer)      X (seller) ─100 %→ T (target) ─80 %→ TS
#                   H ─70 %→ S (sells EUR 50m to A)          A ─30 %→ M (minority, no figures)
GROUP = """\
entities:
  - {id: p, name: P, kind: person}
  - id: h
    name: H
    revenues:
      - {geography: worldwide, amount: EUR 1000m, fiscal_year: 2024, consolidated: %s}
      - {geography: EU, amount: EUR 400m, fiscal_year: 2024}
  - id: a
    name: A
    revenues:
      - {geography: worldwide, amount: EUR 500m, fiscal_year: 2024}
      - {geography: worldwide, amount: EUR 450m, fiscal_year: 2023}
      - {geography: EU, amount: EUR 200m, fiscal_year: 2024}
  - id: s
    name: S
    revenues:
      - {geography: worldwide, amount: EUR 300m, fiscal_year: 2024}
      - {geography: EU, amount: EUR 100m, fiscal_year: 2024}
    intra_group_revenues:
      - {geography: worldwide, amount: EUR 50m, fiscal_year: 2024}
  - {id: m, name: M}
  - id: x
    name: X
    revenues: [{geography: worldwide, amount: EUR 9000m, fiscal_year: 2024}]
  - id: t
    name: T
    revenues:
      - {geography: worldwide, amount: EUR 80m, fiscal_year: 2024}
      - {geography: EU, amount: EUR 30m, fiscal_year: 2024}
  - id: ts
    name: TS
    revenues:
      - {geography: worldwide, amount: EUR 20m, fiscal_year: 2024}
      - {geography: EU, amount: EUR 10m, fiscal_year: 2024}
holdings:
  - {holder: p, issuer: h, equity: 0.6}
  - {holder: h, issuer: a, equity: 1.0}
  - {holder: h, issuer: s, equity: 0.7}
  - {holder: a, issuer: m, equity: 0.3}
  - {holder: x, issuer: t, equity: 1.0}
  - {holder: t, issuer: ts, equity: 0.8}
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 1.0, seller: x}]
"""


def group_deal(consolidated: bool = False) -> str:
    return GROUP % ("true" if consolidated else "false")


def test_ultimate_parent_two_levels_up_is_the_person() -> None:
    ctx = ctx_for(group_deal())
    assert ctx.interests("before").ultimate_parent("a") == "p"
    assert ctx.interests("before").ultimate_parent("t") == "x"
    assert ctx.interests("before").group("s") == {"p", "h", "a", "s"}
    assert ctx.interests("before").ultimate_parents("ts") == ["x"]


def test_group_turnover_counts_each_member_once_without_seller_or_minority() -> None:
    ctx = ctx_for(group_deal())
    # H 1,000 + A 500 (FY2024, not FY2023) + S (300 − 50 intra-group); P has no turnover
    assert val(ctx, "turnover.acquirer.worldwide.eur") == pytest.approx(1750e6)
    assert "less intra-group EUR 50m" in ctx.get("turnover.acquirer.worldwide.eur").note
    assert val(ctx, "turnover.acquirer.eu.eur") == pytest.approx(700e6)  # no EU intra figure
    # the target with TS (80 %), not its seller X
    assert val(ctx, "turnover.target.worldwide.eur") == pytest.approx(100e6)
    assert val(ctx, "turnover.target.eu.eur") == pytest.approx(40e6)
    assert val(ctx, "turnover.combined.worldwide.eur") == pytest.approx(1850e6)


def test_consolidated_figure_already_includes_the_members_it_controls() -> None:
    ctx = ctx_for(group_deal(consolidated=True))
    # H's worldwide figure is consolidated: A and S are in it; its EU figure is not
    assert val(ctx, "turnover.acquirer.worldwide.eur") == pytest.approx(1000e6)
    assert val(ctx, "turnover.acquirer.eu.eur") == pytest.approx(700e6)


def test_missing_revenue_of_a_member_is_unknown_not_zero() -> None:
    text = (
        group_deal()
        .replace("  - {id: m, name: M}\n", "")
        .replace(
            "  - {holder: a, issuer: m, equity: 0.3}\n", "  - {holder: a, issuer: m, equity: 0.6}\n"
        )
        .replace("entities:\n", "entities:\n  - {id: m, name: M}\n")
    )
    ctx = ctx_for(text)  # A now controls M, which gives no figures
    value = ctx.get("turnover.acquirer.worldwide.eur")
    assert value.value is None and "M's worldwide turnover is not given" in value.note
    assert val(ctx, "turnover.target.worldwide.eur") == pytest.approx(100e6)
    assert val(ctx, "turnover.combined.worldwide.eur") is None
    assert val(ctx, "turnover.acquirer.uk.gbp") is None  # no UK figures, no rate: unknown


def test_membership_turning_on_an_unknown_share_is_unknown() -> None:
    text = group_deal().replace("{holder: a, issuer: m, equity: 0.3}", "{holder: a, issuer: m}")
    value = ctx_for(text).get("turnover.acquirer.worldwide.eur")
    assert value.value is None and "whether M belongs" in value.note


FX = """\
entities:
  - id: a
    name: A
    revenues: [{geography: worldwide, amount: GBP 100m, fiscal_year: 2024}]
  - id: t
    name: T
    revenues: [{geography: worldwide, amount: USD 110m, fiscal_year: 2024}]
fx:
  - {from: EUR, to: USD, rate: 1.10, date: 2025-01-02}
  - {from: EUR, to: USD, rate: 1.30, date: 2026-01-02}
  - {from: EUR, to: GBP, rate: 0.80, date: 2025-01-02}
transaction: {acquirer: a, target: t}
"""


def test_turnover_is_converted_at_the_dated_rate_and_says_so() -> None:
    ctx = ctx_for(FX)
    target = ctx.get("turnover.target.worldwide.eur")
    assert target.value == pytest.approx(100e6)  # 110 / 1.10; the 2026 rate is later
    assert "T FY2024" in target.note and "(2025-01-02)" in target.note
    assert val(ctx, "turnover.acquirer.worldwide.eur") == pytest.approx(125e6)  # 100 / 0.8
    assert val(ctx, "turnover.combined.worldwide.eur") == pytest.approx(225e6)
    assert val(ctx, "turnover.acquirer.worldwide.usd") is None  # no GBP/USD rate


MEMBER_STATES = """\
entities:
  - id: a
    name: A
    revenues:
      - {geography: EU, amount: EUR 200m, fiscal_year: 2024}
      - {geography: DE, amount: EUR 150m, fiscal_year: 2024}
      - {geography: FR, amount: EUR 50m, fiscal_year: 2024}
  - id: t
    name: T
    revenues:
      - {geography: EU, amount: EUR 30m, fiscal_year: 2024}
      - {geography: DE, amount: EUR 25m, fiscal_year: 2024}
      - {geography: %s, amount: EUR 5m, fiscal_year: 2024}
transaction: {acquirer: a, target: t}
"""


def test_two_thirds_rule_reads_the_member_state_split() -> None:
    ctx = ctx_for(MEMBER_STATES % "IT")
    assert val(ctx, "turnover.acquirer.eu.top_member_state") == "DE"
    assert val(ctx, "turnover.acquirer.eu.top_member_state_share") == pytest.approx(0.75)
    assert val(ctx, "turnover.target.eu.top_member_state_share") == pytest.approx(25 / 30)
    assert val(ctx, "turnover.eu.same_top_member_state") is True
    assert val(ctx, "turnover.acquirer.de.eur") == pytest.approx(150e6)


def test_member_state_split_that_leaves_turnover_out_is_unknown() -> None:
    ctx = ctx_for(MEMBER_STATES % "US")  # 5m outside the EU: 25 of 30 accounted for
    assert val(ctx, "turnover.target.eu.top_member_state_share") is None
    assert val(ctx, "turnover.eu.same_top_member_state") is None


def test_uk_counts_as_a_member_state_only_before_brexit() -> None:
    import datetime as dt

    from trustbench.facts.turnover import member_states

    assert "UK" in member_states(dt.date(2019, 6, 1))
    assert "UK" not in member_states(dt.date(2020, 2, 1))
    assert "HR" not in member_states(dt.date(2013, 6, 30))
    assert len(member_states(dt.date(2025, 1, 1))) == 27


CONTROL = """\
entities:
  - {id: f, name: F}
  - {id: g, name: G}
  - {id: j, name: J}
  - {id: c1, name: C1}
  - {id: c2, name: C2}
  - {id: a, name: A}
  - {id: b, name: B}
  - {id: t, name: T}
  - {id: lp, name: LP, kind: partnership}
  - {id: k, name: K}
holdings:
  - {holder: f, issuer: j, equity: 0.5}
  - {holder: g, issuer: j, equity: 0.5}
  - {holder: c1, issuer: c2, equity: 0.6}
  - {holder: c2, issuer: c1, equity: 0.6}
  - {holder: c2, issuer: a, equity: 1.0}
  - {holder: a, issuer: b, equity: 0.6}
  - {holder: a, issuer: t, equity: 0.3}
  - {holder: b, issuer: t, equity: 0.25}
  - {holder: a, issuer: lp, equity: 0.5, voting: 0.0}
rights:
  - {holder: f, issuer: k, kind: board_appointment, seats: 2}
boards:
  - {company: k, size: 4}
transaction: {acquirer: a, target: t}
"""


def interests() -> Interests:
    return ctx_for(CONTROL).interests("before")


def test_fifty_fifty_is_control_for_hsr_but_no_majority() -> None:
    i = interests()
    # 801.1(b): "50 percent or more" — each parent controls J, which has two UPEs
    assert i.ultimate_parents("j") == ["f", "g"]
    # more than half: nobody controls J on its own
    assert i.ultimate_parents("j", "majority") == ["j"]
    assert "j" not in i.group("f", "majority")


def test_control_cycle_is_one_top_named_by_its_first_id() -> None:
    i = interests()
    assert i.ultimate_parents("a") == ["c1"]
    assert i.ultimate_parents("c2") == ["c1"] and i.ultimate_parents("c1") == ["c1"]
    assert i.group("a") >= {"c1", "c2", "a", "b", "t"}


def test_group_holdings_count_together() -> None:
    i = interests()
    # A 30 % + B (controlled, 60 %) 25 % = 55 % of T's votes
    assert i.controlled_by({"a", "b"}, "t") is True
    assert i.controls("a", "t") is False  # alone, directly, 30 %
    assert "t" in i.closure("a").members and "t" in i.closure("a", "majority").members
    assert i.ultimate_parent("t") == "c1"  # two levels above A


def test_partnership_is_controlled_by_profits_not_votes() -> None:
    i = interests()
    assert i.controls("a", "lp") is True  # 50 % of the profits (HSR)
    assert i.controls("a", "lp", concept="majority") is False  # not more than half


def test_board_designation_half_is_hsr_control_unless_shared() -> None:
    ctx = ctx_for(CONTROL)
    i = ctx.interests("before")
    assert i.designation_share("f", "k") == 0.5
    assert i.controls("f", "k") is True and i.controls("f", "k", concept="majority") is False
    graph = ctx.phase("before").graph
    for u, v, right in list(graph.edges(RightEdge, "f", "k")):
        # a right F shares with C1 is not F's sole right
        graph.replace(u, v, right, replace(right, joint_with=("c1",)))
    fresh = Interests(ctx.phase("before"))
    assert fresh.designation_share("f", "k") == 0.0
    assert fresh.controls("f", "k") is False
    assert fresh.designation_share({"f", "c1"}, "k") == 0.5


def test_board_seats_without_board_size_leave_control_unknown() -> None:
    text = CONTROL.replace("  - {company: k, size: 4}\n", "  - {company: k}\n")
    assert ctx_for(text).interests("before").controls("f", "k") is None


SIZE = """\
entities:
  - {id: a, name: A}
  - {id: s, name: S}
  - {id: t, name: T}
holdings:
  - {holder: a, issuer: s, equity: 1.0}
  - {holder: s, issuer: t, equity: 0.05, value: USD 10m}
  - {holder: a, issuer: t, equity: 0.02, class: non-voting, value: USD 4m}
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 0.2, value: USD 100m, class: %s}]
"""


def test_size_of_transaction_adds_voting_securities_the_person_already_holds() -> None:
    value = ctx_for(SIZE % "voting").get("hsr.size_of_transaction.usd")
    # 100 acquired + 10 held by subsidiary S; A's non-voting shares do not count
    assert value.value == pytest.approx(110e6)
    assert "includes USD 10m already held" in value.note


def test_size_of_transaction_of_shares_of_unknown_class_is_unknown() -> None:
    assert val(ctx_for(SIZE % "unknown"), "hsr.size_of_transaction.usd") is None
    assert val(ctx_for(SIZE % "non-voting"), "hsr.size_of_transaction.usd") == 0.0


def test_already_held_without_a_value_is_unknown() -> None:
    text = (SIZE % "voting").replace(", value: USD 10m", "")
    value = ctx_for(text).get("hsr.size_of_transaction.usd")
    assert value.value is None and "already held" in value.note
