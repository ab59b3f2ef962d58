"""One jurisdiction's findings as the memo prints them.

- A triggered finding is set out in full: the test, its application with the facts relied
  on, and a conclusion by the rule's kind — a test is "met" (with the open points that bear
  only on its weight), a flag is "raised — for review", an informational note has no
  conclusion line.
- An undecided finding takes a paragraph: its text and the information requests that decide
  it, by number (each request is written once, in the requests section).
- Findings not triggered take one line each in a table; the rungs of a threshold ladder or a
  fee schedule (same folder, same title before the dash) take one line together.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any

from trustbench.report.appendix import param_item
from trustbench.report.requests import subject_of, uses
from trustbench.result import DetailOut, FindingOut, InstanceOut, JurisdictionOut
from trustbench.rules.schema import FACTORS

if TYPE_CHECKING:
    from trustbench.report.builder import Builder

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
NOT_MET = {"test": "Not met", "flag": "Not raised", "note": "Does not apply"}


def detail_of(f: FindingOut) -> DetailOut:
    if f.detail is None:
        from trustbench.errors import InputError

        raise InputError(f"{f.rule}: the result has no memo detail for this finding")
    return f.detail


def kind_of(f: FindingOut) -> str:
    return detail_of(f).kind


def requests_phrase(numbers: list[int]) -> str:
    """[3] → "request 3"; [3, 4, 14] → "requests 3, 4 and 14"."""
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return f"request {words[0]}"
    return f"requests {', '.join(words[:-1])} and {words[-1]}"


def jurisdiction(b: Builder, r: JurisdictionOut) -> dict[str, Any]:
    factors = []
    for factor in FACTORS:
        group = [f for f in r.findings if f.factor == factor]
        active = [f for f in group if not f.waiver]
        item = {
            "factor": factor,
            "title": FACTOR_TITLES[factor],
            "triggered": [_triggered(b, r, f) for f in active if f.status == "triggered"],
            "unknown": [_line(b, r, f) for f in active if f.status == "unknown"],
            "waived": [_waived(b, f) for f in group if f.waiver],
        }
        if item["triggered"] or item["unknown"] or item["waived"]:
            factors.append(item)
    counts = {
        s: sum(1 for f in r.findings if f.status == s and not f.waiver)
        for s in ("triggered", "not_triggered", "unknown")
    }
    counts["waived"] = sum(1 for f in r.findings if f.waiver)
    pack = r.detail
    assert pack is not None  # Builder checks the result is a full one
    return {
        "id": r.id,
        "name": r.name,
        "band": r.band,
        "score": r.score,
        "filing": r.filing,
        "control": r.control,
        "notification": pack.notification,
        "scoring_note": b.plain.text(pack.scoring_note, r.name),
        "pack": {
            "id": r.pack.id,
            "name": pack.name,
            "version": r.pack.version,
            "section": b.pack_section(r),
        },
        "counts": counts,
        "factors": factors,
        "not_triggered": not_triggered(b, r),
    }


def _waived(b: Builder, f: FindingOut) -> dict[str, Any]:
    waiver = f.waiver or {}
    return {
        "rule": f.rule,
        "title": f.title,
        "reason": b.plain.words(waiver.get("reason") or ""),
        "by": waiver.get("by"),
    }


def not_triggered(b: Builder, r: JurisdictionOut) -> list[dict[str, Any]]:
    """One row per finding not triggered; the rungs of a ladder share one row."""
    rows = [f for f in r.findings if f.status == "not_triggered" and not f.waiver]

    def ladder(f: FindingOut) -> tuple[str, str]:
        head = f.title.split(" — ")[0] if " — " in f.title else f.title
        return f.rule.rsplit(".", 1)[0], head

    out = []
    for (_, head), items in groupby(sorted(rows, key=ladder), key=ladder):
        group = list(items)
        kinds = {kind_of(f) for f in group}
        outcome = NOT_MET[kinds.pop()] if len(kinds) == 1 else "Not met"
        cured = [f.remedy for f in group if f.remedy and f.remedy.before.status != "not_triggered"]
        if cured:  # met (or open) on the deal as notified, not after the timeline's remedies
            lead = "Met" if cured[0].before.status == "triggered" else "Open"
            outcome = f"{lead} before the remedy; resolved by " + "; ".join(cured[0].applied)
        if len(group) > 1 and all(" — " in f.title for f in group):
            parts = [f.title.split(" — ", 1)[1] for f in group]
            title = f"{head}: {'; '.join(parts)}"
        else:
            title = "; ".join(f.title for f in group)
        out.append(
            {
                "rules": [f.rule for f in group],
                "title": b.plain.words(title),
                "factor": FACTOR_TITLES[group[0].factor],
                "outcome": outcome,
            }
        )
    order = {f.rule: i for i, f in enumerate(r.findings)}
    return sorted(out, key=lambda row: (FACTORS.index(_factor_of(r, row)), order[row["rules"][0]]))


def _factor_of(r: JurisdictionOut, row: dict[str, Any]) -> str:
    return next(f.factor for f in r.findings if f.rule == row["rules"][0])


def _fact(b: Builder, u: Any, subject: str | None) -> dict[str, Any]:
    label, detail = b.wording.label(u.name)
    spec = b.wording.specs.get(u.name)
    scoped = subject is not None and spec is not None and spec.scope == "market"
    value = u.shown
    if u.note and u.value is not None:
        value += f" ({b.plain.words(u.note)})"
    return {
        "name": u.name,
        "label": b.plain.words(label + (f" — {subject}" if scoped else "")),
        "detail": b.plain.words(detail),
        "value": value,
        "known": u.value is not None,
        "sources": b.cite.sources(u.sources),
        "question": None if u.value is not None else b.requests.number(u.name, subject),
    }


def _facts(b: Builder, f: FindingOut) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(facts set out here, facts already set out earlier in the memo). The table holds the
    facts the test decided on (those only the finding's wording uses are stated there, in
    words); a fact is tabled once, where it is first relied on."""
    parts: list[FindingOut | InstanceOut] = [
        i for i in f.instances or () if i.status == f.status
    ] or [f]
    out: dict[str, dict[str, Any]] = {}
    for part in parts:
        for u in sorted(uses(part), key=lambda u: u.name):
            if u.name.startswith("params.") or not (u.in_condition or b.options.reviewer):
                continue
            item = _fact(b, u, subject_of(part))
            out.setdefault(item["label"], item)
    new: list[dict[str, Any]] = []
    again: list[dict[str, Any]] = []
    for item in out.values():
        key = f"{item['label']}\x00{item['value']}"
        (again if key in b.facts_shown else new).append(item)
        b.facts_shown.add(key)
    return new, again


