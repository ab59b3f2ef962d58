"""Named, documented facts computed from the transaction graph (the vocabulary of rules).

Importing this package registers every fact module; ``REGISTRY`` lists them.
"""

from trustbench.facts import (  # noqa: F401  (imported to register their facts)
    assets,
    control,
    dma,
    governance,
    interlocks,
    markets,
    money,
    ownership,
    relations,
    structure,
    timeline,
    transaction,
    turnover,
)
from trustbench.facts.context import FactContext
from trustbench.facts.registry import REGISTRY, FactSpec, Value

__all__ = ["REGISTRY", "FactContext", "FactSpec", "Value"]
