"""The US filing side of issue 12, deal file to finding: a failure to file found from the
timeline with its days and penalty, an investor's conduct defeating 802.9, an asset deal
tested like shares, and § 8 links with third companies."""

from __future__ import annotations

import textwrap

import pytest

from trustbench.analysis import evaluate, load_packs
from trustbench.model.load import deal_from_document
from trustbench.rules.evaluate import Finding
from trustbench.sources import parse_document

PARTIES = """
case: {id: t, title: T, as_of: 2025-06-13, jurisdictions: [us]}
entities:
  - {id: a, name: Acquirer, country: US,
     revenues: [{geography: worldwide, amount: USD 2bn, fiscal_year: 2024}]}
  - {id: t, name: Target, country: US, manufacturer: true,
     revenues: [{geography: worldwide, amount: USD 300m, fiscal_year: 2024}]}
"""


@pytest.fixture(scope="module")
def us() -> list:  # type: ignore[type-arg]
    return load_packs(["us"])


def findings(text: str, packs: list) -> dict[str, Finding]:  # type: ignore[type-arg]
    deal = deal_from_document(parse_document(textwrap.dedent(text), "t.yaml"))
    (result,) = evaluate(deal, packs).results
    return {f.rule: f for f in result.findings}


def test_failure_to_file_gives_days_corrective_filing_and_penalty(us: list) -> None:  # type: ignore[type-arg]
    found = findings(
        PARTIES
        + """
transaction:
  acquirer: a
  target: t
  investment_only: false
  steps: [{kind: acquire_stake, equity: 100%, value: USD 700m}]
timeline:
  - {date: 2024-01-10, type: closing}
  - {date: 2024-06-01, type: filing, jurisdiction: us}
  - {date: 2024-07-01, type: waiting_period_expiry, jurisdiction: us}
""",
        us,
    )
    violation = found["us.hsr.gun-jumping"]
    assert violation.status == "triggered"
    assert "Days in violation so far: 173" in violation.text
    assert "A corrective filing has been made: yes" in violation.text
    assert "USD 53,088 for each day" in violation.text
    assert "801.1(c)" in found["us.hsr.filing-required"].conclusion


def test_proxy_solicitation_defeats_the_investment_exemption(us: list) -> None:  # type: ignore[type-arg]
    found = findings(
        PARTIES
        + """
boards: [{company: t, directors: []}]
markets: []
transaction:
  acquirer: a
  target: t
  investment_only: true
  investor_conduct: {board_candidate: false, shareholder_proposal: false,
                     proxy_solicitation: true}
  steps: [{kind: acquire_stake, equity: 5%, value: USD 700m}]
""",
        us,
    )
    assert found["us.hsr.investment-only"].status == "not_triggered"
    assert found["us.hsr.filing-required"].status == "triggered"


def test_an_asset_deal_is_tested_like_shares(us: list) -> None:  # type: ignore[type-arg]
    found = findings(
        PARTIES
        + """
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_assets, assets: [business_line, ip], value: USD 700m}]
""",
        us,
    )
    assert found["us.hsr.filing-required"].status == "triggered"


def test_a_director_on_a_third_competitor_s_board_is_caught(us: list) -> None:  # type: ignore[type-arg]
    found = findings(
        PARTIES
        + """
  - {id: r, name: Rival}
  - {id: jane, name: Jane, kind: person}
boards:
  - {company: a, directors: [{person: jane}]}
  - {company: r, directors: [{person: jane}]}
markets:
  - {id: m, name: Widgets, participants: [{entity: a}, {entity: r}]}
transaction:
  acquirer: a
  target: t
  steps: []
""",
        us,
    )
    flag = found["us.clayton8.third-party-interlock"]
    assert flag.status == "triggered"
    assert "Acquirer – Rival (through Jane; Widgets)" in flag.text
    assert found["us.mg2023.g5b-shared-director"].status == "triggered"
