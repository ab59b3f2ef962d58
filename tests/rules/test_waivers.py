"""Waivers: a deal file waives a rule by id with a reason; the finding is still evaluated
and shown, with the waiver and its reason, but not scored. A waiver naming an unknown rule
is an error at its file:line."""

import json
from pathlib import Path

import pytest

from trustbench.cli import main

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"

WAIVER = """
waivers:
  - rule: us.mg2023.g11-influence
    reason: counsel confirmed the board seat ends at closing (memo of 2025-06-20)
    by: J. Counsel
"""


def _deal(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "deal.yaml"
    path.write_text(SEED.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def _us(capsys: pytest.CaptureFixture[str], deal: Path) -> dict:  # type: ignore[type-arg]
    assert main(["analyze", str(deal), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)["jurisdictions"][0]  # type: ignore[no-any-return]


def test_waived_finding_is_shown_with_its_reason_and_not_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _us(capsys, SEED)
    after = _us(capsys, _deal(tmp_path, WAIVER))
    finding = {f["rule"]: f for f in after["findings"]}["us.mg2023.g11-influence"]
    assert finding["status"] == "triggered" and finding["weight"] == 2
    assert finding["waiver"] == {
        "reason": "counsel confirmed the board seat ends at closing (memo of 2025-06-20)",
        "by": "J. Counsel",
    }
    assert after["score"] == before["score"] - 2
    assert all("waiver" not in f for f in before["findings"])


def test_waiver_in_text_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deal = _deal(tmp_path, WAIVER)
    assert main(["analyze", str(deal)]) == 0
    assert "● triggered     us.mg2023.g11-influence [waived]" in capsys.readouterr().out
    assert main(["analyze", str(deal), "--explain", "us.mg2023.g11-influence"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert (
        "WAIVED by J. Counsel: counsel confirmed the board seat ends at closing (memo of "
        "2025-06-20) — shown, not scored" in out
    )


def test_waiver_of_an_unknown_rule_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _deal(tmp_path, WAIVER.replace("g11-influence", "g11-influense"))
    monkeypatch.chdir(tmp_path)
    lines = len(SEED.read_text(encoding="utf-8").splitlines())
    code = main(["analyze", "deal.yaml"])
    err = capsys.readouterr().err
    assert code == 2 and err == (
        f"deal.yaml:{lines + 3}:11: error[deal]: waivers[0].rule: unknown rule "
        "'us.mg2023.g11-influense'\n  hint: did you mean 'us.mg2023.g11-influence'?\n"
    )
