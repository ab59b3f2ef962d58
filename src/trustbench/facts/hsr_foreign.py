"""HSR exemptions for foreign issuers (16 CFR 802.51): whether the target is a foreign issuer
and whether it has the US nexus — US assets or sales in or into the US above $50m as
adjusted — that brings an acquisition of its voting securities back within the Act [R: the
limbs of 802.51 are recalled: (a) a US person's acquisition is exempt unless the issuer has
US assets or US sales above the figure; (b) a foreign person's is exempt unless it confers
control and the issuer has them].

Nationality is read from the deal file's ``country`` of the target (else of its ultimate
parent) and of the acquiring person's ultimate parent; a country not given is unknown.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.types import source_ids

US_NAMES = frozenset({"us", "usa", "u.s.", "u.s.a.", "united states", "united states of america"})
_Q = (
    "Where are the acquirer's ultimate parent and the target incorporated or headquartered, "
    "and what are the target's assets located in the US and its sales in or into the US?"
)


def _country(ctx: FactContext, entity: str) -> tuple[str | None, tuple[str, ...]]:
    own = ctx.entity(entity)
    if own.country:
        return own.country, tuple(source_ids(own.source))
    upe = ctx.entity(ctx.interests("before").ultimate_parent(entity))
    return upe.country, tuple(source_ids(upe.source))


def _foreign(ctx: FactContext, entity: str) -> Value:
    country, sources = _country(ctx, entity)
    if country is None:
        return unknown(f"the country of {ctx.name(entity)} is not given")
    return known(country.strip().lower() not in US_NAMES, sources, country)


@fact(
    "hsr.issuer.foreign",
    "bool",
    "yes/no",
    "the target (the issuer) is a foreign issuer: its country (or its ultimate parent's) is "
    "not the United States",
    test="16 CFR 801.1(e), 802.51",
    question=_Q,
    topic="Financials",
)
def _issuer_foreign(ctx: FactContext) -> Value:
    return _foreign(ctx, ctx.target)


@fact(
    "hsr.acquiring_person.foreign",
    "bool",
    "yes/no",
    "the acquiring person is a foreign person: its ultimate parent's country is not the "
    "United States",
    test="16 CFR 801.1(e), 802.51",
    question=_Q,
    topic="Financials",
)
def _acquirer_foreign(ctx: FactContext) -> Value:
    return _foreign(ctx, ctx.interests("before").ultimate_parent(ctx.acquirer))


@fact(
    "hsr.issuer.us_sales.usd",
    "double",
    "USD",
    "the target's sales in or into the US in its latest fiscal year (revenues with geography US)",
    test="16 CFR 802.50, 802.51 (sales in or into the US)",
    question=_Q,
    topic="Financials",
)
def _us_sales(ctx: FactContext) -> Value:
    return ctx.figure(ctx.entity(ctx.target).revenues, "US", "USD", bounds=True)


@fact(
    "hsr.issuer.us_assets.usd",
    "double",
    "USD",
    "the target's assets located in the US (assets with geography US)",
    test="16 CFR 802.51 (assets located in the United States)",
    question=_Q,
    topic="Financials",
)
def _us_assets(ctx: FactContext) -> Value:
    return ctx.figure(ctx.entity(ctx.target).assets, "US", "USD", bounds=True)
