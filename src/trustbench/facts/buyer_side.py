"""Direct evidence on a buyer-side theory (MG 2023 § 2.10): what the file's sourced statements
say about the merger's effect on the workers, creators or suppliers the parties buy from —
wages, advances, benefits, working conditions, terms — as distinct from the concentration of
purchases (the Guideline 1 levels applied to buyers)."""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.evidence import JURISDICTIONS, statements
from trustbench.facts.registry import Value, fact

_WORDS = {"us": "US", "eu": "EU", "uk": "UK", "de": "Germany"}


def _register(where: str) -> None:
    @fact(
        f"buyer_side.effect.{where}",
        "bool",
        "yes/no",
        "the sourced statements show that the merger would worsen the pay or terms of the "
        f"workers, creators or suppliers the parties compete to buy from ({_WORDS[where]})",
        test="MG 2023 §2.10",
        question="What do the parties' documents, the workers' or suppliers' evidence or "
        "economic analysis show about wages, advances, benefits, working conditions or terms "
        "after the merger (with the documents that say so)?",
        topic="Evidence",
    )
    def _compute(ctx: FactContext) -> Value:
        return statements(ctx, "buyer-side", "effect", where)


# registered where a pack reads it (the US pack, Guideline 10); a pack that screens buyer-side
# effects on direct evidence adds its jurisdiction here (JURISDICTIONS lists them)
for _where in ("us",):
    assert _where in JURISDICTIONS
    _register(_where)
