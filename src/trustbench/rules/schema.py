"""Pydantic models of rule packs: manifest, dated parameters, authorities, rules."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

FACTORS = (
    "filing",
    "control",
    "minority-stake",
    "board",
    "vertical",
    "information",
    "horizontal",
    "personnel",
)
Factor = Literal[
    "filing",
    "control",
    "minority-stake",
    "board",
    "vertical",
    "information",
    "horizontal",
    "personnel",
]
# The theories of harm the summary reports. A rule's ``theory`` refines its factor where the
# factor alone is too coarse (a horizontal rule about a potential entrant screens the loss of
# potential competition); without it the theory is the factor.
THEORIES = (
    "horizontal",
    "potential-competition",
    "vertical",
    "conglomerate",
    "information",
    "minority-stake",
    "buyer-side",
    "board",
    "personnel",
)
Theory = Literal[
    "horizontal",
    "potential-competition",
    "vertical",
    "conglomerate",
    "information",
    "minority-stake",
    "buyer-side",
    "board",
    "personnel",
]
Status = Literal["triggered", "not_triggered", "unknown"]


class Strict(BaseModel):
    # built when first used to validate: a run whose packs come from the pack cache never is
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class Band(Strict):
    band: str
    min: float = Field(description="the band applies from this score upwards")


class Disable(Strict):
    """Switch off an inherited rule (``rule: us.hsr.fee``) or definition
    (``rule: def.us.size_of_person_met``) — both by id — with the reason."""

    rule: str
    reason: str


class Manifest(Strict):
    """``pack.yaml``."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    jurisdiction: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    version: str
    extends: str | None = Field(None, description="a pack id or a path relative to this pack")
    uses: list[str] = Field(
        default_factory=list,
        description="ids of packs whose definitions, parameters and authorities this pack's "
        "rules may use (never their rules): another law a rule turns on, such as the EU "
        "dimension that takes a deal out of national merger control",
    )
    currency: str = "USD"
    paper: Literal["Letter", "A4"] = "A4"
    description: str | None = None
    bands: list[Band] = Field(default_factory=list)
    scoring_note: str | None = None
    notification: Literal["mandatory-suspensory", "voluntary"] | None = Field(
        None,
        description="the notification regime: mandatory-suspensory (a filing is required and "
        "the deal may not close before clearance) or voluntary (the authority has jurisdiction "
        "but notification is not mandatory)",
    )
    authority: str | None = Field(None, description="the reviewing authority, e.g. 'the CMA'")
    concept: str | None = Field(
        None,
        description="what the law calls a reviewable deal, in its own words, e.g. 'a "
        "concentration (EUMR Art. 3)'; the summary answers whether the deal is one",
    )
    disable: list[Disable] = Field(default_factory=list)
    primary_hosts: list[str] = Field(
        default_factory=list,
        description="the hosts of primary texts (legislation, official journals, the agencies' "
        "own guidance), e.g. eur-lex.europa.eu; a subdomain counts. `rules validate` flags an "
        "authority whose `url` is elsewhere (TB151). Empty: not checked",
    )


class Reference(Strict):
    """Where a value comes from: structured, never a free string."""

    title: str
    href: str | None = None
    pinpoint: str | None = None
    confidence: Literal["confirmed", "recalled", "derived"] = "confirmed"
    note: str | None = None
    date: dt.date | None = Field(None, description="the date from which the source holds")


class Bracket(Strict):
    """One step of a scale: from ``from`` (inclusive, "not less than") to the next step's
    ``from`` (exclusive), the scale gives ``value`` (``null``: not confirmed for that year)."""

    from_: float = Field(alias="from", allow_inf_nan=False)
    value: float | None = Field(allow_inf_nan=False)


class DatedValue(Strict):
    value: Any
    reference: Reference | None = None


