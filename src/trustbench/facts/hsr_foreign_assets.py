"""HSR exemption for foreign assets (16 CFR 802.50) [R: limbs recalled]: an acquisition of
assets located outside the United States is exempt unless those assets generated sales in or
into the United States above $50m (as adjusted) in the acquired person's most recent fiscal
year. Where the assets are and what US sales they generated are read from the deal's asset
steps (``country``, ``us_sales``); a step that does not say is unknown. 802.50(b) (both
persons foreign) is not encoded.
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.hsr_assets import asset_steps
from trustbench.facts.hsr_foreign import US_NAMES
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.bounds import plus
from trustbench.model.types import source_ids

_Q = (
    "Where are the assets acquired located, and what sales in or into the United States did "
    "they generate in the seller's most recent fiscal year?"
)


@fact(
    "hsr.assets.foreign",
    "bool",
    "yes/no",
    "every acquisition of assets in the deal is of assets located outside the United States "
    "(false when the deal acquires no assets)",
    test="16 CFR 802.50",
    question=_Q,
    topic="The transaction",
)
def _foreign(ctx: FactContext) -> Value:
    steps = asset_steps(ctx)
    if not steps:
        return known(False, note="no assets are acquired")
    sources = tuple(s for st in steps for s in source_ids(st.source))
    if any(st.country and st.country.strip().lower() in US_NAMES for st in steps):
        return known(False, sources, "assets located in the United States are acquired")
    if any(st.country is None for st in steps):
        return unknown("where the assets acquired are located is not given", sources)
    return known(True, sources, ", ".join(sorted({st.country or "" for st in steps})))


@fact(
    "hsr.assets.us_sales.usd",
    "double",
    "USD",
    "sales in or into the United States that the assets acquired generated in the seller's "
    "most recent fiscal year (0 when the deal acquires no assets)",
    test="16 CFR 802.50",
    question=_Q,
    topic="The transaction",
)
def _us_sales(ctx: FactContext) -> Value:
    steps = asset_steps(ctx)
    if not steps:
        return known(0.0, note="no assets are acquired")
    total: object = 0.0
    sources: list[str] = []
    for st in steps:
        value = ctx.convert(st.us_sales, "USD", tuple(source_ids(st.source)), bounds=True)
        if not value.known:
            return unknown(value.note or "the US sales of the assets acquired are not given")
        total = plus(total, value.value)  # type: ignore[arg-type]
        if total is None:
            return unknown("the US sales of the assets acquired are bounded on neither side")
        sources.extend(value.sources)
    return known(total, tuple(sources))
