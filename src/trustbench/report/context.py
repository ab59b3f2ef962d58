"""Building the memo context (docs/report-context.md) from a finished analysis.

Rendering reads finished findings only; this module turns them into plain, JSON-able data
in the order the memo prints them — the transaction, then the analysis — so that the first
citation of each source and authority is the first on paper (see ``report.citations``).
Information requests are numbered before the analysis, so that a fact the analysis could
not know points at the request that asks for it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trustbench.analysis import Analysis
from trustbench.facts import REGISTRY
from trustbench.graph.build import TransactionGraph
from trustbench.model.deal import AcquireStake, AppointDirector, Contract, Deal, GrantRight, Hire
from trustbench.model.types import source_ids
from trustbench.report import clock
from trustbench.report.appendix import appendix
from trustbench.report.citations import Citations
from trustbench.report.diagram import CATEGORY, diagram
from trustbench.report.requests import Requests, Wording
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
FACTOR_LABELS = {
    "filing": "Filing",
    "control": "Control",
    "minority-stake": "Minority stake",
    "board": "Board links",
    "vertical": "Access to inputs",
    "information": "Rivals' information",
    "horizontal": "Concentration",
    "personnel": "Key staff",
}
PACK_SECTION = "templates/section.html.j2"


def generated_at() -> str:
    return clock.now().strftime("%Y-%m-%d %H:%M UTC")


class _Builder:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.deal = analysis.deal
        self.cite = Citations(self.deal, analysis.results)
        self.wording = Wording(self.deal)
        self.requests = Requests(analysis.results, self.wording)


def build_context(analysis: Analysis, deal_file: Path | None = None) -> dict[str, Any]:
    """The memo context. ``deal_file`` is hashed for the Appendix (its name, not its path,
    is printed)."""
    b = _Builder(analysis)
    deal = analysis.deal
    graph = analysis.context.graph
    transaction = _deal(b, graph)
    jurisdictions = [_jurisdiction(b, r) for r in analysis.results]
    back = appendix(analysis, deal_file, b.cite)  # cites the exchange rates' sources
    paper = analysis.results[0].pack.manifest.paper if analysis.results else "A4"
    return {
        "case": {
            "id": deal.case.id,
            "title": deal.case.title,
            "as_of": analysis.as_of.isoformat(),
            "jurisdictions": deal.case.jurisdictions,
            "prepared_for": deal.case.prepared_for,
        },
        "generated": generated_at(),
        "trustbench": __version__,
        "paper": paper,
        "deal": transaction,
        "diagram": _diagram(deal, graph),
        "summary": [_summary_row(b, r) for r in analysis.results],
        "jurisdictions": jurisdictions,
        "questions": b.requests.context(),
        "sources": b.cite.source_list(),
        "sources_not_listed": b.cite.sources_not_listed,
        "authorities": b.cite.authority_list(),
        "appendix": back,
    }


def pack_template_dirs(analysis: Analysis) -> dict[str, Path]:
    """Pack id → the pack's ``templates/`` folder, for packs that have one."""
    return {
        r.pack.id: r.pack.root / "templates"
        for r in analysis.results
        if (r.pack.root / PACK_SECTION).is_file()
    }


# ---------------------------------------------------------------------------- the deal


def _deal(b: _Builder, graph: TransactionGraph) -> dict[str, Any]:
    deal = b.deal
    t = deal.transaction
    dates = [
        (label, getattr(t, key))
        for key, label in (
            ("announced", "Announced"),
            ("signing", "Signed"),
            ("closing", "Closing"),
            ("filing", "Filing"),
        )
    ]
    parties = []
    for role, eid in (("Acquirer", t.acquirer), ("Target", t.target)):
        entity = next((e for e in deal.entities if e.id == eid), None)
        parties.append(
            {
                "role": role,
                "name": deal.full_name(eid),
                "short": deal.name(eid),
                "note": entity.note if entity else None,
                "sources": b.cite.sources(source_ids(entity.source) if entity else ()),
            }
        )
    return {
        "acquirer": deal.full_name(t.acquirer),
        "target": deal.full_name(t.target),
        "acquirer_short": deal.name(t.acquirer),
        "target_short": deal.name(t.target),
        "value": t.value.text(deal.case.currency) if t.value else None,
        "consideration": t.consideration,
        "dates": [{"label": label, "date": d.isoformat()} for label, d in dates if d],
        "summary": deal.case.summary,
        "parties": parties,
        "steps": [
            {
                "number": i,
                "kind": step.kind,
                "text": step_text(deal, step),
                "date": step.date.isoformat() if step.date else None,
                "note": step.note,
                "sources": b.cite.sources(source_ids(step.source) or source_ids(t.source)),
            }
            for i, step in enumerate(t.steps, start=1)
        ],
    }