def params(b: Builder, r: JurisdictionOut, f: FindingOut) -> list[dict[str, Any]]:
    return [param_item(r, p, b.plain) for p in detail_of(f).params]


def _instances(b: Builder, f: FindingOut, where: str) -> list[dict[str, Any]]:
    return [
        {"subject": i.subject, "status": i.status, "text": b.plain.text(i.text, where)}
        for i in f.instances or ()
    ]


def _triggered(b: Builder, r: JurisdictionOut, f: FindingOut) -> dict[str, Any]:
    where = f"{r.name}: {f.title}"
    detail = detail_of(f)
    kind = detail.kind
    cites = b.cite.authorities(r.id, list(detail.cites))
    facts, again = _facts(b, f)
    open_points = sorted({x["question"] for x in [*facts, *again] if x["question"]})
    conclusion = b.plain.text(detail.conclusion, where)
    generated = not conclusion
    conclusion = conclude(kind, conclusion, open_points, f.weight)
    return {
        "rule": f.rule,
        "title": f.title,
        "kind": kind,
        "weight": f.weight,
        "text": b.plain.text(f.text, where),
        "test": b.plain.text(detail.test, where),
        "conclusion": conclusion,
        "conclusion_generated": generated,
        "cites": cites,
        "facts": facts,
        "facts_above": [{"label": x["label"], "value": x["value"]} for x in again],
        "params": params(b, r, f),
        "instances": _instances(b, f, where),
        "open": open_points,
        "steps": steps(b, r, f),
    }


def steps(
    b: Builder, r: JurisdictionOut, f: FindingOut, *, cite: bool = True
) -> list[dict[str, Any]]:
    """The named definitions and rules the finding's condition uses directly, as reasoning
    steps: each law concept by its title, its outcome on this deal and its authorities
    (footnoted like the finding's own), never by its id (issue 10). An open finding's line
    names its steps without footnotes (``cite=False``): their titles carry the provision."""
    return [
        {
            "title": step.title,
            "outcome": step.outcome,
            "cites": b.cite.authorities(r.id, list(step.cites)) if cite else [],
        }
        for step in detail_of(f).steps
    ]


def conclude(kind: str, authored: str, open_points: list[int], weight: float = 1.0) -> str:
    """The conclusion line of a triggered finding, by its kind ("" for a note)."""
    if kind == "note":
        return ""
    lead = "Raised — for review." if kind == "flag" else "Met on the facts in the file."
    text = f"{lead} {authored}".strip() if kind == "flag" or not authored else authored
    if open_points:
        text += f" The answers to {requests_phrase(open_points)} cannot change this result"
        text += "; they bear on how much it weighs." if weight else "."
    return text


def _line(b: Builder, r: JurisdictionOut, f: FindingOut) -> dict[str, Any]:
    """An undecided finding: its text and the requests that decide it."""
    where = f"{r.name}: {f.title}"
    numbers: set[int] = set()
    unscreened = False
    parts: list[FindingOut | InstanceOut] = [
        i for i in f.instances or () if i.status == "unknown"
    ] or [f]
    for part in parts:
        for name in part.missing:
            if name.startswith("params.") or name not in b.wording.specs:
                unscreened = True
                b.plain.note(where, f"not screened by the rule pack: {name}")
                continue
            n = b.requests.number(name, subject_of(part))
            if n is not None:
                numbers.add(n)
    return {
        "rule": f.rule,
        "title": f.title,
        "kind": kind_of(f),
        "text": b.plain.text(f.text, where),
        "requests": sorted(numbers),
        "unscreened": unscreened,
        "instances": _instances(b, f, where),
        "steps": steps(b, r, f, cite=False),
    }
