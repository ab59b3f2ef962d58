"""The deal as the memo tells it, and the transaction graph as the diagrams draw it.

Both are computed here, in the analysis stage, from the Deal and the TransactionGraph, so
that the memo reads them from the Result: the steps in words (parties named), the sources,
the exchange rates, and one link per (from, to, category) with its labels merged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustbench.graph.build import Phase, TransactionGraph
from trustbench.graph.edges import (
    Director,
    Edge,
    Employee,
    Holds,
    Observer,
    Officer,
    RightEdge,
    Supplies,
)
from trustbench.model.deal import AcquireStake, AppointDirector, Contract, Deal, GrantRight, Hire
from trustbench.model.types import source_ids
from trustbench.result_parts import DealOut, GraphOut, LinkOut
from trustbench.rules.text import fmt, pct

CATEGORY = {
    "holds": "own",
    "right": "own",
    "director": "seat",
    "observer": "seat",
    "officer": "officer",
    "employee": "officer",
    "supplies": "supply",
}
DATES = ("announced", "signing", "closing", "filing")


def deal_out(deal: Deal, deal_file: Path | None = None) -> DealOut:
    t = deal.transaction
    names = {e.id: deal.name(e.id) for e in deal.entities}
    return DealOut.model_validate(
        {
            "currency": deal.case.currency,
            "jurisdictions": list(deal.case.jurisdictions),
            "prepared_for": deal.case.prepared_for,
            "summary": deal.case.summary,
            "later": deal.case.later,
            "acquirer": _party(deal, t.acquirer),
            "target": _party(deal, t.target),
            "names": names,
            "value": t.value.text(deal.case.currency) if t.value else None,
            "consideration": t.consideration,
            "dates": {k: d.isoformat() for k in DATES if (d := getattr(t, k))},
            "steps": [
                {
                    "kind": step.kind,
                    "text": step_text(deal, step),
                    "date": step.date.isoformat() if step.date else None,
                    "note": step.note,
                    "sources": source_ids(step.source) or source_ids(t.source),
                }
                for step in t.steps
            ],
            "sources": [s.model_dump(mode="json") for s in deal.sources],
            "fx": [
                {
                    "base": x.from_,
                    "quote": x.to,
                    "rate": x.rate,
                    "date": x.date.isoformat(),
                    "sources": source_ids(x.source),
                }
                for x in deal.fx
            ],
            "file": (
                {
                    "name": deal_file.name,
                    "sha256": hashlib.sha256(deal_file.read_bytes()).hexdigest(),
                }
                if deal_file is not None
                else None
            ),
        }
    )


def _party(deal: Deal, eid: str) -> dict[str, Any]:
    entity = next((e for e in deal.entities if e.id == eid), None)
    return {
        "id": eid,
        "name": deal.name(eid),
        "full_name": deal.full_name(eid),
        "note": entity.note if entity else None,
        "sources": source_ids(entity.source) if entity else (),
    }


def step_text(deal: Deal, step: Any) -> str:
    t, name = deal.transaction, deal.name
    if isinstance(step, AcquireStake):
        holder, issuer = name(step.holder or t.acquirer), name(step.issuer or t.target)
        verb = "comes to hold" if step.holding_after else "acquires"
        equity = (
            f"{fmt(step.equity, 'share', 'pct')} of the equity"
            if step.equity is not None
            else "a stake of unstated size"
        )
        shares = {
            "voting": "voting shares",
            "non-voting": "non-voting shares",
            "convertible": "convertible shares",
            "unknown": "shares of unstated class",
        }
        votes = (
            f", {fmt(step.voting, 'share', 'pct')} of the votes" if step.voting is not None else ""
        )
        value = f", for {step.value.text(deal.case.currency)}" if step.value else ""
        seller = f", from {name(step.seller)}" if step.seller else ""
        return (
            f"{holder} {verb} {equity} of {issuer} in {shares[step.share_class]}"
            f"{votes}{seller}{value}."
        )
    if isinstance(step, AppointDirector):
        by = f", designated by {name(step.designated_by)}" if step.designated_by else ""
        role = "an observer" if step.role == "observer" else f"a {step.role}"
        return (
            f"{name(step.person)} joins the board of {name(step.company or t.target)} "
            f"as {role}{by}."
        )
    if isinstance(step, Hire):
        return _hire_text(deal, step)
    if isinstance(step, GrantRight):
        r = step.right
        matters = f" over {', '.join(m.replace('_', ' ') for m in r.matters)}" if r.matters else ""
        return (
            f"{name(r.holder)} obtains a {r.kind.replace('_', ' ')} right{matters} "
            f"in {name(r.issuer)}."
        )
    if isinstance(step, Contract):
        return step.text
    return str(step)


def _hire_text(deal: Deal, step: Hire) -> str:
    t, name = deal.transaction, deal.name
    if (step.by or t.acquirer) == (step.from_ or t.target):  # a change of role inside
        role = step.title or "an officer"
        return f"{name(step.person)} becomes {role} of {name(step.by or t.acquirer)}."
    who = name(step.person) + (f" and {step.count - 1} others" if step.count > 1 else "")
    title = f" as {step.title}" if step.title else ""
    seat = " and keeps a board seat there" if step.keeps_board_seat else ""
    return (
        f"{name(step.by or t.acquirer)} hires {who} from "
        f"{name(step.from_ or t.target)}{title}{seat}."
    )


# ---------------------------------------------------------------------------- the graph


def graph_out(tg: TransactionGraph, name: Callable[[str], str], currency: str) -> GraphOut:
    graph = tg.after.graph
    return GraphOut(
        acquirer=tg.acquirer,
        target=tg.target,
        start=tuple(n for n in (tg.acquirer, tg.target) if n in graph),
        people=tuple(sorted(n for n, node in graph.nodes.items() if node.kind == "person")),
        before=phase_links(tg.before, name, currency),
        after=phase_links(tg.after, name, currency),
    )


def _stake(held: Holds) -> str:
    equity, voting, cls = held.equity, held.voting, held.share_class
    if equity is None and voting is None:
        return "stake of unknown size" + (" and class" if cls == "unknown" else "")
    text = (
        f"{pct(equity) + ' equity' if equity is not None else 'equity unknown'} / "
        f"{pct(voting) + ' votes' if voting is not None else 'votes unknown'}"
    )
    if cls and cls != "voting":
        text += ", class unknown" if cls == "unknown" else f", {cls}"
    return text


def edge_label(edge: Edge, name: Callable[[str], str], currency: str) -> str:
    """The words on a link: a stake, a right, a seat, a title, supply terms."""
    if isinstance(edge, Holds):
        return _stake(edge)
    if isinstance(edge, RightEdge):
        text = f"{(edge.kind or 'other').replace('_', ' ')} right"
        if edge.matters:
            text += ": " + ", ".join(str(m).replace("_", " ") for m in edge.matters)
        return text + (f" ({edge.seats} seats)" if edge.seats else "")
    if isinstance(edge, Director | Observer):
        role = edge.role or edge.kind_name
        text = {"director": "board seat", "chair": "board seat (chair)"}.get(role, "observer")
        if edge.designated_by:
            text += f", designated by {name(edge.designated_by)}"
        return text
    if isinstance(edge, Officer | Employee):
        return str(edge.title or edge.kind_name)
    if not isinstance(edge, Supplies):
        return ""
    parts = []  # supplies: the dotted line says "supplies"; the label gives the terms
    if edge.value is not None:
        parts.append(edge.value.text(currency))
    if edge.status and edge.status != "ongoing":
        parts.append(str(edge.status))
    if edge.confidential_data:
        parts.append("confidential data")
    return ", ".join(parts)


def phase_links(phase: Phase, name: Callable[[str], str], currency: str) -> tuple[LinkOut, ...]:
    """One link per (from, to, category), labels merged, in a stable order."""
    links: dict[tuple[str, str, str], list[str]] = {}
    edges = sorted(
        phase.edges(Edge),
        key=lambda e: (e[0], e[1], e[2].kind_name, repr(sorted(e[2].attrs().items()))),
    )
    for u, v, edge in edges:
        category = CATEGORY.get(edge.kind_name)
        if category is None or u == v:
            continue
        links.setdefault((u, v, category), []).append(edge_label(edge, name, currency))
    return tuple(
        LinkOut(source=u, target=v, category=c, labels=tuple(labels))
        for (u, v, c), labels in links.items()
    )
