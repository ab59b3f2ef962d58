"""The limbs of a buyer-side theory in the UK, read from the sourced statements of the
``evidence:`` section (theory ``buyer-side``): the merged firm gains buying power over its
suppliers (limb ``market-power``), and using it would lessen competition — in buying, or by
weakening suppliers and so the competition they bring downstream (limb ``effect``).

CMA129 applies no share threshold to decide whether a loss of competition is substantial, so
the UK pack reads these limbs from what the documents say; each is unknown until a statement
speaks to it (:func:`trustbench.facts.evidence.statements`).
"""

from __future__ import annotations

from trustbench.facts.context import FactContext
from trustbench.facts.evidence import statements
from trustbench.facts.registry import Value, fact

_Q = (
    "Would the merged firm gain buying power over its suppliers, and would using it lessen "
    "competition in buying or weaken the suppliers and the competition they bring? (With the "
    "documents that say so.)"
)
_LIMBS = {
    "market-power": (
        "power",
        "buyer-side, market power: the merged firm gains buying power over its suppliers (UK)",
    ),
    "effect": (
        "effect",
        "buyer-side, effect: using that buying power would lessen competition (UK)",
    ),
}


def _register(limb: str, name: str, doc: str) -> None:
    def compute(ctx: FactContext) -> Value:
        return statements(ctx, "buyer-side", limb, "uk")

    fact(
        f"buyer.{name}.uk",
        "bool",
        "yes/no",
        doc,
        test="EA 2002 ss. 22, 35-36; CMA129 ch. 4 (loss of competition between buyers)",
        question=_Q,
        topic="Evidence",
    )(compute)


for _limb, (_name, _doc) in _LIMBS.items():
    _register(_limb, _name, _doc)
