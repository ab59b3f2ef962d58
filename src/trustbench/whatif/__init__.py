"""Structuring options: scenarios compared, the safe-harbour finder and the decisive
questions. This layer sits between the analysis and the report: it evaluates the deal
again under patches, and the memo and the CLI only read what it returns."""

from trustbench.whatif.finder import Option, Target, WhatIf, find_options
from trustbench.whatif.levers import Lever, Move, load_levers

__all__ = ["Lever", "Move", "Option", "Target", "WhatIf", "find_options", "load_levers"]
