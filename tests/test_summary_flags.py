"""A flag (a pattern raised for review, never concluded) left unknown does not keep a theory
open where the theory's tests are decided; triggered, it still raises it."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.model import load_deal
from trustbench.summary import summary_of

DEAL = """\
case: {id: t, title: T, as_of: 2025-06-13, jurisdictions: [us]}
entities: [{id: a, name: A}, {id: t, name: T}, {id: r, name: R}]
markets:
  - id: m
    name: M
    participants: [{entity: a, share: 0.5}, {entity: r, share: 0.5}]
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 1.0, voting: 1.0}]
"""


def _horizontal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(text, encoding="utf-8")
    analysis = evaluate(load_deal(Path("deal.yaml")), load_packs(["us"]))
    result = analysis.results[0]
    g8 = next(f for f in result.findings if f.rule == "us.mg2023.g8-serial-acquisitions")
    theories = {t.factor: t.status for t in summary_of(result).theories}
    return f"{g8.status} {theories['horizontal']}"


def test_unknown_flag_does_not_keep_a_decided_theory_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no prior_acquisitions section: Guideline 8 is open, Guideline 1 and 2 are decided
    assert _horizontal(tmp_path, monkeypatch, DEAL) == "unknown not_raised"


def test_triggered_flag_still_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DEAL + "prior_acquisitions: [{acquirer: a, target: Earlier Co}]\n"
    assert _horizontal(tmp_path, monkeypatch, text) == "triggered raised"
