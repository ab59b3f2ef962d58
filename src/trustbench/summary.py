"""The executive summary of one jurisdiction, in that law's own terms.

Three questions a reader asks first, answered from the finished findings only:

- **notification**: is the deal notifiable? A mandatory, suspensory regime (HSR, the EUMR, the
  GWB) answers *required / not required / open*; a voluntary regime (the UK) answers whether
  the authority *has jurisdiction*, never "filing required".
- **concept**: is the deal a merger in that law's sense (a concentration, enterprises ceasing
  to be distinct, an acquisition within Clayton § 7), named in the law's words from the pack.
- **theories**: each substantive theory of harm is *raised*, *not raised*, *open*, *not
  screened* — a theory for which the pack has no rule is never a low score — or *remedied*:
  raised (or open) on the deal as notified and not raised after the remedies of its
  timeline (:mod:`trustbench.model.remedy`).

The band is shown only with the theories it rests on; a pack that screens no substantive
theory shows no band at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from trustbench.rules.evaluate import Finding, JurisdictionResult
from trustbench.rules.loader import Pack
from trustbench.rules.schema import THEORIES
from trustbench.scoring import answer

__all__ = ["THEORIES", "Summary", "Theory", "summarise", "summary_of"]

# The theories of harm (rules.schema.THEORIES: the substantive factors, refined by a rule's
# `theory`), labelled in the order a memo discusses them.
THEORY_LABELS = {
    "horizontal": "Horizontal overlap",
    "potential-competition": "Loss of potential competition",
    "conglomerate": "Entrenchment and conglomerate effects",
    "buyer-side": "Buyer power (labour and inputs)",
    "vertical": "Vertical foreclosure",
    "information": "Access to rivals' information",
    "minority-stake": "Minority-stake influence",
    "board": "Board links",
    "personnel": "Key staff moving",
}
TheoryStatus = Literal["raised", "not_raised", "open", "not_screened", "remedied"]
Decision = Literal["yes", "no", "open", "not_screened"]
_DECISION: dict[str, Decision] = {
    "yes": "yes",
    "no": "no",
    "unknown": "open",
    "n/a": "not_screened",
}


@dataclass(frozen=True)
class Theory:
    factor: str
    label: str
    status: TheoryStatus
    rules: tuple[str, ...]  # the rules that raised it (triggered) or leave it open (unknown)


@dataclass(frozen=True)
class Summary:
    regime: str  # mandatory-suspensory | voluntary | unstated
    notification: Decision
    notification_text: str
    concept: Decision
    concept_text: str
    theories: tuple[Theory, ...]
    band: str | None  # None: the pack screens no substantive theory, so no band is shown
    band_scope: tuple[str, ...]  # the theories the band rests on

    @property
    def screened(self) -> tuple[Theory, ...]:
        return tuple(t for t in self.theories if t.status != "not_screened")

    @property
    def provisional(self) -> bool:
        """No screened theory is raised yet some are open: a low band would rest on the facts
        the file does not give, so the reader is told the band is not yet given."""
        statuses = {t.status for t in self.screened}
        return "open" in statuses and not statuses & {"raised", "remedied"}


def summarise(pack: Pack, findings: Iterable[Finding], band: str) -> Summary:
    """The summary of one jurisdiction's findings under ``pack``."""
    found = [f for f in findings if not f.waiver]
    manifest = pack.manifest
    regime = manifest.notification or "unstated"
    notification = _DECISION[answer(found, "filing")]
    concept = _DECISION[answer(found, "control")]
    theories = tuple(_theory(factor, found, pack) for factor in THEORIES)
    scope = tuple(t.factor for t in theories if t.status != "not_screened")
    return Summary(
        regime=regime,
        notification=notification,
        notification_text=_notification_text(regime, notification, manifest.authority),
        concept=concept,
        concept_text=_concept_text(concept, manifest.concept),
        theories=theories,
        band=band if scope else None,
        band_scope=scope,
    )


def _theory(factor: str, findings: list[Finding], pack: Pack) -> Theory:
    # a note informs (e.g. "the EUMR cannot review this stake"); it screens no theory
    notes = {rid for rid, r in pack.rules.items() if r.rule.kind == "note"}
    screened = any(
        (r.rule.theory or r.rule.factor) == factor
        for rid, r in pack.rules.items()
        if rid not in pack.disabled and rid not in notes
    )
    mine = [f for f in findings if (f.theory or f.factor) == factor and f.rule not in notes]
    raised = tuple(sorted(f.rule for f in mine if f.status == "triggered"))
    open_ = _open(mine, {rid for rid, r in pack.rules.items() if r.rule.kind == "flag"})
    cured = tuple(sorted(f.rule for f in mine if _cured(f)))
    status: TheoryStatus
    if not screened:
        status = "not_screened"
    elif raised:
        status = "raised"
    elif cured:
        return Theory(factor, THEORY_LABELS[factor], "remedied", cured)
    elif open_:
        status = "open"
    else:
        status = "not_raised"
    return Theory(factor, THEORY_LABELS[factor], status, raised or open_)


def _open(mine: list[Finding], flags: set[str]) -> tuple[str, ...]:
    """The findings that keep a theory open: its tests left unknown. A flag is a pattern raised
    for review, never concluded (a series of acquisitions, Guideline 8): left unknown, it keeps
    the theory open only when no test of the theory is decided."""
    tests = [f for f in mine if f.rule not in flags]
    unknown = [f.rule for f in tests if f.status == "unknown"]
    if not unknown and not tests:
        unknown = [f.rule for f in mine if f.status == "unknown"]
    return tuple(sorted(unknown))


def _cured(f: Finding) -> bool:
    """Raised on the deal as notified, or open there and decided by the remedies: a remedy
    that answers a concern the file left open (a supply commitment where the limbs were not
    all stated) has decided that theory, which is what an agency's acceptance of it means."""
    if f.remedy is None:
        return False
    return f.remedy.status == "triggered" or (
        f.remedy.status == "unknown" and f.status == "not_triggered"
    )


def _notification_text(regime: str, decision: Decision, authority: str | None) -> str:
    who = authority or "the authority"
    if decision == "not_screened":
        return "Not screened: the pack has no notification rule"
    if regime == "voluntary":
        return {
            "yes": f"Voluntary, non-suspensory: {who} has jurisdiction (notification is "
            "not mandatory)",
            "no": f"Voluntary, non-suspensory: {who} has no jurisdiction on the facts in the file",
            "open": f"Voluntary, non-suspensory: whether {who} has jurisdiction is open",
        }[decision]
    if regime == "mandatory-suspensory":
        return {
            "yes": "Mandatory and suspensory: notification required before closing",
            "no": "Not required on the facts in the file",
            "open": "Open: the facts in the file do not decide whether notification is required",
        }[decision]
    return {"yes": "Required", "no": "Not required", "open": "Open"}[decision]


def _concept_text(decision: Decision, concept: str | None) -> str:
    what = concept or "a merger in this law's sense"
    return {
        "yes": f"Yes: {what}",
        "no": f"No: not {what}",
        "open": f"Open: whether the deal is {what}",
        "not_screened": f"Not screened: whether the deal is {what}",
    }[decision]


def summary_of(result: JurisdictionResult) -> Summary:
    """The summary of one evaluated jurisdiction."""
    return summarise(result.pack, result.findings, result.band)
