"""Remedies in the timeline, applied to the deal: the facts after the remedy.

A ``divestiture`` event that names a ``market`` and the party that sells (``by``) moves that
party's share of the market (or the ``share`` stated) to the buyer (``to``; an unnamed buyer
when the file gives none), so the overlap it cures is gone from the deal the rules see. A
``commitment`` event is a behavioural remedy: it is added to the transaction as a
``commitment`` contract between the parties, which the safeguard facts read. Its ``terms``
say what it cures, and it cures only that, and only when they state how it binds from outside
the firm (``enforceability``; not an internal policy): each supply row of a product in
``terms.access`` that a party sells to the other side's rivals becomes ``access_assured``
(the merged firm can no longer withhold or degrade it: the ability limb of input
foreclosure), and ``terms.channels`` become a safeguard that closes those information
channels for the persons named (everyone, if none). Partial cover leaves the rest standing.

Only remedies dated on or before the case's ``as_of`` are applied (a memo is as of its date).
The analysis evaluates the deal before and after them and states each substantive finding
both ways (:mod:`trustbench.analysis`); notification and control are answered on the deal
as notified.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trustbench.model.deal import Contract, Deal, Entity, Market, Participant, Supply
from trustbench.model.evidence import Safeguard
from trustbench.model.timeline import Event
from trustbench.model.types import exact

__all__ = ["Remedy", "apply_remedies", "remedies"]


@dataclass(frozen=True)
class Remedy:
    date: dt.date
    type: str  # divestiture | commitment
    text: str  # "the divestiture of Specimen's business in API services to Rival (2025-08-01)"


def _name(deal: Deal, entity: str | None) -> str:
    found = next((e for e in deal.entities if e.id == entity), None)
    return (found.short or found.name) if found else (entity or "an unnamed party")


def _applies(event: Event, as_of: dt.date) -> bool:
    if event.date > as_of:
        return False
    if event.type == "divestiture":
        return event.market is not None and event.by is not None
    return event.type == "commitment"


def remedies(deal: Deal, as_of: dt.date) -> tuple[Remedy, ...]:
    """The remedies of the timeline in force on ``as_of``, described for the findings."""
    out = []
    for e in sorted(deal.timeline, key=lambda e: e.date):
        if not _applies(e, as_of):
            continue
        if e.type == "divestiture":
            market = next(m.name for m in deal.markets if m.id == e.market)
            buyer = f" to {_name(deal, e.to)}" if e.to else ""
            text = f"the divestiture of {_name(deal, e.by)}'s business in {market}{buyer}"
        else:
            text = _describe(e)
        out.append(Remedy(e.date, e.type, f"{text} ({e.date.isoformat()})"))
    return tuple(out)


def apply_remedies(deal: Deal, as_of: dt.date) -> Deal | None:
    """The deal with its remedies applied, or None when its timeline has none in force."""
    events = [e for e in sorted(deal.timeline, key=lambda e: e.date) if _applies(e, as_of)]
    if not events:
        return None
    markets = list(deal.markets)
    entities = list(deal.entities)
    steps = list(deal.transaction.steps)
    supply = list(deal.supply)
    safeguards = list(deal.safeguards)
    for e in events:
        if e.type == "commitment":
            steps.append(_commitment(deal, e))
            supply = [_assured(row, e) for row in supply]
            safeguards.extend(_firewall(e))
            continue
        i = next(i for i, m in enumerate(markets) if m.id == e.market)
        buyer = e.to or f"buyer-of-{e.by}-{e.market}"
        if e.to is None and all(x.id != buyer for x in entities):
            entities.append(Entity(id=buyer, name=f"the buyer of {_name(deal, e.by)}'s business"))
        markets[i] = _divest(markets[i], e, buyer)
    new = deal.model_copy(
        update={
            "markets": markets,
            "entities": entities,
            "supply": supply,
            "safeguards": safeguards,
            "transaction": deal.transaction.model_copy(update={"steps": steps}),
        }
    )
    new._index = None
    return new


def _commitment(deal: Deal, e: Event) -> Contract:
    t = deal.transaction
    return Contract.model_validate(
        {
            "kind": "contract",
            "parties": [t.acquirer, t.target],
            "type": "commitment",
            "text": e.note or "behavioural commitment (timeline)",
        }
    )


def _describe(e: Event) -> str:
    """ "the commitment to supply srm on non-discriminatory terms and to close the control
    channel (order, monitored)" — or its note when it states no terms."""
    t = e.terms
    if t is None or not (t.access or t.channels):
        return "the commitment" + (f" ({e.note})" if e.note else "")
    parts = []
    if t.access:
        parts.append(f"to supply {', '.join(t.access)} on non-discriminatory terms")
    if t.channels:
        parts.append(f"to close the {', '.join(t.channels)} channel(s) to information")
    how = [t.enforceability or "enforceability not stated"] + (
        ["monitored"] if t.monitoring else []
    )
    return f"the commitment {' and '.join(parts)} ({', '.join(how)})"


def _binds(e: Event) -> bool:
    """A commitment cures only if its terms say how it binds from outside the firm."""
    return e.terms is not None and e.terms.enforceability not in (None, "internal-policy")


def _assured(row: Supply, e: Event) -> Supply:
    """``row`` with its supply assured when ``e`` commits the merged firm to keep supplying
    the product (rivals' own rows are never read as input foreclosure, so marking them is
    harmless)."""
    if not _binds(e) or e.terms is None or row.product not in e.terms.access:
        return row
    return row.model_copy(update={"access_assured": True})


def _firewall(e: Event) -> list[Safeguard]:
    """The safeguard a commitment's firewall terms make (none without channels)."""
    t = e.terms
    if t is None or not t.channels:
        return []
    return [
        Safeguard(
            kind="commitment",
            channels=t.channels,
            persons=t.persons,
            enforceability=t.enforceability,
            monitoring=t.monitoring,
            start=e.date,
            until=t.until,
            note=e.note,
            source=e.source,
        )
    ]


def _divest(market: Market, e: Event, buyer: str) -> Market:
    """``market`` with the share ``e`` divests moved from its seller to ``buyer``."""
    seller = next((p for p in market.participants if p.entity == e.by), None)
    if seller is None:
        return market
    held, sold = exact(seller.share), exact(e.share)
    moved = seller.share if e.share is None else e.share
    participants = [p for p in market.participants if p.entity != e.by]
    if e.share is not None and held is not None and sold is not None and sold < held:
        participants.append(seller.model_copy(update={"share": held - sold}))
    existing = next((p for p in participants if p.entity == buyer), None)
    if existing is not None and exact(existing.share) is not None and exact(moved) is not None:
        total = (exact(existing.share) or 0.0) + (exact(moved) or 0.0)
        participants[participants.index(existing)] = existing.model_copy(update={"share": total})
    elif existing is None:
        participants.append(Participant(entity=buyer, share=moved, source=e.source))
    # figures reported for the merger as notified no longer describe it after the remedy
    stated = market.reported
    if stated is not None:
        stated = stated.model_copy(
            update={"hhi_after": None, "hhi_delta": None, "combined_share": None}
        )
    return market.model_copy(update={"participants": participants, "reported": stated})
