"""US control for HSR purposes: 16 CFR 801.1(b).

A person controls a corporation if it holds 50 % or more of its outstanding voting
securities, or has the contractual power presently to designate 50 % or more of its
directors; an unincorporated entity if it has the right to 50 % or more of its profits (or
of its assets on dissolution, which deal files do not give). A person holds what the
entities it controls hold (801.1(c)). De facto control — a majority of the votes actually
cast — is not HSR control (PNO staff, legal.md §1.3), nor is a joint designation right.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.control.base import EPSILON, Q_REGISTER, register
from trustbench.facts.logic import any_of
from trustbench.facts.registry import Value, known, phased, unknown
from trustbench.graph.interests import CORPORATE

HSR_CONTROL_SHARE = 0.5
"""16 CFR 801.1(b)(1)–(2): "50 percent or more" of the voting securities, of the directors
(or, for unincorporated entities, of the profits) — part of the definition of control."""


@phased(
    "hsr.control",
    "bool",
    "yes/no",
    "the acquiring person controls the target: its group holds 50 % or more of the "
    "target's voting securities (of its profits if unincorporated), has the contractual "
    "power to designate 50 % or more of its directors, or already controls it through a "
    "chain of controlled entities",
    test="16 CFR 801.1(b) (HSR control)",
    question=Q_REGISTER,
    topic="Ownership and voting",
)
def _hsr_control(ctx: FactContext, phase: str) -> Value:
    chain = ctx.get(f"acquirer.controls_target.{phase}")
    reg = register(ctx, phase)
    corporate = ctx.entity(ctx.target).kind in CORPORATE
    share = reg.acquirer.votes if corporate else reg.acquirer.capital
    holds = None if share is None else share >= HSR_CONTROL_SHARE - EPSILON
    seats, size = reg.acquirer.seats, reg.board_size
    designates = None
    if corporate and seats == 0:
        designates = False
    elif corporate and seats is not None and size:
        designates = seats / size >= HSR_CONTROL_SHARE - EPSILON
    elif not corporate:
        designates = False
    result = any_of([chain.value, holds, designates])
    sources = (*chain.sources, *reg.sources)
    if result is None:
        return unknown(
            "the group's voting share or its contractual power to designate directors is not given",
            sources,
        )
    return known(result, sources)
