"""Vertical, information and personnel facts: the target as a supplier to the acquirer's
rivals (their dependence, their alternatives, the foreclosure share), their confidential data,
the acquirer's channels into the target, people moving. Customer foreclosure and the parties'
own commercial ties are in :mod:`trustbench.facts.control.ties`."""

from __future__ import annotations

from collections.abc import Iterable

from trustbench.facts.context import FactContext
from trustbench.facts.governance import (
    acquirer_group,
    people_of,
    target_side,
)
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.graph.edges import Supplies
from trustbench.model.deal import Contract, Hire
from trustbench.model.types import exact, source_ids

_Q_SUPPLY = (
    "For each of the acquirer's rivals that buys from the target: what does it buy, "
    "for how much, what share of its needs does the target supply, could it switch "
    "to another supplier, and does it entrust the target with confidential data, "
    "models or prototypes?"
)


def rivals(ctx: FactContext) -> dict[str, tuple[str, ...]]:
    """Entities active in a product market where the acquirer's group is active (outside
    the acquirer's group and the target with its subsidiaries), with the sources that say so."""
    group = acquirer_group(ctx, "before")
    target = target_side(ctx, "before")
    out: dict[str, tuple[str, ...]] = {}
    for market in ctx.deal.markets:
        if market.kind != "product":
            continue
        ids = {p.entity for p in market.participants}
        if not ids & group:
            continue
        for p in market.participants:
            if p.entity not in group and p.entity not in target:
                out[p.entity] = out.get(p.entity, ()) + source_ids(p.source)
    return out


def rivals_of(ctx: FactContext, side: set[str], other: set[str]) -> set[str]:
    """Firms active in a market of any kind where ``side`` is active, outside both sides."""
    out: set[str] = set()
    for market in ctx.deal.markets:
        ids = {p.entity for p in market.participants}
        if ids & side:
            out |= ids - side - other
    return out


SupplyRow = tuple[str, str, Supplies]
"""(supplier, customer, the supply edge)"""


def row_sources(rows: Iterable[SupplyRow]) -> list[str]:
    return [s for _, _, r in rows for s in r.source]


def shares_of_needs(rows: Iterable[SupplyRow]) -> list[float] | None:
    """The buyers' shares of needs on supply rows, or ``None`` if one is not given."""
    shares = [r.share_of_needs for _, _, r in rows]
    return None if any(s is None for s in shares) else [float(s) for s in shares if s is not None]


def _rival_supplies(ctx: FactContext) -> list[SupplyRow]:
    rival_ids = rivals(ctx)
    return [row for row in ctx.phase("before").edges(Supplies, u=ctx.target) if row[1] in rival_ids]


