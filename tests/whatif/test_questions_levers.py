"""Decisive questions, and levers as data (a catalogue a house pack can extend)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.whatif.conftest import analysis, deal
from trustbench.errors import ErrorGroup
from trustbench.model import load_deal
from trustbench.whatif import load_levers
from trustbench.whatif.levers import moves
from trustbench.whatif.questions import decisive_questions


def flip(fact: str, rule: str):  # type: ignore[no-untyped-def]
    question = next(q for q in decisive_questions(analysis("meta-scale-ai")) if q.fact == fact)
    return next(f for f in question.flips if f.rule == rule)


def test_the_german_turnover_flips_the_thresholds_at_eur_17_5m() -> None:
    turnover = flip("turnover.target.de.eur", "de.thresholds.turnover")
    assert turnover.outcomes == (
        ("at most EUR 17.5m", "not_triggered"),
        ("more than EUR 17.5m", "unknown"),
    )
    value = flip("turnover.target.de.eur", "de.thresholds.transaction-value")
    assert value.outcomes == (
        ("at most EUR 17.5m", "unknown"),
        ("more than EUR 17.5m", "not_triggered"),
    )


def test_a_fact_that_decides_alone_and_a_pair_that_decides_together() -> None:
    g8 = flip("acquirer.prior_acquisitions.count", "us.mg2023.g8-serial-acquisitions")
    assert g8.decides and g8.outcomes == (
        ("at most 0", "not_triggered"),
        ("more than 0", "triggered"),
    )
    both = [
        f
        for f in next(
            q
            for q in decisive_questions(analysis("meta-scale-ai"))
            if q.fact == "de.capital_share.before"
        ).flips
        if f.together_with
    ]
    assert [f.together_with for f in both] == [("acquirer.group.votes.before",)]


def test_questions_are_ordered_by_the_findings_they_decide() -> None:
    questions = decisive_questions(analysis("meta-scale-ai"))
    keys = [(-q.decides, -len(q.flips)) for q in questions]
    assert keys == sorted(keys)
    assert all(q.question for q in questions)


def test_a_catalogue_adds_a_lever(tmp_path: Path) -> None:
    extra = tmp_path / "house-levers.yaml"
    extra.write_text(
        "levers:\n"
        "  - id: house.observer\n"
        "    title: a board observer instead of nothing\n"
        "    kind: discrete\n"
        "    each: acquirer\n"
        "    change: {add_seat: {person: jason-droege, role: observer}}\n"
    )
    levers = {lv.id: lv for lv in load_levers(extra=[extra])}
    assert "stake.equity" in levers and "house.observer" in levers
    (move,) = moves(deal("meta-scale-ai"), levers["house.observer"])
    assert move.changes[0].plain() == {"add_seat": {"person": "jason-droege", "role": "observer"}}


def test_a_bad_catalogue_is_located(tmp_path: Path) -> None:
    bad = tmp_path / "bad-levers.yaml"
    bad.write_text(
        "levers:\n  - id: x\n    title: x\n    kind: sliding\n    each: acquirer\n    change: {}\n"
    )
    with pytest.raises(ErrorGroup) as info:
        load_levers(extra=[bad])
    assert f"{bad}:4:11: error[levers]: levers[0].kind: expected 'continuous' or 'discrete'" in (
        info.value.render()
    )


def test_a_house_pack_adds_its_levers() -> None:
    from trustbench.analysis import load_packs
    from trustbench.rules.loader import builtin_dir

    house = builtin_dir() / "examples" / "acme-house-policy"
    packs = load_packs(["us"], [house])
    assert packs[0].id == "acme-house-policy"
    ids = [lv.id for lv in load_levers(packs)]
    assert "house.non-voting-shares" in ids and "stake.voting" in ids


def test_the_memo_gets_the_options_and_the_request_order(seed_with_scenarios: Path) -> None:
    from trustbench.analysis import evaluate, load_packs
    from trustbench.document import full_result
    from trustbench.report.context import build_context
    from trustbench.whatif import request_order

    d = load_deal(seed_with_scenarios)
    a = evaluate(d, load_packs(d.case.jurisdictions))
    context = build_context(full_result(a))["structuring"]
    de = next(j for j in context["jurisdictions"] if j["id"] == "de")
    share = next(
        f for f in de["findings"] if any(t.startswith("Acquisition of 25 %") for t in f["titles"])
    )
    assert share["option"]["change"] == "equity stake in Scale AI from 49 % to 24.99 %"
    assert share["option"]["result"] == "not triggered"
    assert [s["name"] for s in context["scenarios"]] == ["base", "below-25", "no-common-director"]
    order = request_order(a)
    assert order["acquirer.prior_acquisitions.count"] == (1, 1)
