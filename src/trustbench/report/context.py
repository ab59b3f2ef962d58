"""Building the memo context (docs/report-context.md) from a finished analysis.

Rendering reads finished findings only; this module turns them into plain, JSON-able data:
numbered sources and authorities, the summary table, findings grouped by factor, the
information requests and the appendix.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from trustbench.analysis import Analysis
from trustbench.facts import REGISTRY
from trustbench.model.deal import AcquireStake, AppointDirector, Contract, Deal, GrantRight, Hire
from trustbench.model.types import format_money, source_ids
from trustbench.report import clock
from trustbench.rules.evaluate import Finding, JurisdictionResult
from trustbench.rules.schema import FACTORS
from trustbench.rules.text import fmt, pct
from trustbench.version import __version__

FACTOR_TITLES = {
    "filing": "Notification (filing) requirements",
    "control": "Merger and control concepts",
    "minority-stake": "Minority stake (partial ownership)",
    "board": "Board representation and interlocks",
    "vertical": "Vertical effects: access to inputs and customers",
    "information": "Access to rivals' competitively sensitive information",
    "horizontal": "Horizontal concentration",
    "personnel": "Key staff moving to the acquirer",
}


class Numbering:
    """Footnote numbers, given in order of first use."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def __call__(self, key: str) -> int:
        return self.order.setdefault(key, len(self.order) + 1)


def generated_at() -> str:
    return clock.now().strftime("%Y-%m-%d %H:%M UTC")


def build_context(analysis: Analysis, deal_file: Path | None = None) -> dict[str, Any]:
    deal = analysis.deal
    src_no, auth_no = Numbering(), Numbering()
    steps = _steps(deal, src_no)
    jurisdictions = [_jurisdiction(r, src_no, auth_no) for r in analysis.results]
    paper = analysis.results[0].pack.manifest.paper if analysis.results else "A4"
    return {
        "case": {"id": deal.case.id, "title": deal.case.title,
                 "as_of": analysis.as_of.isoformat(), "jurisdictions": deal.case.jurisdictions},
        "generated": generated_at(),
        "trustbench": __version__,
        "paper": paper,
        "deal": _deal(deal, steps),
        "sources": _sources(deal, src_no),
        "authorities": _authorities(analysis.results, auth_no),
        "summary": [_summary_row(r) for r in analysis.results],
        "jurisdictions": jurisdictions,
        "questions": _questions(analysis.results),
        "appendix": _appendix(analysis, deal_file),
        "diagram_svg": None,
    }


def _deal(deal: Deal, steps: list[dict[str, Any]]) -> dict[str, Any]:
    t = deal.transaction
    dates = [(label, getattr(t, key)) for key, label in (
        ("announced", "Announced"), ("signing", "Signed"), ("closing", "Closing"),
        ("filing", "Filing"))]
    return {
        "acquirer": deal.full_name(t.acquirer), "target": deal.full_name(t.target),
        "value": t.value.text(deal.case.currency) if t.value else None,
        "dates": [{"label": label, "date": d.isoformat()} for label, d in dates if d],
        "summary": deal.case.summary, "steps": steps,
    }


def step_text(deal: Deal, step: Any) -> str:
    t, name = deal.transaction, deal.name
    if isinstance(step, AcquireStake):
        holder, issuer = name(step.holder or t.acquirer), name(step.issuer or t.target)
        parts = []
        if step.equity is not None:
            parts.append(f"{pct(step.equity)} of the equity")
        parts.append(f"{step.share_class} shares")
        if step.voting is not None:
            parts.append(f"{pct(step.voting)} of the votes")
        value = f" for {step.value.text(deal.case.currency)}" if step.value else ""
        verb = "comes to hold" if step.holding_after else "acquires"
        return f"{holder} {verb} {', '.join(parts)} of {issuer}{value}."
    if isinstance(step, AppointDirector):
        by = f", designated by {name(step.designated_by)}" if step.designated_by else ""
        return f"{name(step.person)} joins the board of {name(step.company or t.target)} " \
               f"as {step.role}{by}."
    if isinstance(step, Hire):
        who = name(step.person) + (f" and {step.count - 1} others" if step.count > 1 else "")
        title = f" as {step.title}" if step.title else ""
        seat = " and keeps a board seat there" if step.keeps_board_seat else ""
        return f"{name(step.by or t.acquirer)} hires {who} from " \
               f"{name(step.from_ or t.target)}{title}{seat}."
    if isinstance(step, GrantRight):
        r = step.right
        matters = f" over {', '.join(r.matters)}" if r.matters else ""
        return f"{name(r.holder)} obtains a {r.kind.replace('_', ' ')} right{matters} " \
               f"in {name(r.issuer)}."
    if isinstance(step, Contract):
        return step.text
    return str(step)


