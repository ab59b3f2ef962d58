"""Decided cases: what an agency or court found, against what trustbench finds on the same facts.

A decided case is two files in one folder (``cases/decided/`` for the built-in set):

- ``<slug>.yaml``, an ordinary deal file written from the decision's own facts, with sources;
- ``<slug>.decision.yaml``, what the decision found, question by question, each with the
  pinpoint in the decision that says so.

A question is asked in trustbench's own terms, so that a rule can be renamed or split without
touching the cases:

- ``notification`` — is a notification required (the UK: does the CMA have jurisdiction)?
  ``yes`` / ``no`` / ``open``;
- ``concept`` — is the deal a merger in that law's sense? ``yes`` / ``no`` / ``open``;
- ``theory:<name>`` — a theory of harm (``rules.schema.THEORIES``): ``raised`` (the agency or
  court found the harm, or found it likely enough to act on), ``not_raised`` (it examined the
  theory and rejected it), ``remedied`` (it found the harm and accepted a remedy that cures it);
- ``rule:<rule id>`` — one rule's outcome, for findings that are not a theory of harm (a
  gun-jumping violation, an interlock): ``triggered`` / ``not_triggered``.

A finding trustbench still gets wrong carries ``xfail:`` with the legal reason (the missing
fact or rule); the test suite runs it as a strict expected failure, so the day it agrees the
marker must go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

from trustbench.rules.schema import THEORIES

if TYPE_CHECKING:
    from trustbench.rules.evaluate import JurisdictionResult
    from trustbench.summary import Summary

__all__ = [
    "Case",
    "Comparison",
    "Decision",
    "Question",
    "compare",
    "load_cases",
]

Answer = Literal[
    "yes", "no", "open", "raised", "not_raised", "remedied", "triggered", "not_triggered"
]
_ANSWERS: dict[str, frozenset[str]] = {
    "notification": frozenset({"yes", "no", "open"}),
    "concept": frozenset({"yes", "no", "open"}),
    "theory": frozenset({"raised", "not_raised", "remedied"}),
    "rule": frozenset({"triggered", "not_triggered"}),
}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Decision(_Strict):
    title: str = Field(description="the decision's name, e.g. 'FTC v. Microsoft (Activision)'")
    forum: Literal["agency", "court"]
    reference: str = Field(description="case number or docket, e.g. 'M.10188' or '23-cv-2880'")
    date: dt.date = Field(description="the date of the decision")
    url: HttpUrl = Field(description="the decision on the agency's or court's own site")


class Question(_Strict):
    jurisdiction: str
    question: str = Field(description="notification | concept | theory:<name> | rule:<rule id>")
    found: Answer = Field(description="what the decision found, in trustbench's terms")
    pinpoint: str = Field(description="where the decision says so (paragraph, page)")
    xfail: str | None = Field(
        None, description="the legal reason trustbench still disagrees (a missing fact or rule)"
    )

    @field_validator("question")
    @classmethod
    def _known(cls, value: str) -> str:
        kind, _, name = value.partition(":")
        if kind not in _ANSWERS:
            raise ValueError(
                f"expected notification, concept, theory:<name> or rule:<id>, got {value!r}"
            )
        if kind == "theory" and name not in THEORIES:
            raise ValueError(f"unknown theory {name!r}; expected one of {', '.join(THEORIES)}")
        if kind == "rule" and not name:
            raise ValueError("rule: needs a rule id, e.g. rule:us.hsr.gun-jumping")
        if kind in ("notification", "concept") and name:
            raise ValueError(f"{kind} takes no name")
        return value

    @property
    def kind(self) -> str:
        return self.question.partition(":")[0]

    @property
    def label(self) -> str:
        return f"{self.jurisdiction} {self.question}"


class Case(_Strict):
    case: str = Field(description="the slug: the deal file is <slug>.yaml beside this file")
    kind: Literal["substantive", "procedural"]
    decision: Decision
    findings: tuple[Question, ...] = Field(min_length=1)
    path: Path | None = Field(None, exclude=True)

    @field_validator("findings")
    @classmethod
    def _answers_fit(cls, findings: tuple[Question, ...]) -> tuple[Question, ...]:
        for q in findings:
            if q.found not in _ANSWERS[q.kind]:
                allowed = " / ".join(sorted(_ANSWERS[q.kind]))
                raise ValueError(f"{q.label}: found must be {allowed}, got {q.found!r}")
        return findings

    @property
    def deal_path(self) -> Path:
        assert self.path is not None
        return self.path.with_name(f"{self.case}.yaml")


@dataclass(frozen=True)
class Comparison:
    case: Case
    question: Question
    trustbench: str  # trustbench's answer in the same terms, "missing" if it gives none

    @property
    def agrees(self) -> bool:
        return self.trustbench == self.question.found


def load_cases(folder: Path) -> list[Case]:
    """Every ``*.decision.yaml`` in ``folder``, sorted by file name. A folder that holds none
    (a relative path read from another working directory, a typo) is an error, never an
    empty scoreboard."""
    from trustbench.errors import TrustbenchError
    from trustbench.sources import display_path, load_document

    paths = sorted(folder.glob("*.decision.yaml"))
    if not paths:
        where = "no such folder" if not folder.is_dir() else "no *.decision.yaml in it"
        raise TrustbenchError(
            f"no decided cases: {where}",
            file=display_path(folder),
            hint=f"a relative folder is read from the working directory ({Path.cwd()})",
        )
    return [Case.model_validate({**load_document(path).data, "path": path}) for path in paths]


def compare(case: Case) -> list[Comparison]:
    """trustbench's answer to each of the decision's questions, on the case's deal file."""
    from trustbench.analysis import evaluate, load_packs
    from trustbench.model.load import load_deal
    from trustbench.summary import summary_of

    deal = load_deal(case.deal_path)
    analysis = evaluate(deal, load_packs(deal.case.jurisdictions))
    by_id = {r.id: r for r in analysis.results}
    out = []
    for q in case.findings:
        result = by_id.get(q.jurisdiction)
        answer = _answer(result, summary_of(result), q) if result is not None else "missing"
        out.append(Comparison(case, q, answer))
    return out


def _answer(result: JurisdictionResult, summary: Summary, q: Question) -> str:
    kind, _, name = q.question.partition(":")
    if kind == "notification":
        return str(summary.notification)
    if kind == "concept":
        return str(summary.concept)
    if kind == "theory":
        theory = next(t for t in summary.theories if t.factor == name)
        return str(theory.status)
    finding = next((f for f in result.findings if f.rule == name), None)
    return finding.status if finding is not None else "missing"
