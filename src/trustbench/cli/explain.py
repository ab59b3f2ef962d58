"""``analyze --explain RULE``: the trace of one finding, readably."""

from __future__ import annotations

import textwrap

from trustbench.analysis import Analysis
from trustbench.errors import TrustbenchError
from trustbench.facts import REGISTRY
from trustbench.model.errors import did_you_mean
from trustbench.rules.evaluate import Finding
from trustbench.rules.text import fmt


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent)


def explain(analysis: Analysis, rule_id: str) -> str:
    for result in analysis.results:
        for finding in result.findings:
            if finding.rule == rule_id:
                return _explain(analysis, result.pack.authorities, finding)
    ids = [f.rule for r in analysis.results for f in r.findings]
    raise TrustbenchError(f"--explain: no rule {rule_id!r} was evaluated",
                          hint=did_you_mean(rule_id, ids) or "see `trustbench rules list`")


def _explain(analysis: Analysis, authorities: dict, finding: Finding) -> str:  # type: ignore[type-arg]
    sources = {s.id: s for s in analysis.deal.sources}
    lines = [f"{finding.rule} — {finding.title}",
             f"  outcome: {finding.status.replace('_', ' ')}"
             + (f" (waived: {finding.waiver['reason']})" if finding.waiver else ""),
             _wrap("finding: " + finding.text, "  "), _wrap("test: " + finding.test, "  ")]
    if finding.decided_by:
        lines.append("  decided by:")
        for condition, status in finding.decided_by:
            lines.append(f"    {' '.join(condition.split())}  →  {status.replace('_', ' ')}")
    if finding.facts:
        lines.append("  facts:")
        for use in sorted(finding.facts.values(), key=lambda u: u.name):
            doc = REGISTRY[use.name].doc if use.name in REGISTRY else ""
            lines.append(f"    {use.name} = {fmt(use.value, use.unit)}")
            lines.append(_wrap(doc, "        "))
            if use.note:
                lines.append(_wrap(f"note: {use.note}", "        "))
            for sid in use.sources:
                src = sources.get(sid)
                title = f"{src.title}" + (f", {src.publisher}" if src and src.publisher else "") \
                    + (f" ({src.date})" if src and src.date else "") if src else sid
                lines.append(_wrap(f"source [{sid}]: {title}", "        "))
    if finding.params:
        lines.append("  parameters:")
        for p in sorted(finding.params.values(), key=lambda p: p.name):
            since = f", in force from {p.effective}" if p.effective else ""
            lines.append(f"    {p.name} = {fmt(p.value, p.unit)}{since}")
            lines.append(_wrap(p.reference, "        "))
    if finding.missing:
        lines.append("  unknown (questions for the client): " + ", ".join(finding.missing))
    lines.append("  authorities:")
    for cite in finding.cites:
        auth = authorities.get(cite)
        if auth is not None:
            lines.append(_wrap(f"{cite}: {auth.cite()} — {auth.full}", "    "))
    for inst in finding.instances:
        lines.append(f"  market {inst.subject}: {inst.status.replace('_', ' ')}")
    return "\n".join(lines)
