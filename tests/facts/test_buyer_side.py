"""Direct evidence on the buyer-side theory (Guideline 10): sourced statements on the effect
on workers' or suppliers' pay and terms, per jurisdiction."""

from __future__ import annotations

from .helpers import ctx_for, val

DEAL = """\
sources: [{id: s, title: Opinion, publisher: Court, date: 2022-10-31}]
entities: [{id: a, name: A}, {id: t, name: T}]
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 1.0, voting: 1.0}]
"""


def _statement(direction: str, where: str = "") -> str:
    extra = f", jurisdictions: [{where}]" if where else ""
    return (
        "evidence:\n  - {theory: buyer-side, limb: effect, direction: "
        f"{direction}, text: advances would fall, source: s{extra}}}\n"
    )


def test_no_statement_is_unknown() -> None:
    assert val(ctx_for(DEAL), "buyer_side.effect.us") is None


def test_supporting_statement() -> None:
    assert val(ctx_for(DEAL + _statement("supports")), "buyer_side.effect.us") is True


def test_statement_against() -> None:
    assert val(ctx_for(DEAL + _statement("against")), "buyer_side.effect.us") is False


def test_another_jurisdictions_finding_does_not_count() -> None:
    assert val(ctx_for(DEAL + _statement("supports", "uk")), "buyer_side.effect.us") is None
    assert val(ctx_for(DEAL + _statement("supports", "us")), "buyer_side.effect.us") is True
