"""End to end: EU, UK and German filing and control questions decided from what the deal
file states — timeline, activity records, what moves."""

from __future__ import annotations

from trustbench.analysis import evaluate, load_packs
from trustbench.model.load import deal_from_document
from trustbench.rules.evaluate import Finding
from trustbench.sources import parse_document

PARTIES = """
case: {{id: t, title: T, as_of: {as_of}}}
entities:
  - id: buyer
    name: Buyer
    revenues:
      - {{geography: worldwide, amount: EUR 3bn, fiscal_year: 2012}}
      - {{geography: EU, amount: EUR 2bn, fiscal_year: 2012}}
      - {{geography: DE, amount: EUR 400m, fiscal_year: 2012}}
      - {{geography: FR, amount: EUR 800m, fiscal_year: 2012}}
      - {{geography: IT, amount: EUR 800m, fiscal_year: 2012}}
  - id: fish
    name: Fish
    revenues:
      - {{geography: worldwide, amount: EUR 2.5bn, fiscal_year: 2012}}
      - {{geography: EU, amount: EUR 1bn, fiscal_year: 2012}}
      - {{geography: DE, amount: EUR 100m, fiscal_year: 2012}}
      - {{geography: FR, amount: EUR 450m, fiscal_year: 2012}}
      - {{geography: ES, amount: EUR 450m, fiscal_year: 2012}}
  - {{id: ann, name: Ann, kind: person}}
{extra}
"""


def findings(text: str, *jurisdictions: str) -> dict[str, Finding]:
    deal = deal_from_document(parse_document(text, "t.yaml"))
    analysis = evaluate(deal, load_packs(list(jurisdictions)))
    return {f.rule: f for r in analysis.results for f in r.findings}


CLOSED_UNNOTIFIED = PARTIES.format(
    as_of="2014-07-23",
    extra="""
transaction:
  acquirer: buyer
  target: fish
  steps: [{kind: acquire_stake, equity: 100%, voting: 100%}]
holdings: []
rights: []
timeline:
  - {date: 2012-12-18, type: closing}
  - {date: 2013-08-09, type: filing, jurisdiction: eu}
  - {date: 2013-09-30, type: clearance, jurisdiction: eu}
  - {date: 2013-08-09, type: filing, jurisdiction: de}
  - {date: 2013-09-01, type: clearance, jurisdiction: de}
""",
)


def test_closing_before_notification_is_eu_gun_jumping() -> None:
    found = findings(CLOSED_UNNOTIFIED, "eu")
    eu = found["eu.eumr.art7-gun-jumping"]
    assert eu.status == "triggered", eu.text
    assert "closing on 2012-12-18, before any notification" in eu.text
    assert "286 days" in eu.text and "10 %" in eu.text
    assert "eumr-art-14" in eu.cites
    notify = found["eu.eumr.eu-dimension"]
    assert "25 working days" in notify.text and "suspensory" in notify.text


ACQUI_HIRE = PARTIES.format(
    as_of="2024-09-04",
    extra="""
transaction:
  acquirer: buyer
  target: fish
  steps:
    - {kind: hire, person: ann, title: Chief Scientist}
    - {kind: contract, type: licence, parties: [fish, buyer], text: licence of the models}
timeline:
  - {date: 2024-03-19, type: announcement}
  - {date: 2024-03-21, type: closing}
""",
)


def test_hires_with_a_licence_are_an_enterprise_and_a_business() -> None:
    # (the parties' UK turnover is not given: the control findings do not need it)
    found = findings(ACQUI_HIRE, "uk", "eu", "de")
    assert found["uk.control.acqui-hire"].status == "triggered"
    assert found["eu.eumr.art3-asset-acquisition"].status == "triggered"
    assert found["de.concentration.asset-acquisition"].status == "triggered"
    clock = found["uk.jurisdiction.completed-merger"]
    # completed 21 March 2024, announced before: five whole months have run by 4 September
    assert clock.status == "not_triggered", clock.text
    assert "2024-03-21" in clock.text


def test_a_uk_deal_within_the_four_months_can_still_be_called_in() -> None:
    text = ACQUI_HIRE.replace("as_of: 2024-09-04", "as_of: 2024-07-20")
    clock = findings(text, "uk")["uk.jurisdiction.completed-merger"]
    assert clock.status == "triggered", clock.text
    assert "s. 72" in clock.text
