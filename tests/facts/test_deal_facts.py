"""Facts from the newer deal sections: bounds, reported market structure, partial lists,
potential entrants, buyer-side markets, the timeline, asset deals and stated holding value."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, in_market, val
from trustbench.facts.timeline import events
from trustbench.model.bounds import Range

PARTIES = """
entities:
  - {id: acme, name: Acme, revenues: [{geography: UK, amount: GBP 100m, fiscal_year: 2024}]}
  - id: widget
    name: Widget
    revenues: [{geography: UK, amount: "< GBP 70m", fiscal_year: 2024}]
  - {id: rival, name: Rival}
transaction:
  acquirer: acme
  target: widget
  steps: [{kind: acquire_stake, equity: 60%, value: GBP 10m}]
"""


def test_turnover_bound_reaches_the_fact_and_its_sum() -> None:
    ctx = ctx_for(PARTIES)
    target = ctx.get("turnover.target.uk.gbp")
    assert target.value == Range(hi=70e6, hi_open=True, text="< GBP 70m")
    assert "given as < GBP 70m" in (target.note or "")
    combined = val(ctx, "turnover.combined.uk.gbp")
    assert combined == Range(hi=170e6, hi_open=True)
    assert combined.compare("<", 200e6) is True and combined.compare(">", 70e6) is None


def test_a_bound_is_unknown_where_arithmetic_cannot_carry_it() -> None:
    ctx = ctx_for(PARTIES)
    assert ctx.convert(ctx.entity("widget").revenues[0].amount, "GBP").value is None


MARKET = (
    PARTIES
    + """
markets:
  - id: m
    name: Widgets
    participants:
      - {entity: acme, share: 30%}
      - {entity: widget, share: "10-20%"}
    partial: true
    reported: {hhi_after: "> 2,500", hhi_before: 2200, significant_competitors: 2,
               rank: 1, top: {firms: 3, share: "> 70%"}, source: s}
    potential_entrants: [{entity: acme, kind: perceived}]
  - id: n
    name: Engineers
    kind: labour
    partial: true
    participants: [{entity: acme, share: 5%}]
sources: [{id: s, title: Decision}]
"""
)


def test_ranges_and_reported_structure_reach_the_concentration_facts() -> None:
    ctx = in_market(ctx_for(MARKET), "m")
    merged = val(ctx, "market.share.merged")
    assert isinstance(merged, Range) and merged.lo == pytest.approx(0.4)
    delta = val(ctx, "market.hhi.delta")
    assert isinstance(delta, Range) and (delta.lo, delta.hi) == (
        pytest.approx(600),
        pytest.approx(1200),
    )
    before = ctx.get("market.hhi.before")  # shares incomplete (partial): the reported figure
    assert before.value == 2200 and before.sources == ("s",)
    assert "as reported" in (before.note or "")
    assert val(ctx, "market.hhi.after") == Range(lo=2500, lo_open=True, text="> 2,500")
    stated = ctx.deal.markets[0].reported  # read by the model; no fact until a rule needs it
    assert stated is not None and (stated.rank, stated.significant_competitors) == (1, 2)
    assert stated.top is not None and stated.top.firms == 3
    assert val(ctx, "market.potential_entrant") is True
    assert val(ctx, "market.potential_entrant.kind") == "perceived"
    assert val(ctx, "market.buyer_side") is False


def test_partial_participants_leave_an_unlisted_party_unknown() -> None:
    ctx = in_market(ctx_for(MARKET), "n")
    assert val(ctx, "market.share.target") is None  # complete list: it would be 0
    assert val(ctx, "market.buyer_side") is True
    assert val(ctx, "market.potential_entrant") is None  # not stated
    full = in_market(
        ctx_for(
            MARKET.replace(
                "    partial: true\n    participants: [{entity: acme",
                "    participants: [{entity: acme",
            )
        ),
        "n",
    )
    assert val(full, "market.share.target") == 0.0


def test_partial_holdings_never_make_an_unstated_stake_none() -> None:
    ctx = ctx_for(PARTIES + "holdings: []\n")
    assert val(ctx, "acquirer.equity.before") == 0.0
    partial = ctx_for(PARTIES + "holdings: []\npartial: [holdings]\n")
    assert val(partial, "acquirer.equity.before") is None
    assert val(partial, "acquirer.equity.after") == pytest.approx(0.6)


TIMELINE = (
    PARTIES
    + """
