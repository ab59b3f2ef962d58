"""Scenarios: patches on the base deal, validated like the deal itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.whatif.conftest import SEED, deal
from trustbench.cli import main
from trustbench.errors import ErrorGroup
from trustbench.model import load_deal
from trustbench.model.bounds import Range
from trustbench.model.deal import AcquireStake, Hire
from trustbench.model.patch import apply_changes, apply_scenario
from trustbench.model.scenarios import Change


def change(data: dict[str, object]) -> Change:
    return Change.model_validate(data)


def test_a_patch_leaves_the_base_deal_alone() -> None:
    base = deal("meta-scale-ai")
    before = base.model_dump_json()
    patched = apply_changes(
        base,
        [
            change({"stake": {"equity": "24.9%"}}),
            change({"remove_seat": {"person": "alexandr-wang"}}),
            change({"clear_rights": {}}),
        ],
    )
    assert base.model_dump_json() == before
    stake = next(s for s in patched.transaction.steps if isinstance(s, AcquireStake))
    assert stake.equity == pytest.approx(0.249)
    assert stake.voting == 0.0  # non-voting shares stay non-voting
    hire = next(s for s in patched.transaction.steps if isinstance(s, Hire))
    assert hire.keeps_board_seat is False  # the seat is given up with the deal
    assert "rights" in patched.model_fields_set and "rights" not in base.model_fields_set


def test_votes_attach_voting_shares() -> None:
    patched = apply_changes(deal("meta-scale-ai"), [change({"stake": {"voting": 0.1}})])
    stake = next(s for s in patched.transaction.steps if isinstance(s, AcquireStake))
    assert (stake.voting, stake.share_class) == (0.1, "voting")


def test_a_change_names_exactly_one_thing() -> None:
    with pytest.raises(ValueError, match="exactly one thing to change, got stake, closing"):
        change({"stake": {"equity": 0.2}, "closing": "2025-07-01"})


def test_scenarios_load_and_apply(seed_with_scenarios: Path) -> None:
    loaded = load_deal(seed_with_scenarios)
    assert [s.name for s in loaded.scenarios] == ["below-25", "no-common-director"]
    patched = apply_scenario(loaded, "below-25")
    stake = next(s for s in patched.transaction.steps if isinstance(s, AcquireStake))
    assert stake.equity == pytest.approx(0.249)


def test_unknown_references_are_located_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "typo.yaml"
    path.write_text(
        SEED.read_text(encoding="utf-8")
        + "scenarios:\n"
        + "  - name: typo\n"
        + "    description: a misspelt person and a hire that is not in the deal\n"
        + "    changes:\n"
        + "      - remove_seat: {person: alexandr-wong}\n"
        + "      - drop_hire: {person: accel}\n",
        encoding="utf-8",
    )
    lines = len(SEED.read_text(encoding="utf-8").splitlines())
    with pytest.raises(ErrorGroup) as info:
        load_deal(path)
    rendered = info.value.render()
    assert rendered == (
        f"{path}:{lines + 5}:31: error[deal]: scenarios[0].changes[0].remove_seat.person: "
        "unknown entity 'alexandr-wong'\n"
        "  hint: did you mean 'alexandr-wang'?\n"
        f"{path}:{lines + 6}:29: error[deal]: scenarios[0].changes[1].drop_hire.person: "
        "the deal hires no 'accel'\n"
        "  hint: the deal has: alexandr-wang, jason-droege"
    )


def test_analyze_with_a_scenario(
    seed_with_scenarios: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(seed_with_scenarios), "--scenario", "below-25", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0
    doc = json.loads(out)
    de = next(j for j in doc["jurisdictions"] if j["id"] == "de")
    share = next(f for f in de["findings"] if f["rule"] == "de.concentration.share-acquisition")
    assert share["status"] == "not_triggered"
    assert [s["name"] for s in doc["scenarios"]] == ["below-25", "no-common-director"]


def test_an_unknown_scenario_is_a_user_error(
    seed_with_scenarios: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(seed_with_scenarios), "--scenario", "below-52"])
    err = capsys.readouterr().err
    assert code == 2
    assert "error[deal]: --scenario: no scenario 'below-52' in the deal file" in err
    assert "hint: did you mean 'below-25'?" in err
    assert "Traceback" not in err


def test_compare_prints_the_matrix_and_the_changes(
    seed_with_scenarios: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["compare", str(seed_with_scenarios)])
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0].split() == [
        "scenario",
        "notification",
        "concept",
        "band",
        "theories",
        "raised",
    ]
    # medium: Guideline 5(A) waits on its limbs (ability, incentive, effect) in the seed case
    assert out.splitlines()[2].split()[:5] == ["base", "us", "no", "yes", "medium"]
    assert "de de.concentration.share-acquisition: unknown → not_triggered" in out
    assert "us us.mg2023.g11-influence: triggered → not_triggered" in out
    code = main(["compare", str(seed_with_scenarios), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    rows = {r["name"]: r for r in doc["comparison"]}
    assert set(rows) == {"base", "below-25", "no-common-director"}
    assert rows["base"]["jurisdictions"]["us"]["filing"] == "no"


def test_compare_without_scenarios_says_how_to_add_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["compare", str(SEED)])
    err = capsys.readouterr().err
    assert code == 2
    assert "the deal file has no scenarios to compare" in err
    assert "hint: add a `scenarios:` section" in err


def test_holdings_divestitures_rights_safeguards_and_dates(tmp_path: Path) -> None:
    from trustbench.model.deal import Contract, GrantRight

    base = deal("amazon-irobot")
    patched = apply_changes(
        base,
        [
            change({"add_right": {"kind": "veto", "matters": ["budget"]}}),
            change({"add_safeguard": {"type": "firewall", "text": "no data flows"}}),
            change({"consideration": "USD 1bn"}),
            change({"closing": "2024-03-01"}),
        ],
    )
    steps = patched.transaction.steps
    grant = next(s for s in steps if isinstance(s, GrantRight))
    assert (grant.right.holder, grant.right.issuer, grant.right.kind) == (
        "amazon",
        "irobot",
        "veto",
    )
    assert any(isinstance(s, Contract) and s.text == "no data flows" for s in steps)
    assert patched.transaction.value is not None and patched.transaction.value.amount == 1e9
    assert str(patched.transaction.closing) == "2024-03-01"
    stake = next(s for s in steps if isinstance(s, AcquireStake))
    old = next(s for s in base.transaction.steps if isinstance(s, AcquireStake))
    assert old.value is not None and stake.value is not None
    assert stake.value.amount == pytest.approx(
        old.value.amount * 1e9 / base.transaction.value.amount
    )  # type: ignore[union-attr]
    removed = apply_changes(patched, [change({"remove_right": {"kind": "veto"}})])
    assert not any(isinstance(s, GrantRight) for s in removed.transaction.steps)


def test_a_divestiture_sells_part_of_a_holding(tmp_path: Path) -> None:
    path = tmp_path / "small.yaml"
    path.write_text(
        "case: {id: small, title: Small, as_of: 2025-06-13, jurisdictions: [us]}\n"
        "entities: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\n"
        "holdings: [{holder: a, issuer: c, equity: 0.3}]\n"
        "transaction: {acquirer: a, target: b, steps: [{kind: acquire_stake, equity: 0.2}]}\n"
        "scenarios:\n"
        "  - name: sell-c\n"
        "    description: A sells 20 % of C\n"
        "    changes: [{divest: {holder: a, issuer: c, equity: 0.2}}]\n"
        "  - name: set-c\n"
        "    description: A holds 5 % of C\n"
        "    changes: [{holding: {holder: a, issuer: c, equity: 0.05}}]\n"
    )
    loaded = load_deal(path)
    sold = apply_scenario(loaded, "sell-c").holdings[0]
    assert (sold.equity, sold.voting) == (pytest.approx(0.1), pytest.approx(0.1))
    assert apply_scenario(loaded, "set-c").holdings[0].voting == pytest.approx(0.05)


def test_a_divestiture_from_a_holding_given_as_a_bound_keeps_a_bound(tmp_path: Path) -> None:
    """Selling 2 % of a holding of at most 7 % leaves at most 5 % (it used to raise a
    TypeError, which the structuring search would have hit on any bounded holding)."""
    path = tmp_path / "bounded.yaml"
    path.write_text(
        "case: {id: bounded, title: Bounded, as_of: 2025-06-13, jurisdictions: [us]}\n"
        "entities: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}]\n"
        'holdings: [{holder: a, issuer: c, equity: "at most 7%"}]\n'
        "transaction: {acquirer: a, target: b, steps: [{kind: acquire_stake, equity: 0.2}]}\n"
        "scenarios:\n"
        "  - name: sell-c\n"
        "    description: A sells 2 % of C\n"
        "    changes: [{divest: {holder: a, issuer: c, equity: 0.02}}]\n"
    )
    sold = apply_scenario(load_deal(path), "sell-c").holdings[0]
    assert isinstance(sold.equity, Range)
    assert sold.equity.lo in (None, 0.0)
    assert sold.equity.hi == pytest.approx(0.05)