def _steps(deal: Deal, src_no: Numbering) -> list[dict[str, Any]]:
    return [
        {"kind": step.kind, "text": step_text(deal, step),
         "date": step.date.isoformat() if step.date else None,
         "sources": [src_no(s) for s in source_ids(step.source)]}
        for step in deal.transaction.steps
    ]


def _sources(deal: Deal, src_no: Numbering) -> list[dict[str, Any]]:
    by_id = {s.id: s for s in deal.sources}
    return [
        {"number": number, "id": sid, "title": by_id[sid].title,
         "publisher": by_id[sid].publisher,
         "date": by_id[sid].date.isoformat() if by_id[sid].date else None,
         "url": by_id[sid].url}
        for sid, number in src_no.order.items() if sid in by_id
    ]


def _authorities(results: list[JurisdictionResult], auth_no: Numbering) -> list[dict[str, Any]]:
    out = []
    for key, number in auth_no.order.items():
        jid, aid = key.split(":", 1)
        pack = next(r.pack for r in results if r.id == jid)
        auth = pack.authorities.get(aid)
        if auth is None:
            continue
        out.append({"number": number, "id": aid, "short": auth.cite(), "full": auth.full,
                    "pinpoint": None, "url": auth.url})
    return out


def _summary_row(r: JurisdictionResult) -> dict[str, Any]:
    factors = [f.factor for f in r.findings
               if f.status == "triggered" and not f.waiver and f.weight > 0]
    main = sorted(set(factors), key=FACTORS.index)
    return {"id": r.id, "name": r.name, "band": r.band, "score": r.score,
            "filing": r.filing, "control": r.control, "main_factors": main,
            "conclusion": _conclusion(r, main)}


def _conclusion(r: JurisdictionResult, main: list[str]) -> str:
    filing = {"yes": "a filing appears to be required", "no": "no filing appears to be "
              "required", "unknown": "whether a filing is required cannot yet be decided",
              "n/a": "the pack does not screen filing requirements"}[r.filing]
    unknown = sum(1 for f in r.findings if f.status == "unknown" and not f.waiver)
    theories = (", ".join(FACTOR_TITLES[f].lower() for f in main) if main else
                "no substantive theory of harm is triggered on the facts given")
    text = f"On the facts in the deal file, {filing}. Risk band: {r.band} (score {r.score:g})."
    text += f" Factors triggered: {theories}." if main else f" {theories.capitalize()}."
    if unknown:
        text += f" {unknown} question(s) remain open; see the information requests."
    return text


def _finding_full(f: Finding, jid: str, src_no: Numbering, auth_no: Numbering
                  ) -> dict[str, Any]:
    facts = [
        {"name": u.name, "label": REGISTRY[u.name].doc if u.name in REGISTRY else u.name,
         "value": fmt(u.value, u.unit) + (f" ({u.note})" if u.note and u.value is not None
                                          else ""),
         "sources": [src_no(s) for s in u.sources]}
        for u in sorted(f.facts.values(), key=lambda u: u.name)
    ]
    params = [
        {"name": p.name, "value": fmt(p.value, p.unit),
         "effective": p.effective.isoformat() if p.effective else None,
         "reference": p.reference}
        for p in sorted(f.params.values(), key=lambda p: p.name)
    ]
    return {"rule": f.rule, "title": f.title, "weight": f.weight, "text": f.text,
            "test": f.test, "conclusion": f.conclusion,
            "cites": [auth_no(f"{jid}:{c}") for c in f.cites], "facts": facts,
            "params": params, "missing": f.missing}