@fact(
    "vertical.target_supplies_rivals",
    "bool",
    "yes/no",
    "the target supplies a product or service to one or more of the acquirer's rivals",
    test="MG 2023 §2.5(A) (related product rivals use)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _supplies_rivals(ctx: FactContext) -> Value:
    rows = _rival_supplies(ctx)
    if not rows and not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    return known(bool(rows), row_sources(rows))


@fact(
    "vertical.rivals_supplied",
    "list",
    "names",
    "the acquirer's rivals that buy from the target",
    test="MG 2023 §2.5(A)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _rivals_supplied(ctx: FactContext) -> Value:
    rows = _rival_supplies(ctx)
    if not rows and not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    names = sorted({ctx.name(customer) for _, customer, _ in rows})
    return known(names, row_sources(rows))


@fact(
    "vertical.rival_dependence.max",
    "double",
    "share",
    "the largest share of a rival's needs for the target's product that the target "
    "supplies (unknown if any rival's share is unknown)",
    test="MG 2023 §2.5(A) (rivals' dependence; foreclosure)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _dependence(ctx: FactContext) -> Value:
    rows = _rival_supplies(ctx)
    sources = row_sources(rows)
    shares = shares_of_needs(rows)
    if not rows or shares is None:
        return unknown("a rival's share of needs bought from the target is not given", sources)
    return known(max(shares), sources)


@fact(
    "vertical.target_input_share",
    "double",
    "share",
    "the target's share of the input market(s) in which it supplies the acquirer's rivals",
    test="MG 2023 §2.5(A) (availability of alternatives)",
    question="What is the target's share of each input market in which it supplies the "
    "acquirer's rivals?",
    topic="Markets",
)
def _input_share(ctx: FactContext) -> Value:
    products = {r.product for _, _, r in _rival_supplies(ctx)}
    shares: list[float] = []
    sources: list[str] = []
    for market in ctx.deal.markets:
        if market.id in products:
            part = next((p for p in market.participants if p.entity == ctx.target), None)
            share = exact(part.share) if part is not None else None
            if part is None or share is None:
                return unknown(f"the target's share of {market.name} is not given")
            shares.append(share)
            sources.extend(source_ids(part.source) or source_ids(market.source))
    return known(max(shares), sources) if shares else unknown()


@fact(
    "vertical.rivals_reducing",
    "int",
    "firms",
    "how many of the acquirer's rivals have reduced, paused or ended purchases from the target",
    test="MG 2023 §2.5(B)–(C) (evidence of rivals' concern)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _reducing(ctx: FactContext) -> Value:
    if not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    rows = [r for r in _rival_supplies(ctx) if r[2].status in ("reduced", "paused", "ended")]
    return known(len({customer for _, customer, _ in rows}), row_sources(rows))


def _by_input(ctx: FactContext) -> dict[str, list[SupplyRow]]:
    out: dict[str, list[SupplyRow]] = {}
    for row in _rival_supplies(ctx):
        out.setdefault(row[2].product, []).append(row)
    return out


def _alternatives(ctx: FactContext) -> dict[str, list[str]] | Value:
    """For each input the target sells to the acquirer's rivals, the other suppliers the
    deal file lists in that input market (outside both parties' sides); or why unknown."""
    inputs = _by_input(ctx)
    if not inputs:
        return unknown(
            "the target supplies none of the acquirer's rivals"
            if ctx.declared("supply")
            else "the deal file has no `supply` section"
        )
    markets = {m.id: m for m in ctx.deal.markets}
    excluded = acquirer_group(ctx, "before") | target_side(ctx, "before")
    out: dict[str, list[str]] = {}
    for product in sorted(inputs):
        if product not in markets:
            return unknown(
                f"the market for {product!r} is not described (no market with that "
                "id lists its suppliers)"
            )
        out[product] = [p.entity for p in markets[product].participants if p.entity not in excluded]
    return out


_Q_ALTERNATIVES = (
    "Who else supplies each input the target sells to the acquirer's rivals, "
    "and could the rivals switch to them (or supply themselves)?"
)


@fact(
    "vertical.rival_alternatives.names",
    "list",
    "names",
    "other suppliers listed in the markets for the inputs the target sells to the "
    "acquirer's rivals (the rivals' alternatives)",
    test="MG 2023 §2.5(A) (availability of alternatives)",
    question=_Q_ALTERNATIVES,
    topic="Supply relationships",
)
def _alternative_names(ctx: FactContext) -> Value:
    found = _alternatives(ctx)
    if isinstance(found, Value):
        return found
    ids = sorted({e for alts in found.values() for e in alts})
    return known([ctx.name(e) for e in ids], _market_sources(ctx, found))


@fact(
    "vertical.rival_alternatives.count",
    "int",
    "firms",
    "the fewest other suppliers listed for any input the target sells to the acquirer's rivals",
    test="MG 2023 §2.5(A) (availability of alternatives)",
    question=_Q_ALTERNATIVES,
    topic="Supply relationships",
)
def _alternative_count(ctx: FactContext) -> Value:
    found = _alternatives(ctx)
    if isinstance(found, Value):
        return found
    product = min(found, key=lambda p: len(found[p]))
    return known(
        len(found[product]),
        _market_sources(ctx, found),
        f"fewest alternatives in {product}" if len(found) > 1 else None,
    )


def _market_sources(ctx: FactContext, products: Iterable[str]) -> list[str]:
    wanted = set(products)
    return [s for m in ctx.deal.markets if m.id in wanted for s in source_ids(m.source)]


def _foreclosure(ctx: FactContext, rows: list[SupplyRow]) -> tuple[float, str] | None:
    shares = shares_of_needs(rows)
    if shares is None:
        return None
    values = [ctx.convert(r.value, ctx.currency) for _, _, r in rows]
    if all(v.known for v in values) and all(s > 0 for s in shares):
        bought = sum(v.value for v in values)
        needs = sum(v.value / s for v, s in zip(values, shares, strict=True))
        if needs > 0:
            return bought / needs, "weighted by the rivals' purchases"
    return sum(shares) / len(shares), "unweighted mean: purchase values not all given"


@fact(
    "vertical.foreclosure_share",
    "double",
    "share",
    "the share of the acquirer's rivals' purchases of an input that comes from the target "
    "(weighted by purchase value when the values are given; the largest over inputs; 0 if "
    "the target supplies no rival)",
    test="MG 2023 §2.5(A) (foreclosure share)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _foreclosure_share(ctx: FactContext) -> Value:
    if not ctx.declared("supply"):
        return unknown("the deal file has no `supply` section")
    inputs = _by_input(ctx)
    sources = row_sources(r for rows in inputs.values() for r in rows)
    if not inputs:
        return known(0.0, sources, "the target supplies none of the acquirer's rivals")
    best: tuple[float, str, str] | None = None
    for product, rows in sorted(inputs.items()):
        share = _foreclosure(ctx, rows)
        if share is None:
            return unknown(
                f"a rival's share of needs for {product} bought from the target is not given",
                sources,
            )
        if best is None or share[0] > best[0]:
            best = (share[0], product, share[1])
    assert best is not None
    return known(best[0], sources, f"{best[1]}: {best[2]}")


@fact(
    "information.target_holds_rival_data",
    "bool",
    "yes/no",
    "the target's work for the acquirer's rivals gives it their confidential data, models, "
    "test sets or prototypes",
    test="MG 2023 §2.5(B); §2.11 (competitively sensitive information)",
    question=_Q_SUPPLY,
    topic="Supply relationships",
)
def _rival_data(ctx: FactContext) -> Value:
    rows = _rival_supplies(ctx)
    sources = row_sources(rows)
    flags = [r.confidential_data for _, _, r in rows]
    if any(f is True for f in flags):
        return known(True, [s for _, _, r in rows if r.confidential_data is True for s in r.source])
    if not rows:
        return known(False, sources) if ctx.declared("supply") else unknown()
    return (
        unknown("whether rivals share confidential data with the target is not given", sources)
        if any(f is None for f in flags)
        else known(False, sources)
    )


@fact(
    "information.access_path.after",
    "bool",
    "yes/no",
    "after the deal the acquirer has a channel into the target: board or observer seats, "
    "an officer or director in common, or information or consultation rights",
    test="MG 2023 §2.5(B); §2.11 (access to non-public information)",
    question="Through which people, seats or rights could the acquirer receive information "
    "from the target?",
    topic="Board and officers",
)
def _access(ctx: FactContext) -> Value:
    parts = [
        ctx.get(n)
        for n in (
            "acquirer.board.seats.after",
            "acquirer.board.observers.after",
            "interlock.officer_director.after",
            "acquirer.information_rights.after",
        )
    ]
    sources = [s for p in parts for s in p.sources]
    if any(p.known and p.value for p in parts):
        return known(True, [s for p in parts if p.known and p.value for s in p.sources])
    if all(p.known for p in parts):
        return known(False, sources)
    return unknown(sources=sources)


@fact(
    "information.safeguards.after",
    "bool",
    "yes/no",
    "the deal file records a firewall or commitment limiting the acquirer's access to the "
    "target's customer information",
    test="MG 2023 §2.5(B) (remedies and safeguards)",
    question="What firewalls or commitments restrict the flow of customer information from "
    "the target to the acquirer, and how are they enforced?",
    topic="Board and officers",
)
def _safeguards(ctx: FactContext) -> Value:
    found = [
        c
        for c in ctx.phase("after").contracts
        if isinstance(c, Contract) and c.contract_type in ("firewall", "commitment")
    ]
    return known(bool(found), [s for c in found for s in source_ids(c.source)])


def _hires(ctx: FactContext) -> list[Hire]:
    t = ctx.deal.transaction
    return [
        s
        for s in t.steps
        if isinstance(s, Hire)
        and (s.by or t.acquirer) in acquirer_group(ctx, "after")
        and (s.from_ or t.target) == t.target
    ]


@fact(
    "personnel.hired.count",
    "int",
    "people",
    "people the acquirer hires from the target as part of the deal",
    test="acqui-hire; CMA (Microsoft/Inflection); 16 CFR 801.90",
    topic="People",
    question="How many of the target's employees join the acquirer, in which roles?",
)
def _hired(ctx: FactContext) -> Value:
    hires = _hires(ctx)
    return known(sum(h.count for h in hires), [s for h in hires for s in source_ids(h.source)])


@fact(
    "personnel.key_hired",
    "list",
    "names",
    "key people (founders, executives, core researchers) the acquirer hires from the target",
    test="acqui-hire; MG 2023 §2.11",
    topic="People",
    question="Which founders, executives or core researchers of the target join the acquirer?",
)
def _key_hired(ctx: FactContext) -> Value:
    hires = [h for h in _hires(ctx) if h.key]
    return known(
        [ctx.name(h.person) for h in hires], [s for h in hires for s in source_ids(h.source)]
    )


@fact(
    "personnel.target_officer_hired",
    "bool",
    "yes/no",
    "one of the target's officers before the deal joins the acquirer",
    test="acqui-hire; 16 CFR 801.90 (substance over form)",
    topic="People",
    question="Which of the target's officers join the acquirer?",
)
def _officer_hired(ctx: FactContext) -> Value:
    officers = people_of(ctx, "before", {ctx.target})
    hires = [h for h in _hires(ctx) if h.person in officers]
    return known(bool(hires), [s for h in hires for s in source_ids(h.source)])


@fact(
    "personnel.hired.share",
    "double",
    "share",
    "the hired people as a share of the target's workforce",
    test="acqui-hire",
    topic="People",
    question="How many employees does the target have?",
)
def _hired_share(ctx: FactContext) -> Value:
    hired = ctx.get("personnel.hired.count")
    employees = ctx.entity(ctx.target).employees
    if not employees:
        return unknown(sources=hired.sources)
    target_sources = source_ids(ctx.entity(ctx.target).source)
    return known(hired.value / employees, (*hired.sources, *target_sources))
