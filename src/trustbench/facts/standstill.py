"""Standstill obligations read from the timeline, whether or not the deal was notified.

EUMR Art. 4(1) and 7(1) and GWB § 41(1) forbid implementing a notifiable concentration
before it is cleared. A deal that closes without ever being notified breaches them as surely
as one that closes while the review is pending, so these facts, unlike
``timeline.closed_before_clearance.*``, do not need a filing event: they ask whether the deal
was *implemented* — closed, vetoes over the target's business conferred by a dated step
(Altice: the purchase agreement's covenants from signing), or the rights it gives exercised
(votes cast, vetoes used, instructions given, board seats taken by the acquirer's side) — on
or before the case date and before clearance in the jurisdiction. Whether a filing was
required at all is the notification rules' question.

Closing is read from ``closing`` events and from ``transaction.closing``; only what happened
on or before ``as_of`` counts. An absent closing or exercise of rights counts as none only if
the timeline is stated and not marked partial.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from trustbench.facts.context import FactContext
from trustbench.facts.governance import STRATEGIC_MATTERS
from trustbench.facts.registry import F, FactType, Value, defines, fact, known, unknown
from trustbench.facts.timeline import ENDS_REVIEW, RIGHTS_EVENTS, TIMELINE_QUESTION, events
from trustbench.model.plausibility import ORDINARY_MATTERS
from trustbench.model.transaction import GrantRight
from trustbench.model.types import source_ids

REVIEWS = {"eu": "EU clearance", "de": "German clearance"}

BUSINESS_MATTERS = (*STRATEGIC_MATTERS, *ORDINARY_MATTERS)
"""Matters a veto over which steers the target's business rather than protecting its value:
the strategic vetoes of joint control (Consolidated Jurisdictional Notice, B.II.3.2) and the
ordinary-course vetoes (pricing, contracts) held to implement a deal in Altice."""

_Q = TIMELINE_QUESTION


@dataclass(frozen=True)
class Act:
    """The first act implementing the deal before clearance."""

    date: dt.date
    what: str
    sources: tuple[str, ...]


def _cleared(ctx: FactContext, code: str) -> dt.date | None:
    dates = [e.date for e in events(ctx) if e.type in ENDS_REVIEW and e.jurisdiction == code]
    return min(dates) if dates else None


def _acts(ctx: FactContext) -> list[Act]:
    """Every closing, every right over the target's business conferred on the acquirer's
    side from a dated step, and every exercise of rights by that side, as of the case."""
    acquirers = ctx.interests("after").group(ctx.acquirer) | {ctx.acquirer}
    acts = [
        Act(e.date, e.type.replace("_", " "), tuple(source_ids(e.source)))
        for e in events(ctx)
        if e.type == "closing" or (e.type in RIGHTS_EVENTS and (e.by is None or e.by in acquirers))
    ]
    acts += _conferred(ctx, acquirers)
    closing = ctx.deal.transaction.closing
    if closing is not None and closing <= ctx.as_of:
        acts.append(Act(closing, "closing", tuple(source_ids(ctx.deal.transaction.source))))
    return sorted(acts, key=lambda a: (a.date, a.what))


def _conferred(ctx: FactContext, acquirers: set[str]) -> list[Act]:
    """Vetoes or consents over the target's business conferred on the acquirer's side by a
    dated step (e.g. the purchase agreement's covenants from signing): the possibility of
    decisive influence before closing already implements the deal (Altice v Commission,
    T-425/18 and C-746/21 P). Rights only over matters that protect the target's value
    (dividends, asset sales, the articles) are not counted."""
    out = []
    for step in ctx.deal.transaction.steps:
        if not isinstance(step, GrantRight) or step.date is None or step.date > ctx.as_of:
            continue
        right = step.right
        matters = sorted(set(right.matters) & set(BUSINESS_MATTERS))
        ours = right.issuer == ctx.target and right.holder in acquirers
        if right.kind in ("veto", "consent") and ours and matters:
            what = f"{right.kind} rights over {', '.join(matters)} conferred".replace("_", " ")
            out.append(Act(step.date, what, tuple(source_ids(step.source))))
    return out


def _stated(ctx: FactContext) -> bool:
    return ctx.declared("timeline") and "timeline" not in ctx.deal.partial


def first_act(ctx: FactContext, code: str) -> Act | str | None:
    """The first implementing act before clearance in ``code``; None if there was none;
    the reason as a string if the file cannot tell."""
    cleared = _cleared(ctx, code)
    early = [a for a in _acts(ctx) if cleared is None or a.date < cleared]
    if early:
        return early[0]
    if _stated(ctx) or (cleared is not None and "timeline" not in ctx.deal.partial):
        return None
    return "the timeline is not stated or is partial, and records no closing before clearance"


def _filing(ctx: FactContext, code: str) -> dt.date | None:
    dates = [e.date for e in events(ctx) if e.type == "filing" and e.jurisdiction == code]
    return min(dates) if dates else None


def _implemented(ctx: FactContext, code: str) -> Value:
    act = first_act(ctx, code)
    if isinstance(act, str):
        return unknown(act)
    if act is None:
        return known(False, note=f"nothing implemented the deal before {REVIEWS[code]}")
    filed = _filing(ctx, code)
    when = f"{act.what} on {act.date.isoformat()}"
    if filed is None or filed > act.date:
        return known(True, act.sources, f"{when}, before any notification")
    return known(True, act.sources, f"{when}, after notification on {filed.isoformat()}")


def _notified_first(ctx: FactContext, code: str) -> Value:
    act = first_act(ctx, code)
    if isinstance(act, str):
        return unknown(act)
    filed = _filing(ctx, code)
    if filed is not None and (act is None or filed <= act.date):
        return known(True, note=f"notified {filed.isoformat()}")
    if act is not None:
        return known(False, act.sources, f"{act.what} on {act.date.isoformat()}, not notified")
    return unknown("nothing implemented the deal, and no notification is recorded")


def _days(ctx: FactContext, code: str) -> Value:
    act = first_act(ctx, code)
    if isinstance(act, str):
        return unknown(act)
    if act is None:
        return known(0, note="not implemented before clearance")
    cleared = _cleared(ctx, code)
    end = cleared if cleared is not None else ctx.as_of
    note = f"from {act.date.isoformat()} to " + (
        f"clearance on {end.isoformat()}" if cleared else f"the case date {end.isoformat()}"
    )
    return known((end - act.date).days, act.sources, note)


def _described(ctx: FactContext, code: str) -> Value:
    act = first_act(ctx, code)
    if isinstance(act, str):
        return unknown(act)
    if act is None:
        return known("nothing", note=f"nothing implemented the deal before {REVIEWS[code]}")
    filed = _filing(ctx, code)
    when = f"{act.what} on {act.date.isoformat()}"
    if filed is None or filed > act.date:
        return known(f"{when}, before any notification", act.sources)
    return known(f"{when}, after notification on {filed.isoformat()}", act.sources)


def _over_reviews(name: str, type: FactType, unit: str, doc: str, test: str) -> Callable[[F], F]:
    """One standstill fact defined over the review (``geography``: ``eu``, ``de``); each
    jurisdiction's rule cites its own law. ``{geography}`` reads as that review's clearance."""
    return defines(
        name,
        name + ".{geography}",
        type,
        unit,
        doc,
        over=("geography",),
        exposed=[{"geography": code} for code in REVIEWS],
        words={"geography": REVIEWS},
        test=test,
        question=_Q,
        topic="Timeline",
    )


@_over_reviews(
    "standstill.first_act",
    "string",
    "text",
    "the first act implementing the deal before {geography}, with its date and whether the "
    "deal had been notified to that authority by then ('nothing' when none)",
    "standstill obligations (gun-jumping)",
)
def _what(ctx: FactContext, geography: str) -> Value:
    return _described(ctx, geography)


@_over_reviews(
    "standstill.implemented",
    "bool",
    "yes/no",
    "the deal was implemented before {geography}: it closed, a dated step gave the acquirer's "
    "side vetoes over the target's business, or that side cast votes, used a veto, gave "
    "instructions or took a board seat in the target, before {geography} (or with none "
    "recorded by the case date), whether or not it was notified to that authority",
    "standstill obligations (gun-jumping)",
)
def _impl(ctx: FactContext, geography: str) -> Value:
    return _implemented(ctx, geography)


@_over_reviews(
    "standstill.notified_first",
    "bool",
    "yes/no",
    "the deal was notified to the authority whose {geography} it needs before anything "
    "implemented it (false: it closed or rights were exercised with no notification yet)",
    "prior notification (EUMR Art. 4(1); GWB § 39(1))",
)
def _first(ctx: FactContext, geography: str) -> Value:
    return _notified_first(ctx, geography)


@_over_reviews(
    "standstill.days",
    "int",
    "days",
    "days from the first act implementing the deal before {geography} to that clearance "
    "(or to the case date when there is none); 0 when nothing was implemented early",
    "standstill obligations (duration of the infringement)",
)
def _dur(ctx: FactContext, geography: str) -> Value:
    return _days(ctx, geography)


def _referral_informed(ctx: FactContext) -> dt.date | None:
    """The date from which Art. 7 applies to a referred deal (Art. 22(4) EUMR: the date the
    Commission informs the undertakings concerned that a request has been made), read as the
    first referral request in the timeline, or the acceptance where no request is dated."""
    requests = [e.date for e in events(ctx) if e.type == "referral_request"]
    accepted = [
        e.date for e in events(ctx) if e.type == "referral_acceptance" and e.jurisdiction == "eu"
    ]
    dates = requests or accepted
    return min(dates) if dates else None


@fact(
    "standstill.implemented_after_referral.eu",
    "bool",
    "yes/no",
    "the deal was implemented (closed, or the acquirer's side used rights in the target) on "
    "or after the first Art. 22 referral request, and before EU clearance: what the EU "
    "standstill forbids a referred deal (Art. 22(4) EUMR)",
    test="standstill obligations (gun-jumping) of a referred concentration",
    question=_Q,
    topic="Timeline",
)
def _after_referral(ctx: FactContext) -> Value:
    start = _referral_informed(ctx)
    if start is None:
        if _stated(ctx):
            return known(False, note="the timeline records no referral request")
        return unknown("the timeline does not record the referral procedure")
    cleared = _cleared(ctx, "eu")
    acts = [a for a in _acts(ctx) if a.date >= start and (cleared is None or a.date < cleared)]
    if acts:
        first = acts[0]
        return known(True, first.sources, f"{first.what} on {first.date.isoformat()}")
    if _stated(ctx) or (cleared is not None and "timeline" not in ctx.deal.partial):
        return known(False, note=f"nothing implemented the deal from {start.isoformat()}")
    return unknown("the timeline is partial and records no closing after the referral")
