"""Timeline events about people and the end of a review reach the facts and change outcomes:
a board seat ended before the case date removes a § 8 interlock, an order against a person
of the deal is noted, a prohibition of an implemented deal raises Art. 8(4) dissolution. An
event after the case date changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.errors import TrustbenchError
from trustbench.model import load_deal

# Two competitors sharing a director (a § 8 link), above the capital thresholds and outside
# the safe harbours: the interlock is triggered unless the shared seat has ended.
DEAL = """\
case: {{id: t, title: T, as_of: 2025-06-13, jurisdictions: [us, eu]}}
entities:
  - id: acme
    name: Acme
    capital: USD 1bn
    revenues: [{{geography: worldwide, amount: USD 500m, fiscal_year: 2024}}]
  - id: widget
    name: Widget
    capital: USD 500m
    revenues: [{{geography: worldwide, amount: USD 200m, fiscal_year: 2024}}]
  - {{id: jane, name: Jane Doe, kind: person}}
boards:
  - {{company: acme, directors: [{{person: jane}}]}}
  - {{company: widget, directors: [{{person: jane}}]}}
markets:
  - id: widgets
    name: Widgets
    participants:
      - {{entity: acme, share: 0.30, sales: USD 100m}}
      - {{entity: widget, share: 0.20, sales: USD 80m}}
transaction:
  acquirer: acme
  target: widget
  steps: [{{kind: acquire_stake, equity: 10%, class: non-voting}}]
timeline:
{events}
"""


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, events: str) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    # no events: a stated, empty timeline (nothing happened), not an absent one
    Path("deal.yaml").write_text(DEAL.format(events=events or "  []"), encoding="utf-8")
    analysis = evaluate(load_deal(Path("deal.yaml")), load_packs(["us", "eu"]))
    return {f.rule: f.status for r in analysis.results for f in r.findings}


def test_a_seat_ended_before_the_case_date_removes_the_interlock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    linked = _findings(tmp_path, monkeypatch, "")
    ended = _findings(
        tmp_path,
        monkeypatch,
        "  - {date: 2025-05-01, type: board_seat_ended, person: jane, company: widget}",
    )
    later = _findings(
        tmp_path,
        monkeypatch,
        "  - {date: 2025-07-01, type: board_seat_ended, person: jane, company: widget}",
    )
    assert linked["us.clayton8.interlock"] == "triggered"
    assert ended["us.clayton8.interlock"] == "not_triggered"
    assert later["us.clayton8.interlock"] == "triggered"  # after as_of: still on both boards


def test_an_order_against_a_person_of_the_deal_is_noted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ban = "  - {date: 2025-03-01, type: individual_ban, person: jane, note: barred}"
    assert _findings(tmp_path, monkeypatch, "")["us.clayton8.barred-person"] == "not_triggered"
    assert _findings(tmp_path, monkeypatch, ban)["us.clayton8.barred-person"] == "triggered"
    later = ban.replace("2025-03-01", "2025-09-01")
    assert _findings(tmp_path, monkeypatch, later)["us.clayton8.barred-person"] == "not_triggered"


def test_an_implemented_deal_the_commission_prohibited_raises_dissolution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed = "  - {date: 2025-02-01, type: closing}\n"
    prohibited = "  - {date: 2025-05-02, type: prohibition, jurisdiction: eu}"
    rule = "eu.eumr.art8-4-dissolution"
    assert _findings(tmp_path, monkeypatch, closed.rstrip())[rule] == "not_triggered"
    assert _findings(tmp_path, monkeypatch, closed + prohibited)[rule] == "triggered"
    later = closed + prohibited.replace("2025-05-02", "2025-08-02")
    assert _findings(tmp_path, monkeypatch, later)[rule] == "not_triggered"
    assert _findings(tmp_path, monkeypatch, prohibited)[rule] == "not_triggered"  # not closed


def test_a_seat_ended_names_the_person_and_the_company(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = DEAL.format(events="  - {date: 2025-05-01, type: board_seat_ended, person: jane}")
    Path("deal.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(TrustbenchError) as info:
        load_deal(Path("deal.yaml"))
    assert "a board_seat_ended event needs the person and the company" in info.value.render()
