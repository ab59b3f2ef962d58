"""The executive summary: per jurisdiction, notification in the law's own terms, whether the
deal is a merger in that law's sense, each theory of harm, the band with its scope and the
next steps; and, first, the likeliest filing.

It reads the finished findings only (through the jurisdiction sections the context has
already built), so that it can say nothing the analysis below does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustbench.report.findings import kind_of, requests_phrase
from trustbench.rules.evaluate import Finding, JurisdictionResult

if TYPE_CHECKING:
    from trustbench.report.context import Builder

THEORIES = {
    "minority-stake": "Minority stake",
    "board": "Board links",
    "vertical": "Access to inputs",
    "information": "Rivals' information",
    "horizontal": "Concentration",
    "personnel": "Key staff",
}
REGIME = {
    "mandatory-suspensory": "Mandatory and suspensory",
    "mandatory": "Mandatory",
    "voluntary": "Voluntary",
    "none": "No notification regime",
}


def notification(regime: str | None, answer: str) -> str:
    """ "Mandatory and suspensory: required" / "Voluntary: jurisdiction open" / …"""
    if answer == "n/a":
        return "Not screened"
    if regime == "voluntary":
        word = {"yes": "jurisdiction to review", "no": "no jurisdiction", "unknown": "open"}
        return f"Voluntary — {word[answer]}" if answer != "unknown" else "Voluntary — open"
    state = {"yes": "required", "no": "not required", "unknown": "open"}[answer]
    return f"{REGIME[regime]} — {state}" if regime else state.capitalize()


def _active(r: JurisdictionResult) -> list[Finding]:
    return [f for f in r.findings if not f.waiver]


def merger(r: JurisdictionResult) -> str:
    """Whether the deal is a merger in the law's sense, in the words of the rules that say."""
    rules = [f for f in _active(r) if f.summary == "control" and kind_of(r, f) == "test"]
    if not rules:
        return "Not screened"
    met = [f.title for f in rules if f.status == "triggered"]
    if met:
        return "Yes: " + "; ".join(met)
    if any(f.status == "unknown" for f in rules):
        return "Open: " + "; ".join(f.title for f in rules if f.status == "unknown")
    return "No: " + "; ".join(f.title for f in rules)


def theories(r: JurisdictionResult) -> list[dict[str, str]]:
    out = []
    for factor, label in THEORIES.items():
        rules = [f for f in _active(r) if f.factor == factor and kind_of(r, f) != "note"]
        if not rules:
            state = "not screened"
        elif any(f.status == "triggered" for f in rules):
            state = "raised"
        elif any(f.status == "unknown" for f in rules):
            state = "open"
        else:
            state = "not raised"
        out.append({"factor": factor, "label": label, "state": state})
    return out


def band(r: JurisdictionResult) -> str | None:
    """The band with the scope it rests on; None where the pack screens no theory of harm."""
    rules = [f for f in _active(r) if f.factor in THEORIES and kind_of(r, f) == "test"]
    if not rules:
        return None
    decided = sum(1 for f in rules if f.status != "unknown")
    return (
        f"{r.band.capitalize()} on the theories screened "
        f"({decided} of {len(rules)} substantive tests decided)"
    )


def _short(question: str, limit: int = 110) -> str:
    """The question's first clause, or its first ``limit`` characters at a word boundary."""
    head = question.split(" — ")[0].split("; ")[0]
    if len(head) <= limit:
        return head if head.endswith(("?", ".")) else head + "…"
    return head[:limit].rsplit(" ", 1)[0] + "…"


def next_steps(b: Builder, r: JurisdictionResult) -> list[dict[str, Any]]:
    """The three requests that decide most of this jurisdiction's open findings, one per
    topic."""
    ranked = []
    for group in b.requests.context():
        for q in group["items"]:
            n = sum(
                1 for x in q["rules"] if x["jurisdiction"] == r.name and x["effect"] == "decide"
            )
            if n:
                ranked.append((-n, q["number"], group["topic"], q["question"]))
    steps, topics = [], set()
    for _, number, topic, question in sorted(ranked):
        if topic in topics:
            continue
        topics.add(topic)
        steps.append({"number": number, "text": _short(b.plain.words(question))})
        if len(steps) == 3:
            break
    return steps


def _filing_reason(b: Builder, r: JurisdictionResult) -> tuple[int, str]:
    met = [
        f
        for f in _active(r)
        if f.factor == "filing" and f.status == "triggered" and kind_of(r, f) == "test"
    ]
    rank = 3 if r.filing == "yes" else (2 if met and r.filing == "unknown" else 0)
    text = " ".join(b.plain.text(f.text, f"{r.name}: {f.title}") for f in met)
    return rank, text


def likeliest(b: Builder, results: list[JurisdictionResult]) -> dict[str, Any] | None:
    """The filing most likely to be needed: one required on the file, else one whose
    thresholds are partly met with the rest open."""
    ranked = [(r, *_filing_reason(b, r)) for r in results]
    ranked = [x for x in ranked if x[1] > 0]
    if not ranked:
        return None
    r, rank, text = max(ranked, key=lambda x: x[1])
    return {
        "name": r.name,
        "notification": notification(r.pack.manifest.notification, r.filing),
        "certain": rank == 3,
        "text": text,
    }


def summary(b: Builder, jurisdictions: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for r, j in zip(b.analysis.results, jurisdictions, strict=True):
        open_lines = [x for f in j["factors"] for x in f["unknown"]]
        numbers = sorted({n for x in open_lines for n in x["requests"]})
        rows.append(
            {
                "id": r.id,
                "name": r.name,
                "notification": notification(r.pack.manifest.notification, r.filing),
                "merger": merger(r),
                "theories": theories(r),
                "band": band(r),
                "open_requests": requests_phrase(numbers) if numbers else None,
                "next_steps": next_steps(b, r),
            }
        )
    return {"likeliest": likeliest(b, b.analysis.results), "rows": rows}
