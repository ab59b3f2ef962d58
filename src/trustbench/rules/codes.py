"""The codes the loader raises, by name, for the modules that raise them. Every check —
these and the lint checks — is one registered object in :mod:`trustbench.rules.checks`, with
its code, name, description and fixture; ``trustbench rules codes`` lists them."""

from __future__ import annotations

from trustbench.rules.checks import REGISTRY, Check, all_checks
from trustbench.rules.checks.composing import (
    CONDITION,
    DEFINITION_CYCLE,
    DEFINITION_NAME,
    DUPLICATE_PACK,
    DUPLICATE_RULE,
    EXTENDS_CYCLE,
    EXTENDS_ESCAPE,
    TOO_DEEP,
    UNKNOWN_BASE,
    UNKNOWN_DISABLE,
)
from trustbench.rules.checks.loading import (
    AUTHORITY_UNDATED,
    DATED_BY,
    LINK_ESCAPE,
    OVERLAY_REFERENCE,
    PARAM_DATE,
    PARAM_OVERLAY,
    PARAM_TYPE,
    SCHEMA,
    UNREADABLE,
)

__all__ = [
    "AUTHORITY_UNDATED",
    "CONDITION",
    "DATED_BY",
    "DEFINITION_CYCLE",
    "DEFINITION_NAME",
    "DUPLICATE_PACK",
    "DUPLICATE_RULE",
    "EXTENDS_CYCLE",
    "EXTENDS_ESCAPE",
    "LINK_ESCAPE",
    "OVERLAY_REFERENCE",
    "PARAM_DATE",
    "PARAM_OVERLAY",
    "PARAM_TYPE",
    "REGISTRY",
    "SCHEMA",
    "TOO_DEEP",
    "UNKNOWN_BASE",
    "UNKNOWN_DISABLE",
    "UNREADABLE",
    "Check",
    "all_checks",
]
