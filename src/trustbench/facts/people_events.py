"""Timeline events about people and about the end of a review, as of the case date.

- ``board_seat_ended``: the seat is gone from the boards every fact reads
  (:mod:`trustbench.model.seats`, applied when the context is built); ``board.seats_ended``
  names the seats so ended, for the findings that turn on a board link.
- ``individual_ban``: an agency's order against a person (a director disqualified or barred
  from a board); ``people.barred`` names the people of the deal's side it concerns.
- ``prohibition``: the authority of a review has prohibited the deal
  (``timeline.prohibited.{eu,de}``), which the dissolution rules read.

An event after ``as_of`` counts for nothing. An absent event counts as none only if the
timeline is stated and not marked partial.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group, people_of, target_side
from trustbench.facts.registry import Value, defines, fact, known, unknown
from trustbench.facts.timeline import TIMELINE_QUESTION, events
from trustbench.graph.edges import Employee, Observer
from trustbench.model.seats import ended_seats
from trustbench.model.types import source_ids

REVIEWS = {"eu": "the Commission", "de": "the Bundeskartellamt"}


def _stated(ctx: FactContext) -> bool:
    return ctx.declared("timeline") and "timeline" not in ctx.deal.partial


@fact(
    "board.seats_ended",
    "list",
    "seats",
    "board seats the timeline records as ended (resignation, removal, end of term) on or "
    "before the case date, each as 'person (company, date)'; such a seat is held by no one "
    "in the boards the other facts read",
    test="Clayton § 8 (an interlock removed by resignation); board representation",
    question="Has any director or observer left a board of the parties (or of their "
    "competitors), and on what date?",
    topic="Board and officers",
)
def _seats_ended(ctx: FactContext) -> Value:
    ended = ended_seats(ctx.deal, ctx.as_of)
    if not ended and not _stated(ctx):
        return unknown("the timeline is not stated in full")
    names = [
        f"{ctx.name(e.person or '')} ({ctx.name(e.company or '')}, {e.date.isoformat()})"
        for e in ended
    ]
    return known(names, tuple(s for e in ended for s in source_ids(e.source)))


def _deal_people(ctx: FactContext) -> set[str]:
    """Directors, observers and officers of the acquirer's group and of the target after the
    deal, and the people the deal hires."""
    companies = acquirer_group(ctx, "after") | target_side(ctx, "after") | {ctx.acquirer}
    people = set(people_of(ctx, "after", companies))
    after = ctx.phase("after")
    people |= {p for p, company, _ in after.edges(Observer) if company in companies}
    people |= {p for p, company, _ in after.edges(Employee) if company in companies}
    return people


@fact(
    "people.barred",
    "list",
    "people",
    "people of the deal's side (directors, observers, officers of the acquirer's group or the "
    "target after the deal, and people it hires) against whom the timeline records an "
    "agency's order on or before the case date (an individual ban), each with the order",
    test="orders against individuals (e.g. a director barred from a competitor's board)",
    question="Is any director, officer or key person of the parties subject to an agency's "
    "order (a disqualification, or a bar on serving on a board)?",
    topic="Board and officers",
)
def _barred(ctx: FactContext) -> Value:
    people = _deal_people(ctx)
    bans = [e for e in events(ctx) if e.type == "individual_ban" and e.person in people]
    if not bans:
        # an agency's order against a person is a public act that counsel checks in the
        # agency's records, not a fact to ask the client for: none recorded reads as none
        return known([], note="the file records no agency order against a person of the deal")
    out = []
    for e in sorted(bans, key=lambda e: (e.date, e.person or "")):
        by = f" by {e.jurisdiction.upper()}" if e.jurisdiction else ""
        what = f": {e.note}" if e.note else ""
        out.append(f"{ctx.name(e.person or '')} (order{by} of {e.date.isoformat()}{what})")
    return known(out, tuple(s for e in bans for s in source_ids(e.source)))


@defines(
    "timeline.prohibited",
    "timeline.prohibited.{geography}",
    "bool",
    "yes/no",
    "{geography} has prohibited the deal (declared it incompatible) on or before the case date",
    over=("geography",),
    exposed=[{"geography": "eu"}],  # the German one has no rule yet (GWB § 41(3))
    words={"geography": REVIEWS},
    test="EUMR Art. 8(3), 8(4)",
    question=TIMELINE_QUESTION,
    topic="Timeline",
)
def _prohibited(ctx: FactContext, geography: str) -> Value:
    found = [e for e in events(ctx) if e.type == "prohibition" and e.jurisdiction == geography]
    if found:
        first = min(found, key=lambda e: e.date)
        return known(True, source_ids(first.source), f"prohibited {first.date.isoformat()}")
    # a prohibition is a published decision that counsel checks in the authority's records,
    # not a fact to ask the client for: none recorded reads as none
    return known(False, note="the file records no prohibition")
