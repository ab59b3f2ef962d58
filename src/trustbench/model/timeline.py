"""The timeline: dated events of the deal and of its review, in a controlled vocabulary.

Facts such as "closed before clearance" read it; the event types are fixed so that a typo
is an error with a did-you-mean, never an event silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from trustbench.model.base import Base
from trustbench.model.evidence import CommitmentTerms
from trustbench.model.types import BoundedShare, EntityRef, MarketRef, PersonRef, SourceRef

EventType = Literal[
    "announcement",
    "signing",
    "filing",
    "waiting_period_expiry",
    "clearance",
    "prohibition",
    "abandonment",
    "closing",
    "vote_cast",
    "veto_used",
    "instruction_given",
    "board_seat_taken",
    "board_seat_ended",
    "divestiture",
    "commitment",
    "referral_request",
    "referral_acceptance",
    "call_in",
    "individual_ban",
]
"""``filing`` is a notification (or a briefing paper the agency accepts as one);
``clearance`` an agency's decision that the deal may close (unconditionally or with
commitments, which are ``commitment`` events); ``waiting_period_expiry`` the end of a
statutory waiting period without a decision (HSR); ``vote_cast``, ``veto_used`` and
``board_seat_taken`` are exercises of rights the deal gives; ``instruction_given`` the
acquirer's side directing the target's business before closing — an instruction, or a consent
given or refused under the purchase agreement's interim covenants; ``individual_ban`` an order
against a person (e.g. barring a director)."""

HsrThreshold = Literal["50m", "100m", "500m", "25%", "50%"]
"""The notification thresholds of 16 CFR 801.1(h)(1)–(5), lowest first."""

PER_JURISDICTION = frozenset(
    {
        "filing",
        "waiting_period_expiry",
        "clearance",
        "prohibition",
        "referral_request",
        "referral_acceptance",
        "call_in",
    }
)
"""Event types that belong to one jurisdiction's review and must say which."""

EARLIEST = dt.date(1900, 1, 1)


class Event(Base):
    """A dated event of the deal or of its review."""

    date: dt.date
    type: EventType
    jurisdiction: str | None = Field(
        None, description="the review it belongs to: us, eu, uk, de, ... (filings, clearances)"
    )
    by: EntityRef | None = Field(None, description="who acted (voter, holder of a veto, ...)")
    person: PersonRef | None = Field(None, description="the director or individual concerned")
    company: EntityRef | None = Field(None, description="the company concerned (board seats)")
    market: MarketRef | None = Field(
        None, description="divestiture: the market whose overlap the divested business cures"
    )
    to: EntityRef | None = Field(None, description="divestiture: the buyer of the business")
    share: BoundedShare = Field(
        None, description="divestiture: the market share divested (default: all of `by`'s)"
    )
    threshold: HsrThreshold | None = Field(
        None,
        description="an HSR filing: the notification threshold of 16 CFR 801.1(h) it was made "
        "for ($50m, $100m or $500m as adjusted, 25 % or 50 %)",
    )
    earlier: bool = Field(
        False,
        description="a filing, or the end of its waiting period, for an earlier acquisition of "
        "the same issuer's voting securities, not for this deal (16 CFR 802.21)",
    )
    terms: CommitmentTerms | None = Field(
        None,
        description="commitment: what it binds the merged firm to (supply access, firewall "
        "channels) and how it is enforced; left out, it is recorded but cures nothing",
    )
    note: str | None = None
    source: SourceRef = None

    @field_validator("date")
    @classmethod
    def _not_ancient(cls, value: dt.date) -> dt.date:
        if value < EARLIEST:
            raise PydanticCustomError(
                "date",
                f"date {value.isoformat()} is before 1900",
                {"hint": "check the year; merger control began in the 20th century"},
            )
        return value

    @field_validator("jurisdiction")
    @classmethod
    def _lower(cls, value: str | None) -> str | None:
        return value.strip().lower() if value else value

    @model_validator(mode="after")
    def _names_the_seat(self) -> Event:
        if self.type == "board_seat_ended" and (self.person is None or self.company is None):
            raise PydanticCustomError(
                "event",
                "a board_seat_ended event needs the person and the company",
                {"hint": "add e.g. `person: jane-doe, company: widget`"},
            )
        return self

    @model_validator(mode="after")
    def _needs_jurisdiction(self) -> Event:
        if self.type in PER_JURISDICTION and not self.jurisdiction:
            raise PydanticCustomError(
                "event",
                f"a {self.type} event needs a jurisdiction",
                {"hint": "add e.g. `jurisdiction: eu`"},
            )
        return self