def step_text(deal: Deal, step: Any) -> str:
    t, name = deal.transaction, deal.name
    if isinstance(step, AcquireStake):
        holder, issuer = name(step.holder or t.acquirer), name(step.issuer or t.target)
        verb = "comes to hold" if step.holding_after else "acquires"
        equity = (
            f"{pct(step.equity)} of the equity"
            if step.equity is not None
            else "a stake of unstated size"
        )
        shares = {
            "voting": "voting shares",
            "non-voting": "non-voting shares",
            "convertible": "convertible shares",
            "unknown": "shares of unstated class",
        }
        votes = f", {pct(step.voting)} of the votes" if step.voting is not None else ""
        value = f", for {step.value.text(deal.case.currency)}" if step.value else ""
        seller = f", from {name(step.seller)}" if step.seller else ""
        return (
            f"{holder} {verb} {equity} of {issuer} in {shares[step.share_class]}"
            f"{votes}{seller}{value}."
        )
    if isinstance(step, AppointDirector):
        by = f", designated by {name(step.designated_by)}" if step.designated_by else ""
        role = "an observer" if step.role == "observer" else f"a {step.role}"
        return (
            f"{name(step.person)} joins the board of {name(step.company or t.target)} "
            f"as {role}{by}."
        )
    if isinstance(step, Hire):
        who = name(step.person) + (f" and {step.count - 1} others" if step.count > 1 else "")
        title = f" as {step.title}" if step.title else ""
        seat = " and keeps a board seat there" if step.keeps_board_seat else ""
        return (
            f"{name(step.by or t.acquirer)} hires {who} from "
            f"{name(step.from_ or t.target)}{title}{seat}."
        )
    if isinstance(step, GrantRight):
        r = step.right
        matters = f" over {', '.join(m.replace('_', ' ') for m in r.matters)}" if r.matters else ""
        return (
            f"{name(r.holder)} obtains a {r.kind.replace('_', ' ')} right{matters} "
            f"in {name(r.issuer)}."
        )
    if isinstance(step, Contract):
        return step.text
    return str(step)


def _diagram(deal: Deal, graph: TransactionGraph) -> dict[str, Any] | None:
    drawn = set(CATEGORY)
    if not any(
        data["type"] in drawn
        for phase in (graph.before, graph.after)
        for _, _, data in phase.edges()
    ):
        return None
    d = diagram(graph, deal.name, deal.case.currency)
    return {"before": d.before, "after": d.after, "shown": d.shown, "hidden": _at_most(d.hidden)}


MAX_NAMED = 30


def _at_most(names: list[str], limit: int = MAX_NAMED) -> list[str]:
    """A list of names for a sentence, cut to ``limit`` with a count of the rest: 20,000 names
    in the diagram's caption made a 500 KB paragraph and a 30 s layout."""
    if len(names) <= limit:
        return names
    return [*names[:limit], f"and {len(names) - limit:,} others"]


# ---------------------------------------------------------------------------- summary


def _main_factors(r: JurisdictionResult) -> list[str]:
    factors = {
        f.factor for f in r.findings if f.status == "triggered" and not f.waiver and f.weight > 0
    }
    return sorted(factors, key=FACTORS.index)


def _summary_row(b: _Builder, r: JurisdictionResult) -> dict[str, Any]:
    main = _main_factors(r)
    return {
        "id": r.id,
        "name": r.name,
        "band": r.band,
        "score": r.score,
        "filing": r.filing,
        "control": r.control,
        "main_factors": [{"factor": f, "label": FACTOR_LABELS[f]} for f in main],
        "conclusion": _conclusion(b, r, main),
    }


def _conclusion(b: _Builder, r: JurisdictionResult, main: list[str]) -> str:
    filing = {
        "yes": "a filing appears to be required",
        "no": "no filing appears to be required",
        "unknown": "whether a filing is required cannot yet be decided",
        "n/a": "this pack does not screen filing requirements",
    }[r.filing]
    text = (
        f"On the facts in the deal file, {filing}. The substantive risk band is {r.band} "
        f"(score {r.score:g})"
    )
    if main:
        titles = [
            f.title for f in r.findings if f.status == "triggered" and not f.waiver and f.weight > 0
        ]
        text += (
            f", driven by {len(titles)} triggered finding{'s' if len(titles) > 1 else ''}"
            f" under {len(main)} factor{'s' if len(main) > 1 else ''}: "
            + "; ".join(FACTOR_TITLES[f].lower() for f in main)
            + "."
        )
    else:
        text += "; no substantive theory of harm is triggered on these facts."
    decide = sum(1 for f in r.findings if f.status == "unknown" and not f.waiver)
    if decide:
        text += (
            f" {decide} rule{'s' if decide > 1 else ''} cannot be decided until the "
            "client answers the information requests."
        )
    return text


# ---------------------------------------------------------------------------- analysis


