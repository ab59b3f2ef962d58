"""The memo context the renderer's tests use, built by the real context builder from a saved
analysis result, so that it cannot drift from what the analysis produces (issue 16).

``data/sample.result.json`` is the seed case (Meta's 49 % non-voting stake in Scale AI and the
hiring of its CEO) screened under the US and EU packs, with one triggered US finding waived:
every branch of the templates is exercised (triggered, not triggered, undecided and waived
findings, rules evaluated market by market, sources dated after the as-of date).
``test_sample_result_is_the_analysis`` regenerates it with UPDATE_GOLDEN=1 and fails when it
is stale. Variants are made with ``Result.model_copy(update=...)`` or on the context.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from trustbench.report.context import Options, build_context
from trustbench.result import Result

ROOT = Path(__file__).parents[2]
SEED = ROOT / "cases" / "meta-scale-ai.yaml"
DATA = Path(__file__).parent / "data" / "sample.result.json"
JURISDICTIONS = ["us", "eu"]
WAIVED = "us.hsr.avoidance-device"
GENERATED = "2026-11-27 06:00 UTC"  # the clock, injected


def analyse_sample() -> Result:
    """The sample result, analysed afresh from the seed case."""
    from trustbench.analysis import evaluate, load_packs
    from trustbench.document import full_result
    from trustbench.model import load_deal
    from trustbench.model.deal import Waiver

    deal = load_deal(SEED)
    waiver = Waiver(rule=WAIVED, reason="counsel confirmed the exemption applies", by="J. Counsel")
    deal = deal.model_copy(update={"waivers": [waiver]})
    return full_result(evaluate(deal, load_packs(JURISDICTIONS)), SEED)


def dump(result: Result) -> str:
    doc = json.loads(result.model_dump_json(exclude_unset=True))
    return json.dumps(doc, indent=0, ensure_ascii=False) + "\n"


@cache
def _saved() -> Result:
    return Result.model_validate_json(DATA.read_text(encoding="utf-8"))


def sample_result() -> Result:
    return _saved()


def sample_context(reviewer: bool = False, later: bool = False) -> dict[str, Any]:
    """A fresh sample context, safe for a test to modify; ``reviewer`` and ``later`` add the
    verification notes and the later developments."""
    ctx = build_context(_saved(), Options(reviewer=reviewer, later_developments=later))
    ctx["generated"] = GENERATED
    return ctx
