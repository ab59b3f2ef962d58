"""A firm stated outside a market (``excluded``) has no share there even on a partial list,
so "no overlap" is decided without every participant (United States v. Sabre Corp.)."""

from __future__ import annotations

import pytest

from trustbench.errors import TrustbenchError

from .helpers import ctx_for, in_market, value

DEAL = """\
sources: [{id: op, title: Opinion, publisher: Court, date: 2020-04-07}]
entities: [{id: a, name: A}, {id: t, name: T}]
markets:
  - id: m
    name: M
    participants: [{entity: a}]
    partial: true
    {excluded}
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 1.0, voting: 1.0}]
"""


def _market(excluded: str) -> object:
    return in_market(ctx_for(DEAL.replace("{excluded}", excluded)), "m")


def test_unlisted_firm_on_a_partial_list_is_unknown() -> None:
    ctx = _market("")
    assert not value(ctx, "market.share.target").known  # type: ignore[arg-type]
    assert not value(ctx, "market.hhi.delta").known  # type: ignore[arg-type]


def test_excluded_firm_has_no_share_and_no_delta() -> None:
    ctx = _market("excluded: [{entity: t, note: one-sided, source: op}]")
    share = value(ctx, "market.share.target")  # type: ignore[arg-type]
    assert share.known and share.value == 0.0
    assert list(share.sources) == ["op"]
    assert "stated outside this market: one-sided" in (share.note or "")
    delta = value(ctx, "market.hhi.delta")  # type: ignore[arg-type]
    assert delta.known and delta.value == 0.0


def test_listed_and_excluded_is_an_error() -> None:
    text = DEAL.replace("[{entity: a}]", "[{entity: a}, {entity: t}]").replace(
        "{excluded}", "excluded: [{entity: t, source: op}]"
    )
    with pytest.raises(TrustbenchError, match="both as a participant and as excluded"):
        ctx_for(text)


def test_excluded_needs_a_source() -> None:
    with pytest.raises(TrustbenchError, match="source"):
        ctx_for(DEAL.replace("{excluded}", "excluded: [{entity: t}]"))
