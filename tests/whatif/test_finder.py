"""The safe-harbour finder on the seed case and two other example cases."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.whatif.conftest import analysis, packs
from trustbench.analysis import evaluate, load_packs
from trustbench.model import load_deal
from trustbench.model.patch import apply_changes
from trustbench.whatif import WhatIf, find_options, load_levers
from trustbench.whatif.engine import Evaluator, Unbuildable
from trustbench.whatif.levers import moves

CASES = ["meta-scale-ai", "microsoft-mistral", "amazon-irobot"]


@cache
def report(name: str) -> WhatIf:
    a = analysis(name)
    p = packs(tuple(a.deal.case.jurisdictions))
    return find_options(a, p, load_levers(p))


def target(name: str, rule: str):  # type: ignore[no-untyped-def]
    return next(t for t in report(name).targets if t.rule == rule)


@pytest.mark.parametrize("name", CASES)
def test_statuses_without_texts_are_those_of_the_analysis(name: str) -> None:
    a = analysis(name)
    ev = Evaluator(a.deal, packs(tuple(a.deal.case.jurisdictions)), a.as_of)
    verdicts = ev.verdicts(())
    for result in a.results:
        v = verdicts[result.id]
        assert v.statuses == {f.rule: f.status for f in result.findings}
        assert (v.score, v.band, v.filing, v.control) == (
            result.score,
            result.band,
            result.filing,
            result.control,
        )


@pytest.mark.parametrize("name", CASES)
def test_every_option_survives_a_full_analysis_of_the_patched_deal(name: str) -> None:
    a = analysis(name)
    p = packs(tuple(a.deal.case.jurisdictions))
    options = {id(o): o for t in report(name).targets for o in t.options}
    options.update({id(o): o for o in report(name).across})
    assert options, "the finder found no option at all"
    for option in options.values():
        again = evaluate(apply_changes(a.deal, option.patch), p, a.as_of)
        for result in again.results:
            assert option.verdicts[result.id].statuses == {
                f.rule: f.status for f in result.findings
            }


@pytest.mark.parametrize("name", CASES)
def test_the_finder_proposes_only_the_deals_own_levers(name: str) -> None:
    a = analysis(name)
    catalogue = {lv.id: lv for lv in load_levers(packs(tuple(a.deal.case.jurisdictions)))}
    for t in report(name).targets:
        for option in t.options:
            for move in option.moves:
                lever = catalogue[move.lever]
                offered = {m.key for m in moves(a.deal, lever, move.value)}
                assert move.key in offered


@pytest.mark.parametrize("name", CASES)
def test_each_option_reaches_its_goal(name: str) -> None:
    for t in report(name).targets:
        for option in t.options:
            after = option.verdicts[t.jurisdiction].statuses[t.rule]
            if t.goal == "not_triggered":
                assert after == "not_triggered"
            elif t.goal == "decided":
                assert after != "unknown"
            else:
                assert after != "not_triggered"
        if not t.options:
            assert t.deciding, f"{t.rule}: no option and no deciding fact named"


def test_seed_us_hsr_filing_avoided_and_what_brings_it_in() -> None:
    hsr = target("meta-scale-ai", "us.hsr.filing-required")
    assert hsr.status == "not_triggered" and hsr.goal == "brought_in"
    first = hsr.options[0]
    assert [m.lever for m in first.moves] == ["stake.voting"]
    assert first.moves[0].value == pytest.approx(0.0001)  # any votes at all
    assert first.verdicts["us"].statuses["us.hsr.filing-required"] == "unknown"


def test_seed_germany_the_stake_level_where_no_3_stops_and_no_4_stays_open() -> None:
    share = target("meta-scale-ai", "de.concentration.share-acquisition")
    first = share.options[0]
    assert [m.lever for m in first.moves] == ["stake.equity"]
    assert first.moves[0].value == pytest.approx(0.2499)
    assert first.moves[0].text() == "equity stake in Scale AI from 49 % to 24.99 %"
    # § 37(1) no. 4 is residual to no. 3 whatever the percentage: open at 49 % (whether
    # no. 3 catches the stake turns on the earlier Series F holding) and at 24.99 %.
    csi = "de.concentration.competitively-significant-influence"
    assert first.verdicts["de"].statuses[csi] == "unknown"


def test_seed_uk_material_influence_turns_on_the_rights() -> None:
    mi = target("meta-scale-ai", "uk.control.material-influence")
    assert [m.lever for m in mi.options[0].moves] == ["no-rights"]
    assert mi.options[0].verdicts["uk"].statuses["uk.control.material-influence"] == (
        "not_triggered"
    )


def test_seed_removing_the_common_director() -> None:
    single = next(
        o for o in report("meta-scale-ai").across if [m.lever for m in o.moves] == ["remove-seat"]
    )
    changed = {e.rule: e.after for e in single.effects}
    assert changed["us.mg2023.g11-influence"] == "unknown"
    assert changed["us.mg2023.g11-information"] == "unknown"
    influence = target("meta-scale-ai", "us.mg2023.g11-influence")
    levers = [sorted(m.lever for m in o.moves) for o in influence.options]
    assert ["no-rights", "remove-seat"] in levers


def test_seed_options_across_jurisdictions_are_ranked_by_size() -> None:
    across = report("meta-scale-ai").across
    assert across and all(not o.worsens and o.improves for o in across)
    sizes = [o.size for o in across]
    assert sizes == sorted(sizes)


def test_a_finding_no_lever_turns_names_the_facts_that_decide_it() -> None:
    g6 = target("meta-scale-ai", "us.mg2023.g6-entrenchment")
    assert not g6.options
    assert g6.deciding == ["market.share.acquirer", "market.share.target"]


SMALL = """
case: {id: small, title: Small, as_of: 2025-06-13, jurisdictions: [us, de]}
entities:
  - {id: a, name: A Corp}
  - {id: b, name: B Corp}
  - {id: c, name: C Fund, kind: fund}
holdings:
  - {holder: c, issuer: b, equity: 0.6}
transaction:
  acquirer: a
  target: b
  value: USD 900m
  steps:
    - {kind: acquire_stake, equity: 0.3}
"""


def test_a_patch_that_makes_no_possible_deal_is_never_proposed(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL)
    d = load_deal(path)
    p = load_packs(d.case.jurisdictions)
    result = find_options(evaluate(d, p), p, load_levers(p))
    ev = Evaluator(d, p)
    too_much = moves(d, next(lv for lv in load_levers() if lv.id == "stake.equity"), 0.5)
    with pytest.raises(Unbuildable):
        ev.verdicts(too_much[0].changes)
    for t in result.targets:
        for option in t.options:
            for m in option.moves:
                assert m.value is None or m.value <= 0.4
