"""802.21 and 802.50 from the deal file to the finding (issue 12): an earlier filing recorded
in the timeline covers later acquisitions up to its threshold for five years, and is not this
deal's review; assets located abroad with small US sales are exempt."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.model.load import deal_from_document
from trustbench.rules.evaluate import Finding
from trustbench.rules.pack import Pack
from trustbench.sources import parse_document

HOLDER = """
case: {{id: t, title: T, as_of: {as_of}, jurisdictions: [us]}}
entities:
  - {{id: a, name: Acquirer, country: US,
     revenues: [{{geography: worldwide, amount: USD 2bn, fiscal_year: 2016}}]}}
  - {{id: t, name: Target, country: US, manufacturer: true,
     revenues: [{{geography: worldwide, amount: USD 1bn, fiscal_year: 2016}}]}}
transaction:
  acquirer: a
  target: t
  investment_only: false
  steps:
    - {{kind: acquire_stake, class: voting, voting: 0.05, equity: 0.05, date: 2017-09-11,
       holding_value: {value}}}
timeline:
  - {{date: 2016-08-16, type: filing, jurisdiction: us, earlier: true, threshold: 50m}}
  - {{date: 2016-09-06, type: clearance, jurisdiction: us, earlier: true}}
"""


ACQUIRED = dt.date(2017, 9, 11)


@pytest.fixture(scope="module")
def us() -> list[Pack]:
    return load_packs(["us"])


def findings(text: str, packs: list[Pack]) -> dict[str, Finding]:
    deal = deal_from_document(parse_document(textwrap.dedent(text), "t.yaml"))
    (result,) = evaluate(deal, packs).results
    return {f.rule: f for f in result.findings}


def test_an_earlier_filing_covers_a_holding_below_the_next_threshold(us: list[Pack]) -> None:
    # 2017: $100m (as adjusted) is USD 161.5m; a holding of USD 150m stays below it.
    found = findings(HOLDER.format(as_of="2018-01-15", value="USD 150m"), us)
    assert found["us.hsr.filing-required"].status == "not_triggered"
    assert found["us.hsr.gun-jumping"].status == "not_triggered"


def test_crossing_the_next_threshold_needs_a_new_filing(us: list[Pack]) -> None:
    # Dolan: the vesting takes the holding above USD 161.5m; no filing for it.
    found = findings(HOLDER.format(as_of="2018-01-15", value="USD 170m"), us)
    assert found["us.hsr.filing-required"].status == "triggered"
    jumping = found["us.hsr.gun-jumping"]
    assert jumping.status == "triggered"  # the earlier filing's waiting period is not this one
    assert jumping.facts["hsr.violation.days"].value == (dt.date(2018, 1, 15) - ACQUIRED).days


def test_the_earlier_filing_lapses_after_five_years(us: list[Pack]) -> None:
    text = HOLDER.format(as_of="2022-01-15", value="USD 150m").replace("2017-09-11", "2021-09-07")
    found = findings(text, us)
    # 2021 thresholds: floor USD 92.0m; the 2016 filing's window ended on 6 September 2021.
    assert found["us.hsr.filing-required"].status == "triggered"


FOREIGN = """
case: {{id: f, title: F, as_of: 2025-06-13, jurisdictions: [us]}}
entities:
  - {{id: a, name: Acquirer, country: US}}
  - {{id: s, name: Seller, country: DE}}
transaction:
  acquirer: a
  target: s
  steps:
    - {{kind: acquire_assets, assets: [business_line], value: USD 600m, country: {country},
       us_sales: {sales}}}
"""


@pytest.mark.parametrize(
    ("country", "sales", "status"),
    [
        ("DE", "USD 126.4m", "triggered"),
        ("DE", "USD 127m", "not_triggered"),
        ("DE", '"< USD 10m"', "triggered"),
        ("US", "USD 0", "not_triggered"),
    ],
)
def test_foreign_assets_with_small_us_sales_are_exempt(
    us: list[Pack], country: str, sales: str, status: str
) -> None:
    found = findings(FOREIGN.format(country=country, sales=sales), us)
    assert found["us.hsr.foreign-assets-exemption"].status == status
