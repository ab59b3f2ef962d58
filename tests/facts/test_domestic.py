"""The target's activity in Germany (GWB § 35(1a) no. 4)."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val

DEAL = """
entities:
  - {id: acme, name: Acme}
  - id: widget
    name: Widget
{extra}
transaction: {acquirer: acme, target: widget}
"""


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("    activity: [{geography: DE, users: 2000000}]", ["users"]),
        ("    activity: [{geography: DE, sites: [R&D centre Munich]}]", ["sites", "research"]),
        ("    activity: [{geography: DE, customers: '> 100', employees: 0}]", ["customers"]),
        ("    revenues: [{geography: DE, amount: EUR 3m}]", ["turnover"]),
        ("    activity: [{geography: US, users: 5000000}]", []),  # recorded elsewhere only
        ("    activity: [{geography: DE, users: 0, employees: 0}]", []),
        ("    activity: [{geography: DE, users: '< 1000'}]", None),  # may be nil
        ("    activity: [{geography: DE, note: active}]", ["activity without figures"]),
        ("", None),  # no activity record at all
    ],
)
def test_german_activity_from_the_records(extra: str, expected: list[str] | None) -> None:
    assert val(ctx_for(DEAL.replace("{extra}", extra)), "de.target_activity") == expected
