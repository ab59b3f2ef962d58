"""Property: for every rule the lever catalogue declares monotone in a lever, raising the
lever never turns the rule from triggered to not triggered (STYLE.md, property tests)."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.whatif.conftest import deal, packs
from trustbench.whatif import Lever, load_levers
from trustbench.whatif.engine import Evaluator
from trustbench.whatif.levers import moves

CASES = ["meta-scale-ai", "amazon-irobot", "microsoft-mistral"]


@cache
def evaluator(name: str) -> Evaluator:
    d = deal(name)
    return Evaluator(d, packs(tuple(d.case.jurisdictions)))


def monotone_levers() -> list[Lever]:
    return [lv for lv in load_levers() if lv.kind == "continuous" and lv.monotone]


def test_the_catalogue_declares_monotone_rules_that_exist() -> None:
    known = {rid for name in CASES for rid in evaluator(name).rule_pack}
    declared = {rid for lv in monotone_levers() for rid in lv.monotone}
    assert declared and declared <= known


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("lever", monotone_levers(), ids=lambda lv: lv.id)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_raising_a_lever_never_untriggers_a_monotone_rule(
    name: str, lever: Lever, data: st.DataObject
) -> None:
    ev = evaluator(name)
    lo, hi = lever.range or (0.0, 1.0)
    assert hi is not None
    grid = st.integers(min_value=round(lo * 10_000), max_value=round(hi * 10_000))
    a, b = sorted(data.draw(st.lists(grid, min_size=2, max_size=2, unique=True)))
    low, high = moves(ev.deal, lever, a / 10_000), moves(ev.deal, lever, b / 10_000)
    for m_low, m_high in zip(low, high, strict=True):
        for rid in (r for r in lever.monotone if r in ev.rule_pack):
            before = ev.status(m_low.changes, rid)
            after = ev.status(m_high.changes, rid)
            assert not (before == "triggered" and after == "not_triggered"), (
                f"{rid}: {lever.id} {a / 100:.2f} % → {b / 100:.2f} % turned it off"
            )
