"""Relevant markets: who is active (as sellers, or as buyers of labour and inputs), with what
share, which firms could enter, and what a decision reports about the market as a whole
when the per-firm shares are not known."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from trustbench.model.base import Base
from trustbench.model.closeness import Closeness
from trustbench.model.types import (
    BoundedCount,
    BoundedMoney,
    BoundedShare,
    EntityRef,
    Id,
    Share,
    SourceRef,
)


class Participant(Base):
    entity: EntityRef
    share: BoundedShare = Field(None, description="share of the market, or a bound: '60-70%'")
    sales: BoundedMoney | None = Field(
        None, description="sales (or purchases, in a buyer-side market) in this market"
    )
    source: SourceRef = None


class TopShare(Base):
    firms: int = Field(ge=1, description="the number of largest firms, e.g. 3")
    share: BoundedShare = Field(description="their combined share")


class Reported(Base):
    """Market structure as a decision or filing reports it, for when per-firm shares are not
    known. Each figure may be a bound (``"> 2,500"``) and names its source."""

    hhi_before: BoundedCount = Field(None, description="HHI points before the deal")
    hhi_after: BoundedCount = Field(None, description="HHI points after the deal")
    hhi_delta: BoundedCount = Field(None, description="the change in HHI points")
    combined_share: BoundedShare = Field(None, description="the parties' combined share")
    rank: int | None = Field(None, ge=1, description="the parties' combined rank (1 = largest)")
    significant_competitors: BoundedCount = Field(
        None, description="competitors other than the parties that exert real constraint"
    )
    top: TopShare | None = Field(None, description="the combined share of the N largest firms")
    source: SourceRef = None


class Excluded(Base):
    """A firm stated to be outside the market, as the decision defines it: it has no share
    there even when the list of participants is partial (a one-sided firm is not in the
    market of a two-sided transaction platform, Ohio v. American Express Co., 585 U.S. 529
    (2018); United States v. Sabre Corp., D. Del. 2020)."""

    entity: EntityRef
    note: str | None = Field(None, description="why it is outside, in the decision's terms")
    source: SourceRef = Field(description="the document that places it outside (required)")


class Entrant(Base):
    """A firm that is not (yet) in the market but could enter it."""

    entity: EntityRef
    kind: Literal["actual", "perceived"] = Field(
        description="actual: it would likely have entered; perceived: incumbents react to "
        "the threat that it might"
    )
    feasible_means: bool | None = Field(
        None,
        description="actual (MG 2023 § 2.4.A): it had the available feasible means to enter "
        "on its own (capabilities, assets); false decides that entry was not reasonably "
        "probable",
    )
    entry_likely: bool | None = Field(
        None,
        description="actual (§ 2.4.A): a reasonable probability that it would have entered "
        "other than through the merger (its own plans, documents and means)",
    )
    deconcentrating: bool | None = Field(
        None,
        description="actual (§ 2.4.A): its entry would likely have deconcentrated the market "
        "or brought other significant procompetitive effects",
    )
    perceived: bool | None = Field(
        None,
        description="perceived (§ 2.4.B): current market participants could reasonably "
        "consider it a potential entrant",
    )
    constraining: bool | None = Field(
        None,
        description="perceived (§ 2.4.B): that perception is likely to influence the conduct "
        "of firms in the market",
    )
    note: str | None = None
    source: SourceRef = None


class Market(Base):
    """A relevant market (product or input, geography) and who is active in it."""

    id: Id
    name: str
    kind: Literal["product", "input", "labour"] = "product"
    side: Literal["selling", "buying"] = Field(
        "selling",
        description="buying: the parties compete as buyers (labour, input purchasing) and "
        "shares are shares of purchases",
    )
    geography: str = "worldwide"
    participants: list[Participant] = Field(default_factory=list)
    partial: bool = Field(
        False,
        description="the participants listed are not all of them: an unlisted firm's share "
        "is unknown, not nil",
    )
    fringe: Share | None = Field(
        None, description="share held by firms too small to list (each adds ~0 to HHI)"
    )
    reported: Reported | None = None
    excluded: list[Excluded] = Field(
        default_factory=list,
        description="firms stated to be outside this market (no share here, even when the "
        "participants are partial): e.g. a one-sided firm and a two-sided platform's market",
    )
    potential_entrants: list[Entrant] | None = Field(
        None, description="firms that could enter ([] states that there are none)"
    )
    closeness: Closeness | None = Field(
        None, description="how closely the parties compete here: diversion, margins, documents"
    )
    note: str | None = None
    source: SourceRef = None

    @model_validator(mode="after")
    def _excluded_not_listed(self) -> Market:
        listed = {p.entity for p in self.participants}
        both = sorted(listed & {x.entity for x in self.excluded})
        if both:
            raise PydanticCustomError(
                "market",
                f"market {self.id!r} lists {', '.join(both)} both as a participant and as excluded",
                {"hint": "a firm is either active in the market or outside it; remove one"},
            )
        return self