class Parameter(Strict):
    """A parameter: values by effective date, a unit, a reference."""

    description: str
    unit: str
    type: Literal["double", "int", "bool", "string", "scale", "list"] = Field(
        "double",
        description="scale: each dated value is a list of brackets {from, value}, ascending; "
        "a condition reads it with scale(params.x, amount). list: each dated value is a list "
        "of strings (e.g. the Member States with a power), read with `in` or .exists()",
    )
    values: dict[dt.date, Any]
    reference: Reference
    replace: bool = Field(False, description="in an extending pack: replace the base series")
    dated_by: str | None = Field(
        None,
        description="a fact giving a date (ISO, on or before the case date): the value "
        "applied is the one in force on that date where the deal gives it — the HSR "
        "thresholds in force at the acquisition, not at the case date — else on the case date",
    )

    @field_validator("values")
    @classmethod
    def _not_empty(cls, v: dict[dt.date, Any]) -> dict[dt.date, Any]:
        if not v:
            raise ValueError("a parameter needs at least one dated value")
        return v


class Authority(Strict):
    """A citation. ``short`` is the short form (``15 U.S.C. § 18a``); ``pinpoint`` the
    provision relied on, which may refine the short form (``§ 18a(a)(2)``)."""

    short: str
    full: str
    pinpoint: str | None = None
    url: str | None = Field(None, description="the primary text, with the pinpoint if it has one")
    also: list[str] = Field(
        default_factory=list,
        description="secondary sources that support the citation (commentary, a consolidated "
        "copy); they never replace the primary text in `url`",
    )
    confidence: Literal["confirmed", "recalled", "derived"] = "confirmed"
    date: dt.date | None = Field(
        None,
        description="the date from which it holds: publication or entry into force; a "
        "guideline's publication; a Federal Register notice's effective date",
    )

    def cite(self) -> str:
        """The short form with the pinpoint merged in, never repeating a section."""
        if not self.pinpoint:
            return self.short
        core = self.pinpoint.strip().lstrip("§").strip()
        last = self.short.split()[-1].lstrip("§")
        if last and core.startswith(last):
            return self.short[: len(self.short) - len(last)] + core
        return f"{self.short}, {self.pinpoint.strip()}"


class Texts(Strict):
    triggered: str
    not_triggered: str
    unknown: str | None = None


class Example(Strict):
    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    facts: dict[str, Any] = Field(default_factory=dict)
    params: dict[str, Any] = Field(default_factory=dict)
    as_of: dt.date | None = None
    expect: Status
    boundary: list[str] = Field(
        default_factory=list,
        description="parameters (params.x) this example tests at the threshold, when no fact "
        "value equals the threshold itself (e.g. a threshold on a sum)",
    )


class Rule(Strict):
    """One rule file."""

    title: str
    factor: Factor
    theory: Theory | None = Field(
        None,
        description="the theory of harm the summary reports this rule under, where it refines "
        "the factor: potential-competition, buyer-side (labour and input purchasing) or "
        "conglomerate (entrenchment, portfolio effects); by default the factor itself",
    )
    kind: Literal["test", "flag", "note"] = Field(
        "test",
        description="test: a legal test, concluded met / not met / open; flag: a pattern "
        "raised for review, never concluded; note: information, with no conclusion line",
    )
    summary: Literal["filing", "control"] | None = Field(
        None,
        description="this rule answers the summary question 'filing required?' or "
        "'merger / control concept met?'",
    )
    each: Literal["market"] | None = Field(None, description="evaluate once per market")
    weight: float = Field(ge=0, allow_inf_nan=False)
    when: str
    test: str = Field(description="the legal test in words; may use {params.x}")
    finding: Texts
    conclusion: Texts | None = None
    cites: list[str] = Field(min_length=1)
    examples: list[Example] = Field(
        description="at least one that triggers and one that does not (lint TB140), and one "
        "at every numeric threshold (TB141)"
    )
    note: str | None = None
    note_date: dt.date | None = Field(
        None,
        description="the date of the latest material the note argues from (a memo as of an "
        "earlier date leaves the note out)",
    )


class DefinitionExample(Example):
    expect: Literal[True, False, "unknown"]  # type: ignore[assignment]


class Definition(Strict):
    """A named legal concept (``definitions/<name>.yaml``): a three-valued condition that
    rules and other definitions use as ``def.<jurisdiction>.<name>``."""

    title: str
    each: Literal["market"] | None = Field(
        None,
        description="market: a definition over one market's facts, usable only by rules "
        "evaluated once per market (`each: market`)",
    )
    when: str
    cites: list[str] = Field(min_length=1)
    examples: list[DefinitionExample] = Field(
        min_length=1, description="facts and the value (true, false or unknown) expected"
    )
    note: str | None = None
    note_date: dt.date | None = None
