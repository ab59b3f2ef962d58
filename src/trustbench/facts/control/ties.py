"""Ties between the acquirer's group and the target other than shares: board presence,
commercial relationships (supply either way, supply or licence agreements made with the deal)
and purchases from each other's rivals. They are the "other factors" of UK material influence,
the "plus factors" of German competitively significant influence, and the ground of customer
foreclosure.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group, target_side
from trustbench.facts.logic import Tri, any_of, tri
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.facts.relations import (
    SupplyRow,
    rivals,
    rivals_of,
    row_sources,
    shares_of_needs,
)
from trustbench.graph.edges import Supplies
from trustbench.model.deal import Contract
from trustbench.model.types import source_ids

_Q_TIES = (
    "Does the acquirer's group buy from or sell to the target (what, for how much, and "
    "what share of the buyer's needs), and do the deal's agreements include supply, "
    "licence or financing arrangements between them?"
)


def representation(ctx: FactContext, phase: str) -> tuple[Tri, list[str]]:
    """Whether the acquirer's group has a director, officer link, observer or appointment
    right at the target."""
    parts = [
        ctx.of(name, phase=phase)
        for name in (
            "acquirer.board.seats",
            "acquirer.board.observers",
            "acquirer.board.appointable",
            "interlock.officer_director",
        )
    ]
    return any_of(tri(p) for p in parts), [s for p in parts for s in p.sources]


def _edges(ctx: FactContext, phase: str, sellers: set[str], buyers: set[str]) -> list[SupplyRow]:
    return [r for r in ctx.phase(phase).edges(Supplies) if r[0] in sellers and r[1] in buyers]


def _sides(ctx: FactContext, phase: str) -> tuple[set[str], set[str]]:
    target = target_side(ctx, phase)
    return acquirer_group(ctx, phase) - target, target


def commercial_ties(ctx: FactContext, phase: str) -> tuple[Tri, Tri, Tri, list[str]]:
    """(the acquirer's group supplies the target, the target supplies the acquirer's group,
    a supply or licence agreement between them comes with the deal, sources)."""
    acquirer, target = _sides(ctx, phase)
    down, up = _edges(ctx, phase, acquirer, target), _edges(ctx, phase, target, acquirer)
    deals = [
        c
        for c in ctx.phase(phase).contracts
        if isinstance(c, Contract)
        and c.contract_type in ("supply", "licence")
        and set(c.parties) & acquirer
        and set(c.parties) & target
    ]
    stated = ctx.declared("supply")
    sources = row_sources((*down, *up))
    sources += [s for c in deals for s in source_ids(c.source)]
    return (
        True if down else (False if stated else None),
        True if up else (False if stated else None),
        bool(deals),
        sources,
    )


def _largest_need(ctx: FactContext, sellers: set[str], buyers: set[str]) -> Value:
    if not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    rows = _edges(ctx, "before", sellers, buyers)
    sources = row_sources(rows)
    shares = shares_of_needs(rows)
    if shares is None:
        return unknown("the buyer's share of needs is not given", sources)
    return known(max(shares, default=0.0), sources)


@fact(
    "commercial.target_dependence_on_acquirer",
    "double",
    "share",
    "the largest share of the target's needs for a product that the acquirer's group "
    "supplies (0 if it supplies nothing)",
    test="CMA2 material influence (commercial dependence); GWB §37(1) no. 4",
    question=_Q_TIES,
    topic="Supply relationships",
)
def _target_needs(ctx: FactContext) -> Value:
    acquirer, target = _sides(ctx, "before")
    return _largest_need(ctx, acquirer, target)


@fact(
    "parties.vertically_related",
    "bool",
    "yes/no",
    "the acquirer's group and the target are vertically related: one supplies the other, "
    "or one supplies the other's rivals",
    test="GWB §37(1) no. 4 (plus factor); MG 2023 §2.5",
    question=_Q_TIES,
    topic="Supply relationships",
)
def _vertical(ctx: FactContext) -> Value:
    supplies, buys, _, sources = commercial_ties(ctx, "before")
    acquirer, target = _sides(ctx, "before")
    target_rivals = rivals_of(ctx, target, acquirer)
    to_rivals = _edges(ctx, "before", target, set(rivals(ctx)))
    from_rivals = _edges(ctx, "before", acquirer, target_rivals)
    sources += row_sources((*to_rivals, *from_rivals))
    result = any_of([supplies, buys, bool(to_rivals) or bool(from_rivals) or None])
    if result is None and ctx.declared("supply"):
        result = False
    if result is None:
        return unknown("the deal file has no `supply` section", sources)
    return known(result, sources)


_Q_CUSTOMER = (
    "Which of the target's rivals sell to the acquirer's group, and which of the "
    "acquirer's rivals sell to the target: what, for how much, and what are each "
    "seller's total sales in that market?"
)


def _customer_rows(ctx: FactContext) -> list[SupplyRow]:
    """Sales by one party's rivals to the other party: purchases the merged firm could
    divert away from them (customer foreclosure)."""
    acquirer, target = _sides(ctx, "before")
    pairs = (
        (rivals_of(ctx, target, acquirer), acquirer),
        (rivals_of(ctx, acquirer, target), target),
    )
    return [
        row
        for sellers, buyers in pairs
        for row in ctx.phase("before").edges(Supplies)
        if row[0] in sellers and row[1] in buyers
    ]


@fact(
    "vertical.customer_foreclosure.suppliers",
    "list",
    "names",
    "rivals of one party that sell to the other (the target's rivals supplying the "
    "acquirer's group, or the acquirer's rivals supplying the target)",
    test="MG 2023 §2.5(A) (customer foreclosure)",
    question=_Q_CUSTOMER,
    topic="Supply relationships",
)
def _customer_suppliers(ctx: FactContext) -> Value:
    if not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    rows = _customer_rows(ctx)
    return known(sorted({ctx.name(supplier) for supplier, _, _ in rows}), row_sources(rows))
