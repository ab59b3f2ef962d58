"""``analyze --explain RULE``: the trace of one finding, readably — what it concluded, which
parts of the condition decided it, every fact (with its deal-file sources), every parameter
(value, date in force, reference) and every authority it rests on."""

from __future__ import annotations

import textwrap
from typing import Any

from trustbench.analysis import Analysis
from trustbench.errors import TrustbenchError, did_you_mean
from trustbench.facts import REGISTRY
from trustbench.rules.evaluate import Finding
from trustbench.rules.pack import Pack
from trustbench.rules.text import fmt

MARK = {"true": "✓", "false": "✗", "unknown": "?"}


def _wrap(text: str, indent: str, prefix: str = "") -> str:
    return textwrap.fill(
        " ".join(text.split()),
        width=96,
        initial_indent=indent + prefix,
        subsequent_indent=indent + " " * len(prefix),
        break_long_words=False,
        break_on_hyphens=False,
    )


def explain(analysis: Analysis, rule_id: str) -> str:
    for result in analysis.results:
        for finding in result.findings:
            if finding.rule == rule_id:
                return _explain(analysis, result.pack, finding)
        if rule_id in result.pack.disabled:
            off = result.pack.disabled[rule_id]
            return (
                f"{rule_id} — not evaluated: disabled by pack {off.pack} "
                f"({off.file}:{off.line}): {off.reason}"
            )
    ids = [f.rule for r in analysis.results for f in r.findings]
    raise TrustbenchError(
        f"--explain: no rule {rule_id!r} was evaluated",
        hint=did_you_mean(rule_id, ids) or "see `trustbench rules list`",
    )


def _explain(analysis: Analysis, pack: Pack, finding: Finding) -> str:
    loaded = pack.rules[finding.rule]
    lines = [
        f"{finding.rule} — {finding.title}",
        f"  outcome: {finding.status.replace('_', ' ')} (as of "
        f"{analysis.as_of.isoformat()}; pack {pack.id} {pack.manifest.version}; "
        f"{loaded.file})",
    ]
    if finding.waiver:
        lines.append(
            _wrap(
                f"WAIVED by {finding.waiver.get('by') or 'the deal file'}: "
                f"{finding.waiver['reason']} — shown, not scored",
                "  ",
            )
        )
    lines += [_wrap("finding: " + finding.text, "  "), _wrap("test: " + finding.test, "  ")]
    cited: dict[str, None] = {}
    for inst in finding.instances or [finding]:
        indent = "  "
        if finding.instances:
            lines.append(f"  in the market {inst.subject!r}: {inst.status.replace('_', ' ')}")
            indent = "    "
        lines += _decision(inst, indent) + _facts(inst, indent, cited)
    lines += _params(finding) + _authorities(pack, finding) + _sources(analysis, cited)
    return "\n".join(lines)


def _decision(finding: Finding, indent: str) -> list[str]:
    if not finding.reasoning:
        return []
    lines = [f"{indent}why — the condition, then the parts that decided it:"]
    for depth, condition, truth in finding.reasoning:
        pad = indent + "  " + "  " * depth
        lines.append(_wrap(condition, pad, f"{MARK[truth]} {truth:<8}"))
    return lines


def _facts(finding: Finding, indent: str, cited: dict[str, None]) -> list[str]:
    lines: list[str] = []
    for heading, used in (
        ("facts the condition uses:", True),
        ("facts the finding's text quotes:", False),
    ):
        uses = sorted(
            (u for u in finding.facts.values() if u.in_condition is used), key=lambda u: u.name
        )
        if uses:
            lines.append(f"{indent}{heading}")
        for use in uses:
            spec = REGISTRY.specs.get(use.name)
            lines.append(f"{indent}  {use.name} = {fmt(use.value, use.unit)}")
            if spec is not None:
                lines.append(_wrap(spec.doc, indent + "      "))
            if use.note:
                lines.append(_wrap(f"note: {use.note}", indent + "      "))
            lines.append(
                _wrap(_provenance(use.value, use.sources, spec, finding.subject), indent + "      ")
            )
            cited.update(dict.fromkeys(use.sources))
    return lines


def _provenance(value: Any, ids: tuple[str, ...], spec: Any, market: str | None) -> str:
    consulted = ("; sources consulted: " + ", ".join(f"[{sid}]" for sid in ids)) if ids else ""
    if value is None:
        question = spec.question if spec is not None else ""
        question = question.replace("{market}", market or "relevant")
        return (
            ("unknown — question for the client: " + question)
            if question
            else "unknown — the deal file does not give it"
        ) + consulted
    if not ids:
        return "source: none cited in the deal file"
    return "sources: " + ", ".join(f"[{sid}]" for sid in ids)


def _sources(analysis: Analysis, cited: dict[str, None]) -> list[str]:
    if not cited:
        return []
    known = {s.id: s for s in analysis.deal.sources}
    lines = ["  sources (from the deal file):"]
    for sid in cited:
        src = known.get(sid)
        text = (
            sid
            if src is None
            else src.title
            + (f", {src.publisher}" if src.publisher else "")
            + (f" ({src.date})" if src.date else "")
            + (f" <{src.url}>" if src.url else "")
        )
        lines.append(_wrap(text, "    ", f"[{sid}] "))
    return lines


def _params(finding: Finding) -> list[str]:
    if not finding.params:
        return []
    lines = ["  parameters (the values in force on the case date):"]
    for p in sorted(finding.params.values(), key=lambda p: p.name):
        since = f", in force from {p.effective}" if p.effective else ", not in force"
        lines.append(f"    {p.name} = {fmt(p.value, p.unit)}{since}")
        lines.append(
            _wrap("reference: " + p.reference + (f" <{p.href}>" if p.href else ""), "        ")
        )
    return lines


def _authorities(pack: Pack, finding: Finding) -> list[str]:
    lines = ["  authorities:"]
    for cite in finding.cites:
        auth = pack.authorities.get(cite)
        if auth is not None:
            extra = (f" <{auth.url}>" if auth.url else "") + (
                f" [{auth.confidence}]" if auth.confidence != "confirmed" else ""
            )
            lines.append(_wrap(f"{cite}: {auth.cite()} — {auth.full}{extra}", "    "))
    if finding.missing:
        lines.append(
            _wrap("unknown (questions for the client): " + ", ".join(finding.missing), "  ")
        )
    return lines
