"""Turnover by Member State (the table of EUMR Art. 1(3)(b)-(c)) and the count that reads it."""

from __future__ import annotations

import pytest

from tests.facts.helpers import ctx_for, val
from trustbench.analysis import json_value
from trustbench.expr import Compiler
from trustbench.model.bounds import Range
from trustbench.rules.text import fmt

DEAL = """\
entities:
  - id: a
    name: A
    revenues:
      - {geography: EU, amount: EUR 400m, fiscal_year: 2024}
      - {geography: DE, amount: EUR 200m, fiscal_year: 2024}
      - {geography: FR, amount: EUR 120m, fiscal_year: 2024}
      - {geography: IT, amount: EUR 80m, fiscal_year: 2024}
  - id: t
    name: T
    revenues:
      - {geography: EU, amount: EUR 100m, fiscal_year: 2024}
%s
transaction: {acquirer: a, target: t}
"""

COMPLETE = """\
      - {geography: DE, amount: EUR 40m, fiscal_year: 2024}
      - {geography: FR, amount: EUR 30m, fiscal_year: 2024}
      - {geography: IT, amount: EUR 30m, fiscal_year: 2024}"""

COUNT = Compiler({"t": "table", "n": "int"}).compile(
    "count_above(t, [100000000.0, 25000000.0, 25000000.0]) >= n"
)


def table(ctx_text: str) -> dict[str, list[object]]:
    value = val(ctx_for(DEAL % ctx_text), "turnover.member_states.eur")
    assert isinstance(value, dict)
    return value


def test_a_complete_breakdown_gives_exact_rows_and_zero_elsewhere() -> None:
    rows = table(COMPLETE)
    assert rows["DE"] == [pytest.approx(240e6), pytest.approx(200e6), pytest.approx(40e6)]
    assert rows["IT"] == [pytest.approx(110e6), pytest.approx(80e6), pytest.approx(30e6)]
    assert rows["ES"] == [0.0, 0.0, 0.0]
    assert COUNT.evaluate({"t": rows, "n": 3}).value is True


def test_an_unlisted_state_of_a_partial_breakdown_is_bounded_never_zero() -> None:
    rows = table(
        "      - {geography: DE, amount: EUR 40m, fiscal_year: 2024}\n"
        "      - {geography: FR, amount: EUR 30m, fiscal_year: 2024}"
    )
    italy = rows["IT"][2]
    assert isinstance(italy, Range) and italy.lo == 0.0 and italy.hi == pytest.approx(30e6)
    outcome = COUNT.evaluate({"t": rows, "n": 3})
    assert outcome.value is None and outcome.missing == ("t",)


def test_a_bound_on_a_state_decides_where_it_suffices() -> None:
    rows = table(
        COMPLETE.replace("EUR 30m, fiscal_year: 2024}\n", '"< EUR 20m", fiscal_year: 2024}\n', 1)
    )
    assert COUNT.evaluate({"t": rows, "n": 3}).value is False  # France: the target < 25m


def test_no_member_state_figure_at_all_is_unknown() -> None:
    eu_only = (
        DEAL.split("      - {geography: DE")[0]
        + (DEAL % "").split("EUR 80m, fiscal_year: 2024}\n")[1]
    )
    assert "FR" not in eu_only
    assert val(ctx_for(eu_only), "turnover.member_states.eur") is None


def test_the_table_reads_in_text_and_json() -> None:
    rows = {"DE": [240e6, 200e6, 40e6], "ES": [0.0, 0.0, 0.0], "IT": [None, 8e7, None]}
    assert fmt(rows, "EUR") == "DE [EUR 240m, EUR 200m, EUR 40m]; IT [unknown, EUR 80m, unknown]"
    assert json_value({"FR": [Range(0.0, 3e7), 1.0]}) == {"FR": [Range(0.0, 3e7).as_dict(), 1.0]}


@pytest.mark.parametrize(
    ("cells", "needed", "expected"),
    [
        ([[101.0, 26.0, 26.0]] * 3, 3, True),
        ([[100.0, 75.0, 25.0]] + [[101.0, 26.0, 26.0]] * 2, 3, False),
        ([[None, 26.0, 26.0]] + [[101.0, 26.0, 26.0]] * 2, 3, None),
        ([[None, 26.0, 20.0]] + [[101.0, 26.0, 26.0]] * 2, 3, False),
        ([[None, None, None]] + [[101.0, 26.0, 26.0]] * 3, 3, True),
    ],
)
def test_count_above_is_three_valued(
    cells: list[list[float | None]], needed: int, expected: bool | None
) -> None:
    compiled = Compiler({"t": "table", "n": "int"}).compile(
        "count_above(t, [100.0, 25.0, 25.0]) >= n"
    )
    rows = {f"S{i}": row for i, row in enumerate(cells)}
    assert compiled.evaluate({"t": rows, "n": needed}).value is expected
