"""Structuring options: scenarios compared, the safe-harbour finder and the decisive
questions. This layer sits between the analysis and the report: it evaluates the deal
again under patches, and the memo and the CLI only read what it returns.

For the memo: :func:`structuring_options` gives the verified options per finding and
across jurisdictions, and :func:`trustbench.report.structuring.structuring` words them
(with the scenario matrix) into plain data for the template; :func:`decisive_questions`
and :func:`request_order` order the information requests by how many findings each
answer decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from trustbench.analysis import Analysis
from trustbench.whatif.finder import Option, Target, WhatIf, find_options
from trustbench.whatif.levers import Lever, Move, load_levers
from trustbench.whatif.questions import Question, decisive_questions, request_order

__all__ = [
    "Lever",
    "Move",
    "Option",
    "Question",
    "Target",
    "WhatIf",
    "decisive_questions",
    "find_options",
    "load_levers",
    "request_order",
    "structuring_options",
]


def structuring_options(analysis: Analysis, extra_levers: Iterable[Path] = ()) -> WhatIf:
    """The finder on an analysis, with the packs it used and their levers."""
    packs = [r.pack for r in analysis.results]
    return find_options(analysis, packs, load_levers(packs, extra_levers))