def _jurisdiction(r: JurisdictionResult, src_no: Numbering, auth_no: Numbering
                  ) -> dict[str, Any]:
    factors = []
    for factor in FACTORS:
        group = [f for f in r.findings if f.factor == factor]
        if not group:
            continue
        active = [f for f in group if not f.waiver]
        factors.append({
            "factor": factor, "title": FACTOR_TITLES[factor],
            "triggered": [_finding_full(f, r.id, src_no, auth_no)
                          for f in active if f.status == "triggered"],
            "not_triggered": [{"rule": f.rule, "title": f.title, "text": f.text}
                              for f in active if f.status == "not_triggered"],
            "unknown": [{"rule": f.rule, "title": f.title, "text": f.text,
                         "missing": f.missing} for f in active if f.status == "unknown"],
            "waived": [{"rule": f.rule, "title": f.title, "reason": (f.waiver or {})["reason"],
                        "by": (f.waiver or {}).get("by")} for f in group if f.waiver],
        })
    return {"id": r.id, "name": r.name, "band": r.band, "score": r.score,
            "pack": {"name": r.pack.manifest.name, "version": r.pack.manifest.version},
            "factors": factors}


def _questions(results: list[JurisdictionResult]) -> list[dict[str, Any]]:
    by_question: dict[str, dict[str, Any]] = {}
    for r in results:
        for f in r.findings:
            if f.status != "unknown" or f.waiver:
                continue
            for name in f.missing:
                spec = REGISTRY.specs.get(name)
                if spec is None:
                    continue
                question = spec.question or f"Please provide: {spec.doc}."
                if "{market}" in question:
                    subjects = sorted({i.subject or "" for i in f.instances
                                       if name in i.missing}) or ["relevant"]
                    question = question.replace("{market}", " / ".join(subjects))
                item = by_question.setdefault(question, {"question": question, "rules": [],
                                                         "facts": [], "topic": spec.topic})
                if f.rule not in item["rules"]:
                    item["rules"].append(f.rule)
                if name not in item["facts"]:
                    item["facts"].append(name)
    topics: dict[str, list[dict[str, Any]]] = {}
    for item in by_question.values():
        topics.setdefault(item.pop("topic"), []).append(item)
    return [{"topic": t, "items": sorted(items, key=lambda i: i["question"])}
            for t, items in sorted(topics.items())]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _appendix(analysis: Analysis, deal_file: Path | None) -> dict[str, Any]:
    params, rules, hashes = [], [], []
    if deal_file is not None:
        hashes.append({"what": "deal file", "name": deal_file.name, "sha256": _sha256(deal_file)})
    for r in analysis.results:
        seen: set[str] = set()
        for f in r.findings:
            rules.append({"id": f.rule, "pack": r.pack.id, "version": r.pack.manifest.version,
                          "status": f.status})
            for p in f.params.values():
                if p.name in seen:
                    continue
                seen.add(p.name)
                params.append({"jurisdiction": r.id, "name": p.name,
                               "value": fmt(p.value, p.unit),
                               "effective": p.effective.isoformat() if p.effective else None,
                               "reference": p.reference})
        digest = hashlib.sha256()
        for path in sorted(r.pack.files):
            digest.update(path.relative_to(path.parents[0]).as_posix().encode())
            digest.update(path.read_bytes())
        hashes.append({"what": f"rule pack {r.pack.id} {r.pack.manifest.version}",
                       "name": r.pack.id, "sha256": digest.hexdigest()})
    return {"params": sorted(params, key=lambda p: (p["jurisdiction"], p["name"])),
            "rules": rules, "hashes": hashes}


__all__ = ["build_context", "format_money"]
