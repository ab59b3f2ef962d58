"""``trustbench whatif``: text for the lawyer, JSON with the additive ``options`` key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.whatif.conftest import SEED
from trustbench.cli import main
from trustbench.result import OptionsDoc, Result, ScenarioDoc


def test_whatif_text_names_the_seed_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "us.hsr.filing-required (not required — what would bring it in)" in out
    assert "equity stake in Scale AI from 49 % to 24.99 %  → not triggered" in out
    assert "Options that work across all jurisdictions" in out
    assert "Decisive questions" in out


def test_whatif_json_is_the_analysis_plus_options_and_is_stable(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["whatif", str(SEED), "--format", "json", "-j", "de"]) == 0
    first = capsys.readouterr().out
    assert main(["whatif", str(SEED), "--format", "json", "-j", "de"]) == 0
    assert capsys.readouterr().out == first  # byte for byte
    doc = json.loads(first)
    assert [j["id"] for j in doc["jurisdictions"]] == ["de"]
    options = doc["options"]
    assert set(options) == {"levers", "evaluations", "findings", "across", "questions"}
    share = next(
        f for f in options["findings"] if f["rule"] == "de.concentration.share-acquisition"
    )
    assert share["options"][0]["changes"] == [
        {"stake": {"holder": "meta", "issuer": "scale-ai", "equity": 0.2499}}
    ]
    assert share["options"][0]["verified"] is True


def test_whatif_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", str(SEED), "--format", "yaml"]) == 2
    assert "--format: expected text or json, got 'yaml'" in capsys.readouterr().err


def test_the_options_and_scenarios_keys_match_their_documented_schema(
    seed_with_scenarios: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["whatif", str(seed_with_scenarios), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    OptionsDoc.model_validate(doc["options"])
    for scenario in doc["scenarios"]:
        ScenarioDoc.model_validate(scenario)
    assert {"options", "scenarios"} <= set(Result.model_json_schema()["properties"])
    Result.model_validate(doc)  # the whole whatif document is the documented result
