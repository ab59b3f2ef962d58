"""The analysis result as one typed, immutable document: the JSON contract of DESIGN.md.

``analyze --format json`` prints it, ``trustbench schema result`` prints its JSON Schema, and
everything downstream reads it. The models are frozen; keys listed in DESIGN.md never change
meaning, new keys are additive (``summary`` is one).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from trustbench.result_parts import (
    DealOut,
    FactDocOut,
    GraphOut,
    Out,
    SourceOut,
    Status,
    StructuringOut,
)

__all__ = [
    "DealOut",
    "FactDocOut",
    "FindingOut",
    "GraphOut",
    "JurisdictionOut",
    "OptionsDoc",
    "Result",
    "ScenarioDoc",
    "SourceOut",
    "StructuringOut",
    "SummaryOut",
]


class Doc(BaseModel):
    """The structuring options (``whatif``) and scenarios, documented for the schema."""

    model_config = ConfigDict(extra="forbid")


class ParamOut(Out):
    value: Any = Field(description="the value in force on the case date (null: not confirmed)")
    effective: str | None = Field(description="the date the value took effect (ISO 8601)")


class DecidedBy(Out):
    condition: str = Field(description="a top-level part of the rule's condition")
    status: Status


class FactUseOut(Out):
    """A fact a finding used, as the memo and ``--explain`` show it."""

    name: str
    value: Any
    shown: str = Field(description="the value as printed, with its unit")
    note: str | None
    sources: tuple[str, ...] = Field(description="deal-file source ids")
    in_condition: bool = Field(description="false: only the finding's text quotes it")


class InstanceOut(Out):
    subject: str | None
    status: Status
    text: str
    facts: dict[str, Any]
    missing: tuple[str, ...]
    used: tuple[FactUseOut, ...] | None = Field(None, description="detail: the facts used")
    reasoning: tuple[tuple[int, str, str], ...] | None = Field(
        None, description="detail: the condition's trace in this market"
    )


class BeforeOut(Out):
    status: Status
    text: str


class RemedyOut(Out):
    applied: tuple[str, ...] = Field(description="the remedies of the timeline, dated")
    before: BeforeOut = Field(description="the finding on the deal before the remedies")


class StepOut(Out):
    """A named definition or rule the condition uses directly: one reasoning step."""

    name: str
    title: str
    outcome: Literal["met", "not met", "open"]
    cites: tuple[str, ...] = Field(description="authority ids of the step's own citations")


class ParamUseOut(Out):
    name: str
    label: str | None = Field(description="the pack's description of the parameter")
    value: Any
    shown: str = Field(description="the value as printed, with its unit")
    effective: str | None
    reference: str = Field(description="the legal reference the pack gives the value")
    href: str | None = Field(None, description="a link to the reference")


class DetailOut(Out):
    """What the memo and ``--explain`` read besides the contract keys (rendered once)."""

    kind: Literal["test", "flag", "note"]
    file: str = Field(description="the rule's file")
    cites: tuple[str, ...] = Field(description="authority ids in the rule's order (footnoted so)")
    test: str = Field(description="the test the rule applies, in words")
    conclusion: str = Field(description="the rule's own conclusion text (may be empty)")
    used: tuple[FactUseOut, ...] = Field(description="condition facts first, then quoted ones")
    steps: tuple[StepOut, ...]
    params: tuple[ParamUseOut, ...]
    reasoning: tuple[tuple[int, str, str], ...] = Field(
        description="(depth, part of the condition, true | false | unknown), root first"
    )


class FindingOut(Out):
    rule: str = Field(description="the rule id (its path in the pack)")
    title: str
    factor: str
    theory: str = Field(
        description="the theory of harm the summary reports it under: the factor, or a "
        "refinement of it (potential-competition, buyer-side, conglomerate)"
    )
    status: Status
    weight: float
    text: str = Field(description="the finding, rendered from the rule's text template")
    cites: tuple[str, ...] = Field(description="authority ids, sorted")
    facts: dict[str, Any] = Field(description="fact name → value used")
    params: dict[str, ParamOut] = Field(description="parameter name → value and its date")
    missing: tuple[str, ...] = Field(description="facts that were unknown")
    sources: dict[str, tuple[str, ...]] = Field(description="fact name → deal-file source ids")
    decided_by: tuple[DecidedBy, ...]
    waiver: dict[str, str | None] | None = None
    remedy: RemedyOut | None = Field(
        None,
        description="present when the deal's timeline has a remedy: status and text are "
        "after it, `before` is the finding without it",
    )
    instances: tuple[InstanceOut, ...] | None = None
    detail: DetailOut | None = Field(None, description="present in a full result only")


class TheoryOut(Out):
    factor: str
    label: str
    status: Literal["raised", "not_raised", "open", "not_screened", "remedied"] = Field(
        description="remedied: raised on the deal as notified, not after the timeline's remedies"
    )
    rules: tuple[str, ...] = Field(description="the rules that raise it or leave it open")


Decision = Literal["yes", "no", "open", "not_screened"]


class SummaryOut(Out):
    regime: Literal["mandatory-suspensory", "voluntary", "unstated"]
    notification: Decision = Field(
        description="mandatory regimes: notification required; voluntary regimes: the "
        "authority has jurisdiction"
    )
    notification_text: str
    concept: Decision = Field(description="the deal is a merger in this law's sense")
    concept_text: str
    theories: tuple[TheoryOut, ...]
    band: str | None = Field(description="null when the pack screens no substantive theory")
    band_scope: tuple[str, ...] = Field(description="the theories the band rests on")


class PackRef(Out):
    id: str
    version: str


class DisabledOut(Out):
    rule: str
    reason: str
    pack: str


class AuthorityOut(Out):
    short: str = Field(description="the short form with its pinpoint")
    full: str
    date: str | None
    url: str | None
    confidence: Literal["confirmed", "recalled", "derived"]


class PackDetailOut(Out):
    name: str
    notification: str | None
    scoring_note: str | None
    paper: str
    section: bool = Field(description="the pack has its own memo section template")
    files: int
    digest: str = Field(description="SHA-256 over the pack's files (see report.appendix)")
    authorities: dict[str, AuthorityOut] = Field(description="every authority cited")
    disabled_at: dict[str, str] = Field(description="disabled rule → the `disable:` file:line")


class JurisdictionOut(Out):
    id: str
    name: str
    pack: PackRef
    score: float
    band: str
    filing: Literal["yes", "no", "unknown", "n/a"]
    control: Literal["yes", "no", "unknown", "n/a"]
    summary: SummaryOut
    findings: tuple[FindingOut, ...]
    disabled: tuple[DisabledOut, ...]
    detail: PackDetailOut | None = Field(None, description="present in a full result only")


class CaseOut(Out):
    id: str
    title: str
    as_of: str


# -- structuring options and scenarios (issue 15; additive keys) ----------------------


class EffectDoc(Doc):
    jurisdiction: str
    rule: str
    before: Status
    after: Status
    missing: list[str] = Field(description="facts the rule then needs, when left unknown")


class MoveDoc(Doc):
    lever: str = Field(description="the lever's id in the catalogue")
    text: str
    value: float | None = Field(description="the value a continuous lever is set to")
    base: float | None = Field(description="the value the deal has")


class AnswersDoc(Doc):
    filing: str
    control: str
    band: str
    score: float


class OptionDoc(Doc):
    changes: list[dict[str, Any]] = Field(description="the patch, in the scenario vocabulary")
    moves: list[MoveDoc]
    verified: Literal[True] = Field(description="re-evaluated on the whole deal")
    effects: list[EffectDoc] = Field(description="every finding the option changes")
    answers: dict[str, AnswersDoc] = Field(description="per jurisdiction, under the option")


class TargetDoc(Doc):
    jurisdiction: str
    rule: str
    status: Status
    goal: Literal["not_triggered", "decided", "brought_in"]
    options: list[OptionDoc] = Field(description="smallest first")
    deciding_facts: list[str] = Field(description="when no lever turns it")


class OutcomeDoc(Doc):
    when: str
    status: Status


class FlipDoc(Doc):
    jurisdiction: str
    rule: str
    subject: str | None
    decides: bool
    outcomes: list[OutcomeDoc]
    together_with: list[str]


class QuestionDoc(Doc):
    fact: str
    question: str
    decides: int = Field(description="findings the answer decides on its own")
    findings: list[FlipDoc]


class OptionsDoc(Doc):
    """The ``options`` key of ``trustbench whatif --format json``."""

    levers: list[str]
    evaluations: int = Field(description="patched deals evaluated")
    findings: list[TargetDoc]
    across: list[OptionDoc] = Field(
        description="options that improve some finding and worsen none, smallest first"
    )
    questions: list[QuestionDoc] = Field(description="most findings decided first")


class ScenarioDoc(Doc):
    name: str
    description: str
    changes: list[dict[str, Any]]


class Result(Out):
    """What ``trustbench analyze --format json`` prints (``whatif --format json`` adds
    ``options``)."""

    case: CaseOut
    trustbench: str = Field(description="the trustbench version")
    jurisdictions: tuple[JurisdictionOut, ...]
    scenarios: tuple[ScenarioDoc, ...] | None = Field(
        None, description="the deal file's named variants (absent when it has none)"
    )
    options: OptionsDoc | None = Field(
        None, description="verified structuring options (whatif only)"
    )
    deal: DealOut | None = Field(None, description="full result: the deal as the memo tells it")
    graph: GraphOut | None = Field(None, description="full result: the diagrams' data")
    catalogue: dict[str, FactDocOut] | None = Field(
        None, description="full result: the facts used or missing, documented"
    )
    structuring: StructuringOut | None = Field(
        None, description="full result: the memo's structuring options"
    )
