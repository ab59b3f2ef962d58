"""Reportability at the acquisition date (issue 12): the HSR thresholds a deal is tested
against are those in force when the acquisition was made — the timeline's closing or a dated
acquisition step on or before the case date — not those of the case date."""

from __future__ import annotations

import datetime as dt

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.model.load import deal_from_document
from trustbench.rules.evaluate import Finding
from trustbench.rules.pack import Pack
from trustbench.sources import parse_document

DEAL = """
case: {{id: dated, title: Dated thresholds, as_of: {as_of}, jurisdictions: [us], currency: USD}}
entities:
  - {{id: buyer, name: Buyer Inc.,
      revenues: [{{amount: USD 2bn, geography: worldwide, fiscal_year: 2010}}]}}
  - {{id: target, name: Target Inc., manufacturer: true,
      assets: [{{amount: USD 500m, geography: worldwide, fiscal_year: 2010}}]}}
transaction:
  acquirer: buyer
  target: target
  steps:
    - {{kind: acquire_stake, class: voting, voting: 0.3, equity: 0.3, value: USD 70m{date}}}
timeline: []
"""


@pytest.fixture(scope="module")
def us() -> list[Pack]:
    return load_packs(["us"])


def _us(us: list[Pack], as_of: str, date: str = "") -> dict[str, Finding]:
    step_date = f", date: {date}" if date else ""
    text = DEAL.format(as_of=as_of, date=step_date)
    deal = deal_from_document(parse_document(text, "deal.yaml"))
    (result,) = evaluate(deal, us).results
    return {f.rule: f for f in result.findings}


def test_a_2011_acquisition_analysed_in_2015_uses_the_2011_floor(us: list[Pack]) -> None:
    # USD 70m: above the 2011 floor (USD 66.0m), not above the 2015 floor (USD 76.3m).
    found = _us(us, "2015-08-24", "2011-08-10")["us.hsr.filing-required"]
    assert found.status == "triggered"
    floor = found.params["params.hsr_size_of_transaction_floor"]
    assert (floor.value, floor.effective) == (66_000_000, dt.date(2011, 2, 24))
    assert "2011-08-10" in floor.reference


def test_without_an_acquisition_date_the_case_date_decides(us: list[Pack]) -> None:
    found = _us(us, "2015-08-24")["us.hsr.filing-required"]
    assert found.status == "not_triggered"
    floor = found.params["params.hsr_size_of_transaction_floor"]
    assert floor.value == 76_300_000


def test_an_acquisition_after_the_case_date_is_not_used(us: list[Pack]) -> None:
    # A memo is as of its date: a step dated later does not pick the thresholds.
    found = _us(us, "2015-08-24", "2016-03-01")["us.hsr.filing-required"]
    assert found.params["params.hsr_size_of_transaction_floor"].value == 76_300_000


@pytest.mark.parametrize(
    ("date", "status"), [("2005-03-01", "triggered"), ("2005-03-02", "triggered")]
)
def test_across_the_first_revision(us: list[Pack], date: str, status: str) -> None:
    found = _us(us, "2005-06-01", date)["us.hsr.filing-required"]
    floor = found.params["params.hsr_size_of_transaction_floor"].value
    assert floor == (50_000_000 if date == "2005-03-01" else 53_100_000)
    assert found.status == status


def test_the_penalty_stays_at_the_case_date(us: list[Pack]) -> None:
    found = _us(us, "2017-06-01", "2011-08-10")["us.hsr.gun-jumping"]
    assert found.params["params.hsr_civil_penalty_per_day"].value == 40_654
