"""Digital Markets Act facts: gatekeeper status and digital services of the parties
(the ingredients of the Art. 14 duty to inform; the concentration itself is an EU fact)."""

from __future__ import annotations

from collections.abc import Iterable

from trustbench.facts.context import FactContext
from trustbench.facts.governance import acquirer_group
from trustbench.facts.registry import Value, fact, known, unknown
from trustbench.model.types import source_ids


def _any_flag(ctx: FactContext, ids: Iterable[str], attr: str) -> Value:
    """True if any entity has the flag, False if all are known not to, else unknown."""
    entities = [ctx.entity(i) for i in sorted(ids) if ctx.deal.entities and _exists(ctx, i)]
    flags = [getattr(e, attr) for e in entities]
    sources = [s for e in entities for s in source_ids(e.source)]
    if any(f is True for f in flags):
        hits = [e for e in entities if getattr(e, attr) is True]
        return known(
            True,
            [s for e in hits for s in source_ids(e.source)],
            ", ".join(e.short or e.name for e in hits),
        )
    if flags and all(f is False for f in flags):
        return known(False, sources)
    return unknown(f"`{attr}` is not given for every entity concerned", sources)


def _exists(ctx: FactContext, entity_id: str) -> bool:
    try:
        ctx.entity(entity_id)
    except KeyError:
        return False
    return True


@fact(
    "dma.acquirer_gatekeeper",
    "bool",
    "yes/no",
    "the acquirer, or an undertaking of its group, is a gatekeeper designated under the "
    "Digital Markets Act (the deal file's `gatekeeper` flag; designation is dated, so set it "
    "as at the case date)",
    test="DMA Art. 3, Art. 14(1)",
    question="Is the acquirer (or any company of its group) designated as a gatekeeper under "
    "the Digital Markets Act, and since when?",
    topic="Regulatory status",
)
def _gatekeeper(ctx: FactContext) -> Value:
    return _any_flag(ctx, acquirer_group(ctx, "before") | {ctx.acquirer}, "gatekeeper")


@fact(
    "dma.digital_services",
    "bool",
    "yes/no",
    "the merging entities or the target provide core platform services or other services "
    "in the digital sector, or enable the collection of data (the `digital` flag)",
    test="DMA Art. 14(1)",
    question="Do the target or the acquirer provide core platform "
    "services or other digital services, or enable the collection of data?",
    topic="Regulatory status",
)
def _digital(ctx: FactContext) -> Value:
    return _any_flag(ctx, {ctx.target, ctx.acquirer}, "digital")
