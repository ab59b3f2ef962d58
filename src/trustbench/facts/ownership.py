"""Ownership and control facts: the acquirer's interest in the target, before and after."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, phased, unknown
from trustbench.graph.edges import Holds
from trustbench.model.bounds import Range, minus

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
    value = ctx.interests(phase).interest_or_bound(ctx.acquirer, ctx.target, measure)
    sources = _holding_sources(ctx, phase, ctx.target)
    if value is None:
        return unknown(
            f"a holding on the chain from acquirer to target has no {measure} share", sources
        )
    if isinstance(value, Range):
        return known(value, sources, f"from holdings given as bounds: {_bounds(ctx, phase)}")
    return known(value, sources)


def _bounds(ctx: FactContext, phase: str) -> str:
    """The bounded holdings of the phase, as the file gives them (``Fund in Target: 30-40%``)."""
    out = []
    for u, v, held in ctx.phase(phase).edges(Holds):
        for measure, bound in sorted((held.bounds or {}).items()):
            if held.share(measure) is None:
                out.append(f"{ctx.name(u)} in {ctx.name(v)} ({measure}): {bound}")
    return "; ".join(sorted(set(out)))


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
    sources = (*before.sources, *after.sources)
    if not (before.known and after.known):
        return unknown(sources=sources)
    change = minus(after.value, before.value)
    if change is None:
        return unknown("bounds that give no limit to the change", sources)
    return known(change, sources, after.note or before.note)


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
