"""HSR violations read from the timeline (15 U.S.C. § 18a(g)(1)): the acquiring person
consummated the acquisition — closed, or used the rights it acquires — without having filed
and waited, and for how many days.

Consummation is the acquisition of beneficial ownership (16 CFR 801.1(c)): the closing, or
the acquirer's side voting the target's shares, using a veto or taking a board seat. Rights
used before the deal's signing (or, without one, its first filing) are not counted: they may
be rights of a stake held before the deal. A waiting period has run when a US
``waiting_period_expiry`` or ``clearance`` (early termination) follows a US ``filing`` on or
before the consummation date. Only events on or before the case's ``as_of`` count.

Whether a filing was required is the notification rule's question; these facts only say what
the timeline shows. The day count is the number of days from the consummation date to the day
the waiting period of a later (corrective or pending) filing ended, or to the case date while
none has ended [D: the counting convention is this module's; the FTC's complaints plead a
violation "continuously" from the consummation to the expiry of the waiting period].
"""

from __future__ import annotations

import datetime as dt

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.timeline import ENDS_REVIEW, RIGHTS_EVENTS, events
from trustbench.model.deal import AcquireAssets, AcquireStake
from trustbench.model.timeline import Event
from trustbench.model.types import source_ids

US = "us"
_Q = (
    "When did the acquirer close, or first vote the target's shares, use a veto or take a "
    "board seat there; when (if ever) did it file under HSR, and when did the waiting period "
    "end?"
)


def _us(evts: list[Event], types: frozenset[str]) -> list[Event]:
    """This deal's US review events (a filing for an earlier acquisition, ``earlier: true``,
    is not this deal's: 802.21 decides whether it covers it)."""
    return sorted(
        (e for e in evts if e.type in types and e.jurisdiction == US and not e.earlier), key=_date
    )


def _date(event: Event) -> dt.date:
    return event.date


def consummation(ctx: FactContext) -> Event | None:
    """The first act of consummation on the timeline: the closing, or a right the deal gives
    used by the acquirer's side on or after the signing (or the first US filing)."""
    evts = events(ctx)
    side = ctx.interests("after").group(ctx.acquirer) | {ctx.acquirer}
    opened = [e.date for e in evts if e.type == "signing"] or [
        e.date for e in _us(evts, frozenset({"filing"}))
    ]
    start = min(opened) if opened else None
    acts = [
        e
        for e in evts
        if e.type == "closing"
        or (
            e.type in RIGHTS_EVENTS
            and (e.by is None or e.by in side)
            and start is not None
            and e.date >= start
        )
    ]
    acts.extend(_dated_steps(ctx))
    return min(acts, key=_date) if acts else None


def _dated_steps(ctx: FactContext) -> list[Event]:
    """The deal's own acquisitions of shares or assets by the acquirer's side, where the file
    dates them (``date`` on the step, or the transaction's ``closing``): each is an
    acquisition of beneficial ownership, like a closing."""
    t = ctx.deal.transaction
    side = ctx.interests("after").group(ctx.acquirer) | {ctx.acquirer}
    dated = [
        (st.date, st.source)
        for st in t.steps
        if isinstance(st, AcquireStake | AcquireAssets)
        and ((st.holder if isinstance(st, AcquireStake) else st.buyer) or t.acquirer) in side
        and st.date is not None
    ]
    if t.closing is not None:
        dated.append((t.closing, t.source))
    return [
        Event(date=d, type="closing", note="acquisition in the deal", source=src)
        for d, src in dated
        if d <= ctx.as_of
    ]


def _waited(evts: list[Event], on: dt.date) -> Event | None:
    """The end of a waiting period (after a filing) on or before ``on``, if any."""
    filings = _us(evts, frozenset({"filing"}))
    for end in _us(evts, ENDS_REVIEW):
        if end.date <= on and any(f.date <= end.date for f in filings):
            return end
    return None


def _breach(ctx: FactContext) -> tuple[Event, list[str]] | Value:
    """(consummation, sources) when the timeline shows a breach, else the fact's value."""
    if not ctx.declared("timeline"):
        return unknown("the deal file has no timeline")
    partial = "timeline" in ctx.deal.partial
    act = consummation(ctx)
    if act is None:
        if partial:
            return unknown("the timeline is partial and records no closing")
        return known(False, note="the timeline records no closing and no rights used")
    sources = list(source_ids(act.source))
    ended = _waited(events(ctx), act.date)
    if ended is not None:
        note = f"waiting period ended {ended.date.isoformat()}; consummated {act.date.isoformat()}"
        return known(False, (*sources, *source_ids(ended.source)), note)
    if partial:
        return unknown("the timeline is partial: a filing and its waiting period may be missing")
    return act, sources


@fact(
    "hsr.waiting_period.breached",
    "bool",
    "yes/no",
    "the acquiring person consummated the acquisition (closed, or voted the target's shares, "
    "used a veto or took a board seat) before an HSR waiting period had ended — with no "
    "filing at all, or before the filing's waiting period expired or was terminated",
    test="15 U.S.C. § 18a(a), (b)(1), (g)(1); 16 CFR 801.1(c)",
    question=_Q,
    topic="Timeline",
)
def _breached(ctx: FactContext) -> Value:
    found = _breach(ctx)
    if isinstance(found, Value):
        return found
    act, sources = found
    what = "acquisition" if act.note == "acquisition in the deal" else act.type.replace("_", " ")
    filed = _us(events(ctx), frozenset({"filing"}))
    before = [f for f in filed if f.date <= act.date]
    how = "no HSR filing before it" if not before else f"filed {before[0].date.isoformat()}"
    return known(True, sources, f"{what} on {act.date.isoformat()}; {how}")


@fact(
    "hsr.violation.days",
    "int",
    "days",
    "days in violation of § 7A: from the consummation to the end of the waiting period of a "
    "later (corrective or pending) filing, or to the case date while none has ended; 0 when "
    "the timeline shows no breach",
    test="15 U.S.C. § 18a(g)(1) (a civil penalty for each day of violation)",
    question=_Q,
    topic="Timeline",
)
def _days(ctx: FactContext) -> Value:
    found = _breach(ctx)
    if isinstance(found, Value):
        return found if found.value is None else known(0, found.sources, found.note)
    act, sources = found
    later = [e for e in _us(events(ctx), ENDS_REVIEW) if e.date > act.date]
    end = later[0].date if later else ctx.as_of
    until = (
        f"the waiting period ended {end.isoformat()}"
        if later
        else f"no waiting period has ended by the case date ({end.isoformat()})"
    )
    note = f"from {act.date.isoformat()}: {until}"
    return known((end - act.date).days, sources, note)


@fact(
    "hsr.corrective_filing",
    "bool",
    "yes/no",
    "after consummating without having waited, the acquiring person filed under HSR "
    "(a corrective filing); false when no breach is shown",
    test="15 U.S.C. § 18a(g)(1); FTC practice on corrective filings",
    question=_Q,
    topic="Timeline",
)
def _corrective(ctx: FactContext) -> Value:
    found = _breach(ctx)
    if isinstance(found, Value):
        return found if found.value is None else known(False, found.sources, "no breach shown")
    act, sources = found
    after = [f for f in _us(events(ctx), frozenset({"filing"})) if f.date > act.date]
    if after:
        return known(True, (*sources, *source_ids(after[0].source)), f"filed {after[0].date}")
    return known(False, sources, "no HSR filing after the consummation")
