"""Remedies in the timeline: the overlap a divestiture cures is gone from the facts after it,
each substantive finding is stated before and after, and the summary says `remedied`."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs, result_json
from trustbench.model import load_deal
from trustbench.summary import summary_of

DEAL = """\
case:
  id: acme-widget
  title: Acme / Widget
  as_of: 2025-06-13
  jurisdictions: [us]
entities:
  - {id: acme, name: Acme}
  - {id: widget, name: Widget}
  - {id: rival, name: Rival}
markets:
  - id: widgets
    name: Widgets
    participants:
      - {entity: acme, share: 0.40}
      - {entity: widget, share: 0.30}
      - {entity: rival, share: 0.30}
transaction:
  acquirer: acme
  target: widget
  steps:
    - {kind: acquire_stake, holder: acme, issuer: widget, equity: 1.0, voting: 1.0}
"""

REMEDY = """\
timeline:
  - {date: 2025-05-01, type: divestiture, by: widget, market: widgets, to: rival}
"""


def _analyse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> dict[str, object]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(text, encoding="utf-8")
    deal = load_deal(Path("deal.yaml"))
    analysis = evaluate(deal, load_packs(["us"]))
    us = analysis.results[0]
    out = result_json(analysis)
    findings = {f["rule"]: f for f in out["jurisdictions"][0]["findings"]}  # type: ignore[index]
    theories = {t.factor: t.status for t in summary_of(us).theories}
    return {"findings": findings, "theories": theories}


def test_no_remedy_no_remedy_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL)
    g1 = got["findings"]["us.mg2023.g1-structural-presumption"]  # type: ignore[index]
    assert g1["status"] == "triggered"
    assert "remedy" not in g1
    assert got["theories"]["horizontal"] == "raised"  # type: ignore[index]


def test_divestiture_cures_the_overlap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + REMEDY)
    g1 = got["findings"]["us.mg2023.g1-structural-presumption"]  # type: ignore[index]
    assert g1["status"] == "not_triggered"
    assert g1["remedy"]["before"]["status"] == "triggered"
    assert g1["remedy"]["applied"] == [
        "the divestiture of Widget's business in Widgets to Rival (2025-05-01)"
    ]
    assert g1["text"].startswith("Resolved by the divestiture of Widget's business in Widgets")
    assert g1["facts"]["market.hhi.delta"] == 0.0
    assert got["theories"]["horizontal"] == "remedied"  # type: ignore[index]


def test_notification_is_on_the_deal_as_notified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = _analyse(tmp_path, monkeypatch, DEAL + REMEDY)
    for f in got["findings"].values():  # type: ignore[attr-defined]
        if f["factor"] in ("filing", "control"):
            assert "remedy" not in f


def test_remedy_after_as_of_is_not_applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    later = REMEDY.replace("2025-05-01", "2025-07-01")
    got = _analyse(tmp_path, monkeypatch, DEAL + later)
    g1 = got["findings"]["us.mg2023.g1-structural-presumption"]  # type: ignore[index]
    assert g1["status"] == "triggered" and "remedy" not in g1


def test_partial_divestiture_leaves_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    partial = REMEDY.replace("to: rival}", "to: rival, share: 0.25}")
    got = _analyse(tmp_path, monkeypatch, DEAL + partial)
    g1 = got["findings"]["us.mg2023.g1-structural-presumption"]  # type: ignore[index]
    # 40 % + 5 % remain: ΔHHI 2·40·5 = 400, so the presumption survives the remedy
    assert g1["facts"]["market.hhi.delta"] == pytest.approx(400.0)
    assert g1["status"] == "triggered"
    assert g1["remedy"]["before"]["status"] == "triggered"
    assert got["theories"]["horizontal"] == "raised"  # type: ignore[index]


def test_unnamed_buyer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unnamed = REMEDY.replace(", to: rival}", "}")
    got = _analyse(tmp_path, monkeypatch, DEAL + unnamed)
    g1 = got["findings"]["us.mg2023.g1-structural-presumption"]  # type: ignore[index]
    assert g1["status"] == "not_triggered"
    assert g1["facts"]["market.hhi.after"] == pytest.approx(1600 + 900 + 900)


def test_memo_says_what_the_remedy_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustbench.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "deal.yaml").write_text(DEAL + REMEDY, encoding="utf-8")
    assert main(["memo", "deal.yaml", "--html", "-o", "memo.html"]) == 0
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert "Met before the remedy; resolved by the divestiture of Widget&#39;s business" in html
    assert '<span class="theory remedied">Remedied:</span> Horizontal overlap' in html
