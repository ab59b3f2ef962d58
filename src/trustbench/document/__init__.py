"""The full result: the JSON contract (``trustbench.analysis.analysis_json``) and, additively,
everything the memo and ``--explain`` read — per finding its texts, facts, parameters and
reasoning steps; per pack its authorities and digest; the deal as told; the diagrams' data;
the facts' documentation; the verified structuring options.

It is built here, in the analysis stage, so that rendering reads one typed, immutable
:class:`~trustbench.result.Result` and computes no new facts (``trustbench.report`` imports
neither the analysis, the evaluator nor the fact registry).
"""

from __future__ import annotations

from pathlib import Path

from trustbench.analysis import Analysis, analysis_json
from trustbench.document.deal import deal_out, graph_out
from trustbench.document.findings import catalogue, finding_out, pack_detail
from trustbench.document.structuring import structuring_out
from trustbench.result import Result

__all__ = ["full_result"]


def full_result(
    analysis: Analysis, deal_file: Path | None = None, *, structuring: bool = True
) -> Result:
    """The analysis as one document with everything the memo needs. ``deal_file`` is hashed
    for the memo's Appendix (its name, not its path, is kept); ``structuring`` runs the
    structuring-options finder (it re-evaluates the deal under each lever)."""
    base = Result.model_validate(analysis_json(analysis))
    deal = analysis.deal
    jurisdictions = []
    for out, r in zip(base.jurisdictions, analysis.results, strict=True):
        findings = [finding_out(r, f) for f in sorted(r.findings, key=lambda f: f.rule)]
        jurisdictions.append(
            out.model_copy(update={"findings": tuple(findings), "detail": pack_detail(r, findings)})
        )
    every = [f for j in jurisdictions for f in j.findings]
    return base.model_copy(
        update={
            "jurisdictions": tuple(jurisdictions),
            "deal": deal_out(deal, deal_file),
            "graph": graph_out(analysis.context.graph, deal.name, deal.case.currency),
            "catalogue": catalogue(every),
            "structuring": structuring_out(analysis) if structuring else None,
        }
    )
