"""The elements of Guideline 4 (MG 2023 § 2.4) from a market's potential entrants: actual
(reasonably probable, deconcentrating entry) and perceived (seen as an entrant, constraining)."""

from __future__ import annotations

from .helpers import ctx_for, in_market, val

DEAL = """\
entities: [{id: a, name: A}, {id: t, name: T}]
markets:
  - id: m
    name: M
    participants: [{entity: t, share: 0.6}]
    partial: true
    {entrants}
transaction:
  acquirer: a
  target: t
  steps: [{kind: acquire_stake, equity: 1.0, voting: 1.0}]
"""

NAMES = (
    "market.potential_entrant.actual.likely",
    "market.potential_entrant.actual.deconcentrating",
    "market.potential_entrant.perceived.perceived",
    "market.potential_entrant.perceived.constraining",
)


def _elements(entrants: str) -> tuple[object, ...]:
    ctx = in_market(ctx_for(DEAL.replace("{entrants}", entrants)), "m")
    return tuple(val(ctx, n) for n in NAMES)


def test_not_stated_is_unknown() -> None:
    assert _elements("") == (None, None, None, None)


def test_no_entrants_denies_every_element() -> None:
    assert _elements("potential_entrants: []") == (False, False, False, False)


def test_actual_entrant_with_its_elements() -> None:
    entrants = (
        "potential_entrants: [{entity: a, kind: actual, entry_likely: true, deconcentrating: true}]"
    )
    # no perceived entrant is named on a stated list
    assert _elements(entrants) == (True, True, False, False)


def test_no_feasible_means_denies_probable_entry() -> None:
    entrants = "potential_entrants: [{entity: a, kind: actual, feasible_means: false}]"
    assert _elements(entrants)[:2] == (False, None)


def test_stated_probability_prevails_over_means() -> None:
    entrants = "potential_entrants: [{entity: a, kind: actual, feasible_means: true}]"
    assert _elements(entrants)[0] is None  # the means alone do not make entry probable


def test_perceived_entrant() -> None:
    entrants = "potential_entrants: [{entity: a, kind: perceived, perceived: true}]"
    assert _elements(entrants)[2:] == (True, None)


def test_a_third_firm_is_not_a_party_entrant() -> None:
    deal = DEAL.replace(
        "[{id: a, name: A}, {id: t, name: T}]",
        "[{id: a, name: A}, {id: t, name: T}, {id: x, name: X}]",
    )
    text = deal.replace(
        "{entrants}", "potential_entrants: [{entity: x, kind: actual, entry_likely: true}]"
    )
    ctx = in_market(ctx_for(text), "m")
    assert val(ctx, "market.potential_entrant.actual.likely") is False
