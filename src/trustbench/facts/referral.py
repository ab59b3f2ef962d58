"""Referrals to the Commission under Art. 22 EUMR and national call-ins, from the timeline.

After Illumina v Commission (C-611/22 P, 3 September 2024) the Commission may accept an
Art. 22 request only from a Member State that has jurisdiction over the deal under its own
law — through its turnover thresholds or a power to call in deals below them. These facts say
which Member States asked for a referral and which called the deal in; the pack compares them
with its dated list of call-in powers.

A ``referral_request`` names the requesting Member State as its ``jurisdiction`` (``it``,
``ie``; ``eu`` when the file does not say which); a ``call_in`` names the calling state. An
absent event counts as none only under a stated, complete timeline.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.timeline import REFERRAL_QUESTION, events
from trustbench.facts.turnover import member_states
from trustbench.model.types import source_ids

_Q = REFERRAL_QUESTION


def _stated(ctx: FactContext) -> bool:
    return ctx.declared("timeline") and "timeline" not in ctx.deal.partial


def _states(ctx: FactContext, kind: str) -> Value:
    states = set(member_states(ctx.as_of))
    found = [e for e in events(ctx) if e.type == kind and (e.jurisdiction or "").upper() in states]
    codes = sorted({(e.jurisdiction or "").upper() for e in found})
    sources = [s for e in found for s in source_ids(e.source)]
    if codes or _stated(ctx):
        return known(codes, sources)
    return unknown("the timeline is not stated in full")


@fact(
    "timeline.referral_requesters",
    "list",
    "Member States",
    "the Member States (ISO codes) that asked the Commission to examine the deal under "
    "Art. 22, on or before the case date",
    test="EUMR Art. 22 (after Illumina v Commission)",
    question=_Q,
    topic="Timeline",
)
def _requesters(ctx: FactContext) -> Value:
    return _states(ctx, "referral_request")


@fact(
    "timeline.called_in",
    "list",
    "Member States",
    "the Member States (ISO codes) that called the deal in under a national power over deals "
    "below their thresholds, on or before the case date",
    test="EUMR Art. 22 (national jurisdiction after Illumina v Commission)",
    question=_Q,
    topic="Timeline",
)
def _called_in(ctx: FactContext) -> Value:
    return _states(ctx, "call_in")


@fact(
    "timeline.referral_requested.eu",
    "bool",
    "yes/no",
    "a Member State has asked the Commission to examine the deal under Art. 22 (a "
    "referral_request event on or before the case date)",
    test="EUMR Art. 22",
    question=_Q,
    topic="Timeline",
)
def _requested(ctx: FactContext) -> Value:
    found = [e for e in events(ctx) if e.type == "referral_request"]
    if found:
        first = min(found, key=lambda e: e.date)
        return known(True, source_ids(first.source), f"requested {first.date.isoformat()}")
    if _stated(ctx):
        return known(False, note="the timeline records no referral request")
    return unknown("the timeline does not record the referral procedure")
