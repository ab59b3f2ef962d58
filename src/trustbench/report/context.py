"""Building the memo context (docs/report-context.md) from a finished analysis.

Rendering reads finished findings only; this module turns them into plain, JSON-able data
in the order the memo prints them — the transaction, then the analysis — so that the first
citation of each source and authority is the first on paper (see ``report.citations``).
Information requests are numbered before the analysis, so that a fact the analysis could
not know points at the request that asks for it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from trustbench.analysis import Analysis
from trustbench.graph.build import TransactionGraph
from trustbench.graph.edges import Edge
from trustbench.model.deal import AcquireStake, AppointDirector, Contract, Deal, GrantRight, Hire
from trustbench.model.types import source_ids
from trustbench.report import clock
from trustbench.report.appendix import appendix
from trustbench.report.builder import PACK_SECTION, Builder
from trustbench.report.builder import Options as Options
from trustbench.report.diagram import CATEGORY, diagram
from trustbench.report.findings import jurisdiction
from trustbench.report.structuring import structuring
from trustbench.report.summary import summary
from trustbench.rules.text import fmt
from trustbench.version import __version__


def generated_at() -> str:
    return clock.now().strftime("%Y-%m-%d %H:%M UTC")


def build_context(
    analysis: Analysis, deal_file: Path | None = None, options: Options | None = None
) -> dict[str, Any]:
    """The memo context. ``deal_file`` is hashed for the Appendix (its name, not its path,
    is printed)."""
    opts = options or Options()
    b = Builder(analysis, opts)
    deal = analysis.deal
    graph = analysis.context.graph
    transaction = _deal(b, graph)
    jurisdictions = [jurisdiction(b, r) for r in analysis.results]
    back = appendix(analysis, deal_file, b.cite, b.plain, shown=_shown(jurisdictions, opts))
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
        "summary": summary(b, jurisdictions),
        "jurisdictions": jurisdictions,
        "questions": _questions(b),
        "structuring": (
            structuring(analysis, b.wording, b.plain.words) if opts.structuring else None
        ),
        "sources": b.cite.source_list(),
        "sources_not_listed": b.cite.sources_not_listed,
        "authorities": [_authority(b, a) for a in b.cite.authority_list()],
        "appendix": back,
        "later": _later(b) if opts.later_developments else None,
        "verification": _verification(b) if opts.reviewer else None,
        "options": {
            "reviewer": opts.reviewer,
            "later_developments": opts.later_developments,
            "full_appendix": opts.full_appendix,
        },
    }


def _authority(b: Builder, a: dict[str, Any]) -> dict[str, Any]:
    where = f"Authority {a['short']}"
    if a["confidence"] != "confirmed":
        b.plain.note(where, f"{a['confidence']}, to be verified against the primary text")
    return a | {"full": b.plain.clause(a["full"], where)}


def _shown(jurisdictions: list[dict[str, Any]], opts: Options) -> set[str] | None:
    """The rules whose findings the memo sets out (triggered or open); None: all."""
    if opts.full_appendix:
        return None
    return {
        x["rule"]
        for j in jurisdictions
        for f in j["factors"]
        for x in [*f["triggered"], *f["unknown"]]
    }


def short_title(title: str) -> str:
    """A finding's title without its closing citation in brackets: "Turnover thresholds
    (GWB § 35(1))" → "Turnover thresholds" (the finding itself gives the citation)."""
    short = re.sub(r"\s*\((?:[^()]|\([^()]*\))*\)$", "", title)
    return short or title


def _questions(b: Builder) -> list[dict[str, Any]]:
    """The requests; one whose findings are those of an earlier request says so
    (``same_as``) instead of listing them again."""
    groups = b.requests.context()
    seen: dict[tuple[tuple[str, str], ...], int] = {}
    for group in groups:
        for q in group["items"]:
            q["question"] = b.plain.words(q["question"])
            for x in q["rules"]:
                x["short"] = short_title(x["title"])
            key = tuple(sorted((x["id"], x["effect"]) for x in q["rules"]))
            q["same_as"] = seen.get(key)
            seen.setdefault(key, q["number"])
    return groups


