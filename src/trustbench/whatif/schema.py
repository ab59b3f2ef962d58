"""The JSON shape of the additive ``options`` and ``scenarios`` keys, as pydantic models.

``trustbench schema result`` can merge :func:`result_properties` into the result's schema;
the tests validate the finder's real output against these models, so the documentation
cannot drift from what ``whatif --format json`` prints.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["triggered", "not_triggered", "unknown"]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EffectDoc(_Doc):
    jurisdiction: str
    rule: str
    before: Status
    after: Status
    missing: list[str] = Field(description="facts the rule then needs, when left unknown")


class MoveDoc(_Doc):
    lever: str = Field(description="the lever's id in the catalogue")
    text: str
    value: float | None = Field(description="the value a continuous lever is set to")
    base: float | None = Field(description="the value the deal has")


class AnswersDoc(_Doc):
    filing: str
    control: str
    band: str
    score: float


class OptionDoc(_Doc):
    changes: list[dict[str, Any]] = Field(description="the patch, in the scenario vocabulary")
    moves: list[MoveDoc]
    verified: Literal[True] = Field(description="re-evaluated on the whole deal")
    effects: list[EffectDoc] = Field(description="every finding the option changes")
    answers: dict[str, AnswersDoc] = Field(description="per jurisdiction, under the option")


class TargetDoc(_Doc):
    jurisdiction: str
    rule: str
    status: Status
    goal: Literal["not_triggered", "decided", "brought_in"]
    options: list[OptionDoc] = Field(description="smallest first")
    deciding_facts: list[str] = Field(description="when no lever turns it")


class OutcomeDoc(_Doc):
    when: str
    status: Status


class FlipDoc(_Doc):
    jurisdiction: str
    rule: str
    subject: str | None
    decides: bool
    outcomes: list[OutcomeDoc]
    together_with: list[str]


class QuestionDoc(_Doc):
    fact: str
    question: str
    decides: int = Field(description="findings the answer decides on its own")
    findings: list[FlipDoc]


class OptionsDoc(_Doc):
    """The ``options`` key of ``trustbench whatif --format json``."""

    levers: list[str]
    evaluations: int = Field(description="patched deals evaluated")
    findings: list[TargetDoc]
    across: list[OptionDoc] = Field(
        description="options that improve some finding and worsen none, smallest first"
    )
    questions: list[QuestionDoc] = Field(description="most findings decided first")


class ScenarioDoc(_Doc):
    name: str
    description: str
    changes: list[dict[str, Any]]


def result_properties() -> dict[str, Any]:
    """JSON Schema properties to add to the result's schema."""
    return {
        "options": OptionsDoc.model_json_schema(),
        "scenarios": {"type": "array", "items": ScenarioDoc.model_json_schema()},
    }
