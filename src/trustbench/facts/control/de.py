"""Germany: the concentrations of GWB § 37(1) — control (no. 2), the acquisition of shares
reaching a level of the capital or the votes (no. 3: 25 % or 50 %, pack parameters) and any
other link giving competitively significant influence (no. 4).

Shares held by undertakings of the acquirer's group count as the acquirer's (§ 36(2),
§ 37(1) no. 3 sentence 2): each member's holding counts whole. Which level a deal crosses is
for the pack to decide from the values before and after.
"""

from __future__ import annotations

from collections.abc import Iterable

from trustbench.facts.context import FactContext
from trustbench.facts.control.base import Q_REGISTER, Register, register, shares_value
from trustbench.facts.control.eu import decisive_influence
from trustbench.facts.control.ties import commercial_ties
from trustbench.facts.governance import acquirer_group, rights_over_target, target_side
from trustbench.facts.logic import Tri, any_of, factor_list, tri
from trustbench.facts.registry import Value, known, phased, unknown

_TEST = "GWB § 37(1)"


@phased(
    "de.capital_share",
    "double",
    "share",
    "the share of the target's capital held by the acquirer's group (each member's "
    "holding counted whole)",
    test=f"{_TEST} no. 3 (25 % / 50 % of the capital)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _capital(ctx: FactContext, phase: str) -> Value:
    return shares_value(ctx, phase, "equity")


@phased(
    "de.control",
    "bool",
    "yes/no",
    "the acquirer's group controls the target alone or jointly with others (the EU "
    "concept the Bundeskartellamt applies: decisive influence, including joint and "
    "negative sole control)",
    test=f"{_TEST} no. 2",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _control(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    result = decisive_influence(reg)
    if result is None:
        return unknown(
            "other shareholders' stakes, the rights in force or the board are not given",
            reg.sources,
        )
    return known(result, reg.sources)


def shareholder_rank(reg: Register) -> int | None:
    """1 + the number of other parties holding more of the capital; unknown if a share is
    unknown or the unlisted capital could form a larger holding."""
    mine = reg.acquirer.capital
    if mine is None or any(p.capital is None for p in reg.others):
        return None
    rest = reg.unlisted_capital if reg.unlisted_capital is not None else reg.unlisted_capital_max
    if rest > mine:
        return None
    return 1 + sum(1 for p in reg.others if (p.capital or 0.0) > mine)


FACTORS = (
    "board seat",
    "board observer",
    "officer or director in common",
    "board appointment rights",
    "veto rights",
    "information rights",
    "consultation rights",
    "parties compete",
    "vertically related",
    "commercial relationship",
    "largest shareholder",
)
"""The labels ``de.csi_factors`` uses, in order."""


def _count(value: Value) -> Tri:
    return tri(value)


@phased(
    "de.csi_factors",
    "list",
    "labels",
    "the plus factors besides the shareholding that may give the acquirer's group "
    "competitively significant influence over the target, from: " + "; ".join(FACTORS),
    test=f"{_TEST} no. 4 (competitively significant influence)",
    question=Q_REGISTER,
    topic="Rights",
)
def _csi(ctx: FactContext, phase: str) -> Value:
    facts = [
        ctx.of(n, phase=phase)
        for n in (
            "acquirer.board.seats",
            "acquirer.board.observers",
            "interlock.officer_director",
            "acquirer.board.appointable",
        )
    ]
    group = acquirer_group(ctx, phase) - target_side(ctx, phase)
    rights = [
        rights_over_target(ctx, phase, group, kinds)
        for kinds in (("veto", "consent"), ("information",), ("consultation",))
    ]
    compete, vertical = ctx.get("parties.compete"), ctx.get("parties.vertically_related")
    supplies, buys, agreement, tie_sources = commercial_ties(ctx, phase)
    reg = register(ctx, phase)
    rank = shareholder_rank(reg)
    flags: list[tuple[Tri, Iterable[str]]] = [
        *((_count(f), f.sources) for f in facts),
        *((None if r is None else bool(r[0]), () if r is None else r[1]) for r in rights),
        (tri(compete), compete.sources),
        (tri(vertical), vertical.sources),
        (any_of([supplies, buys, agreement]), tie_sources),
        (None if rank is None else rank == 1, reg.sources),
    ]
    return factor_list(
        [(label, flag, srcs) for label, (flag, srcs) in zip(FACTORS, flags, strict=True)]
    )
