"""Ownership and control facts: the acquirer's interest in the target, before and after."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, phased, unknown

_Q_STAKE = (
    "What equity and voting interest does the acquirer (and each entity of its "
    "group) hold in the target, directly and through other holders, and in which "
    "share classes?"
)


def _holding_sources(ctx: FactContext, phase: str, issuer: str) -> tuple[str, ...]:
    out: list[str] = []
    for _, _, data in ctx.phase(phase).edges("holds", v=issuer):
        out.extend(data.get("source", ()))
    return tuple(out)


def _interest(ctx: FactContext, phase: str, measure: str, direct: bool) -> Value:
    interests = ctx.interests(phase)
    if direct:
        value = interests.direct(ctx.acquirer, ctx.target, measure)
    else:
        value = interests.interest(ctx.acquirer, ctx.target, measure)
    sources = _holding_sources(ctx, phase, ctx.target)
    if value is None:
        return unknown(
            f"a holding on the chain from acquirer to target has no {measure} share", sources
        )
    return known(value, sources)


@phased(
    "acquirer.equity.direct",
    "double",
    "share",
    "the acquirer's direct equity (economic) interest in the target",
    test="O'Brien–Salop β; GWB §37(1) no. 3 (capital)",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _equity_direct(ctx: FactContext, phase: str) -> Value:
    return _interest(ctx, phase, "equity", True)


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
    return _interest(ctx, phase, "equity", False)


@phased(
    "acquirer.voting.direct",
    "double",
    "share",
    "the acquirer's direct share of the target's votes for directors",
    test="16 CFR 801.1(f), 801.1(b), 802.9",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _voting_direct(ctx: FactContext, phase: str) -> Value:
    return _interest(ctx, phase, "voting", True)


@phased(
    "acquirer.voting",
    "double",
    "share",
    "the acquirer's integrated (direct + indirect) share of the target's votes",
    test="16 CFR 801.1(b); EUMR Art. 3; CMA material influence",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _voting(ctx: FactContext, phase: str) -> Value:
    return _interest(ctx, phase, "voting", False)


def _delta(ctx: FactContext, name: str) -> Value:
    before, after = ctx.get(f"{name}.before"), ctx.get(f"{name}.after")
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


@fact(
    "acquirer.voting.acquired",
    "double",
    "share",
    "the integrated voting interest the deal adds (after minus before)",
    test="HSR: acquisition of voting securities",
    question=_Q_STAKE,
    topic="Ownership and voting",
)
def _voting_acquired(ctx: FactContext) -> Value:
    return _delta(ctx, "acquirer.voting")


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


def _upe(ctx: FactContext, entity: str) -> Value:
    interests = ctx.interests("before")
    undecided = interests.undecided_controllers(entity)
    if undecided:
        names = ", ".join(sorted(ctx.name(u) for u in undecided))
        return unknown(f"whether {names} controls {ctx.name(entity)} is not known")
    tops = interests.ultimate_parents(entity)
    note = None
    if len(tops) > 1:
        note = "controlled by " + " and ".join(ctx.name(t) for t in tops) + " (each ≥ 50 %)"
    return known(ctx.name(tops[0]), note=note)


@fact(
    "hsr.acquiring_person.upe",
    "string",
    "name",
    "the acquiring person's ultimate parent entity: the entity at the top of the "
    "acquirer's chains of HSR control, itself controlled by no other",
    test="16 CFR 801.1(a)(3), 801.1(b)",
    topic="Ownership and voting",
)
def _acq_upe(ctx: FactContext) -> Value:
    return _upe(ctx, ctx.acquirer)


@fact(
    "hsr.acquired_person.upe",
    "string",
    "name",
    "the acquired person's ultimate parent entity before the deal",
    test="16 CFR 801.1(a)(3), 801.1(b)",
    topic="Ownership and voting",
)
def _tgt_upe(ctx: FactContext) -> Value:
    return _upe(ctx, ctx.target)
