"""Ownership and control facts: the acquirer's interest in the target, before and after."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, phased, unknown
from trustbench.graph.edges import Holds

_Q_STAKE = (
    "What equity and voting interest does the acquirer (and each entity of its "
    "group) hold in the target, directly and through other holders, and in which "
    "share classes?"
)


def _holding_sources(ctx: FactContext, phase: str, issuer: str) -> tuple[str, ...]:
    out: list[str] = []
    for _, _, held in ctx.phase(phase).edges(Holds, v=issuer):
        out.extend(held.source)
    return tuple(out)


def _interest(ctx: FactContext, phase: str, measure: str) -> Value:
    value = ctx.interests(phase).interest(ctx.acquirer, ctx.target, measure)
    sources = _holding_sources(ctx, phase, ctx.target)
    if value is None:
        return unknown(
            f"a holding on the chain from acquirer to target has no {measure} share", sources
        )
    return known(value, sources)


@phased(
    "acquirer.equity",
    "double",
    "share",
    "the acquirer's integrated equity interest in the target: direct plus indirect "
    "through chains of holdings (product along a chain, summed over chains, cycles "
    "included)",
    test="MG 2023 §2.11; GWB §37(1) no. 3; O'Brien–Salop β",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _equity(ctx: FactContext, phase: str) -> Value:
    return _interest(ctx, phase, "equity")


@phased(
    "acquirer.voting",
    "double",
    "share",
    "the acquirer's integrated (direct + indirect) share of the target's votes",
    test="16 CFR 801.1(b); EUMR Art. 3; CMA material influence",
    question=_Q_STAKE,
    topic="Ownership and voting",
    phases=("after",),
)
def _voting(ctx: FactContext, phase: str) -> Value:
    return _interest(ctx, phase, "voting")


def _delta(ctx: FactContext, name: str) -> Value:
    before, after = ctx.of(name, phase="before"), ctx.of(name, phase="after")
    if not (before.known and after.known):
        return unknown(sources=(*before.sources, *after.sources))
    return known(after.value - before.value, (*before.sources, *after.sources))


@fact(
    "acquirer.equity.acquired",
    "double",
    "share",
    "the integrated equity interest the deal adds (after minus before)",
    test="size of the change in ownership",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _equity_acquired(ctx: FactContext) -> Value:
    return _delta(ctx, "acquirer.equity")


@phased(
    "acquirer.controls_target",
    "bool",
    "yes/no",
    "the target belongs to the acquirer's person: its ultimate parent and the entities "
    "it controls hold, together, ≥ 50 % of the target's votes (of its profits if "
    "unincorporated) or the contractual power to designate ≥ 50 % of its directors, "
    "directly or through a chain of controlled entities",
    test="16 CFR 801.1(b), 801.1(c) (HSR control)",
    question=_Q_STAKE,
    topic="Ownership and voting",
    phases=("after",),
)
def _controls(ctx: FactContext, phase: str) -> Value:
    interests = ctx.interests(phase)
    sources = _holding_sources(ctx, phase, ctx.target)
    groups = [interests.closure(top) for top in interests.ultimate_parents(ctx.acquirer)]
    if any(ctx.target in g.members for g in groups):
        return known(True, sources)
    if any(ctx.target in g.undecided for g in groups):
        return unknown("the voting share of the acquirer's group in the target is unknown", sources)
    return known(False, sources)
