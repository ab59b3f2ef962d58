"""Facts from the deal's timeline: was the deal closed, or were the rights it gives
exercised, while a review was still pending?

Only events on or before the case's ``as_of`` date count. A review is *pending* in a
jurisdiction from the first ``filing`` there until its first ``clearance`` (or
``waiting_period_expiry``). Without a filing event the facts are unknown: whether a filing
was required is the notification rules' question, not the timeline's. An absent clearance
counts as none only if the timeline is stated and not marked partial.
"""

from __future__ import annotations

import datetime as dt

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.timeline import Event
from trustbench.model.types import source_ids

JURISDICTIONS = {"us": "the HSR waiting period", "eu": "EU clearance", "de": "German clearance"}
RIGHTS_EVENTS = frozenset({"vote_cast", "veto_used", "board_seat_taken"})
ENDS_REVIEW = frozenset({"clearance", "waiting_period_expiry"})


def events(ctx: FactContext) -> list[Event]:
    """The timeline as of the case date: a memo is as of its date, so a later event decides
    nothing."""
    return [e for e in ctx.deal.timeline if e.date <= ctx.as_of]


def _first(events: list[Event], types: frozenset[str], jurisdiction: str) -> Event | None:
    dated = [e for e in events if e.type in types and e.jurisdiction == jurisdiction]
    return min(dated, key=lambda e: e.date) if dated else None


def _review(ctx: FactContext, code: str) -> tuple[dt.date, dt.date | None, list[str]] | str:
    """(filed, cleared or None, sources) for ``code``, or the reason it is unknown."""
    known_events = events(ctx)
    filing = _first(known_events, frozenset({"filing"}), code)
    if filing is None:
        return f"the timeline records no filing in {code.upper()}"
    cleared = _first(known_events, ENDS_REVIEW, code)
    sources = [*source_ids(filing.source), *(source_ids(cleared.source) if cleared else ())]
    if cleared is None and "timeline" in ctx.deal.partial:
        return f"the timeline is partial and records no end of the {code.upper()} review"
    return filing.date, cleared.date if cleared else None, sources


def _before(date: dt.date, cleared: dt.date | None) -> bool:
    return cleared is None or date < cleared


def _start(ctx: FactContext, filed: dt.date) -> dt.date:
    """Where the deal's own conduct begins: the signing if recorded, else the filing."""
    signed = [e.date for e in events(ctx) if e.type == "signing"]
    return min(signed) if signed else filed


def _closed_before(ctx: FactContext, code: str) -> Value:
    review = _review(ctx, code)
    if isinstance(review, str):
        return unknown(review)
    _, cleared, sources = review
    closing = min((e for e in events(ctx) if e.type == "closing"), key=_date, default=None)
    if closing is None:
        if "timeline" in ctx.deal.partial:
            return unknown("the timeline is partial and records no closing", sources)
        return known(False, sources, "the timeline records no closing")
    early = _before(closing.date, cleared)
    note = f"closed {closing.date.isoformat()}; " + (
        f"cleared {cleared.isoformat()}" if cleared else "no clearance recorded"
    )
    return known(early, (*sources, *source_ids(closing.source)), note)


def _date(event: Event) -> dt.date:
    return event.date


def _rights_before(ctx: FactContext, code: str) -> Value:
    review = _review(ctx, code)
    if isinstance(review, str):
        return unknown(review)
    filed, cleared, sources = review
    acquirers = ctx.interests("after").group(ctx.acquirer) | {ctx.acquirer}
    used = [
        e
        for e in events(ctx)
        if e.type in RIGHTS_EVENTS
        and (e.by is None or e.by in acquirers)
        and _start(ctx, filed) <= e.date
        and _before(e.date, cleared)
    ]
    if used:
        first = min(used, key=_date)
        note = f"{first.type.replace('_', ' ')} on {first.date.isoformat()}"
        return known(True, (*sources, *source_ids(first.source)), note)
    if "timeline" in ctx.deal.partial:
        return unknown("the timeline is partial", sources)
    return known(False, sources)


# One question for the whole timeline: the client answers it once, with dates, for every
# jurisdiction where the deal was or may be notified.
_Q_TIMELINE = (
    "For each jurisdiction where the deal was or may be notified: when was it notified, when "
    "was it cleared, when did it close, and did the acquirer vote, use a veto or take a board "
    "seat at the target before clearance?"
)


def _register(code: str, label: str) -> None:
    @fact(
        f"timeline.closed_before_clearance.{code}",
        "bool",
        "yes/no",
        f"the deal was filed in {code.upper()} and closed before {label} (or with none recorded)",
        test="standstill obligations (gun-jumping)",
        question=_Q_TIMELINE,
        topic="Timeline",
    )
    def _closed(ctx: FactContext) -> Value:
        return _closed_before(ctx, code)

    @fact(
        f"timeline.rights_exercised_before_clearance.{code}",
        "bool",
        "yes/no",
        f"the deal was filed in {code.upper()} and the acquirer's side cast votes, used a "
        f"veto or took a board seat between signing (or filing) and {label}",
        test="standstill obligations (gun-jumping)",
        question=_Q_TIMELINE,
        topic="Timeline",
    )
    def _rights(ctx: FactContext) -> Value:
        return _rights_before(ctx, code)


for _code, _label in JURISDICTIONS.items():
    _register(_code, _label)


@fact(
    "timeline.referral_accepted.eu",
    "bool",
    "yes/no",
    "the Commission has accepted a Member State's request to refer the deal to it (a "
    "referral acceptance in the EU recorded in the timeline on or before the case date)",
    test="EUMR Art. 22",
    question="Has any Member State asked the Commission to examine the deal, and has the "
    "Commission accepted the referral?",
    topic="Timeline",
)
def _referral_accepted(ctx: FactContext) -> Value:
    accepted = _first(events(ctx), frozenset({"referral_acceptance"}), "eu")
    if accepted is not None:
        return known(True, source_ids(accepted.source), f"accepted {accepted.date.isoformat()}")
    if not ctx.declared("timeline") or "timeline" in ctx.deal.partial:
        return unknown("the timeline does not record the referral procedure")
    return known(False, note="the timeline records no accepted referral")
