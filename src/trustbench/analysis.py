"""The Python API: ``load_packs`` and ``evaluate`` (mirrors ``trustbench analyze``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustbench.errors import Diagnostic, ErrorGroup, TrustbenchError, did_you_mean
from trustbench.facts import FactContext
from trustbench.model.bounds import Range
from trustbench.model.deal import Deal
from trustbench.model.remedy import apply_remedies, remedies
from trustbench.model.scenarios import scenarios_json
from trustbench.rules.cache import load_pack_cached
from trustbench.rules.evaluate import (
    BeforeRemedy,
    Finding,
    JurisdictionResult,
    Texts,
    evaluate_pack,
)
from trustbench.rules.loader import Pack, builtin_dir, discover, load_pack
from trustbench.rules.schema import THEORIES
from trustbench.scoring import answer, band, score
from trustbench.summary import Summary, summary_of

if TYPE_CHECKING:
    from trustbench.result import Result


@dataclass
class Analysis:
    deal: Deal
    as_of: dt.date
    context: FactContext
    results: list[JurisdictionResult]


def available_packs(extra: list[Path] | None = None) -> dict[str, Path]:
    """Pack id → folder: the user's ``--rules`` folders first, then the built-in packs."""
    found = discover([Path(p) for p in extra or []])
    for pid, folder in discover([builtin_dir()]).items():
        found.setdefault(pid, folder)
    return found


def load_packs(
    jurisdictions: list[str],
    extra: list[Path] | None = None,
    *,
    cache: bool = False,
    deal: Deal | None = None,
) -> list[Pack]:
    """One pack per jurisdiction. A user pack that extends the built-in pack of the same
    jurisdiction takes its place (the most derived pack wins). With ``cache``, packs come
    from the user's pack cache when their files have not changed (trustbench.rules.cache);
    with ``deal``, a jurisdiction no pack covers is reported at its entry of the deal's
    ``case.jurisdictions``."""
    known = available_packs(extra)
    user = set(discover([Path(p) for p in extra or []]))
    packs: list[Pack] = []
    loaded: dict[str, Pack] = {}
    wanted = set(jurisdictions)
    for pid, folder in sorted(known.items()):
        if pid in user or pid in wanted:
            loaded[pid] = (
                load_pack_cached(folder, known, load_pack) if cache else load_pack(folder, known)
            )
    for jurisdiction in dict.fromkeys(jurisdictions):
        candidates = [p for p in loaded.values() if p.jurisdiction == jurisdiction]
        if not candidates:
            raise _no_pack(jurisdiction, known, deal)
        candidates.sort(key=lambda p: (len(p.lineage), p.id in user), reverse=True)
        packs.append(candidates[0])
    return packs


def _no_pack(jurisdiction: str, known: dict[str, Path], deal: Deal | None) -> TrustbenchError:
    hint = (
        did_you_mean(jurisdiction, known) or "built-in packs: " + ", ".join(sorted(known))
    ) + "; add your own with --rules DIR"
    file, line, column, index = None, 0, 0, 0
    if deal is not None and jurisdiction in deal.case.jurisdictions:
        index = deal.case.jurisdictions.index(jurisdiction)
        file, line, column = deal.locate(("case", "jurisdictions", index))
    return TrustbenchError(
        f"case.jurisdictions[{index}]: no rule pack for jurisdiction {jurisdiction!r}"
        if file
        else f"no rule pack for jurisdiction {jurisdiction!r}",
        file=file,
        line=line,
        column=column,
        hint=hint,
    )


def check_waivers(deal: Deal, packs: list[Pack]) -> None:
    """A waiver must name a rule that is evaluated; a typo would silently waive nothing."""
    ids = {rid for pack in packs for rid in pack.rules}
    problems = []
    for i, waiver in enumerate(deal.waivers):
        if waiver.rule not in ids:
            file, line, column = deal.locate(("waivers", i, "rule"))
            problems.append(
                Diagnostic(
                    file,
                    line,
                    column,
                    "deal",
                    f"waivers[{i}].rule: unknown rule {waiver.rule!r}",
                    did_you_mean(waiver.rule, ids) or "see `trustbench rules list`",
                )
            )
    if problems:
        raise ErrorGroup(items=problems)


def evaluate(deal: Deal, packs: list[Pack], as_of: dt.date | None = None) -> Analysis:
    check_waivers(deal, packs)
    when = as_of or deal.case.as_of
    ctx = FactContext.for_deal(deal, when)
    waivers = {w.rule: (w.reason, w.by) for w in deal.waivers}
    remedied = apply_remedies(deal, when)
    after = FactContext.for_deal(remedied, when) if remedied is not None else None
    applied = tuple(r.text for r in remedies(deal, when))
    results = []
    for pack in packs:
        findings = evaluate_pack(pack, ctx, when, waivers)
        if after is not None:
            findings = after_remedy(findings, evaluate_pack(pack, after, when, waivers), applied)
        total = score(findings)
        results.append(
            JurisdictionResult(
                id=pack.jurisdiction,
                name=pack.manifest.name,
                pack=pack,
                score=total,
                band=band(pack, total),
                findings=findings,
                filing=answer(findings, "filing"),
                control=answer(findings, "control"),
            )
        )
    return Analysis(deal, when, ctx, results)


