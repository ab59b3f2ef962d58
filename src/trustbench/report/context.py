"""Building the memo context (docs/report-context.md) from a finished analysis.

Rendering reads finished findings only; this module turns them into plain, JSON-able data
in the order the memo prints them — the transaction, then the analysis — so that the first
citation of each source and authority is the first on paper (see ``report.citations``).
Information requests are numbered before the analysis, so that a fact the analysis could
not know points at the request that asks for it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from trustbench.report import clock
from trustbench.report.appendix import appendix
from trustbench.report.builder import Builder, pack_of
from trustbench.report.builder import Options as Options
from trustbench.report.diagram import diagram
from trustbench.report.findings import jurisdiction
from trustbench.report.structuring import structuring
from trustbench.report.summary import summary
from trustbench.result import DealOut, GraphOut, Result


def generated_at() -> str:
    return clock.now().strftime("%Y-%m-%d %H:%M UTC")


def build_context(result: Result, options: Options | None = None) -> dict[str, Any]:
    """The memo context, from a full result (``trustbench.document.full_result``)."""
    opts = options or Options()
    b = Builder(result, opts)
    deal = b.deal
    transaction = _deal(b)
    jurisdictions = [jurisdiction(b, j) for j in result.jurisdictions]
    back = appendix(b, shown=_shown(jurisdictions, opts))
    paper = pack_of(result.jurisdictions[0]).paper if result.jurisdictions else "A4"
    return {
        "case": {
            "id": result.case.id,
            "title": result.case.title,
            "as_of": result.case.as_of,
            "jurisdictions": list(deal.jurisdictions),
            "prepared_for": deal.prepared_for,
        },
        "generated": generated_at(),
        "trustbench": result.trustbench,
        "paper": paper,
        "deal": transaction,
        "diagram": _diagram(deal, result.graph),
        "summary": summary(b, jurisdictions),
        "jurisdictions": jurisdictions,
        "questions": _questions(b),
        "structuring": (
            structuring(b, result.structuring)
            if opts.structuring and result.structuring is not None
            else None
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
    dates = [
        (label, b.deal.dates.get(key))
        for key, label in (("signing", "Signed"), ("filing", "Filing"), ("closing", "Closing"))
    ]
    return {
        "narrative": b.plain.deal_text(b.deal.later),
        "dates": [{"label": label, "date": d} for label, d in dates if d and _after(d, b.as_of)],
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


def _after(date: str | None, as_of: dt.date) -> bool:
    return date is not None and dt.date.fromisoformat(date) > as_of


# ---------------------------------------------------------------------------- the deal


def _deal(b: Builder) -> dict[str, Any]:
    deal = b.deal
    dates = [
        (label, deal.dates.get(key))
        for key, label in (
            ("announced", "Announced"),
            ("signing", "Signed"),
            ("closing", "Closing"),
            ("filing", "Filing"),
        )
    ]
    parties = [
        {
            "role": role,
            "name": p.full_name,
            "short": p.name,
            "note": b.plain.deal_text(p.note),
            "sources": b.cite.sources(p.sources),
        }
        for role, p in (("Acquirer", deal.acquirer), ("Target", deal.target))
    ]
    return {
        "acquirer": deal.acquirer.full_name,
        "target": deal.target.full_name,
        "acquirer_short": deal.acquirer.name,
        "target_short": deal.target.name,
        "value": deal.value,
        "consideration": deal.consideration,
        "dates": [
            {"label": label, "date": d} for label, d in dates if d and not _after(d, b.as_of)
        ],
        "summary": b.plain.deal_text(deal.summary),
        "parties": parties,
        "steps": [
            {
                "number": i,
                "kind": step.kind,
                "text": step.text,
                "date": None if _after(step.date, b.as_of) else step.date,
                "note": b.plain.deal_text(step.note),
                "sources": b.cite.sources(step.sources),
            }
            for i, step in enumerate(deal.steps, start=1)
        ],
    }


def _diagram(deal: DealOut, graph: GraphOut | None) -> dict[str, Any] | None:
    if graph is None or not (graph.before or graph.after):
        return None
    names = deal.names
    d = diagram(graph, lambda eid: names.get(eid, eid))
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
