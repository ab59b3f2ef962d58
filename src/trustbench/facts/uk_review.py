"""The UK's clock for completed mergers (Enterprise Act 2002 s. 24), read from the timeline.

The UK regime is voluntary and non-suspensory: a merger may complete without clearance, but
the CMA may then refer it within four months beginning with the day the enterprises ceased
to be distinct or, if later, the day its material facts were given to the CMA or made public
(s. 24(1)–(2)). These facts give the day that clock starts and how many whole calendar months
have run from it to the case date; the pack compares the months with its dated parameter, so
the period lives in the pack, not here.

Completion is a ``closing`` event (or ``transaction.closing``); the material facts are made
public by an ``announcement`` or given to the CMA by a ``filing`` in the UK (a merger notice
or briefing paper). Facts made public before completion start the clock at completion.
"""

from __future__ import annotations

import datetime as dt

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.timeline import TIMELINE_QUESTION, events
from trustbench.model.types import source_ids

_Q = TIMELINE_QUESTION


def _stated(ctx: FactContext) -> bool:
    return ctx.declared("timeline") and "timeline" not in ctx.deal.partial


def completion(ctx: FactContext) -> dt.date | str | None:
    """The completion date; None if the deal has not completed; the reason if unknown."""
    dates = [e.date for e in events(ctx) if e.type == "closing"]
    closing = ctx.deal.transaction.closing
    if closing is not None and closing <= ctx.as_of:
        dates.append(closing)
    if dates:
        return min(dates)
    if _stated(ctx):
        return None
    return "the file records no completion and the timeline is not stated in full"


def _made_public(ctx: FactContext) -> dt.date | None:
    dates = [
        e.date
        for e in events(ctx)
        if e.type == "announcement" or (e.type == "filing" and e.jurisdiction == "uk")
    ]
    return min(dates) if dates else None


def clock_start(ctx: FactContext) -> dt.date | str | None:
    """When the s. 24 period begins; None if it has not begun; the reason if unknown."""
    done = completion(ctx)
    if not isinstance(done, dt.date):
        return done
    public = _made_public(ctx)
    if public is None:
        if _stated(ctx):
            return None
        return "the file does not say when the material facts were made public"
    return max(done, public)


def whole_months(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from ``start`` to ``end``: a period of n months beginning with
    ``start`` has ended by ``end`` exactly when this is at least n."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


@fact(
    "uk.completed",
    "bool",
    "yes/no",
    "the merger has completed (a closing on or before the case date)",
    test="EA 2002 s. 24 (completed mergers); s. 72 (interim orders)",
    question=_Q,
    topic="Timeline",
)
def _completed(ctx: FactContext) -> Value:
    done = completion(ctx)
    if isinstance(done, str):
        return unknown(done)
    if done is None:
        return known(False, note="no completion recorded in a stated timeline")
    return known(True, source_ids(ctx.deal.transaction.source), f"completed {done.isoformat()}")


@fact(
    "uk.reference_clock.start",
    "string",
    "date",
    "the day the CMA's four-month period for referring a completed merger begins: completion "
    "or, if later, the day its material facts were made public or given to the CMA ('not "
    "begun' when the deal has not completed or nothing has been made public)",
    test="EA 2002 s. 24(1)–(2)",
    question=_Q,
    topic="Timeline",
)
def _start(ctx: FactContext) -> Value:
    start = clock_start(ctx)
    if isinstance(start, str):
        return unknown(start)
    return known("not begun" if start is None else start.isoformat())


@fact(
    "uk.reference_clock.months",
    "int",
    "months",
    "whole calendar months from the start of the s. 24 period to the case date (0 when the "
    "period has not begun)",
    test="EA 2002 s. 24(1)–(2)",
    question=_Q,
    topic="Timeline",
)
def _months(ctx: FactContext) -> Value:
    start = clock_start(ctx)
    if isinstance(start, str):
        return unknown(start)
    if start is None:
        return known(0, note="the period has not begun")
    return known(whole_months(start, ctx.as_of), note=f"from {start.isoformat()}")
