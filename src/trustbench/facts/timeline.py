"""The deal's timeline as the facts read it: its events up to the case's ``as_of`` date, and
the Commission's acceptance of an Art. 22 referral.

Standstill and gun-jumping are read elsewhere, because a filing is not a precondition of a
breach: the EU and German standstill obligations by :mod:`trustbench.facts.standstill`, the
HSR waiting period by :mod:`trustbench.facts.hsr_violation`. An absent event counts as none
only if the timeline is stated and not marked partial.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.timeline import Event
from trustbench.model.types import source_ids

RIGHTS_EVENTS = frozenset({"vote_cast", "veto_used", "instruction_given", "board_seat_taken"})
ENDS_REVIEW = frozenset({"clearance", "waiting_period_expiry"})


def events(ctx: FactContext) -> list[Event]:
    """The timeline as of the case date: a memo is as of its date, so a later event decides
    nothing."""
    return [e for e in ctx.deal.timeline if e.date <= ctx.as_of]


def _first(events: list[Event], types: frozenset[str], jurisdiction: str) -> Event | None:
    dated = [e for e in events if e.type in types and e.jurisdiction == jurisdiction]
    return min(dated, key=lambda e: e.date) if dated else None


# One question for the dated course of the deal, and one for referrals: every fact the
# timeline decides asks one of these, so the memo writes each once (issue 13: each request once).
TIMELINE_QUESTION = (
    "When was the deal announced, signed and completed, and when were its material facts first "
    "made public or given to the CMA? When was it notified to each authority, and when cleared "
    "or prohibited? Did the acquirer vote, use a veto, give instructions or take a board seat at "
    "the target before clearance?"
)
REFERRAL_QUESTION = (
    "Has any Member State called the deal in under its national law, or asked the Commission "
    "to examine it under Art. 22 — which, and when — and has the Commission accepted a referral?"
)


@fact(
    "timeline.referral_accepted.eu",
    "bool",
    "yes/no",
    "the Commission has accepted a Member State's request to refer the deal to it (a "
    "referral acceptance in the EU recorded in the timeline on or before the case date)",
    test="EUMR Art. 22",
    question=REFERRAL_QUESTION,
    topic="Timeline",
)
def _referral_accepted(ctx: FactContext) -> Value:
    accepted = _first(events(ctx), frozenset({"referral_acceptance"}), "eu")
    if accepted is not None:
        return known(True, source_ids(accepted.source), f"accepted {accepted.date.isoformat()}")
    if not ctx.declared("timeline") or "timeline" in ctx.deal.partial:
        return unknown("the timeline does not record the referral procedure")
    return known(False, note="the timeline records no accepted referral")