def _later(b: Builder) -> dict[str, Any]:
    """Material dated after the as-of date: shown only in "Later developments" — what the
    file says happened since, the deal's dates after it, later sources and authorities."""
    t = b.deal.transaction
    dates = [
        (label, getattr(t, key))
        for key, label in (("signing", "Signed"), ("filing", "Filing"), ("closing", "Closing"))
    ]
    return {
        "narrative": b.plain.deal_text(b.deal.case.later),
        "dates": [
            {"label": label, "date": d.isoformat()} for label, d in dates if d and d > b.as_of
        ],
        "sources": b.cite.later_source_list(),
        "authorities": [
            a | {"full": b.plain.clause(a["full"], f"Authority {a['short']}")}
            for a in b.cite.later_authority_list()
        ],
    }


def _verification(b: Builder) -> dict[str, Any]:
    """The signing lawyer's notes: what the client text leaves out and why."""
    undated = [s for s in b.cite.source_list() if s["id"] in b.cite.undated_sources]
    recalled = [a for a in b.cite.authority_list() if a["confidence"] != "confirmed"]
    return {
        "notes": b.plain.notes_list(),
        "undated_sources": undated,
        "authorities": recalled,
        "later_sources": [s["label"] for s in b.cite.later_source_list() if s["cited"]],
    }


def pack_template_dirs(analysis: Analysis) -> dict[str, Path]:
    """Pack id → the pack's ``templates/`` folder, for packs that have one."""
    return {
        r.pack.id: r.pack.root / "templates"
        for r in analysis.results
        if (r.pack.root / PACK_SECTION).is_file()
    }


# ---------------------------------------------------------------------------- the deal


def _deal(b: Builder, graph: TransactionGraph) -> dict[str, Any]:
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
                "note": b.plain.deal_text(entity.note) if entity else None,
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
        "dates": [
            {"label": label, "date": d.isoformat()} for label, d in dates if d and d <= b.as_of
        ],
        "summary": b.plain.deal_text(deal.case.summary),
        "parties": parties,
        "steps": [
            {
                "number": i,
                "kind": step.kind,
                "text": step_text(deal, step),
                "date": step.date.isoformat() if step.date and step.date <= b.as_of else None,
                "note": b.plain.deal_text(step.note),
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
            f"{fmt(step.equity, 'share', 'pct')} of the equity"
            if step.equity is not None
            else "a stake of unstated size"
        )
        shares = {
            "voting": "voting shares",
            "non-voting": "non-voting shares",
            "convertible": "convertible shares",
            "unknown": "shares of unstated class",
        }
        votes = (
            f", {fmt(step.voting, 'share', 'pct')} of the votes" if step.voting is not None else ""
        )
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
        if (step.by or t.acquirer) == (step.from_ or t.target):  # a change of role inside
            role = step.title or "an officer"
            return f"{name(step.person)} becomes {role} of {name(step.by or t.acquirer)}."
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
        edge.kind_name in drawn
        for phase in (graph.before, graph.after)
        for _, _, edge in phase.edges(Edge)
    ):
        return None
    d = diagram(graph, deal.name, deal.case.currency)
    return {
        "before": d.before,
        "after": d.after,
        "shown": d.shown,
        "hidden": _at_most(d.hidden),
        "pair": all(_paired_scale(svg) >= 0.9 * _alone_scale(svg) for svg in (d.before, d.after)),
    }


# The page's text block and the figure's height cap (memo.css: figure.diagram svg), in pt.
TEXT_WIDTH, HALF_WIDTH, MAX_HEIGHT = 488.0, 239.0, 210.0
_VIEWBOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')


def _size(svg: str) -> tuple[float, float]:
    box = _VIEWBOX.search(svg)
    return (float(box.group(1)), float(box.group(2))) if box else (float("inf"), 1.0)


def _alone_scale(svg: str) -> float:
    w, h = _size(svg)
    return min(1.0, TEXT_WIDTH / w, MAX_HEIGHT / h)


def _paired_scale(svg: str) -> float:
    """Diagrams are set side by side when half the text width costs them (almost) nothing:
    a tall chart is capped by the height anyway (the seed case's), a wide one would shrink
    (it stays full width, one under the other)."""
    w, h = _size(svg)
    return min(1.0, HALF_WIDTH / w, MAX_HEIGHT / h)


MAX_NAMED = 30


def _at_most(names: list[str], limit: int = MAX_NAMED) -> list[str]:
    """A list of names for a sentence, cut to ``limit`` with a count of the rest: 20,000 names
    in the diagram's caption made a 500 KB paragraph and a 30 s layout."""
    if len(names) <= limit:
        return names
    return [*names[:limit], f"and {len(names) - limit:,} others"]
