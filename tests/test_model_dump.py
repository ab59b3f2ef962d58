"""Dumping a deal gives no serializer warning, and the dump validates back to the same deal.

Amounts, shares and counts are unions of an exact value and a bound behind a plain validator;
without a serializer of their own pydantic warned on every dump that a ``Money`` held a dict
(the seed's USD 870m revenue) and wrote a ``Range`` in a form the loader rejects.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustbench.model.bounded import MoneyBound
from trustbench.model.bounds import Range
from trustbench.model.deal import Deal, Figure, Holding
from trustbench.model.load import load_deal
from trustbench.model.types import Money

CASES = sorted(
    p
    for p in [*Path("cases").glob("*.yaml"), *Path("cases/decided").glob("*.yaml")]
    if not p.name.endswith(".decision.yaml")
)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_case_dumps_without_warning_and_reads_back(path: Path) -> None:
    deal = load_deal(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = deal.model_dump_json()
        python = deal.model_dump(by_alias=True)
    assert Deal.model_validate_json(text).model_dump_json() == text
    assert Deal.model_validate(python).model_dump_json() == text


@pytest.mark.parametrize(
    ("given_as", "dumped"),
    [
        ("USD 870m", {"amount": 870e6, "currency": "USD"}),
        ("< GBP 70m", "< GBP 70m"),
        ({"min": 1_000_000, "max": 2_000_000, "currency": "EUR"}, None),
        ({"max": 5_000_000, "max_open": True}, "< 5000000"),
    ],
)
def test_an_amount_dumps_as_the_file_writes_it(given_as: Any, dumped: Any) -> None:
    figure = Figure.model_validate({"amount": given_as})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = figure.model_dump(mode="json")["amount"]
    if dumped is not None:
        assert out == dumped
    again = Figure.model_validate({"amount": out}).amount
    assert _limits(again) == _limits(figure.amount)


def _limits(amount: Money | MoneyBound) -> tuple[Any, ...]:
    if isinstance(amount, Money):
        return (amount.amount, amount.currency)
    r = amount.range
    return (r.lo, r.hi, r.lo_open, r.hi_open, amount.currency)


@given(
    lo=st.integers(0, 99),
    width=st.integers(1, 100),
    open_lo=st.booleans(),
    open_hi=st.booleans(),
)
def test_a_bounded_share_reads_back_with_the_same_limits(
    lo: int, width: int, open_lo: bool, open_hi: bool
) -> None:
    hi = min(lo + width, 100)
    bound = {"min": lo / 100, "max": hi / 100, "min_open": open_lo, "max_open": open_hi}
    holding = Holding.model_validate({"holder": "a", "issuer": "b", "equity": bound})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = holding.model_dump(mode="json", by_alias=True)
    back = Holding.model_validate(out)
    for was, now in ((holding.equity, back.equity), (holding.voting, back.voting)):
        assert isinstance(was, Range) and isinstance(now, Range)
        assert (now.lo, now.hi, now.lo_open, now.hi_open) == (
            was.lo,
            was.hi,
            was.lo_open,
            was.hi_open,
        )