def after_remedy(
    before: list[Finding], after: list[Finding], applied: tuple[str, ...]
) -> list[Finding]:
    """Each substantive finding as the remedies leave it, with what it was before them.
    Notification and control are answered on the deal as notified: a remedy cures an
    effect, it does not change what was notifiable."""
    by_rule = {f.rule: f for f in after}
    out = []
    for f in before:
        a = by_rule.get(f.rule)
        if a is None or (f.theory or f.factor) not in THEORIES:
            out.append(f)
            continue
        a.remedy = BeforeRemedy(f.status, f.text, applied)
        if (f.status == "triggered" and a.status != "triggered") or (
            f.status == "unknown" and a.status == "not_triggered"
        ):
            a.render = _resolved(a.render, applied)
            a._texts = None
        elif f.status == a.status == "triggered":
            a.render = _standing(a.render, applied)
            a._texts = None
        out.append(a)
    return out


def _resolved(render: Callable[[], Texts], applied: tuple[str, ...]) -> Callable[[], Texts]:
    """A cured finding's texts, opening with the remedy that cured it."""

    def texts() -> Texts:
        t = render()
        return dataclasses.replace(t, text=f"Resolved by {'; '.join(applied)}. {t.text}")

    return texts


def _standing(render: Callable[[], Texts], applied: tuple[str, ...]) -> Callable[[], Texts]:
    """A finding the remedies leave standing: it says so, and its text names what is left
    (the channels no firewall closes, the rivals whose supply no commitment assures)."""

    def texts() -> Texts:
        t = render()
        return dataclasses.replace(t, text=f"Not cured by {'; '.join(applied)}. {t.text}")

    return texts


# -- the JSON contract (DESIGN.md "Interfaces") ---------------------------------------------


def json_value(value: object) -> object:
    """A fact or parameter value as JSON takes it (bounds as their ends, tables by row)."""
    if isinstance(value, Range):
        return value.as_dict()
    if isinstance(value, tuple | list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in sorted(value.items())}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def finding_json(f: Finding) -> dict[str, object]:
    out: dict[str, object] = {
        "rule": f.rule,
        "title": f.title,
        "factor": f.factor,
        "theory": f.theory or f.factor,
        "status": f.status,
        "weight": f.weight,
        "text": f.text,
        "cites": sorted(f.cites),
        "facts": {n: json_value(u.value) for n, u in sorted(f.facts.items())},
        "params": {
            n: {
                "value": json_value(p.value),
                "effective": p.effective.isoformat() if p.effective else None,
            }
            for n, p in sorted(f.params.items())
        },
        "missing": sorted(f.missing),
        "sources": {n: list(u.sources) for n, u in sorted(f.facts.items()) if u.sources},
        "decided_by": [{"condition": c, "status": s} for c, s in f.decided_by],
    }
    if f.waiver:
        out["waiver"] = f.waiver
    if f.remedy is not None:
        out["remedy"] = {
            "applied": list(f.remedy.remedies),
            "before": {"status": f.remedy.status, "text": f.remedy.text},
        }
    if f.instances:
        out["instances"] = [
            {
                "subject": i.subject,
                "status": i.status,
                "text": i.text,
                "facts": {n: json_value(u.value) for n, u in sorted(i.facts.items())},
                "missing": sorted(i.missing),
            }
            for i in f.instances
        ]
    return out


def analysis_json(analysis: Analysis) -> dict[str, object]:
    from trustbench.version import __version__

    case = analysis.deal.case
    return {
        "case": {"id": case.id, "title": case.title, "as_of": analysis.as_of.isoformat()},
        "trustbench": __version__,
        "jurisdictions": [
            {
                "id": j.id,
                "name": j.name,
                "pack": {"id": j.pack.id, "version": j.pack.manifest.version},
                "score": float(j.score),
                "band": j.band,
                "filing": j.filing,
                "control": j.control,
                "summary": summary_json(summary_of(j)),
                "findings": [finding_json(f) for f in sorted(j.findings, key=lambda f: f.rule)],
                "disabled": [
                    {"rule": d.rule, "reason": d.reason, "pack": d.pack}
                    for _, d in sorted(j.pack.disabled.items())
                ],
            }
            for j in analysis.results
        ],
        **scenarios_json(analysis.deal.scenarios),
    }


def summary_json(summary: Summary) -> dict[str, object]:
    return {
        "regime": summary.regime,
        "notification": summary.notification,
        "notification_text": summary.notification_text,
        "concept": summary.concept,
        "concept_text": summary.concept_text,
        "theories": [
            {"factor": t.factor, "label": t.label, "status": t.status, "rules": list(t.rules)}
            for t in summary.theories
        ],
        "band": summary.band,
        "band_scope": list(summary.band_scope),
    }


def result(analysis: Analysis) -> Result:
    """The analysis as one typed, immutable document (the JSON contract)."""
    from trustbench.result import Result

    return Result.model_validate(analysis_json(analysis))


def result_json(analysis: Analysis) -> dict[str, object]:
    """The JSON document ``analyze --format json`` prints. :func:`analysis_json` builds
    exactly what :class:`Result` dumps (tests/test_result.py validates every case's document
    in full and checks that the model gives it back unchanged); validating it again on
    every run cost a run more than the analysis itself."""
    return analysis_json(analysis)