timeline:
  - {date: 2025-01-10, type: signing}
  - {date: 2025-02-01, type: filing, jurisdiction: us}
{events}
"""
)


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("{kind: acquire_assets, assets: [business_line, staff], whole_business: true}", True),
        ("{kind: acquire_assets, assets: [ip], whole_business: false}", False),
        ("{kind: acquire_assets, assets: [ip]}", None),
        ("{kind: acquire_stake, equity: 10%}", False),
    ],
)
def test_asset_deals(step: str, expected: bool | None) -> None:
    text = PARTIES.replace(
        "steps: [{kind: acquire_stake, equity: 60%, value: GBP 10m}]", f"steps: [{step}]"
    )
    assert val(ctx_for(text), "transaction.assets.business") is expected


def test_stated_holding_value_is_the_size_of_transaction() -> None:
    text = PARTIES.replace("value: GBP 10m}", "value: USD 10m, holding_value: USD 150m}").replace(
        "as_of", "as_of"
    )
    value = ctx_for(text).get("hsr.size_of_transaction.usd")
    assert value.value == 150e6
    assert "whole holding" in (value.note or "")


def test_events_after_the_case_date_decide_nothing() -> None:
    late = "  - {date: 2025-09-01, type: closing}"  # after as_of (2025-06-13)
    ctx = ctx_for(TIMELINE.replace("{events}", late))
    assert [e.type for e in events(ctx)] == ["signing", "filing"]
    assert val(ctx, "standstill.implemented.eu") is False


@pytest.mark.parametrize(
    ("timeline", "expected"),
    [
        ("timeline: [{date: 2025-03-01, type: referral_acceptance, jurisdiction: eu}]", True),
        ("timeline: [{date: 2025-03-01, type: referral_request, jurisdiction: eu}]", False),
        ("timeline: [{date: 2025-08-01, type: referral_acceptance, jurisdiction: eu}]", False),
        ("", None),
    ],
)
def test_referral_accepted(timeline: str, expected: bool | None) -> None:
    assert val(ctx_for(PARTIES + timeline + "\n"), "timeline.referral_accepted.eu") is expected


NONPROFIT = """
entities:
  - {id: acme, name: Acme}
  - {id: clinic, name: Clinic Foundation, kind: non-profit}
boards: [{company: clinic, size: 6}]
transaction:
  acquirer: acme
  target: clinic
  steps: [{kind: grant_right, right: {holder: acme, issuer: clinic, kind: RIGHT}}]
"""


@pytest.mark.parametrize(
    ("right", "expected"),
    [
        ("sole_member", True),
        ("trustee_appointment, seats: 3", True),  # 50 % of the trustees
        ("trustee_appointment, seats: 2", False),
        ("membership", False),
    ],
)
def test_control_of_a_body_without_shares(right: str, expected: bool) -> None:
    ctx = ctx_for(NONPROFIT.replace("RIGHT", right))
    interests = ctx.interests("after")
    assert interests.controlled_by({"acme"}, "clinic", "hsr") is expected
    assert ctx.interests("before").controlled_by({"acme"}, "clinic", "hsr") is False


def test_size_of_person_keeps_a_bound() -> None:
    text = PARTIES.replace(
        "{id: acme, name: Acme, revenues: [{geography: UK, amount: GBP 100m, fiscal_year: 2024}]}",
        '{id: acme, name: Acme, revenues: [{geography: worldwide, amount: "> USD 10bn"}]}',
    )
    value = val(ctx_for(text), "hsr.acquiring_person.sales.usd")
    assert value == Range(lo=10e9, lo_open=True, text="> USD 10bn")


BOARD = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
  - {id: rival, name: Rival}
  - {id: jane, name: Jane, kind: person}
boards: [{company: widget, size: 5, directors: [{person: jane, designated_by: WHO}]PARTIAL}]
transaction: {acquirer: acme, target: widget}
"""


@pytest.mark.parametrize(
    ("designator", "partial", "expected"),
    [("rival", "", 0), ("rival", ", partial: true", None), ("acme", ", partial: true", 1)],
)
def test_a_partial_board_never_says_no_seat(
    designator: str, partial: str, expected: int | None
) -> None:
    ctx = ctx_for(BOARD.replace("WHO", designator).replace("PARTIAL", partial))
    assert val(ctx, "acquirer.board.designated.before") == expected
