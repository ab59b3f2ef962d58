"""Behavioural remedies cure what they cover: a commitment in the timeline that binds the
merged firm from outside (an order) to supply rivals on non-discriminatory terms removes the
ability to foreclose them, and its firewall closes the information channels it lists; what it
does not cover stays standing and says so (Northrop Grumman / Orbital ATK, FTC 2018)."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs, result_json
from trustbench.model import load_deal
from trustbench.summary import summary_of

DEAL = """\
case:
  id: maker-parts
  title: Maker / Parts
  as_of: 2025-06-13
  jurisdictions: [us]
sources:
  - {id: doc, title: A document, publisher: Agency, date: 2025-06-01}
entities:
  - {id: maker, name: Maker}
  - {id: parts, name: Parts}
  - {id: rival, name: Rival}
markets:
  - {id: gadgets, name: Gadgets, partial: true, participants: [{entity: maker}, {entity: rival}]}
  - {id: chips, name: Chips, kind: input, partial: true, participants: [{entity: parts}]}
  - {id: boards, name: Boards, kind: input, partial: true, participants: [{entity: parts}]}
supply:
  - {supplier: parts, customer: rival, product: chips, must_have: true, confidential_data: true}
transaction:
  acquirer: maker
  target: parts
  steps:
    - {kind: acquire_stake, equity: 1.0, voting: 1.0}
"""

LIMBS = """\
evidence:
  - {theory: input-foreclosure, limb: incentive, direction: supports, text: gain, source: doc}
  - {theory: input-foreclosure, limb: effect, direction: supports, text: costs rise, source: doc}
"""

ALL = "[control, board, observer, shared-director, officer, information-rights, supply-data]"


def _commitment(access: str, channels: str, enforceability: str = "order") -> str:
    return f"""\
timeline:
  - date: 2025-05-01
    type: commitment
    terms: {{access: {access}, channels: {channels}, enforceability: {enforceability}}}
    source: doc
"""


VERTICAL = "us.mg2023.g5a-related-product"
INFORMATION = "us.mg2023.g5b-sensitive-information"


def _analyse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> dict[str, object]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(text, encoding="utf-8")
    analysis = evaluate(load_deal(Path("deal.yaml")), load_packs(["us"]))
    out = result_json(analysis)
    findings = {f["rule"]: f for f in out["jurisdictions"][0]["findings"]}  # type: ignore[index]
    theories = {t.factor: t.status for t in summary_of(analysis.results[0]).theories}
    return {"findings": findings, "theories": theories}


def test_without_commitment_both_theories_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + LIMBS)
    assert got["theories"]["vertical"] == "raised"  # type: ignore[index]
    assert got["theories"]["information"] == "raised"  # type: ignore[index]


def test_supply_and_firewall_commitment_remedies_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + LIMBS + _commitment("[chips]", ALL))
    findings = got["findings"]
    vertical = findings[VERTICAL]  # type: ignore[index]
    assert vertical["status"] == "not_triggered"
    assert vertical["remedy"]["before"]["status"] == "triggered"
    assert vertical["facts"]["vertical.input.ability.us"] is False
    assert vertical["text"].startswith("Resolved by the commitment to supply chips")
    assert findings[INFORMATION]["status"] == "not_triggered"  # type: ignore[index]
    assert got["theories"]["vertical"] == "remedied"  # type: ignore[index]
    assert got["theories"]["information"] == "remedied"  # type: ignore[index]


def test_partial_cover_leaves_information_standing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + LIMBS + _commitment("[chips]", "[]"))
    info = got["findings"][INFORMATION]  # type: ignore[index]
    assert info["status"] == "triggered"
    assert info["text"].startswith("Not cured by the commitment to supply chips")
    assert got["theories"]["vertical"] == "remedied"  # type: ignore[index]
    assert got["theories"]["information"] == "raised"  # type: ignore[index]


def test_commitment_on_another_product_cures_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + LIMBS + _commitment("[boards]", "[]"))
    assert got["findings"][VERTICAL]["status"] == "triggered"  # type: ignore[index]
    assert got["theories"]["vertical"] == "raised"  # type: ignore[index]


def test_internal_policy_cures_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = DEAL + LIMBS + _commitment("[chips]", ALL, "internal-policy")
    got = _analyse(tmp_path, monkeypatch, text)
    assert got["theories"]["vertical"] == "raised"  # type: ignore[index]
    assert got["theories"]["information"] == "raised"  # type: ignore[index]


def test_open_theory_decided_by_the_commitment_is_remedied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # no statement on incentive or effect: open as notified; the supply commitment removes
    # the ability, which decides the theory
    got = _analyse(tmp_path, monkeypatch, DEAL + _commitment("[chips]", "[]"))
    vertical = got["findings"][VERTICAL]  # type: ignore[index]
    assert vertical["remedy"]["before"]["status"] == "unknown"
    assert vertical["status"] == "not_triggered"
    assert got["theories"]["vertical"] == "remedied"  # type: ignore[index]


def test_commitment_without_terms_cures_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        DEAL + LIMBS + "timeline:\n  - {date: 2025-05-01, type: commitment, note: fair dealing}\n"
    )
    got = _analyse(tmp_path, monkeypatch, text)
    assert got["theories"]["vertical"] == "raised"  # type: ignore[index]


def test_memo_says_open_before_the_commitment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustbench.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(DEAL + _commitment("[chips]", "[]"), encoding="utf-8")
    assert main(["memo", "deal.yaml", "--html", "-o", "memo.html"]) == 0
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert "Open before the remedy; resolved by the commitment to supply chips" in html
