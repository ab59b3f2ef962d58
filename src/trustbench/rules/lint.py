"""Rules about rules: the checks of a loaded pack beyond what loading enforces, all at once.

Each check is a registered object in :mod:`trustbench.rules.checks` — code, name,
description, fixture and the function that runs it; ``trustbench rules codes`` lists them.
"""

from __future__ import annotations

from trustbench.errors import Diagnostic
from trustbench.rules.checks import all_checks
from trustbench.rules.pack import Pack


def lint_pack(pack: Pack) -> list[Diagnostic]:
    """Every lint check on the rules, definitions and authorities this pack's own files
    define (inherited ones are linted with the pack that defines them)."""
    return sorted(d for check in all_checks() if check.lint for d in check.lint(pack))
