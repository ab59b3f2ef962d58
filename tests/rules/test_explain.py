"""`analyze DEAL --explain RULE` on the seed case: for every US finding the explanation
names every fact (with its value and deal-file sources), every parameter (value, date in
force, reference), every authority, and the parts of the condition that decided it."""

from pathlib import Path

import pytest

from trustbench.analysis import Analysis, evaluate, load_packs
from trustbench.cli import main
from trustbench.cli.explain import explain
from trustbench.document import full_result
from trustbench.model import load_deal
from trustbench.rules.evaluate import Finding
from trustbench.rules.text import fmt

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return evaluate(load_deal(SEED), load_packs(["us"]))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _us_rules() -> list[str]:
    from trustbench.rules.loader import builtin_dir, load_pack

    return sorted(load_pack(builtin_dir() / "us").rules)


US_RULES = _us_rules()


def test_every_us_rule_is_covered(analysis: Analysis) -> None:
    assert sorted(f.rule for f in analysis.results[0].findings) == US_RULES


@pytest.mark.parametrize("rule", US_RULES)
def test_explanation_names_everything_it_used(analysis: Analysis, rule: str) -> None:
    finding = next(f for f in analysis.results[0].findings if f.rule == rule)
    text = _flat(explain(full_result(analysis, structuring=False), rule))
    sources = {s.id: s for s in analysis.deal.sources}
    assert text.startswith(
        f"{rule} — {finding.title} outcome: {finding.status.replace('_', ' ')} (as of 2025-06-13"
    )
    for part in finding.instances or [finding]:
        _check_part(part, text, sources)
    for p in finding.params.values():
        assert f"{p.name} = {fmt(p.value, p.unit)}, in force from {p.effective}" in text
        assert _flat(p.reference) in text
    for cite in finding.cites:
        assert f"{cite}: " in text


def _check_part(part: Finding, text: str, sources: dict) -> None:  # type: ignore[type-arg]
    assert part.facts, part.rule
    for use in part.facts.values():
        assert f"{use.name} = {fmt(use.value, use.unit)}" in text
        for sid in use.sources:
            assert f"[{sid}]" in text and _flat(sources[sid].title) in text
    assert part.reasoning
    for _, condition, truth in part.reasoning:
        assert _flat(f"{truth} {condition}") in text


def test_explanation_shows_the_deciding_part(analysis: Analysis) -> None:
    text = explain(full_result(analysis, structuring=False), "us.hsr.filing-required")
    assert "✗ false   hsr.voting_securities.acquired\n" in text
    assert "hsr.voting_securities.acquired = no" in text
    text = explain(full_result(analysis, structuring=False), "us.mg2023.g11-influence")
    assert "        ✓ true    interlock.officer_director.after\n" in text
    assert "acquirer.vetoes.after = unknown" in text
    assert "unknown — question for the client: Which veto, consent" in _flat(text)


def test_explain_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "analyze",
            str(SEED),
            "--explain",
            "us.hsr.non-voting-stake",
            "--explain",
            "us.mg2023.g11-mhhi",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and out.count("outcome:") == 2
    assert "in the market 'Frontier AI foundation models': not triggered" in out
    code = main(["analyze", str(SEED), "--explain", "us.hsr.filing-requird"])
    assert code == 2
    assert "did you mean 'us.hsr.filing-required'?" in capsys.readouterr().err


def test_definitions_and_rule_references_are_named_steps_with_their_citations() -> None:
    german = evaluate(load_deal(SEED), load_packs(["de"]))
    text = _flat(explain(full_result(german, structuring=False), "de.filing.standstill"))
    assert (
        "? unknown rule.de.filing.notification_required — Notification to the "
        "Bundeskartellamt required" in text
    )
    assert (
        "? unknown def.de.concentration — Concentration under GWB § 37(1) "
        "(GWB § 37(1) no. 1; GWB § 37(1) no. 2; GWB § 37(1) no. 3; GWB § 37(1) no. 4)" in text
    )
    assert "def.de.size_thresholds_met — Thresholds of GWB § 35 met" in text
    # the facts behind the definitions are listed, each once, with what they are
    assert text.count("de.capital_share.after = 49 %") == 1