def _jurisdiction(b: _Builder, r: JurisdictionResult) -> dict[str, Any]:
    factors = []
    for factor in FACTORS:
        group = [f for f in r.findings if f.factor == factor]
        if not group:
            continue
        active = [f for f in group if not f.waiver]
        factors.append(
            {
                "factor": factor,
                "title": FACTOR_TITLES[factor],
                "triggered": [_triggered(b, r, f) for f in active if f.status == "triggered"],
                "not_triggered": [_line(b, f) for f in active if f.status == "not_triggered"],
                "unknown": [_line(b, f) for f in active if f.status == "unknown"],
                "waived": [
                    {
                        "rule": f.rule,
                        "title": f.title,
                        "reason": (f.waiver or {})["reason"],
                        "by": (f.waiver or {}).get("by"),
                    }
                    for f in group
                    if f.waiver
                ],
            }
        )
    has_section = (r.pack.root / PACK_SECTION).is_file()
    counts = {
        s: sum(1 for f in r.findings if f.status == s and not f.waiver)
        for s in ("triggered", "not_triggered", "unknown")
    }
    counts["waived"] = sum(1 for f in r.findings if f.waiver)
    return {
        "id": r.id,
        "name": r.name,
        "band": r.band,
        "score": r.score,
        "filing": r.filing,
        "control": r.control,
        "scoring_note": r.pack.manifest.scoring_note,
        "pack": {
            "id": r.pack.id,
            "name": r.pack.manifest.name,
            "version": r.pack.manifest.version,
            "section": f"pack/{r.pack.id}/section.html.j2" if has_section else None,
        },
        "counts": counts,
        "factors": factors,
    }


def _fact(b: _Builder, u: Any, subject: str | None) -> dict[str, Any]:
    label, detail = b.wording.label(u.name)
    scoped = (
        subject is not None
        and REGISTRY.specs.get(u.name) is not None
        and REGISTRY[u.name].scope == "market"
    )
    value = fmt(u.value, u.unit)
    if u.note and u.value is not None:
        value += f" ({u.note})"
    return {
        "name": u.name,
        "label": label + (f" — {subject}" if scoped else ""),
        "detail": detail,
        "value": value,
        "known": u.value is not None,
        "sources": b.cite.sources(u.sources),
        "question": None if u.value is not None else b.requests.number(u.name, subject),
    }


def _facts(b: _Builder, f: Finding) -> list[dict[str, Any]]:
    parts = [i for i in f.instances if i.status == f.status] or [f]
    out: dict[str, dict[str, Any]] = {}
    for part in parts:
        for u in sorted(part.facts.values(), key=lambda u: u.name):
            item = _fact(b, u, part.subject)
            out.setdefault(item["label"], item)
    return list(out.values())


def _params(r: JurisdictionResult, f: Finding) -> list[dict[str, Any]]:
    out = []
    for p in sorted(f.params.values(), key=lambda p: p.name):
        spec = r.pack.params.get(p.name.removeprefix("params."))
        out.append(
            {
                "name": p.name,
                "label": spec.description if spec else p.name,
                "value": fmt(p.value, p.unit),
                "effective": p.effective.isoformat() if p.effective else None,
                "reference": p.reference,
            }
        )
    return out


def _instances(f: Finding) -> list[dict[str, Any]]:
    return [{"subject": i.subject, "status": i.status, "text": i.text} for i in f.instances]


def _triggered(b: _Builder, r: JurisdictionResult, f: Finding) -> dict[str, Any]:
    cites = b.cite.authorities(r.id, f.cites)
    facts = _facts(b, f)
    open_points = sorted({x["question"] for x in facts if x["question"]})
    conclusion, generated = f.conclusion, False
    if not conclusion:
        conclusion, generated = _generated_conclusion(r, f, open_points), True
    return {
        "rule": f.rule,
        "title": f.title,
        "weight": f.weight,
        "text": f.text,
        "test": f.test,
        "conclusion": conclusion,
        "conclusion_generated": generated,
        "cites": cites,
        "facts": facts,
        "params": _params(r, f),
        "instances": _instances(f),
        "open": open_points,
    }


def _generated_conclusion(r: JurisdictionResult, f: Finding, open_points: list[int]) -> str:
    """For rules without a conclusion text: what the result means in this pack's screen."""
    if f.weight:
        text = (
            f"The test is met on the facts in the file. In this pack's screen the finding "
            f"weighs {f.weight:g} of the {r.score:g} points that place {r.name} in the "
            f"{r.band} band."
        )
    else:
        text = (
            "The test is met on the facts in the file. The finding is for information: "
            "it carries no weight in this pack's screen."
        )
    if open_points:
        refs = ", ".join(str(n) for n in open_points)
        noun = "requests" if len(open_points) > 1 else "request"
        text += f" The facts still unknown ({noun} {refs}) cannot change this result"
        text += "; they bear on how much the concern weighs." if f.weight else "."
    return text


def _line(b: _Builder, f: Finding) -> dict[str, Any]:
    """A finding in one line; for an undecided one, the facts it needs and who asks them."""
    missing: dict[str, dict[str, Any]] = {}
    for part in [i for i in f.instances if i.status == "unknown"] or [f]:
        for name in part.missing:
            label, _ = b.wording.label(name)
            spec = REGISTRY.specs.get(name)
            if part.subject and spec is not None and spec.scope == "market":
                label += f" — {part.subject}"
            missing.setdefault(
                label,
                {"name": name, "label": label, "question": b.requests.number(name, part.subject)},
            )
    return {
        "rule": f.rule,
        "title": f.title,
        "text": f.text,
        "missing": list(missing.values()),
        "instances": _instances(f),
    }
