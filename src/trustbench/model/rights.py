"""Rights over an issuer: vetoes, consents, information, appointments, membership."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from trustbench.model.base import Base
from trustbench.model.types import (
    EntityRef,
    SourceRef,
)

RightKind = Literal[
    "veto",
    "consent",
    "information",
    "board_appointment",
    "consultation",
    "exclusivity",
    "first_refusal",
    "membership",
    "sole_member",
    "trustee_appointment",
]


class Right(Base):
    """A veto, consent, information, board-appointment or exclusivity right. For bodies
    without shares: ``trustee_appointment`` (``seats`` trustees), ``sole_member`` (the only
    member of a non-profit, who elects its whole board) and ``membership`` (one member
    among several)."""

    holder: EntityRef
    issuer: EntityRef
    kind: RightKind
    matters: list[str] = Field(
        default_factory=list,
        description="e.g. budget, business_plan, senior_management, major_investments; "
        "pricing, contracts, ordinary_business (vetoes over the target's ordinary course)",
    )
    seats: int | None = Field(None, ge=0, description="seats the holder may appoint")
    joint_with: list[EntityRef] = Field(
        default_factory=list, description="others who hold the right only together with holder"
    )
    note: str | None = None
    source: SourceRef = None
