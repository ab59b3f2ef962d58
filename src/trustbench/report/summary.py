"""The memo's executive summary: first the likeliest filing, then per jurisdiction the
analysis's own summary (``trustbench.summary``: notification in the law's own terms, whether
the deal is a merger in that law's sense, each theory raised / not raised / open / not
screened, the band with the theories it rests on), and the next steps.

It reads the finished analysis only (the summary, the findings, the numbered requests), so
it can say nothing the analysis below does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trustbench.report.findings import kind_of, requests_phrase
from trustbench.result import FindingOut, JurisdictionOut, SummaryOut

if TYPE_CHECKING:
    from trustbench.report.builder import Builder

STATES = {
    "raised": "raised",
    "open": "open",
    "not_raised": "not raised",
    "not_screened": "not screened",
    "remedied": "remedied",
}


def _active(r: JurisdictionOut) -> list[FindingOut]:
    return [f for f in r.findings if not f.waiver]


def theories(summary: SummaryOut) -> list[dict[str, str]]:
    return [
        {"factor": t.factor, "label": t.label, "state": STATES[t.status]} for t in summary.theories
    ]


def band(summary: SummaryOut) -> str | None:
    """The band with the theories it rests on, naming those still open and those not
    screened; None where the pack screens no theory. No screened theory raised yet some
    open: a low band would rest on facts the file does not give, so it is not yet given."""
    if summary.band is None:
        return None
    screened = [t for t in summary.theories if t.status != "not_screened"]
    statuses = {t.status for t in screened}
    if "open" in statuses and not statuses & {"raised", "remedied"}:
        still = _joined([t.label.lower() for t in screened if t.status == "open"])
        return (
            "not yet given: no theory screened is raised on the facts in the file, and "
            f"{still} remain open until the requests below are answered"
        )
    if len(screened) == len(summary.theories):
        text = f"{summary.band.capitalize()}, resting on every theory in the table above"
    else:
        names = _joined([t.label.lower() for t in screened])
        text = f"{summary.band.capitalize()}, resting only on {names}"
    still_open = [t.label.lower() for t in screened if t.status == "open"]
    if still_open:
        text += f" (open: {_joined(still_open)})"
    if len(screened) < len(summary.theories):
        text += "; the other theories are not screened (table above)"
    return text


def _joined(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _short(question: str, limit: int = 90) -> str:
    """The question's first clause, or its first ``limit`` characters at a word boundary."""
    head = question.split(" — ")[0].split("; ")[0]
    if len(head) <= limit:
        return head if head.endswith(("?", ".")) else head + "…"
    return head[:limit].rsplit(" ", 1)[0] + "…"


def next_steps(b: Builder, r: JurisdictionOut) -> list[dict[str, Any]]:
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


def _filing_reason(b: Builder, r: JurisdictionOut) -> tuple[int, str]:
    met = [
        f
        for f in _active(r)
        if f.factor == "filing" and f.status == "triggered" and kind_of(f) == "test"
    ]
    rank = 3 if r.filing == "yes" else (2 if met and r.filing == "unknown" else 0)
    if r.summary.regime == "voluntary":  # no filing is ever "required" there
        rank = min(rank, 1)
    text = " ".join(b.plain.text(f.text, f"{r.name}: {f.title}") for f in met)
    return rank, text


def likeliest(b: Builder, results: tuple[JurisdictionOut, ...]) -> dict[str, Any] | None:
    """The filing most likely to be needed: one required on the file, else one whose
    thresholds are partly met with the rest open."""
    ranked = [(r, *_filing_reason(b, r)) for r in results]
    ranked = [x for x in ranked if x[1] > 0]
    if not ranked:
        return None
    r, rank, text = max(ranked, key=lambda x: x[1])
    return {
        "name": r.name,
        "notification": r.summary.notification_text,
        "certain": rank == 3,
        "text": text,
    }


def summary(b: Builder, jurisdictions: list[dict[str, Any]]) -> dict[str, Any]:
    rows = []
    for r, j in zip(b.result.jurisdictions, jurisdictions, strict=True):
        open_lines = [x for f in j["factors"] for x in f["unknown"]]
        numbers = sorted({n for x in open_lines for n in x["requests"]})
        of = r.summary
        rows.append(
            {
                "id": r.id,
                "name": r.name,
                "notification": of.notification_text,
                "merger": of.concept_text,
                "theories": theories(of),
                "band": band(of),
                "open_requests": requests_phrase(numbers) if numbers else None,
                "next_steps": next_steps(b, r),
            }
        )
    return {"likeliest": likeliest(b, b.result.jurisdictions), "rows": rows}
