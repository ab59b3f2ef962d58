"""Closeness evidence: GUPPI from diversion, margins and prices (2010 HMG § 6.1), and the
Guideline 2 closeness rule on a whole deal."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.facts import FactContext
from trustbench.model import load_deal

DEAL = """\
case: {id: acme, title: Acme / Widget, as_of: 2025-06-13, jurisdictions: [us]}
entities: [{id: acme, name: Acme}, {id: widget, name: Widget}, {id: rival, name: Rival}]
markets:
  - id: widgets
    name: Widgets
    participants:
      - {entity: acme, share: 0.30}
      - {entity: widget, share: 0.20}
      - {entity: rival, share: 0.50}
    closeness:
      diversion: {acquirer_to_target: 30%, target_to_acquirer: 40%}
      acquirer: {margin: 40%, price: 100}
      target: {margin: 50%, price: 80}
      head_to_head: true
transaction:
  acquirer: acme
  target: widget
  steps: [{kind: acquire_stake, holder: acme, issuer: widget, equity: 1.0, voting: 1.0}]
"""


def _deal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(text, encoding="utf-8")
    return load_deal(Path("deal.yaml"))


def test_guppi_of_each_product(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deal = _deal(tmp_path, monkeypatch, DEAL)
    ctx = FactContext.for_deal(deal).for_market(deal.markets[0])
    # acquirer: 0.30 diverted × target margin 0.50 × 80 / 100
    assert ctx.get("market.guppi.acquirer").value == pytest.approx(0.12)
    # target: 0.40 diverted × acquirer margin 0.40 × 100 / 80
    assert ctx.get("market.guppi.target").value == pytest.approx(0.20)
    assert ctx.get("market.head_to_head").value is True
    assert ctx.get("market.documents.rival").value is None  # not stated: unknown, not []


def test_guppi_unknown_without_prices(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deal = _deal(tmp_path, monkeypatch, DEAL.replace(", price: 80", ""))
    ctx = FactContext.for_deal(deal).for_market(deal.markets[0])
    assert ctx.get("market.guppi.acquirer").value is None


def test_closeness_rule(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deal = _deal(tmp_path, monkeypatch, DEAL)
    (us,) = evaluate(deal, load_packs(["us"])).results
    found = {f.rule: f for f in us.findings}
    g2 = found["us.mg2023.g2-closeness"]
    assert g2.status == "triggered"
    assert "12 %" in g2.text and "20 %" in g2.text
    stake = DEAL.replace("equity: 1.0, voting: 1.0", "equity: 0.1, voting: 0.0")
    (us,) = evaluate(_deal(tmp_path, monkeypatch, stake), load_packs(["us"])).results
    assert next(f for f in us.findings if f.rule == "us.mg2023.g2-closeness").status == (
        "not_triggered"
    )
