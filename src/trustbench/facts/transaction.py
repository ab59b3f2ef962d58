"""Facts about the transaction's other elements and the parties' history: licences,
serial acquisitions, presence in a geography, and the geography of market shares."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range
from trustbench.model.deal import Contract
from trustbench.model.types import Money, source_ids

UK_CODES = {"uk", "gb", "united kingdom"}


def _licences(ctx: FactContext) -> list[Contract]:
    return [
        s
        for s in ctx.deal.transaction.steps
        if isinstance(s, Contract) and s.contract_type == "licence"
    ]


def _above_zero(share: float | Range) -> bool:
    """A stake that is more than nothing (a bound only when all of it is)."""
    return share.compare(">", 0.0) is True if isinstance(share, Range) else share > 0


@fact(
    "transaction.licence",
    "bool",
    "yes/no",
    "the deal includes a licence (of technology, IP or models) between the parties",
    test="16 CFR 801.90 (licence + hires + stake); CMA Microsoft/Inflection (assets)",
    question="Does the deal include a licence of the target's technology, IP or models to "
    "the acquirer, and on what terms?",
    topic="The transaction",
)
def _licence(ctx: FactContext) -> Value:
    found = _licences(ctx)
    return known(bool(found), [s for c in found for s in source_ids(c.source)])


@fact(
    "transaction.licence.exclusive",
    "bool",
    "yes/no",
    "a licence in the deal is exclusive (unknown if the file does not say)",
    test="16 CFR 801.90; EUMR Art. 3 (transfer of a business with a market presence)",
    question="Is the licence exclusive?",
    topic="The transaction",
)
def _exclusive(ctx: FactContext) -> Value:
    found = _licences(ctx)
    if not found:
        return known(False)
    flags = [c.exclusive for c in found]
    sources = [s for c in found for s in source_ids(c.source)]
    if any(f is True for f in flags):
        return known(True, sources)
    return known(False, sources) if all(f is False for f in flags) else unknown(sources=sources)


def _prior(ctx: FactContext) -> Value:
    if "prior_acquisitions" not in ctx.deal.model_fields_set:
        return unknown("the deal file has no `prior_acquisitions` section")
    group = acquirer_group(ctx, "before") | {ctx.acquirer}
    found = [p for p in ctx.deal.prior_acquisitions if p.acquirer in group]
    names = [ctx.name(p.target) if _is_entity(ctx, p.target) else p.target for p in found]
    return known(names, [s for p in found for s in source_ids(p.source)])


def _is_entity(ctx: FactContext, entity_id: str) -> bool:
    return any(e.id == entity_id for e in ctx.deal.entities)


@fact(
    "acquirer.prior_acquisitions",
    "list",
    "names",
    "earlier acquisitions and investments by the acquirer's group listed in the deal file",
    test="MG 2023 §2.8 (serial acquisitions)",
    question="Which other firms has the acquirer "
    "acquired or invested in, in the same or adjacent spaces, and when?",
    topic="The transaction",
)
def _prior_names(ctx: FactContext) -> Value:
    return _prior(ctx)


@fact(
    "acquirer.prior_acquisitions.count",
    "int",
    "deals",
    "the number of earlier acquisitions and investments by the acquirer's group in the file",
    test="MG 2023 §2.8 (serial acquisitions)",
    question="Which other firms has the acquirer "
    "acquired or invested in, in the same or adjacent spaces, and when?",
    topic="The transaction",
)
def _prior_count(ctx: FactContext) -> Value:
    value = _prior(ctx)
    return known(len(value.value), value.sources) if value.known else value


def _positive(amount: Money | MoneyBound) -> bool:
    """Turnover above nil; a bound counts only if it excludes nil (``> GBP 1m``)."""
    if isinstance(amount, MoneyBound):
        return amount.range.compare(">", 0.0) is True
    return amount.amount > 0


def _presence(ctx: FactContext, codes: set[str]) -> Value:
    target = ctx.entity(ctx.target)
    figures = [f for f in target.revenues if f.geography.lower() in codes]
    acts = [a for a in target.activity if a.geography.lower() in codes]
    sources = [s for f in figures for s in source_ids(f.source)]
    sources += [s for a in acts for s in source_ids(a.source)]
    if any(_positive(f.amount) for f in figures) or acts:
        return known(True, sources)
    if figures:
        return known(False, sources, "turnover there is recorded as nil and no activity")
    return unknown("no turnover or activity of the target in this geography is recorded")


@fact(
    "presence.target.uk",
    "bool",
    "yes/no",
    "the target has UK turnover or recorded activity in the UK (users, customers, staff, "
    "sites) — the UK nexus of the hybrid test",
    test="EA 2002 s. 23 (hybrid test: UK nexus)",
    question="Does the target carry on activities in the UK or supply goods or services to "
    "UK customers (turnover, users, staff, sites)?",
    topic="Financials",
)
def _uk_presence(ctx: FactContext) -> Value:
    return _presence(ctx, UK_CODES)


@fact(
    "market.uk",
    "bool",
    "yes/no",
    "the market's shares are shares of supply in the UK (geography UK/GB); unknown for a "
    "market described at another level",
    scope="market",
    test="EA 2002 s. 23(2)–(4) (share of supply in the UK or a substantial part of it)",
    question="What are the parties' shares of supply in the UK (or a substantial part of it) "
    "of the goods or services they both supply?",
    topic="Markets",
)
def _market_uk(ctx: FactContext) -> Value:
    market = ctx.market
    if market is None:
        return unknown()
    if market.geography.strip().lower() in UK_CODES:
        return known(True, source_ids(market.source))
    return unknown(f"the shares given are {market.geography} shares, not UK shares of supply")


@fact(
    "transaction.acquires_stock",
    "bool",
    "yes/no",
    "the deal acquires stock (any share class, any size) of the target for the acquirer's group",
    test='Clayton Act § 7, 15 U.S.C. § 18 ("the whole or any part of the stock")',
    question="What shares of the target does the acquirer acquire in the deal?",
    topic="Ownership and voting",
)
def _acquires_stock(ctx: FactContext) -> Value:
    from trustbench.model.deal import AcquireStake

    group = acquirer_group(ctx, "after") | {ctx.acquirer}
    t = ctx.deal.transaction
    steps = [
        s
        for s in t.steps
        if isinstance(s, AcquireStake)
        and (s.holder or t.acquirer) in group
        and (s.issuer or t.target) == t.target
    ]
    sizes = [s.equity for s in steps] + [s.voting for s in steps]
    sources = [x for s in steps for x in source_ids(s.source)]
    if any(v is not None and _above_zero(v) for v in sizes):
        return known(True, sources)
    if not steps:
        return known(False)
    return unknown("the size of the stake acquired is not given", sources)
