"""EU control: decisive influence under Art. 3(2) EUMR, read with the Consolidated
Jurisdictional Notice (2008/C 95/01), ¶¶ 54–80.

* sole control: the acquirer's group can determine strategic decisions (a majority of the
  votes, of the votes typically cast, or of the board) and no one else can block them;
* joint control: the acquirer's group can determine or block strategic decisions and so can
  another party (parity of votes or board seats, or vetoes over budget, business plan, major
  investments or senior management — beyond normal minority protection);
* negative sole control: only the acquirer's group can block strategic decisions.

Each is unknown while the inputs that could change it — other holders' stakes, the rights
in force, the board, attendance at general meetings — are missing.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.control.base import (
    Q_REGISTER,
    Register,
    acquirer_blocks,
    other_blockers,
    positive_power,
    register,
    sole_control,
)
from trustbench.facts.logic import Tri, all_of, any_of, negate
from trustbench.facts.registry import Value, known, phased, unknown

_TEST = "EUMR Art. 3(2); Consolidated Jurisdictional Notice ¶¶ 54–80"


def _value(result: Tri, reg: Register, why: str) -> Value:
    return unknown(why, reg.sources) if result is None else known(result, reg.sources)


_MISSING = (
    "other shareholders' stakes, the rights in force, the board or the votes "
    "typically cast are not given"
)


@phased(
    "eu.sole_control",
    "bool",
    "yes/no",
    "the acquirer's group alone can determine the target's strategic decisions: a "
    "majority of the votes, of the votes typically cast or of the board, with no other "
    "party able to block",
    test=f"{_TEST} (sole control, ¶¶ 54–61)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _sole(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    return _value(sole_control(reg), reg, _MISSING)


def _joint(reg: Register) -> Tri:
    blockers, _ = other_blockers(reg)
    return all_of([any_of([positive_power(reg), acquirer_blocks(reg)]), blockers])


@phased(
    "eu.joint_control",
    "bool",
    "yes/no",
    "the acquirer's group and another party can each determine or block the target's "
    "strategic decisions (parity of votes or board seats, or vetoes over budget, business "
    "plan, major investments or senior management)",
    test=f"{_TEST} (joint control, ¶¶ 62–80)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _joint_control(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    return _value(_joint(reg), reg, _MISSING)


def _negative(reg: Register) -> Tri:
    blockers, _ = other_blockers(reg)
    return all_of([negate(positive_power(reg)), acquirer_blocks(reg), negate(blockers)])


@phased(
    "eu.negative_sole_control",
    "bool",
    "yes/no",
    "only the acquirer's group can block the target's strategic decisions (strategic "
    "vetoes, half of the votes or half of the board) and it cannot determine them alone",
    test=f"{_TEST} (negative sole control, ¶ 54)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _negative_sole(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    return _value(_negative(reg), reg, _MISSING)


def decisive_influence(reg: Register) -> Tri:
    """Sole, joint or negative sole control: the acquirer's group can determine or block
    strategic decisions."""
    return any_of([positive_power(reg), acquirer_blocks(reg)])


@phased(
    "eu.decisive_influence",
    "bool",
    "yes/no",
    "the acquirer's group has decisive influence over the target: sole, joint or negative "
    "sole control",
    test=f"{_TEST} (Art. 3(2))",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _decisive(ctx: FactContext, phase: str) -> Value:
    reg = register(ctx, phase)
    return _value(decisive_influence(reg), reg, _MISSING)
