"""UK: when enterprises cease to be distinct (Enterprise Act 2002 s. 26; CMA2, Oct 2025).

Three levels — legal control (more than half of the votes), de facto control (control of
policy without it, e.g. a majority of the votes typically cast or of the board) and material
influence. Material influence is judged on the votes held (the level at which special
resolutions can be blocked is a pack parameter) together with other factors: board
representation, vetoes and information rights, commercial dependence and financial
arrangements. The facts give those ingredients; the levels are the pack's.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.control.base import (
    Q_REGISTER,
    majority_of_votes_cast,
    register,
    shares_value,
)
from trustbench.facts.control.ties import commercial_ties, representation
from trustbench.facts.governance import acquirer_group, rights_over_target, target_side
from trustbench.facts.logic import factor_list, tri
from trustbench.facts.registry import Value, known, phased, unknown
from trustbench.graph.control_share import EPSILON, HALF, above_half
from trustbench.graph.edges import Holds
from trustbench.model.bounds import Range

_TEST = "Enterprise Act 2002 s. 26; CMA2 (Oct 2025)"


@phased(
    "uk.legal_control",
    "bool",
    "yes/no",
    "the acquirer's group holds more than half of the target's votes (a controlling interest)",
    test=f"{_TEST} (legal control)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _legal(ctx: FactContext, phase: str) -> Value:
    votes = shares_value(ctx, phase, "voting")
    if not votes.known:
        return votes
    held = votes.value
    found = held.compare(">", HALF + EPSILON) if isinstance(held, Range) else above_half(held)
    if found is None:
        return unknown(f"the votes are given only as {held}", votes.sources)
    return known(found, votes.sources, votes.note)


@phased(
    "uk.majority_of_votes_cast",
    "bool",
    "yes/no",
    "the acquirer's group holds a majority of the votes typically cast at the target's "
    "general meetings (false where another party holds as many votes)",
    test=f"{_TEST} (de facto control)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _cast(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    result = majority_of_votes_cast(reg)
    if result is None:
        return unknown("the votes typically cast at general meetings are not given", reg.sources)
    return known(result, reg.sources)


@phased(
    "uk.board_representation",
    "bool",
    "yes/no",
    "the acquirer's group has a voice on the target's board: a director it designated, "
    "one of its officers or directors, an observer, or a right to appoint a director",
    test=f"{_TEST} (material influence: board representation)",
    question=Q_REGISTER,
    topic="Board and officers",
    phases=("after",),
)
def _board(ctx: FactContext, phase: str) -> Value:
    present, sources = representation(ctx, phase)
    if present is None:
        return unknown("the target's board or the rights in force are not given", sources)
    return known(present, sources)


FACTORS = (
    "board seat",
    "board observer",
    "officer or director in common",
    "board appointment rights",
    "veto rights",
    "information rights",
    "consultation rights",
    "acquirer supplies the target",
    "target supplies the acquirer",
    "supply or licence agreement with the deal",
    "convertible instruments",
)
"""The labels ``uk.material_influence_factors`` uses, in order."""


def _convertible(ctx: FactContext, phase: str) -> tuple[bool, list[str]]:
    group = acquirer_group(ctx, phase) - target_side(ctx, phase)
    rows = [
        held
        for h, _, held in ctx.phase(phase).edges(Holds, v=ctx.target)
        if h in group and held.share_class == "convertible"
    ]
    return bool(rows), [s for held in rows for s in held.source]


@phased(
    "uk.material_influence_factors",
    "list",
    "labels",
    "the factors besides votes that may give the acquirer's group material influence over "
    "the target, from: " + "; ".join(FACTORS),
    test=f"{_TEST} (material influence: board, rights, commercial and financial ties)",
    question=Q_REGISTER,
    topic="Rights",
    phases=("after",),
)
def _factors(ctx: FactContext, phase: str) -> Value:
    seats = ctx.of("acquirer.board.seats", phase=phase)
    observers = ctx.of("acquirer.board.observers", phase=phase)
    common = ctx.of("interlock.officer_director", phase=phase)
    appoint = ctx.of("acquirer.board.appointable", phase=phase)
    group = acquirer_group(ctx, phase) - target_side(ctx, phase)
    rights = {
        kind: rights_over_target(ctx, phase, group, (kind, *extra))
        for kind, extra in (("veto", ("consent",)), ("information", ()), ("consultation", ()))
    }
    supplies, buys, agreement, tie_sources = commercial_ties(ctx, phase)
    convertible, conv_sources = _convertible(ctx, phase)
    flags = [
        (seats.value > 0 if seats.known else None, seats.sources),
        (observers.value > 0 if observers.known else None, observers.sources),
        (tri(common), common.sources),
        (appoint.value > 0 if appoint.known else None, appoint.sources),
        *((None if r is None else bool(r[0]), () if r is None else r[1]) for r in rights.values()),
        (supplies, tie_sources),
        (buys, tie_sources),
        (agreement, tie_sources),
        (convertible, conv_sources),
    ]
    return factor_list(
        [(label, flag, srcs) for label, (flag, srcs) in zip(FACTORS, flags, strict=True)]
    )
