"""``analyze --explain RULE``: the trace of one finding, readably — what it concluded, which
parts of the condition decided it, every fact (with its deal-file sources), every parameter
(value, date in force, reference) and every authority it rests on.

It reads the full :class:`~trustbench.result.Result` (``trustbench.document``), as the memo
does: the same texts, facts and reasoning, computed once in the analysis stage."""

from __future__ import annotations

import textwrap

from trustbench.errors import TrustbenchError, did_you_mean
from trustbench.result import (
    FactDocOut,
    FactUseOut,
    FindingOut,
    InstanceOut,
    JurisdictionOut,
    Result,
    SourceOut,
)

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


def explain(result: Result, rule_id: str) -> str:
    for j in result.jurisdictions:
        for finding in j.findings:
            if finding.rule == rule_id:
                return _explain(result, j, finding)
        off = next((d for d in j.disabled if d.rule == rule_id), None)
        if off is not None:
            where = j.detail.disabled_at.get(rule_id, off.pack) if j.detail else off.pack
            return f"{rule_id} — not evaluated: disabled by pack {off.pack} ({where}): {off.reason}"
    ids = [f.rule for j in result.jurisdictions for f in j.findings]
    raise TrustbenchError(
        f"--explain: no rule {rule_id!r} was evaluated",
        hint=did_you_mean(rule_id, ids) or "see `trustbench rules list`",
    )


def _explain(result: Result, j: JurisdictionOut, finding: FindingOut) -> str:
    detail = finding.detail
    assert detail is not None  # explain reads a full result
    lines = [
        f"{finding.rule} — {finding.title}",
        f"  outcome: {finding.status.replace('_', ' ')} (as of "
        f"{result.case.as_of}; pack {j.pack.id} {j.pack.version}; {detail.file})",
    ]
    if finding.waiver:
        lines.append(
            _wrap(
                f"WAIVED by {finding.waiver.get('by') or 'the deal file'}: "
                f"{finding.waiver['reason']} — shown, not scored",
                "  ",
            )
        )
    lines += [_wrap("finding: " + finding.text, "  "), _wrap("test: " + detail.test, "  ")]
    cited: dict[str, None] = {}
    catalogue = result.catalogue or {}
    if finding.instances:
        for inst in finding.instances:
            lines.append(f"  in the market {inst.subject!r}: {inst.status.replace('_', ' ')}")
            lines += _decision(inst.reasoning or (), "    ")
            lines += _facts(inst.used or (), inst, "    ", cited, catalogue)
    else:
        lines += _decision(detail.reasoning, "  ")
        lines += _facts(detail.used, finding, "  ", cited, catalogue)
    lines += _params(finding) + _authorities(j, finding)
    lines += _sources(result.deal.sources if result.deal else (), cited)
    return "\n".join(lines)


def _decision(reasoning: tuple[tuple[int, str, str], ...], indent: str) -> list[str]:
    if not reasoning:
        return []
    lines = [f"{indent}why — the condition, then the parts that decided it:"]
    for depth, condition, truth in reasoning:
        pad = indent + "  " + "  " * depth
        lines.append(_wrap(condition, pad, f"{MARK[truth]} {truth:<8}"))
    return lines


def _facts(
    used: tuple[FactUseOut, ...],
    part: FindingOut | InstanceOut,
    indent: str,
    cited: dict[str, None],
    catalogue: dict[str, FactDocOut],
) -> list[str]:
    subject = part.subject if isinstance(part, InstanceOut) else None
    lines: list[str] = []
    for heading, in_condition in (
        ("facts the condition uses:", True),
        ("facts the finding's text quotes:", False),
    ):
        uses = sorted((u for u in used if u.in_condition is in_condition), key=lambda u: u.name)
        if uses:
            lines.append(f"{indent}{heading}")
        for use in uses:
            spec = catalogue.get(use.name)
            lines.append(f"{indent}  {use.name} = {use.shown}")
            if spec is not None:
                lines.append(_wrap(spec.doc, indent + "      "))
            if use.note:
                lines.append(_wrap(f"note: {use.note}", indent + "      "))
            lines.append(_wrap(_provenance(use, spec, subject), indent + "      "))
            cited.update(dict.fromkeys(use.sources))
    return lines


def _provenance(use: FactUseOut, spec: FactDocOut | None, market: str | None) -> str:
    ids = use.sources
    consulted = ("; sources consulted: " + ", ".join(f"[{sid}]" for sid in ids)) if ids else ""
    if use.value is None:
        question = (spec.question or "") if spec is not None else ""
        question = question.replace("{market}", market or "relevant")
        return (
            ("unknown — question for the client: " + question)
            if question
            else "unknown — the deal file does not give it"
        ) + consulted
    if not ids:
        return "source: none cited in the deal file"
    return "sources: " + ", ".join(f"[{sid}]" for sid in ids)


def _sources(sources: tuple[SourceOut, ...], cited: dict[str, None]) -> list[str]:
    if not cited:
        return []
    known = {s.id: s for s in sources}
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


def _params(finding: FindingOut) -> list[str]:
    params = finding.detail.params if finding.detail else ()
    if not params:
        return []
    lines = ["  parameters (the values in force on the case date):"]
    for p in params:
        since = f", in force from {p.effective}" if p.effective else ", not in force"
        lines.append(f"    {p.name} = {p.shown}{since}")
        lines.append(
            _wrap("reference: " + p.reference + (f" <{p.href}>" if p.href else ""), "        ")
        )
    return lines


def _authorities(j: JurisdictionOut, finding: FindingOut) -> list[str]:
    lines = ["  authorities:"]
    known = j.detail.authorities if j.detail else {}
    for cite in finding.detail.cites if finding.detail else finding.cites:
        auth = known.get(cite)
        if auth is not None:
            extra = (f" <{auth.url}>" if auth.url else "") + (
                f" [{auth.confidence}]" if auth.confidence != "confirmed" else ""
            )
            lines.append(_wrap(f"{cite}: {auth.short} — {auth.full}{extra}", "    "))
    if finding.missing:
        lines.append(
            _wrap("unknown (questions for the client): " + ", ".join(finding.missing), "  ")
        )
    return lines
