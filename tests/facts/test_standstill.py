"""Standstill facts: implementation before clearance, notified or not (EUMR Art. 4(1), 7(1);
GWB § 41(1))."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val
from trustbench.facts.registry import REGISTRY

DEAL = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
transaction:
  acquirer: acme
  target: widget
  steps: [{kind: acquire_stake, equity: 48.5%}]
timeline:
{events}
"""


def facts(events: str, code: str = "eu") -> tuple[object, object, object, object]:
    ctx = ctx_for(DEAL.replace("{events}", events))
    return (
        val(ctx, f"standstill.implemented.{code}"),
        val(ctx, f"standstill.notified_first.{code}"),
        val(ctx, f"standstill.days.{code}"),
        val(ctx, f"standstill.first_act.{code}"),
    )


def test_closing_with_no_filing_at_all_is_implementation_before_notification() -> None:
    implemented, notified, days, what = facts("  - {date: 2024-12-18, type: closing}")
    assert implemented is True and notified is False
    assert days == 177  # to the case date, 2025-06-13: no clearance recorded
    assert what == "closing on 2024-12-18, before any notification"


def test_closing_after_filing_but_before_clearance() -> None:
    events = (
        "  - {date: 2025-01-10, type: filing, jurisdiction: eu}\n"
        "  - {date: 2025-02-01, type: closing}\n"
        "  - {date: 2025-03-01, type: clearance, jurisdiction: eu}"
    )
    implemented, notified, days, what = facts(events)
    assert (implemented, notified, days) == (True, True, 28)
    assert what == "closing on 2025-02-01, after notification on 2025-01-10"


def test_waiting_for_clearance_is_no_implementation() -> None:
    events = (
        "  - {date: 2025-01-10, type: filing, jurisdiction: de}\n"
        "  - {date: 2025-02-01, type: clearance, jurisdiction: de}\n"
        "  - {date: 2025-03-01, type: closing}"
    )
    assert facts(events, "de")[:3] == (False, True, 0)


def test_rights_exercised_by_the_acquirer_before_clearance() -> None:
    events = (
        "  - {date: 2025-01-05, type: veto_used, by: acme}\n"
        "  - {date: 2025-02-01, type: clearance, jurisdiction: de}"
    )
    implemented, notified, _, what = facts(events, "de")
    assert implemented is True and notified is False
    assert what == "veto used on 2025-01-05, before any notification"


def test_the_transaction_closing_date_counts() -> None:
    text = DEAL.replace("{events}", "  - {date: 2025-01-01, type: signing}").replace(
        "  target: widget\n", "  target: widget\n  closing: 2025-01-20\n"
    )
    assert val(ctx_for(text), "standstill.implemented.eu") is True


@pytest.mark.parametrize(
    "text",
    [
        DEAL.replace("timeline:\n{events}\n", ""),
        DEAL.replace("{events}", "  - {date: 2025-01-01, type: signing}\npartial: [timeline]"),
    ],
)
def test_no_or_partial_timeline_is_unknown(text: str) -> None:
    ctx = ctx_for(text)
    assert val(ctx, "standstill.implemented.eu") is None
    assert val(ctx, "standstill.days.eu") is None


def test_events_after_the_case_date_decide_nothing() -> None:
    assert facts("  - {date: 2025-09-01, type: closing}")[:3] == (False, None, 0)


@pytest.mark.parametrize(
    ("closing", "expected"),
    [("2024-09-01", False), ("2024-12-01", True), ("2025-02-01", False)],
)
def test_a_referred_deal_is_held_from_the_request_until_clearance(
    closing: str, expected: bool
) -> None:
    """Art. 22(4) EUMR: Art. 7 applies to what was not implemented when the parties were told
    of the request (here read from the request's date), until clearance."""
    events = (
        "  - {date: 2024-10-01, type: referral_request, jurisdiction: fr}\n"
        "  - {date: 2024-11-01, type: referral_acceptance, jurisdiction: eu}\n"
        f"  - {{date: {closing}, type: closing}}\n"
        "  - {date: 2025-01-15, type: clearance, jurisdiction: eu}"
    )
    ctx = ctx_for(DEAL.replace("{events}", events))
    assert val(ctx, "standstill.implemented_after_referral.eu") is expected


def test_no_referral_on_a_silent_file_is_unknown() -> None:
    ctx = ctx_for(DEAL.replace("timeline:\n{events}\n", ""))
    assert val(ctx, "standstill.implemented_after_referral.eu") is None


SIGNING_RIGHTS = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
transaction:
  acquirer: acme
  target: widget
  steps:
    - {kind: acquire_stake, equity: 100%}
    - kind: grant_right
      date: 2024-12-09
      right: {holder: acme, issuer: widget, kind: veto, matters: [MATTERS]}
timeline:
  - {date: 2024-12-09, type: signing}
  - {date: 2025-02-25, type: filing, jurisdiction: eu}
  - {date: 2025-04-20, type: clearance, jurisdiction: eu}
  - {date: 2025-05-01, type: closing}
"""


def test_vetoes_over_the_business_from_signing_implement_the_deal() -> None:
    """Altice (T-425/18, C-746/21 P): covenants giving the buyer vetoes over the target's
    ordinary business from signing are implementation before notification."""
    ctx = ctx_for(SIGNING_RIGHTS.replace("MATTERS", "senior_management, pricing"))
    assert val(ctx, "standstill.implemented.eu") is True
    assert val(ctx, "standstill.notified_first.eu") is False
    assert val(ctx, "standstill.first_act.eu") == (
        "veto rights over pricing, senior management conferred on 2024-12-09, "
        "before any notification"
    )


def test_vetoes_that_protect_the_targets_value_do_not() -> None:
    ctx = ctx_for(SIGNING_RIGHTS.replace("MATTERS", "dividends, asset_sales"))
    assert val(ctx, "standstill.implemented.eu") is False


def test_an_instruction_before_clearance_implements_the_deal() -> None:
    events = (
        "  - {date: 2025-01-10, type: filing, jurisdiction: eu}\n"
        "  - {date: 2025-02-01, type: instruction_given, by: acme, note: marketing campaign}\n"
        "  - {date: 2025-03-01, type: clearance, jurisdiction: eu}"
    )
    implemented, notified, days, what = facts(events)
    assert (implemented, notified, days) == (True, True, 28)
    assert what == "instruction given on 2025-02-01, after notification on 2025-01-10"


@pytest.mark.parametrize("fact", ["first_act", "implemented", "notified_first", "days"])
def test_each_standstill_fact_is_one_definition_over_the_review(fact: str) -> None:
    definition = REGISTRY.definitions[f"standstill.{fact}"]
    assert definition.dimensions == ("geography",)
    names = {REGISTRY[f"standstill.{fact}.{code}"].definition.id for code in ("eu", "de")}
    assert names == {f"standstill.{fact}"}
    assert "German clearance" in REGISTRY[f"standstill.{fact}.de"].doc
    ctx = ctx_for(DEAL.replace("{events}", "  - {date: 2024-12-18, type: closing}"))
    assert ctx.of(f"standstill.{fact}", geography="de") == ctx.get(f"standstill.{fact}.de")
