"""Art. 22 requests and national call-ins, from the timeline."""

from __future__ import annotations

from tests.facts.helpers import ctx_for, val

DEAL = """
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
transaction: {acquirer: acme, target: widget}
timeline:
{events}
"""


def test_requesters_and_call_ins_are_member_states() -> None:
    events = (
        "  - {date: 2024-05-01, type: call_in, jurisdiction: it}\n"
        "  - {date: 2024-06-01, type: referral_request, jurisdiction: it}\n"
        "  - {date: 2024-06-05, type: referral_request, jurisdiction: eu}\n"
        "  - {date: 2024-06-06, type: call_in, jurisdiction: uk}"  # not a Member State
    )
    ctx = ctx_for(DEAL.replace("{events}", events))
    assert val(ctx, "timeline.referral_requested.eu") is True
    assert val(ctx, "timeline.referral_requesters") == ["IT"]
    assert val(ctx, "timeline.called_in") == ["IT"]


def test_a_stated_timeline_without_them_says_none() -> None:
    ctx = ctx_for(DEAL.replace("{events}", "  - {date: 2024-05-01, type: signing}"))
    assert val(ctx, "timeline.referral_requested.eu") is False
    assert val(ctx, "timeline.called_in") == []


def test_no_timeline_is_unknown() -> None:
    ctx = ctx_for(DEAL.replace("timeline:\n{events}\n", ""))
    assert val(ctx, "timeline.referral_requested.eu") is None
    assert val(ctx, "timeline.referral_requesters") is None
