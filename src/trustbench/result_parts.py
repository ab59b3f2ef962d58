"""The parts of the full result the memo reads of the deal (additive keys of
:class:`trustbench.result.Result`, present in a full result only): the deal as told, the
diagrams' data, the facts' documentation and the verified structuring options."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["DealOut", "FactDocOut", "GraphOut", "Out", "SourceOut", "Status", "StructuringOut"]

Status = Literal["triggered", "not_triggered", "unknown"]


class Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# -- what the memo reads of the deal (additive; a full result only) --------------------


class PartyOut(Out):
    id: str
    name: str
    full_name: str
    note: str | None
    sources: tuple[str, ...]


class DealStepOut(Out):
    kind: str
    text: str = Field(description="the step in words, parties named")
    date: str | None
    note: str | None
    sources: tuple[str, ...]


class SourceOut(Out):
    id: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    note: str | None


class FxOut(Out):
    base: str = Field(description="1 unit of this currency ...")
    quote: str = Field(description="... is `rate` units of this one")
    rate: float
    date: str
    sources: tuple[str, ...]


class FileOut(Out):
    name: str = Field(description="the deal file's name (not its path)")
    sha256: str


class DealOut(Out):
    currency: str
    jurisdictions: tuple[str, ...]
    prepared_for: str | None
    summary: str | None
    later: str | None
    acquirer: PartyOut
    target: PartyOut
    names: dict[str, str] = Field(description="entity id → the name the memo uses")
    value: str | None
    consideration: str | None
    dates: dict[str, str] = Field(description="announced, signing, closing, filing → date")
    steps: tuple[DealStepOut, ...]
    sources: tuple[SourceOut, ...]
    fx: tuple[FxOut, ...]
    file: FileOut | None


class LinkOut(Out):
    source: str
    target: str
    category: Literal["own", "seat", "officer", "supply"]
    labels: tuple[str, ...]


class GraphOut(Out):
    """The transaction graph as the diagrams draw it: links merged per pair and category."""

    acquirer: str
    target: str
    start: tuple[str, ...] = Field(description="the parties present, where the drawing starts")
    people: tuple[str, ...] = Field(description="the entities that are persons")
    before: tuple[LinkOut, ...]
    after: tuple[LinkOut, ...]


class FactDocOut(Out):
    doc: str
    question: str | None
    topic: str
    type: str
    scope: str


class EffectOut(Out):
    jurisdiction: str
    rule: str
    before: Status
    after: Status


class BriefOptionOut(Out):
    change: str = Field(description="the moves, in words")
    result: Status | None = Field(description="the target finding under the option")
    effects: tuple[EffectOut, ...]


class TargetOut(Out):
    jurisdiction: str
    rule: str
    title: str
    status: Status
    brings_in: bool
    option: BriefOptionOut | None = Field(description="the smallest verified option")
    deciding: tuple[str, ...] = Field(description="facts that decide it, when no lever turns it")


class CellOut(Out):
    jurisdiction: str
    filing: str
    control: str
    theories: tuple[str, ...]
    band: str


class ScenarioOut(Out):
    name: str
    description: str
    cells: tuple[CellOut, ...]
    changes: tuple[EffectOut, ...]


class StructuringOut(Out):
    """Verified structuring options (trustbench.whatif), computed in the analysis stage."""

    evaluations: int
    targets: tuple[TargetOut, ...]
    across: tuple[BriefOptionOut, ...]
    scenarios: tuple[ScenarioOut, ...]
