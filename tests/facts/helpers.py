"""Small inline deal files for the fact fixtures."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from trustbench.facts import REGISTRY, FactContext, Value
from trustbench.model import load_deal
from trustbench.model.load import deal_from_document
from trustbench.sources import parse_document

SEED = Path(__file__).parents[2] / "cases" / "meta-scale-ai.yaml"


def ctx_for(text: str) -> FactContext:
    """A fact context for a deal file given as (indented) YAML text; ``case`` is added."""
    body = "case: {id: t, title: T, as_of: 2025-06-13}\n" + textwrap.dedent(text)
    return FactContext.for_deal(deal_from_document(parse_document(body, "t.yaml")))


def seed() -> FactContext:
    return FactContext.for_deal(load_deal(SEED))


def value(ctx: FactContext, name: str) -> Value:
    """A fact by its generated name, also at a point its definition does not expose to
    rules (``acquirer.board.seats.before``: an ingredient of other facts)."""
    definition, coords = REGISTRY.locate(name)
    return ctx.of(definition.id, **dict(coords))


def val(ctx: FactContext, name: str) -> Any:
    return value(ctx, name).value


def in_market(ctx: FactContext, market_id: str) -> FactContext:
    return ctx.for_market(next(m for m in ctx.deal.markets if m.id == market_id))
