"""Acquisitions of assets rather than shares: a business line, IP, staff, customer contracts."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.deal import AcquireAssets
from trustbench.model.types import source_ids


def _asset_steps(ctx: FactContext) -> list[AcquireAssets]:
    t = ctx.deal.transaction
    return [
        s for s in t.steps if isinstance(s, AcquireAssets) and (s.buyer or t.acquirer) == t.acquirer
    ]


@fact(
    "transaction.assets.business",
    "bool",
    "yes/no",
    "the acquirer buys assets that form a business with a market presence of its own (a "
    "business line, with the staff, IP or customer contracts that go with it); false when "
    "the deal buys no assets",
    test="EUMR Art. 3(1)(b) (control of 'the whole or parts of' other undertakings)",
    question="Do the assets acquired form a business to which a market turnover can be "
    "attributed (a business line, with its staff, IP and customer contracts)?",
    topic="The transaction",
)
def _business(ctx: FactContext) -> Value:
    steps = _asset_steps(ctx)
    sources = [s for st in steps for s in source_ids(st.source)]
    if not steps:
        return known(False, sources, "the deal acquires no assets")
    if any(st.whole_business for st in steps):
        return known(True, sources)
    if all(st.whole_business is False for st in steps):
        return known(False, sources, "the assets acquired do not form a business")
    kinds = sorted({k.replace("_", " ") for st in steps for k in st.assets})
    return unknown(
        f"the deal acquires {', '.join(kinds)}; whether these form a business is not stated",
        sources,
    )
